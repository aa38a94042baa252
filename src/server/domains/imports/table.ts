/**
 * The shape every import file becomes before mapping: records of text cells with the line (CSV) or
 * row number (XLSX) they came from, 1-based, plus the problems found while reading.
 */

export interface TableRecord {
  /** 1-based line of the CSV (where the record starts) or row of the sheet. */
  line: number;
  cells: string[];
}

export const TABLE_ISSUE_CODES = [
  'file.too_large',
  'file.empty',
  'file.too_many_rows',
  'csv.malformed',
  'csv.record_too_large',
  'csv.fullwidth_delimiter',
  'csv.formula',
  'cell.too_long',
  'xlsx.unreadable',
  'xlsx.no_sheet',
  'xlsx.formula',
  'xlsx.formula_without_result',
  'xlsx.formula_error',
  'xlsx.number_precision',
] as const;
export type TableIssueCode = (typeof TABLE_ISSUE_CODES)[number];

export interface TableIssue {
  code: TableIssueCode;
  /** Errors make the row (or, without a line, the file) unusable; warnings are reported only. */
  severity: 'error' | 'warning';
  line?: number;
  /** 0-based column index; the report names it by its header. */
  column?: number;
  params?: Record<string, unknown>;
}

export interface ReadTable {
  records: TableRecord[];
  issues: TableIssue[];
}

export interface ReadLimits {
  /** Largest file accepted, in bytes (default 30 MiB; a 50 MB upload is refused). */
  maxBytes?: number;
  /** Longest cell accepted, in characters (default 1,000 — above every field's own limit). */
  maxCellLength?: number;
  /** Most records accepted, header included (default 200,000). */
  maxRecords?: number;
}

export const DEFAULT_READ_LIMITS: Required<ReadLimits> = {
  maxBytes: 30 * 1024 * 1024,
  maxCellLength: 1_000,
  maxRecords: 200_000,
};

/** A file-level refusal for a file over the byte limit, or null. */
export function checkFileSize(byteLength: number, limits: ReadLimits = {}): TableIssue | null {
  const maxBytes = limits.maxBytes ?? DEFAULT_READ_LIMITS.maxBytes;
  if (byteLength > maxBytes)
    return { code: 'file.too_large', severity: 'error', params: { maxBytes, byteLength } };
  if (byteLength === 0) return { code: 'file.empty', severity: 'error' };
  return null;
}

/** Replaces over-long cells by '' and reports each as a row error. */
export function checkCellLengths(records: TableRecord[], maxCellLength: number): TableIssue[] {
  const issues: TableIssue[] = [];
  for (const record of records) {
    record.cells.forEach((cell, column) => {
      if (cell.length > maxCellLength) {
        issues.push({
          code: 'cell.too_long',
          severity: 'error',
          line: record.line,
          column,
          params: { maxLength: maxCellLength, length: cell.length },
        });
        record.cells[column] = '';
      }
    });
  }
  return issues;
}

/** A record whose cells are all blank: skipped by readers (blank lines between rows are common). */
export const isBlankRecord = (cells: string[]) => cells.every((c) => c.trim() === '');

/** True when the file had a fatal (line-less) error and nothing else should be looked at. */
export const hasFileError = (issues: TableIssue[]) =>
  issues.some((i) => i.severity === 'error' && i.line === undefined);
