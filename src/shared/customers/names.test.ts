import { describe, expect, it } from 'vitest';
import { companyNameSimilarity, normalizeCompanyName, trigramSimilarity, trigrams } from './names.js';

describe('normalizeCompanyName', () => {
  it.each([
    ['阿里巴巴（中国）有限公司', '阿里巴巴'],
    ['阿里巴巴(中国)网络技术有限公司', '阿里巴巴网络技术'],
    ['顺丰 速运 集团股份有限公司', '顺丰速运'],
    ['中国外运股份有限公司', '中国外运'],
    ['小米科技有限责任公司', '小米科技'],
    ['中国远洋海运集团有限公司', '中国远洋海运'],
    ['Kuehne + Nagel (China) Co., Ltd.', 'kuehne nagel'],
    ['ＳＦ　Ｅｘｐｒｅｓｓ　Ｃｏ．，Ｌｔｄ．', 'sf express'],
    ['ABC Logistics L.L.C.', 'abc logistics'],
    ['Acme Corporation', 'acme'],
    ['DB Schenker Group', 'db schenker'],
    ['  Maersk   A/S  ', 'maersk a s'],
  ])('%j → %j', (input, expected) => {
    expect(normalizeCompanyName(input)).toBe(expected);
  });

  it('keeps branches, industry words, holdings and places that tell companies apart', () => {
    expect(normalizeCompanyName('华润物流有限公司')).toBe('华润物流');
    expect(normalizeCompanyName('XX物流(上海)有限公司')).not.toBe(
      normalizeCompanyName('XX物流(深圳)有限公司'),
    );
    expect(normalizeCompanyName('XX物流有限公司上海分公司')).toBe('xx物流有限公司上海分');
    expect(normalizeCompanyName('Jardine Holdings Ltd')).toBe('jardine holdings');
    expect(normalizeCompanyName('深圳市腾讯计算机系统有限公司')).toBe('深圳市腾讯计算机系统');
  });

  it('never strips a name to nothing', () => {
    expect(normalizeCompanyName('有限公司')).toBe('有限公司');
    expect(normalizeCompanyName('集团')).toBe('集团');
    expect(normalizeCompanyName('Company')).toBe('company');
    expect(normalizeCompanyName('Group Ltd')).toBe('group');
  });

  it('makes the same company typed differently equal', () => {
    const spellings = ['京东物流集团', '京东物流 集团有限公司', '京东物流（中国）有限公司', ' 京东 物流 '];
    expect(new Set(spellings.map(normalizeCompanyName))).toEqual(new Set(['京东物流']));
  });
});

describe('trigramSimilarity agrees with PostgreSQL 15 pg_trgm similarity()', () => {
  // Right-hand values were read from `SELECT similarity(a, b)` on a C.UTF-8 database (float4).
  it.each([
    ['顺丰速运', '顺丰快递', 0.25],
    ['SF Express, Co.', 'sf express', 0.78571427],
    ['a', 'a', 1],
    ['', '', 0],
    ['word', 'two words', 0.36363637],
    ['中远海运物流', '中远海运集装箱运输', 0.30769232],
    ['kuehne nagel', 'kuehne and nagel', 0.7647059],
    ['ÄbC x-y_z', 'abc x y z', 0.53846157],
    ['京东物流', '京东', 0.33333334],
    ['deppon logistics', '德邦物流 deppon', 0.3181818],
    ['aaa', 'aaaa', 1],
    ['阿里巴巴', '阿里巴巴网络技术', 0.4],
  ])('similarity(%j, %j) = %d', (a, b, pg) => {
    expect(trigramSimilarity(a, b)).toBeCloseTo(pg, 6);
  });

  it('pads words like pg_trgm show_trgm()', () => {
    expect([...trigrams('a')].sort()).toEqual(['  a', ' a ']);
    expect([...trigrams('SF Express, Co.')].sort()).toEqual(
      [
        '  c',
        '  e',
        '  s',
        ' co',
        ' ex',
        ' sf',
        'co ',
        'ess',
        'exp',
        'pre',
        'res',
        'sf ',
        'ss ',
        'xpr',
      ].sort(),
    );
  });

  it('is symmetric and 1 for equal non-empty text', () => {
    expect(trigramSimilarity('德邦物流', '德邦快递')).toBe(trigramSimilarity('德邦快递', '德邦物流'));
    expect(trigramSimilarity('德邦物流', '德邦物流')).toBe(1);
    expect(trigramSimilarity('---', '---')).toBe(0);
  });
});

describe('companyNameSimilarity', () => {
  it('scores legal-form variants as equal and unrelated names low', () => {
    expect(companyNameSimilarity('顺丰速运有限公司', '顺丰速运(中国)股份有限公司')).toBe(1);
    expect(companyNameSimilarity('Kuehne + Nagel Ltd.', 'KUEHNE+NAGEL (CHINA) CO., LTD')).toBe(1);
    expect(companyNameSimilarity('顺丰速运有限公司', '德邦物流股份有限公司')).toBe(0);
  });
});
