import { describe, expect, it } from 'vitest';
import { guessMapping } from './mapping.js';
import { repeatedValues, validateRows } from './rowValidation.js';
import type { TableRecord } from './table.js';

const HEADER = [
  '客户编码',
  '客户名称',
  '统一社会信用代码',
  '客户等级',
  '账期(天)',
  '运输方式',
  '主要线路',
  '月均货量',
  '负责人',
  '联系人',
  '手机',
  '邮箱',
];
const mapping = guessMapping(HEADER);
const row = (line: number, ...cells: string[]): TableRecord => ({ line, cells });

describe('validateRows', () => {
  it('turns a good row into account and primary contact input', () => {
    const result = validateRows(
      [
        row(
          2,
          'C001',
          '顺丰速运有限公司',
          '91440300708461136t',
          '重点客户',
          '30天',
          '快递、空运',
          '深圳→上海',
          '1,200票',
          'Li.Wei@Example.com',
          '王芳',
          '138 1234 5678',
          'wang@sf-express.com',
        ),
      ],
      mapping,
    );
    expect(result.errors).toEqual([]);
    expect(result.badLines).toEqual([]);
    expect(result.rows).toEqual([
      {
        line: 2,
        account: {
          code: 'C001',
          nameZh: '顺丰速运有限公司',
          creditCode: '91440300708461136T',
          status: 'prospect',
          tier: 'key',
          tags: [],
          creditTermsDays: 30,
          transportNeeds: {
            modes: ['express', 'air'],
            lanes: [{ origin: '深圳', destination: '上海' }],
            monthlyVolume: { amount: 1200, unit: 'shipments' },
          },
        },
        contact: {
          name: '王芳',
          mobile: '+8613812345678',
          email: 'wang@sf-express.com',
          isPrimary: true,
          portalAccess: false,
        },
        ownerEmail: 'li.wei@example.com',
      },
    ]);
  });

  it('puts a Latin name into nameEn and leaves the contact out when its cells are empty', () => {
    const result = validateRows([row(2, 'C002', 'Kuehne + Nagel Ltd.')], mapping);
    expect(result.rows[0].account.nameEn).toBe('Kuehne + Nagel Ltd.');
    expect(result.rows[0].account.nameZh).toBeUndefined();
    expect(result.rows[0].contact).toBeNull();
  });

  it('reports every error of a row with line, column header, field and code', () => {
    const result = validateRows(
      [
        row(
          7,
          'C 3',
          '',
          '91440300708461136U',
          'VIP',
          '月结',
          '海运、马车',
          '上海',
          '30',
          'li.wei@',
          '',
          '010-12345678',
          'wang@',
        ),
      ],
      mapping,
    );
    expect(result.rows).toEqual([]);
    expect(result.badLines).toEqual([7]);
    expect(result.errors).toEqual(
      expect.arrayContaining([
        { line: 7, column: '账期(天)', field: 'creditTermsDays', code: 'import.not_a_number' },
        { line: 7, column: '主要线路', field: 'transportNeeds.lanes', code: 'import.lane_format' },
        {
          line: 7,
          column: '月均货量',
          field: 'transportNeeds.monthlyVolume',
          code: 'import.volume_unit_missing',
        },
        { line: 7, column: '客户编码', field: 'code', code: 'account.code_format' },
        {
          line: 7,
          column: '统一社会信用代码',
          field: 'creditCode',
          code: 'credit_code.check_char',
          params: { position: 18 },
        },
        { line: 7, column: '客户等级', field: 'tier', code: 'invalid_option' },
        { line: 7, column: '运输方式', field: 'transportNeeds.modes.1', code: 'invalid_option' },
        { line: 7, column: '客户名称', field: 'nameZh', code: 'account.name_required' },
        { line: 7, column: '联系人', field: 'contact.name', code: 'required' },
        { line: 7, column: '手机', field: 'contact.mobile', code: 'phone.not_mobile' },
        { line: 7, column: '邮箱', field: 'contact.email', code: 'email.invalid' },
        { line: 7, column: '负责人', field: 'ownerEmail', code: 'email.invalid' },
      ]),
    );
    expect(result.errors).toHaveLength(12);
  });

  it('reports each line of a repeated account code, bad rows included, and keeps the other rows', () => {
    const result = validateRows(
      [
        row(2, 'C001', '顺丰速运'),
        row(3, 'C002', '德邦物流'),
        row(4, 'c001', '顺丰速运(深圳)'),
        row(5, 'C001', ''),
        row(6, 'C003', '京东物流'),
      ],
      mapping,
    );
    const duplicates = result.errors.filter((e) => e.code === 'import.duplicate_code');
    expect(duplicates).toEqual(
      [2, 4, 5].map((line) => ({
        line,
        column: '客户编码',
        field: 'code',
        code: 'import.duplicate_code',
        params: { value: 'C001', lines: [2, 4, 5] },
      })),
    );
    expect(result.badLines).toEqual([2, 4, 5]);
    expect(result.rows.map((r) => r.line)).toEqual([3, 6]);
  });

  it('warns about a credit code on several lines', () => {
    const result = validateRows(
      [row(2, 'C1', '腾讯', '91440300708461136T'), row(3, 'C2', '腾讯科技', '9144 0300 7084 6113 6T')],
      mapping,
    );
    expect(result.errors).toEqual([]);
    expect(result.warnings.map((w) => [w.line, w.code])).toEqual([
      [2, 'import.duplicate_credit_code'],
      [3, 'import.duplicate_credit_code'],
    ]);
    expect(result.rows).toHaveLength(2);
  });

  it('carries reader issues by header and does not repeat errors for a blanked cell', () => {
    const result = validateRows([row(2, 'C1', ''), row(3, 'C2', '=A1')], mapping, [
      {
        code: 'cell.too_long',
        severity: 'error',
        line: 2,
        column: 1,
        params: { maxLength: 1000, length: 10000 },
      },
      { code: 'xlsx.formula', severity: 'warning', line: 3, column: 1, params: { formula: 'A1' } },
    ]);
    expect(result.errors).toEqual([
      {
        line: 2,
        column: '客户名称',
        field: null,
        code: 'cell.too_long',
        params: { maxLength: 1000, length: 10000 },
      },
    ]);
    expect(result.warnings).toEqual([
      { line: 3, column: '客户名称', field: null, code: 'xlsx.formula', params: { formula: 'A1' } },
    ]);
    expect(result.rows.map((r) => r.line)).toEqual([3]);
  });
});

describe('repeatedValues', () => {
  it('lists every line of values seen more than once', () => {
    expect(
      repeatedValues([
        [1, 'a'],
        [2, 'b'],
        [3, 'a'],
      ]),
    ).toEqual([
      { line: 1, value: 'a', lines: [1, 3] },
      { line: 3, value: 'a', lines: [1, 3] },
    ]);
  });
});
