import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CREDIT_CODE_ALPHABET,
  completeCreditCode,
  creditCodeCheckChar,
  isValidCreditCode,
  normalizeCreditCode,
  orgCodeCheckChar,
  validateCreditCode,
} from './creditCode.js';

/** Codes published by the companies themselves (business licences, annual reports). */
const PUBLISHED = {
  'Alibaba (China) Co., Ltd. 阿里巴巴（中国）有限公司': '91330100716105852F',
  'Shenzhen Tencent Computer Systems 深圳市腾讯计算机系统有限公司': '91440300708461136T',
  'Huawei Technologies 华为技术有限公司': '914403001922038216',
  'Xiaomi Technology 小米科技有限责任公司': '91110108551385082Q',
  'Beijing Baidu Netcom 北京百度网讯科技有限公司': '91110000802100433B',
  'China Mobile Communications Group 中国移动通信集团有限公司': '91110000710925243K',
  'China National Petroleum Corporation 中国石油天然气集团有限公司': '91110000100010433L',
  'Kweichow Moutai 贵州茅台酒股份有限公司': '91520000214434146R',
  'BYD 比亚迪股份有限公司': '91440300192317458F',
};

describe('check characters', () => {
  it('computes the GB 11714 organisation-code check by hand for Tencent', () => {
    // 7·3 + 0·7 + 8·9 + 4·10 + 6·5 + 1·8 + 1·4 + 3·2 = 181; 181 mod 11 = 5; 11 − 5 = 6
    expect(orgCodeCheckChar('70846113')).toBe('6');
  });
  it('maps organisation-code check 10 to X and 11 to 0', () => {
    expect(orgCodeCheckChar('00000001')).toBe('9'); // 1·2 = 2 → 11 − 2
    expect(orgCodeCheckChar('00000005')).toBe('1'); // 5·2 = 10 → 11 − 10
    expect(orgCodeCheckChar('00000006')).toBe('X'); // 6·2 = 12 ≡ 1 → 11 − 1 = 10
    expect(orgCodeCheckChar('00000000')).toBe('0'); // 0 → 11 − 0 = 11
  });
  it('computes the overall check of Huawei by hand', () => {
    // weights 3^(i−1) mod 31, written out so the table itself is checked
    const first17 = '91440300192203821';
    const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
    const sum = [...first17].reduce((s, ch, i) => s + CREDIT_CODE_ALPHABET.indexOf(ch) * weights[i], 0);
    expect(CREDIT_CODE_ALPHABET[(31 - (sum % 31)) % 31]).toBe('6');
    expect(creditCodeCheckChar(first17)).toBe('6');
  });
});

describe('validateCreditCode', () => {
  for (const [company, code] of Object.entries(PUBLISHED)) {
    it(`accepts the published code of ${company}`, () => {
      expect(validateCreditCode(code)).toEqual({ ok: true, code });
    });
  }

  it('normalises what people paste: lower case, full width, spaces, dashes', () => {
    expect(normalizeCreditCode(' 9144 0300-7084 6113 6t ')).toBe('91440300708461136T');
    expect(normalizeCreditCode('９１４４０３００７０８４６１１３６Ｔ')).toBe('91440300708461136T');
    expect(isValidCreditCode('91440300708461136t')).toBe(true);
  });

  it('rejects wrong lengths', () => {
    expect(validateCreditCode('')).toMatchObject({ ok: false, reason: 'credit_code.length' });
    expect(validateCreditCode('91440300708461136')).toMatchObject({
      ok: false,
      reason: 'credit_code.length',
    });
    expect(validateCreditCode('91440300708461136TT')).toMatchObject({
      ok: false,
      reason: 'credit_code.length',
    });
  });

  it('rejects the excluded letters I, O, Z, S, V and other characters, naming the position', () => {
    for (const ch of ['I', 'O', 'Z', 'S', 'V', '*', '中']) {
      expect(validateCreditCode(`91440300708461136${ch}`)).toEqual({
        ok: false,
        code: `91440300708461136${ch}`,
        reason: 'credit_code.charset',
        position: 18,
      });
    }
    expect(validateCreditCode('9144O300708461136T')).toMatchObject({
      reason: 'credit_code.charset',
      position: 5,
    });
  });

  it('rejects unknown authorities and types', () => {
    expect(validateCreditCode(completeCreditCode('B144030070846113'))).toMatchObject({
      reason: 'credit_code.authority',
    });
    expect(validateCreditCode(completeCreditCode('9444030070846113'))).toMatchObject({
      reason: 'credit_code.type',
    });
    expect(validateCreditCode(completeCreditCode('5344030070846113')).ok).toBe(true); // 民政 · 基金会
    expect(validateCreditCode(completeCreditCode('9244030070846113')).ok).toBe(true); // 个体工商户
  });

  it('rejects divisions outside GB/T 2260 provinces and letters in the division', () => {
    expect(validateCreditCode(completeCreditCode('9199030070846113'))).toMatchObject({
      reason: 'credit_code.division',
    });
    expect(validateCreditCode(completeCreditCode('91440A0070846113'))).toMatchObject({
      reason: 'credit_code.division',
    });
    expect(validateCreditCode(completeCreditCode('1110000000001312')).ok).toBe(true); // central level
  });

  it('rejects a wrong organisation-code check character', () => {
    expect(validateCreditCode('91440300708461137T')).toMatchObject({
      reason: 'credit_code.org_code_check',
      position: 17,
    });
  });

  it('rejects a wrong overall check character', () => {
    expect(validateCreditCode('91440300708461136U')).toMatchObject({
      reason: 'credit_code.check_char',
      position: 18,
    });
  });

  it('builds valid codes with completeCreditCode', () => {
    expect(completeCreditCode('9144030070846113')).toBe('91440300708461136T');
  });

  it('detects every single-character change in the organisation body or check character', () => {
    const base = PUBLISHED['BYD 比亚迪股份有限公司'];
    for (let pos = 8; pos < 18; pos++) {
      for (const ch of CREDIT_CODE_ALPHABET) {
        if (ch === base[pos]) continue;
        const mutated = base.slice(0, pos) + ch + base.slice(pos + 1);
        expect(validateCreditCode(mutated).ok, mutated).toBe(false);
      }
    }
  });

  it('detects every adjacent transposition in a constructed valid code', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('91', '92', '93', '12', '52', 'N2', 'Y1'),
        fc.constantFrom('110105', '310115', '440300', '510100', '650100'),
        fc.stringMatching(/^[0-9A-HJ-NP-RTUWXY]{8}$/),
        (head, division, body) => {
          const code = completeCreditCode(head + division + body);
          expect(validateCreditCode(code).ok).toBe(true);
          for (let i = 0; i < 17; i++) {
            if (code[i] === code[i + 1]) continue;
            const swapped = code.slice(0, i) + code[i + 1] + code[i] + code.slice(i + 2);
            expect(validateCreditCode(swapped).ok, swapped).toBe(false);
          }
        },
      ),
    );
  });
});
