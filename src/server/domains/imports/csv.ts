import { csvRecords } from './csvRecords.js';
import { checkCellLengths, DEFAULT_READ_LIMITS, type ReadLimits, type ReadTable } from './table.js';

/**
 * CSV text to records. The delimiter is detected among comma, semicolon, tab and vertical bar by
 * counting them outside quotes on the first records; the one that splits those records into equally
 * many (more than one) columns wins, comma on a tie. The Chinese commas "，" and "、" are never taken as
 * delimiters — they separate items inside values (冷链、快递) — but a file that is one column wide with
 * them in its first line is reported as `csv.fullwidth_delimiter`.
 * Quotes inside unquoted cells are kept (5" pipe); a quote left open is `csv.malformed`.
 * A cell starting with "=" is kept as text — CSV has no formulas — with a `csv.formula` warning, so the
 * user learns the spreadsheet's formula was exported instead of its value.
 */

export const CSV_DELIMITERS = [',', ';', '\t', '|'] as const;
export type CsvDelimiter = (typeof CSV_DELIMITERS)[number];

const SAMPLE_RECORDS = 20;

/** Counts each candidate outside quotes per record over the first records. */
export function detectDelimiter(text: string): CsvDelimiter {
  const counts: Record<string, number>[] = [];
  let current: Record<string, number> = {};
  let inQuotes = false;
  for (let i = 0; i < text.length && counts.length < SAMPLE_RECORDS; i++) {
    const ch = text[i];
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && ch === '\n') {
      if (Object.keys(current).length > 0 || counts.length === 0) counts.push(current);
      current = {};
    } else if (!inQuotes && (CSV_DELIMITERS as readonly string[]).includes(ch))
      current[ch] = (current[ch] ?? 0) + 1;
  }
  if (Object.keys(current).length > 0) counts.push(current);
  let best: CsvDelimiter = ',';
  let bestScore = 0;
  for (const delimiter of CSV_DELIMITERS) {
    const perRecord = counts.map((c) => c[delimiter] ?? 0);
    const first = perRecord[0] ?? 0;
    if (first === 0) continue;
    // records agreeing with the first one, weighted by how many columns they make
    const score = perRecord.filter((n) => n === first).length * 1000 + first;
    if (score > bestScore) {
      best = delimiter;
      bestScore = score;
    }
  }
  return best;
}

export interface CsvOptions extends ReadLimits {
  /** Forces the delimiter; detected when left out. */
  delimiter?: CsvDelimiter;
  /** Keep only the first records (the rest are counted and checked for structure, not kept). */
  keepRecords?: number;
}

export interface CsvTable extends ReadTable {
  delimiter: CsvDelimiter;
  /** Records in the file, kept or not. */
  recordCount: number;
  /** The most cells of any record. */
  width: number;
}

/**
 * Parses decoded CSV text; blank records are skipped, every record keeps the line it starts on.
 * @example readCsv('code;name\nC1;Acme\n') // { delimiter: ';', records: [{ line: 1, cells: ['code', 'name'] }, { line: 2, … }], issues: [] }
 */
export function readCsv(input: string, options: CsvOptions = {}): CsvTable {
  const limits = { ...DEFAULT_READ_LIMITS, ...options };
  // one line ending throughout, so line numbers and cells do not depend on where the file was saved
  const text = input.replace(/\r\n?/g, '\n');
  const delimiter = options.delimiter ?? detectDelimiter(text);
  const parsed = csvRecords(text, delimiter, limits.maxCellLength * 64, options.keepRecords);
  if (!parsed.ok) {
    const code = parsed.detail === 'CSV_MAX_RECORD_SIZE' ? 'csv.record_too_large' : 'csv.malformed';
    return {
      delimiter,
      recordCount: 0,
      width: 0,
      records: [],
      issues: [{ code, severity: 'error', params: { line: parsed.line, detail: parsed.detail } }],
    };
  }
  const { records, count: recordCount, width } = parsed;
  if (recordCount > limits.maxRecords) {
    return {
      delimiter,
      recordCount,
      width,
      records: [],
      issues: [{ code: 'file.too_many_rows', severity: 'error', params: { maxRecords: limits.maxRecords } }],
    };
  }
  const issues: CsvTable['issues'] = [];
  const first = records[0];
  if (first && first.cells.length === 1 && /[，、]/.test(first.cells[0])) {
    issues.push({ code: 'csv.fullwidth_delimiter', severity: 'error', line: first.line });
  }
  for (const issue of checkCellLengths(records, limits.maxCellLength)) issues.push(issue);
  for (const record of records) {
    record.cells.forEach((cell, column) => {
      if (cell.startsWith('='))
        issues.push({ code: 'csv.formula', severity: 'warning', line: record.line, column });
    });
  }
  return { delimiter, recordCount, width, records, issues };
}

/** Characters that make a spreadsheet read a cell as a formula (OWASP CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;
/** Plain numbers and phone numbers (+86 138 1234 5678, -12.5) are not formulas and stay as they are. */
const PLAIN_NUMBER = /^[+-]?[\d\s().,]+$/;

/**
 * For CSV export: prefixes a value a spreadsheet would run as a formula with an apostrophe.
 * XLSX export needs no such escape — exceljs writes strings as text cells, never as formulas.
 * @example escapeFormula('=HYPERLINK("http://x","click")') === '\'=HYPERLINK("http://x","click")'
 */
export function escapeFormula(value: string): string {
  return FORMULA_START.test(value) && !PLAIN_NUMBER.test(value) ? `'${value}` : value;
}
