import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { readImportFile } from './readImportFile.js';

/** Fixtures are written by the tests: the same accounts in every encoding and format. */
const HEADER = ['客户编码', '客户名称', '统一社会信用代码', '城市', '客户等级', '联系人', '手机', '邮箱'];
const ROWS = [
  [
    'C001',
    '深圳市腾讯计算机系统有限公司',
    '91440300708461136T',
    '深圳',
    '战略客户',
    '马化腾',
    '13812345678',
    'pony@tencent.com',
  ],
  ['C002', '华为技术有限公司', '914403001922038216', '深圳', '重点', '任正非', '+86 139 1234 5678', ''],
  ['C003', 'Kuehne + Nagel Ltd.', '', '上海', 'general', '', '', ''],
];
const csvText = (rows: string[][], delimiter = ',') =>
  `${rows.map((r) => r.map((c) => (c.includes(delimiter) || c.includes('"') ? `"${c.replace(/"/g, '""')}"` : c)).join(delimiter)).join('\r\n')}\r\n`;
const utf8 = (s: string) => new TextEncoder().encode(s);

async function expectThreeAccounts(bytes: Uint8Array, options = {}) {
  const result = await readImportFile(bytes, options);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  expect(result.rows.errors).toEqual([]);
  expect(
    result.rows.rows.map((r) => [
      r.line,
      r.account.code,
      r.account.nameZh ?? r.account.nameEn,
      r.account.tier,
    ]),
  ).toEqual([
    [2, 'C001', '深圳市腾讯计算机系统有限公司', 'strategic'],
    [3, 'C002', '华为技术有限公司', 'key'],
    [4, 'C003', 'Kuehne + Nagel Ltd.', 'general'],
  ]);
  expect(result.rows.rows[1].contact?.mobile).toBe('+8613912345678');
  return result;
}

