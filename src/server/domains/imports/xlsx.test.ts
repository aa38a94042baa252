import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readXlsx, writeXlsx } from './xlsx.js';

async function workbookBytes(
  fill: (sheet: ExcelJS.Worksheet, workbook: ExcelJS.Workbook) => void,
): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('客户');
  fill(sheet, workbook);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

describe('readXlsx', () => {
  it('reads the first sheet into records with row numbers, skipping empty rows', async () => {
    const bytes = await workbookBytes((sheet, workbook) => {
      sheet.addRow(['客户编码', '客户名称', '账期(天)', '签约日期', '重点']);
      sheet.addRow(['C001', '顺丰速运有限公司', 30, new Date(Date.UTC(2024, 2, 1)), true]);
      sheet.addRow([]);
      sheet.addRow(['C002', { richText: [{ text: '德邦' }, { text: '物流' }] }, 45.5, null, false]);
      sheet.getCell('B5').value = { text: '官网', hyperlink: 'https://example.com' };
      workbook.addWorksheet('Other').addRow(['ignored']);
    });
    const table = await readXlsx(bytes);
    expect(table.sheetName).toBe('客户');
    expect(table.issues).toEqual([]);
    expect(table.records).toEqual([
      { line: 1, cells: ['客户编码', '客户名称', '账期(天)', '签约日期', '重点'] },
      { line: 2, cells: ['C001', '顺丰速运有限公司', '30', '2024-03-01', 'true'] },
      { line: 4, cells: ['C002', '德邦物流', '45.5', '', 'false'] },
      { line: 5, cells: ['', '官网'] },
    ]);
  });

  it('takes cached formula results with a warning, and refuses formulas without a usable result', async () => {
    const bytes = await workbookBytes((sheet) => {
      sheet.addRow(['code', 'name', 'city']);
      sheet.addRow(['C1', { formula: 'CONCAT("顺丰","速运")', result: '顺丰速运' }, 'x']);
      sheet.addRow(['C2', { formula: 'A1&B1' }, 'y']);
      sheet.addRow(['C3', { formula: '1/0', result: { error: '#DIV/0!' } }, 'z']);
    });
    const table = await readXlsx(bytes);
    expect(table.records.map((r) => r.cells)).toEqual([
      ['code', 'name', 'city'],
      ['C1', '顺丰速运', 'x'],
      ['C2', '', 'y'],
      ['C3', '', 'z'],
    ]);
    expect(table.issues).toEqual([
      {
        code: 'xlsx.formula',
        severity: 'warning',
        line: 2,
        column: 1,
        params: { formula: 'CONCAT("顺丰","速运")' },
      },
      {
        code: 'xlsx.formula_without_result',
        severity: 'error',
        line: 3,
        column: 1,
        params: { formula: 'A1&B1' },
      },
      {
        code: 'xlsx.formula_error',
        severity: 'error',
        line: 4,
        column: 1,
        params: { formula: '1/0', error: '#DIV/0!' },
      },
    ]);
  });

  it('warns about long numbers Excel has already rounded', async () => {
    const bytes = await workbookBytes((sheet) => {
      sheet.addRow(['creditCode']);
      sheet.addRow([Number('914403001922038216')]); // what Excel keeps of a typed credit code
    });
    const table = await readXlsx(bytes);
    expect(table.issues).toMatchObject([
      { code: 'xlsx.number_precision', severity: 'warning', line: 2, column: 0 },
    ]);
  });

  it('reports long cells and unreadable files', async () => {
    const bytes = await workbookBytes((sheet) => {
      sheet.addRow(['name']);
      sheet.addRow(['x'.repeat(10_000)]);
    });
    expect((await readXlsx(bytes)).issues).toEqual([
      {
        code: 'cell.too_long',
        severity: 'error',
        line: 2,
        column: 0,
        params: { maxLength: 1000, length: 10_000 },
      },
    ]);
    expect((await readXlsx(new TextEncoder().encode('code,name\n'))).issues).toEqual([
      { code: 'xlsx.unreadable', severity: 'error' },
    ]);
  });
});

describe('writeXlsx', () => {
  it('streams rows that read back as written, formulas staying text', async () => {
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    async function* rows() {
      yield ['C001', '顺丰速运', 30];
      yield ['C002', '=HYPERLINK("http://evil.example","x")', null];
    }
    const count = await writeXlsx(out, ['编码', '名称', '账期'], rows(), { sheetName: '客户' });
    expect(count).toBe(2);
    const table = await readXlsx(new Uint8Array(Buffer.concat(chunks)));
    expect(table.sheetName).toBe('客户');
    expect(table.issues).toEqual([]);
    expect(table.records.map((r) => r.cells)).toEqual([
      ['编码', '名称', '账期'],
      ['C001', '顺丰速运', '30'],
      ['C002', '=HYPERLINK("http://evil.example","x")'],
    ]);
  });
});
