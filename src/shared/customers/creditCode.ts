/**
 * Unified social credit code (统一社会信用代码), GB 32100-2015.
 *
 * Layout of the 18 characters:
 *   1      registration authority (登记管理部门代码)
 *   2      organisation type within that authority (机构类别代码)
 *   3–8    administrative division of the registering office (登记管理机关行政区划码, GB/T 2260)
 *   9–17   organisation code (主体标识码): 8 characters + GB 11714 check character
 *   18     overall check character, weights 3^(i−1) mod 31 over the 31-character alphabet
 */

/** The 31 characters of the code alphabet; a character's index is its value. I, O, Z, S, V are excluded. */
export const CREDIT_CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** Registration authorities and the organisation types each may issue (GB 32100-2015 table 1 and amendments). */
export const CREDIT_CODE_AUTHORITIES: Readonly<Record<string, string>> = {
  '1': '1239', // 机构编制: 机关, 事业单位, 编办直管群众团体, 其他
  '2': '19', // 外交: 外国常驻新闻机构, 其他
  '3': '1234569', // 司法行政: 律师执业机构, 公证处, 基层法律服务所, 司法鉴定机构, 仲裁委员会, …
  '4': '19', // 文化: 外国在华文化中心, 其他
  '5': '1239', // 民政: 社会团体, 民办非企业单位, 基金会, 其他
  '6': '129', // 旅游: 外国/港澳台旅游部门常驻代表机构, 其他
  '7': '129', // 宗教: 宗教活动场所, 宗教院校, 其他
  '8': '19', // 工会: 基层工会, 其他
  '9': '123', // 工商(市场监管): 企业, 个体工商户, 农民专业合作社
  A: '19', // 中央军委改革和编制办公室: 军队事业单位, 其他
  N: '1239', // 农业: 组级, 村级, 乡镇级集体经济组织, 其他
  Y: '1', // 其他
};

/** First two digits of the division code: provinces of GB/T 2260, plus 10 for registrations at central level. */
const DIVISION_PREFIXES = new Set(
  '10 11 12 13 14 15 21 22 23 31 32 33 34 35 36 37 41 42 43 44 45 46 50 51 52 53 54 61 62 63 64 65 71 81 82'.split(
    ' ',
  ),
);

export const CREDIT_CODE_REASONS = [
  'credit_code.length',
  'credit_code.charset',
  'credit_code.authority',
  'credit_code.type',
  'credit_code.division',
  'credit_code.org_code_check',
  'credit_code.check_char',
] as const;
export type CreditCodeReason = (typeof CREDIT_CODE_REASONS)[number];

export type CreditCodeResult =
  | { ok: true; code: string }
  | { ok: false; code: string; reason: CreditCodeReason; position?: number };

const ORG_CODE_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/** Value of a character in GB 11714: digits 0–9, letters A=10 … Z=35. */
function orgCodeValue(ch: string): number {
  const c = ch.charCodeAt(0);
  return c <= 57 ? c - 48 : c - 55;
}

/** GB 11714 check character of the 8-character organisation code body: 0–9 or X. */
export function orgCodeCheckChar(body: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += orgCodeValue(body[i]) * ORG_CODE_WEIGHTS[i];
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

/** Check character (position 18) of the first 17 characters. */
export function creditCodeCheckChar(first17: string): string {
  let sum = 0;
  let weight = 1;
  for (let i = 0; i < 17; i++) {
    sum += CREDIT_CODE_ALPHABET.indexOf(first17[i]) * weight;
    weight = (weight * 3) % 31;
  }
  return CREDIT_CODE_ALPHABET[(31 - (sum % 31)) % 31];
}

/**
 * What people type or paste: trims, drops spaces and dashes inside, converts full-width characters and
 * upper-cases. Does not validate.
 */
export function normalizeCreditCode(input: string): string {
  return input
    .replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000-]/g, '')
    .toUpperCase();
}

/**
 * Validates a unified social credit code after {@link normalizeCreditCode}; on failure names the first
 * problem found (in the order length, charset, authority, type, division, org-code check, check char) and
 * its 1-based position where one applies.
 */
export function validateCreditCode(input: string): CreditCodeResult {
  const code = normalizeCreditCode(input);
  if (code.length !== 18) return { ok: false, code, reason: 'credit_code.length' };
  for (let i = 0; i < 18; i++) {
    if (!CREDIT_CODE_ALPHABET.includes(code[i])) {
      return { ok: false, code, reason: 'credit_code.charset', position: i + 1 };
    }
  }
  const types = CREDIT_CODE_AUTHORITIES[code[0]];
  if (types === undefined) return { ok: false, code, reason: 'credit_code.authority', position: 1 };
  if (!types.includes(code[1])) return { ok: false, code, reason: 'credit_code.type', position: 2 };
  const division = code.slice(2, 8);
  if (!/^\d{6}$/.test(division) || !DIVISION_PREFIXES.has(division.slice(0, 2))) {
    return { ok: false, code, reason: 'credit_code.division', position: 3 };
  }
  if (orgCodeCheckChar(code.slice(8, 16)) !== code[16]) {
    return { ok: false, code, reason: 'credit_code.org_code_check', position: 17 };
  }
  if (creditCodeCheckChar(code.slice(0, 17)) !== code[17]) {
    return { ok: false, code, reason: 'credit_code.check_char', position: 18 };
  }
  return { ok: true, code };
}

export function isValidCreditCode(input: string): boolean {
  return validateCreditCode(input).ok;
}

/**
 * Appends both check characters to the first 16 characters (authority, type, division, 8-character
 * organisation code body) — for factories and demo data.
 * @example completeCreditCode('9144030070846113') === '91440300708461136T'
 */
export function completeCreditCode(first16: string): string {
  const withOrgCheck = first16 + orgCodeCheckChar(first16.slice(8, 16));
  return withOrgCheck + creditCodeCheckChar(withOrgCheck);
}