describe('readImportFile', () => {
  it('reads a GBK CSV', async () => {
    const result = await expectThreeAccounts(iconv.encode(csvText([HEADER, ...ROWS]), 'gbk'));
    expect(result).toMatchObject({ format: 'csv', encoding: 'gb18030', delimiter: ',', hasHeader: true });
  });

  it('reads a UTF-8 CSV with BOM', async () => {
    const bom = Uint8Array.of(0xef, 0xbb, 0xbf);
    const result = await expectThreeAccounts(Uint8Array.from([...bom, ...utf8(csvText([HEADER, ...ROWS]))]));
    expect(result).toMatchObject({ encoding: 'utf-8' });
  });

  it('reads a semicolon CSV', async () => {
    const result = await expectThreeAccounts(utf8(csvText([HEADER, ...ROWS], ';')));
    expect(result).toMatchObject({ delimiter: ';' });
  });

  it('reads an XLSX written by exceljs', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('客户');
    for (const r of [HEADER, ...ROWS]) sheet.addRow(r);
    const result = await expectThreeAccounts(new Uint8Array(await workbook.xlsx.writeBuffer()));
    expect(result).toMatchObject({ format: 'xlsx', sheetName: '客户' });
  });

  it('gives the same fingerprint to the same layout in any format', async () => {
    const gbk = await readImportFile(iconv.encode(csvText([HEADER, ...ROWS]), 'gbk'));
    const semicolon = await readImportFile(
      utf8(csvText([[...HEADER].reverse(), ...ROWS.map((r) => [...r].reverse())], ';')),
    );
    expect(gbk.fingerprint).toBe(semicolon.fingerprint);
  });

  it('refuses a file without header until the user maps its columns', async () => {
    const bytes = utf8(csvText(ROWS));
    const guessed = await readImportFile(bytes);
    expect(guessed).toMatchObject({
      ok: false,
      hasHeader: false,
      header: ['#1', '#2', '#3', '#4', '#5', '#6', '#7', '#8'],
    });
    expect(guessed.ok === false && guessed.issues).toEqual([{ code: 'mapping.nothing_mapped' }]);

    const mapped = await readImportFile(bytes, {
      mapping: [
        { header: '#1', target: 'code' },
        { header: '#2', target: 'name' },
        { header: '#5', target: 'tier' },
      ],
    });
    expect(mapped.ok && mapped.rows.rows.map((r) => [r.line, r.account.code])).toEqual([
      [1, 'C001'],
      [2, 'C002'],
      [3, 'C003'],
    ]);
  });

  it('refuses a file whose columns map to nothing', async () => {
    const result = await readImportFile(utf8('Farbe,Größe\nrot,42\n'));
    expect(result).toMatchObject({ ok: false, issues: [{ code: 'mapping.nothing_mapped' }] });
  });

  it('requires the code column in create-or-update mode', async () => {
    const result = await readImportFile(utf8('客户名称\n顺丰\n'), { requireCode: true });
    expect(result).toMatchObject({ ok: false, issues: [{ code: 'mapping.code_missing' }] });
  });

  it('reports a 10,000-character cell on its line and column', async () => {
    const rows = [HEADER, ROWS[0], ['C002', '华为技术有限公司', '', '深'.repeat(10_000), '', '', '', '']];
    const result = await readImportFile(utf8(csvText(rows)));
    expect(result.ok && result.rows.errors).toEqual([
      {
        line: 3,
        column: '城市',
        field: null,
        code: 'cell.too_long',
        params: { maxLength: 1000, length: 10_000 },
      },
    ]);
    expect(result.ok && result.rows.rows.map((r) => r.line)).toEqual([2]);
  });

  it('warns about formulas in CSV cells and takes cached results from XLSX', async () => {
    const csv = await readImportFile(
      utf8('客户编码,客户名称\nC1,"=HYPERLINK(""http://evil.example"",""x"")"\n'),
    );
    expect(csv.ok && csv.rows.warnings).toEqual([
      { line: 2, column: '客户名称', field: null, code: 'csv.formula' },
    ]);

    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('客户');
    sheet.addRow(['客户编码', '客户名称']);
    sheet.addRow(['C1', { formula: 'CONCAT("顺丰","速运")', result: '顺丰速运' }]);
    sheet.addRow(['C2', { formula: 'B2&"物流"' }]);
    const xlsx = await readImportFile(new Uint8Array(await workbook.xlsx.writeBuffer()));
    if (!xlsx.ok) throw new Error('expected ok');
    expect(xlsx.rows.rows.map((r) => r.account.nameZh)).toEqual(['顺丰速运']);
    expect(xlsx.rows.warnings.map((w) => [w.line, w.code])).toEqual([[2, 'xlsx.formula']]);
    expect(xlsx.rows.errors.map((e) => [e.line, e.column, e.code])).toEqual([
      [3, '客户名称', 'xlsx.formula_without_result'],
    ]);
  });

  it('reports duplicate codes inside one file on each line', async () => {
    const rows = [HEADER, ROWS[0], ROWS[1], ['C001', '腾讯', '', '', '', '', '', ''], ROWS[2]];
    const result = await readImportFile(utf8(csvText(rows)));
    if (!result.ok) throw new Error('expected ok');
    expect(result.rows.errors.map((e) => [e.line, e.code, e.params])).toEqual([
      [2, 'import.duplicate_code', { value: 'C001', lines: [2, 4] }],
      [4, 'import.duplicate_code', { value: 'C001', lines: [2, 4] }],
    ]);
    expect(result.rows.badLines).toEqual([2, 4]);
  });

  it('refuses oversized, binary, mixed-encoding and full-width-comma files as a whole', async () => {
    const big = await readImportFile(new Uint8Array(2048), { maxBytes: 1024 });
    expect(big).toMatchObject({ ok: false, issues: [{ code: 'file.too_large' }] });
    const binary = await readImportFile(Uint8Array.of(1, 0, 2, 0), { format: 'csv' });
    expect(binary).toMatchObject({ ok: false, issues: [{ code: 'decode.binary' }] });
    const mixed = Uint8Array.from([...utf8('客户编码,客户名称\n'), ...iconv.encode('C1,顺丰\n', 'gbk')]);
    expect(await readImportFile(mixed)).toMatchObject({
      ok: false,
      issues: [{ code: 'decode.mixed_encoding', line: 2 }],
    });
    const fullwidth = await readImportFile(utf8('客户编码，客户名称\nC1，顺丰\n'));
    expect(fullwidth).toMatchObject({ ok: false, issues: [{ code: 'csv.fullwidth_delimiter' }] });
    expect(await readImportFile(utf8('\n\n'))).toMatchObject({ ok: false, issues: [{ code: 'file.empty' }] });
  });
});
