import { describe, expect, it } from 'vitest';
import {
  guessMapping,
  guessTarget,
  HEADER_ALIASES,
  headerKey,
  IMPORT_TARGETS,
  layoutFingerprint,
  looksLikeHeader,
  splitHeader,
  validateMapping,
} from './mapping.js';

describe('header aliases', () => {
  it('gives every alias exactly one target', () => {
    const seen = new Map<string, string>();
    for (const target of IMPORT_TARGETS) {
      for (const alias of HEADER_ALIASES[target]) {
        const key = headerKey(alias);
        expect(seen.get(key), `${alias} → ${target} and ${seen.get(key)}`).toBeUndefined();
        seen.set(key, target);
      }
    }
  });
});

describe('guessMapping', () => {
  it('maps Chinese headers, ignoring brackets, marks and width', () => {
    const header = [
      '客户编码*',
      '客户名称（必填）',
      '英文名称',
      '统一社会信用代码',
      '省份',
      '城市',
      '地址',
      '行业',
      '规模',
      '客户来源',
      '客户经理',
      '状态',
      '客户等级',
      '标签',
      '账期(天)',
      '运输方式',
      '主要线路',
      '月均货量',
      '货量单位',
      '联系人',
      '职务',
      '手机号',
      '电话',
      '电子邮件',
      '微信',
      '首选渠道',
      '备注',
    ];
    expect(guessMapping(header).map((m) => m.target)).toEqual([
      'code',
      'name',
      'nameEn',
      'creditCode',
      'province',
      'city',
      'address',
      'industry',
      'size',
      'source',
      'ownerEmail',
      'status',
      'tier',
      'tags',
      'creditTermsDays',
      'transportModes',
      'lanes',
      'monthlyVolume',
      'volumeUnit',
      'contact.name',
      'contact.title',
      'contact.mobile',
      'contact.phone',
      'contact.email',
      'contact.wechatId',
      'contact.preferredChannel',
      null,
    ]);
  });

  it('maps English headers', () => {
    const header = [
      'Account Code',
      'Company Name',
      'Credit Code',
      'Owner Email',
      'Tier',
      'Credit Terms (days)',
      'E-mail',
      'Mobile Phone',
    ];
    expect(guessMapping(header).map((m) => m.target)).toEqual([
      'code',
      'name',
      'creditCode',
      'ownerEmail',
      'tier',
      'creditTermsDays',
      'contact.email',
      'contact.mobile',
    ]);
  });

  it('maps a target once, to the first column naming it', () => {
    expect(guessMapping(['编码', '客户代码', '名称'])).toEqual([
      { column: 0, header: '编码', target: 'code' },
      { column: 1, header: '客户代码', target: null },
      { column: 2, header: '名称', target: 'name' },
    ]);
  });

  it('does not mistake 单位 (employer) for a unit', () => {
    expect(guessTarget('单位')).toBeNull();
    expect(guessTarget('单位名称')).toBe('name');
  });
});

describe('layoutFingerprint', () => {
  it('ignores order, case, spacing and brackets but not the set of columns', () => {
    const a = layoutFingerprint(['客户编码', '客户名称', '账期(天)', 'E-mail']);
    expect(layoutFingerprint(['email', '账期（天）', ' 客户名称 ', '客户编码'])).toBe(a);
    expect(layoutFingerprint(['客户编码', '客户名称', '账期(天)'])).not.toBe(a);
    expect(a).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('splitHeader', () => {
  it('splits a million-row file (no call-stack overflow), as wide as its widest row', () => {
    const records = Array.from({ length: 1_000_001 }, (_, i) => ({
      line: i + 1,
      cells: i === 0 ? ['客户编码', '客户名称'] : i === 500_000 ? ['C', 'N', 'extra'] : ['C', 'N'],
    }));
    const split = splitHeader(records);
    expect(split.header).toEqual(['客户编码', '客户名称', '#3']);
    expect(split.rows).toHaveLength(1_000_000);
  });

  it('takes a first row of known headers as the header', () => {
    const split = splitHeader([
      { line: 1, cells: ['客户编码', '客户名称'] },
      { line: 2, cells: ['C1', '顺丰'] },
    ]);
    expect(split).toEqual({
      hasHeader: true,
      header: ['客户编码', '客户名称'],
      rows: [{ line: 2, cells: ['C1', '顺丰'] }],
    });
  });

  it('recognises a file without header and names columns #1, #2, …', () => {
    const records = [
      { line: 1, cells: ['C001', '顺丰速运有限公司', '13812345678'] },
      { line: 2, cells: ['C002', '德邦物流股份有限公司', '13912345678'] },
    ];
    expect(splitHeader(records)).toEqual({ hasHeader: false, header: ['#1', '#2', '#3'], rows: records });
  });

  it('takes unknown but header-like first rows as headers', () => {
    expect(looksLikeHeader(['Firma', 'Telefon'], ['Acme', '+49 30 1234567'])).toBe(true);
    expect(looksLikeHeader(['Acme', '+49 30 1234567'], ['Best', '+49 30 7654321'])).toBe(false);
  });

  it('lets the caller force the decision and fills blank header cells', () => {
    const split = splitHeader(
      [
        { line: 1, cells: ['a', '', 'c'] },
        { line: 2, cells: ['1', '2', '3', '4'] },
      ],
      true,
    );
    expect(split.header).toEqual(['a', '#2', 'c', '#4']);
  });
});

describe('validateMapping', () => {
  const m = (...targets: (string | null)[]) => targets.map((target, i) => ({ header: `h${i}`, target }));

  it('refuses a file whose columns map to nothing', () => {
    expect(validateMapping(m(null, null))).toEqual([{ code: 'mapping.nothing_mapped' }]);
  });

  it('requires a name, and the code when rows are matched by code', () => {
    expect(validateMapping(m('code', 'city'))).toEqual([{ code: 'mapping.name_missing' }]);
    expect(validateMapping(m('name'), { requireCode: true })).toEqual([{ code: 'mapping.code_missing' }]);
    expect(validateMapping(m('code', 'nameEn'), { requireCode: true })).toEqual([]);
  });

  it('refuses a target mapped twice, unknown targets and contact fields without a contact name', () => {
    expect(validateMapping(m('name', 'name', 'shoeSize', 'contact.mobile', 'contact.email'))).toEqual([
      { code: 'mapping.unknown_target', headers: ['h2'], target: 'shoeSize' },
      { code: 'mapping.duplicate_target', headers: ['h0', 'h1'], target: 'name' },
      { code: 'mapping.contact_name_missing', headers: ['h3', 'h4'] },
    ]);
  });
});
