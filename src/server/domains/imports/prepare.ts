import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { normalizeCreditCode } from '../../../shared/customers/creditCode.js';
import { type CsvDelimiter, readCsv } from './csv.js';
import { decodeText, type EncodingChoice, type TextEncoding } from './decode.js';
import { type ColumnMapping, guessMapping, layoutFingerprint, splitHeader } from './mapping.js';
import type { FileIssue, ImportFormat } from './readImportFile.js';
import { isXlsx } from './readImportFile.js';
import { type RowIssue, type RowValidation, repeatedValues, validateRows } from './rowValidation.js';
import { checkFileSize, type ReadLimits, type TableIssue, type TableRecord } from './table.js';
import { readXlsx } from './xlsx.js';

/**
 * The two halves of readImportFile for a job: openImportFile reads the file up to its header (once at
 * upload, again at each dry run and run), validateInChunks validates the rows in chunks and yields to
 * the event loop between them, so a 100,000-row file does not stall the server and progress can be
 * reported. The result is the same as readImportFile's rows.
 */

export interface OpenedFile {
  format: ImportFormat;
  encoding?: TextEncoding;
  delimiter?: CsvDelimiter;
  hasHeader: boolean;
  header: string[];
  fingerprint: string;
  /** Data records (the header left out); only the first `keepRows` when the file was opened with it. */
  rows: TableRecord[];
  /** Data records in the file, kept or not. */
  total: number;
  /** The reader's row issues (cell.too_long, csv.formula, xlsx.formula …), header line left out. */
  tableIssues: TableIssue[];
}

export type OpenResult =
  | ({ ok: true } & OpenedFile)
  | { ok: false; issues: FileIssue[]; format: ImportFormat };

export interface OpenOptions extends ReadLimits {
  encoding?: EncodingChoice;
  hasHeader?: boolean;
  /** The known headers of the kind of import, to tell a header row from data. */
  guessTarget?: (header: string) => string | null;
  /**
   * Keep only the first data rows: the file is still read through (its size, row count, width and
   * structure checked) — an upload or a preview of a million-row file needs no more.
   */
  keepRows?: number;
}

export async function openImportFile(bytes: Uint8Array, options: OpenOptions = {}): Promise<OpenResult> {
  const format: ImportFormat = isXlsx(bytes) ? 'xlsx' : 'csv';
  const sizeIssue = checkFileSize(bytes.byteLength, options);
  if (sizeIssue) return { ok: false, format, issues: [{ code: sizeIssue.code, params: sizeIssue.params }] };
  let records: TableRecord[];
  let issues: TableIssue[];
  let encoding: TextEncoding | undefined;
  let delimiter: CsvDelimiter | undefined;
  let recordCount: number;
  let width: number | undefined;
  if (format === 'xlsx') {
    ({ records, issues } = await readXlsx(bytes, options));
    recordCount = records.length;
  } else {
    const decoded = decodeText(bytes, options.encoding);
    if (!decoded.ok)
      return {
        ok: false,
        format,
        issues: [{ code: decoded.reason, ...(decoded.line ? { line: decoded.line } : {}) }],
      };
    encoding = decoded.encoding;
    // the header row and the kept rows; two at least, to tell a header from data
    const keepRecords = options.keepRows === undefined ? undefined : Math.max(2, options.keepRows + 1);
    const csv = readCsv(decoded.text, { ...options, keepRecords });
    ({ records, issues, delimiter, recordCount, width } = csv);
  }
  const fatal = issues.filter(
    (i) => (i.severity === 'error' && i.line === undefined) || i.code === 'csv.fullwidth_delimiter',
  );
  if (fatal.length > 0)
    return {
      ok: false,
      format,
      issues: fatal.map(({ code, params }) => (params ? { code, params } : { code })),
    };
  if (records.length === 0) return { ok: false, format, issues: [{ code: 'file.empty' }] };
  const split = splitHeader(records, options.hasHeader, options.guessTarget, width);
  const headerLine = split.hasHeader ? records[0].line : undefined;
  const rows = options.keepRows === undefined ? split.rows : split.rows.slice(0, options.keepRows);
  return {
    ok: true,
    format,
    encoding,
    delimiter,
    hasHeader: split.hasHeader,
    header: split.header,
    fingerprint: layoutFingerprint(split.header),
    rows,
    total: recordCount - (split.hasHeader ? 1 : 0),
    tableIssues: issues.filter((i) => i.line !== headerLine),
  };
}

export { guessMapping };

const CHUNK = 2_000;

/**
 * validateRows over chunks of CHUNK rows; account codes repeated across chunks are errors on each of
 * their lines and credit codes warnings, as validateRows reports them within one call.
 */
export async function validateInChunks(
  file: Pick<OpenedFile, 'rows' | 'tableIssues'>,
  mapping: readonly ColumnMapping[],
  onProgress?: (done: number) => Promise<void> | void,
): Promise<RowValidation> {
  const issuesByLine = new Map<number, TableIssue[]>();
  for (const issue of file.tableIssues) {
    if (issue.line === undefined) continue;
    const list = issuesByLine.get(issue.line);
    if (list) list.push(issue);
    else issuesByLine.set(issue.line, [issue]);
  }
  const result: RowValidation = { rows: [], errors: [], warnings: [], badLines: [] };
  for (let start = 0; start < file.rows.length; start += CHUNK) {
    const chunk = file.rows.slice(start, start + CHUNK);
    const chunkIssues = chunk.flatMap((r) => issuesByLine.get(r.line) ?? []);
    const part = validateRows(chunk, mapping, chunkIssues);
    for (const e of part.errors) if (e.code !== 'import.duplicate_code') result.errors.push(e);
    for (const w of part.warnings) if (w.code !== 'import.duplicate_credit_code') result.warnings.push(w);
    for (const r of part.rows) result.rows.push(r);
    if (onProgress) await onProgress(Math.min(file.rows.length, start + CHUNK));
    await yieldToLoop();
  }
  const column = (target: string) => mapping.find((m) => m.target === target) ?? null;
  const cellsOf = (target: string): [number, string][] => {
    const m = column(target);
    if (!m) return [];
    return file.rows.flatMap((r) => {
      const v = (r.cells[m.column] ?? '').trim();
      return v ? [[r.line, target === 'creditCode' ? normalizeCreditCode(v) : v.toUpperCase()]] : [];
    });
  };
  const repeated = (target: string, code: string, into: RowIssue[]) => {
    for (const { line, value, lines } of repeatedValues(cellsOf(target)))
      into.push({
        line,
        column: column(target)?.header ?? null,
        field: target,
        code,
        params: { value, lines },
      });
  };
  repeated('code', 'import.duplicate_code', result.errors);
  repeated('creditCode', 'import.duplicate_credit_code', result.warnings);
  const bad = new Set(result.errors.map((e) => e.line));
  result.rows = result.rows.filter((r) => !bad.has(r.line));
  result.badLines = [...bad].sort((a, b) => a - b);
  result.errors.sort((a, b) => a.line - b.line);
  result.warnings.sort((a, b) => a.line - b.line);
  return result;
}
