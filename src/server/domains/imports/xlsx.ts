import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import {
  checkCellLengths,
  DEFAULT_READ_LIMITS,
  isBlankRecord,
  type ReadLimits,
  type ReadTable,
  type TableIssue,
  type TableRecord,
} from './table.js';

/**
 * XLSX import and export.
 *
 * Reading takes the first worksheet into the same records as CSV, the row number as the line.
 * Formulas: the value Excel cached when the file was saved is taken, and each formula cell is reported
 * as a warning (`xlsx.formula`, with the formula) — computed columns such as =A2&B2 are common and
 * their results are real data, but the user should know the file was not plain values. A formula with
 * no cached result (a file written by a program, never opened in Excel) is a row error
 * (`xlsx.formula_without_result`), as is one whose result is an error such as #REF! (`xlsx.formula_error`).
 * Integers of 16 or more digits (a credit code typed as a number) have lost digits in Excel already:
 * warning `xlsx.number_precision`.
 * The whole workbook is loaded into memory: files are bounded by ReadLimits.maxBytes.
 */

export interface XlsxTable extends ReadTable {
  sheetName: string;
}

type Cell = ExcelJS.CellValue;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** Dates as yyyy-mm-dd, or yyyy-mm-dd hh:mm:ss when there is a time (Excel dates carry no zone). */
function formatDate(d: Date): string {
  const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  return time === '00:00:00' ? date : `${date} ${time}`;
}

interface CellText {
  text: string;
  issue?: Omit<TableIssue, 'line' | 'column'>;
}

function plainText(value: Exclude<Cell, object> | Date): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return formatDate(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return String(value);
}

function cellText(value: Cell): CellText {
  if (value === null || value === undefined || typeof value !== 'object' || value instanceof Date) {
    const text = plainText(value as Exclude<Cell, object>);
    if (typeof value === 'number' && Number.isInteger(value) && Math.abs(value) >= 1e15) {
      return { text, issue: { code: 'xlsx.number_precision', severity: 'warning', params: { value: text } } };
    }
    return { text };
  }
  if ('formula' in value || 'sharedFormula' in value) {
    const formula =
      'formula' in value && value.formula
        ? value.formula
        : (value as { sharedFormula: string }).sharedFormula;
    const result = value.result;
    if (result === undefined || result === null) {
      return {
        text: '',
        issue: { code: 'xlsx.formula_without_result', severity: 'error', params: { formula } },
      };
    }
    if (typeof result === 'object' && 'error' in result) {
      return {
        text: '',
        issue: { code: 'xlsx.formula_error', severity: 'error', params: { formula, error: result.error } },
      };
    }
    return {
      text: plainText(result),
      issue: { code: 'xlsx.formula', severity: 'warning', params: { formula } },
    };
  }
  if ('error' in value) {
    return {
      text: '',
      issue: { code: 'xlsx.formula_error', severity: 'error', params: { error: value.error } },
    };
  }
  if ('richText' in value) return { text: value.richText.map((r) => r.text).join('') };
  if ('hyperlink' in value) return { text: String(value.text ?? value.hyperlink) };
  return { text: String(value) };
}

/**
 * Reads the first worksheet of an XLSX file.
 * @example const table = await readXlsx(bytes); table.records[0].cells // the header row
 */
export async function readXlsx(bytes: Uint8Array, options: ReadLimits = {}): Promise<XlsxTable> {
  const limits = { ...DEFAULT_READ_LIMITS, ...options };
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as never);
  } catch {
    return { sheetName: '', records: [], issues: [{ code: 'xlsx.unreadable', severity: 'error' }] };
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return { sheetName: '', records: [], issues: [{ code: 'xlsx.no_sheet', severity: 'error' }] };
  if (sheet.actualRowCount > limits.maxRecords) {
    return {
      sheetName: sheet.name,
      records: [],
      issues: [{ code: 'file.too_many_rows', severity: 'error', params: { maxRecords: limits.maxRecords } }],
    };
  }
  const records: TableRecord[] = [];
  const issues: TableIssue[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    const cells: string[] = [];
    const rowIssues: TableIssue[] = [];
    for (let column = 1; column <= row.cellCount; column++) {
      const { text, issue } = cellText(row.getCell(column).value);
      cells.push(text);
      if (issue) rowIssues.push({ ...issue, line, column: column - 1 });
    }
    if (isBlankRecord(cells) && rowIssues.length === 0) return;
    records.push({ line, cells });
    issues.push(...rowIssues);
  });
  for (const issue of checkCellLengths(records, limits.maxCellLength)) issues.push(issue);
  return { sheetName: sheet.name, records, issues };
}

/**
 * Streams rows into an XLSX file without holding the workbook in memory (100k-row exports).
 * Strings are written as text cells, never as formulas. Returns the number of data rows written.
 * @example await writeXlsx(reply.raw, ['编码', '名称'], rowsFromDb(), { sheetName: '客户' })
 */
export async function writeXlsx(
  output: Writable,
  header: readonly string[],
  rows: Iterable<readonly unknown[]> | AsyncIterable<readonly unknown[]>,
  options: { sheetName?: string } = {},
): Promise<number> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: output,
    useStyles: false,
    useSharedStrings: false,
  });
  const sheet = workbook.addWorksheet(options.sheetName ?? 'Sheet1');
  sheet.addRow([...header]).commit();
  let count = 0;
  for await (const row of rows) {
    sheet.addRow(row.map((v) => (v === null || v === undefined ? null : v))).commit();
    count++;
  }
  sheet.commit();
  await workbook.commit();
  return count;
}
