import { type CsvDelimiter, readCsv } from './csv.js';
import { decodeText, type EncodingChoice, type TextEncoding } from './decode.js';
import {
  type ColumnMapping,
  guessMapping,
  type ImportTarget,
  layoutFingerprint,
  type MappingIssue,
  splitHeader,
  validateMapping,
} from './mapping.js';
import { type RowValidation, validateRows } from './rowValidation.js';
import { checkFileSize, type ReadLimits, type ReadTable, type TableIssue } from './table.js';
import { readXlsx } from './xlsx.js';

/**
 * The dry run of an account import, from the uploaded bytes to validated rows — everything short of
 * the database. The service stores nothing when `ok` is false, and otherwise decides by import mode
 * what to do with `rows.rows` and `rows.errors`.
 */

export type ImportFormat = 'csv' | 'xlsx';

export interface ReadImportOptions extends ReadLimits {
  /** Detected from the bytes when left out: a ZIP container is XLSX, anything else CSV. */
  format?: ImportFormat;
  encoding?: EncodingChoice;
  delimiter?: CsvDelimiter;
  hasHeader?: boolean;
  /** A mapping the user confirmed or one remembered for this layout, matched by header name. */
  mapping?: readonly { header: string; target: ImportTarget | null }[];
  /** Rows are matched by account code (create-or-update mode): the code column must be mapped. */
  requireCode?: boolean;
}

/** Why the whole file is refused: a reader's line-less error or a mapping problem. */
export type FileIssue =
  | Pick<TableIssue, 'code' | 'params'>
  | MappingIssue
  | { code: DecodeCode; line?: number };
type DecodeCode = 'decode.binary' | 'decode.invalid_bytes' | 'decode.mixed_encoding';

export interface ImportFileFacts {
  format: ImportFormat;
  encoding?: TextEncoding;
  delimiter?: CsvDelimiter;
  sheetName?: string;
  hasHeader: boolean;
  header: string[];
  /** layoutFingerprint(header): the key to remember the mapping by. */
  fingerprint: string;
  mapping: ColumnMapping[];
}

export type ReadImportResult =
  | ({ ok: true; rows: RowValidation } & ImportFileFacts)
  | ({ ok: false; issues: FileIssue[] } & Partial<ImportFileFacts>);

export const isXlsx = (bytes: Uint8Array) =>
  bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

function applyMapping(header: string[], given: ReadImportOptions['mapping']): ColumnMapping[] {
  if (!given) return guessMapping(header);
  const byHeader = new Map(given.map((m) => [m.header, m.target]));
  return header.map((h, column) => ({ column, header: h, target: byHeader.get(h) ?? null }));
}

/**
 * @example
 * const result = await readImportFile(bytes, { requireCode: mode === 'upsert' });
 * if (!result.ok) return report(result.issues);
 */
export async function readImportFile(
  bytes: Uint8Array,
  options: ReadImportOptions = {},
): Promise<ReadImportResult> {
  const sizeIssue = checkFileSize(bytes.byteLength, options);
  const format = options.format ?? (isXlsx(bytes) ? 'xlsx' : 'csv');
  if (sizeIssue) return { ok: false, format, issues: [sizeIssue] };

  let table: ReadTable;
  const facts: Partial<ImportFileFacts> = { format };
  if (format === 'xlsx') {
    const xlsx = await readXlsx(bytes, options);
    table = xlsx;
    facts.sheetName = xlsx.sheetName;
  } else {
    const decoded = decodeText(bytes, options.encoding);
    if (!decoded.ok) {
      return {
        ok: false,
        ...facts,
        issues: [{ code: decoded.reason, ...(decoded.line ? { line: decoded.line } : {}) }],
      };
    }
    facts.encoding = decoded.encoding;
    const csv = readCsv(decoded.text, options);
    table = csv;
    facts.delimiter = csv.delimiter;
  }

  const fileIssues = table.issues.filter((i) => i.severity === 'error' && i.line === undefined);
  const fullwidth = table.issues.filter((i) => i.code === 'csv.fullwidth_delimiter');
  if (fileIssues.length > 0 || fullwidth.length > 0) {
    return {
      ok: false,
      ...facts,
      issues: [...fileIssues, ...fullwidth].map(({ code, params }) => (params ? { code, params } : { code })),
    };
  }
  if (table.records.length === 0) return { ok: false, ...facts, issues: [{ code: 'file.empty' }] };

  const split = splitHeader(table.records, options.hasHeader);
  const mapping = applyMapping(split.header, options.mapping);
  const all: ImportFileFacts = {
    ...facts,
    format,
    hasHeader: split.hasHeader,
    header: split.header,
    fingerprint: layoutFingerprint(split.header),
    mapping,
  };
  const mappingIssues = validateMapping(mapping, { requireCode: options.requireCode });
  if (mappingIssues.length > 0) return { ok: false, ...all, issues: mappingIssues };
  const headerLine = split.hasHeader ? table.records[0].line : undefined;
  const rowIssues = table.issues.filter((i) => i.line !== headerLine);
  return { ok: true, ...all, rows: validateRows(split.rows, mapping, rowIssues) };
}
