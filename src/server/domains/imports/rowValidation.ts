import type { z } from 'zod';
import {
  type Account,
  accountInputSchema,
  type Contact,
  contactInputSchema,
  toFieldErrors,
} from '../../../shared/customers/accountSchemas.js';
import { normalizeCreditCode } from '../../../shared/customers/creditCode.js';
import { parseEmail } from '../../../shared/customers/email.js';
import {
  DAYS_UNIT,
  isChineseName,
  lanesValue,
  numberValue,
  splitList,
  vocabularyValue,
  volumeValue,
} from './cellValues.js';
import type { ColumnMapping, ImportTarget } from './mapping.js';
import type { TableIssue, TableRecord } from './table.js';

/**
 * Mapped rows to account and contact input, with every error of every row: {line, column (the header),
 * field, code}. A row with an error is a bad row; the import service stores good rows only when the
 * user chose "skip bad rows". Account codes that occur on more than one line are an error on each of
 * those lines; credit codes that do are a warning.
 */

export interface RowIssue {
  line: number;
  /** The header of the column concerned; null when no single column is (e.g. no name at all). */
  column: string | null;
  /** The input field: `creditCode`, `transportNeeds.modes.1`, `contact.mobile`, `ownerEmail`. */
  field: string | null;
  code: string;
  params?: Record<string, unknown>;
}

export interface ValidRow {
  line: number;
  account: Account;
  /** The row's contact, made primary; null when the row has no contact cells. */
  contact: Contact | null;
  /** The owner's email, for the service to resolve to a user. */
  ownerEmail?: string;
}

export interface RowValidation {
  rows: ValidRow[];
  errors: RowIssue[];
  warnings: RowIssue[];
  /** Lines with at least one error, ascending. */
  badLines: number[];
}

/** Schema field (first path segments) → the targets that may have filled it, in order of preference. */
const FIELD_TARGETS: [string, ImportTarget[]][] = [
  ['nameZh', ['nameZh', 'name']],
  ['nameEn', ['nameEn', 'name']],
  ['ownerId', ['ownerEmail']],
  ['transportNeeds.modes', ['transportModes']],
  ['transportNeeds.lanes', ['lanes']],
  ['transportNeeds.monthlyVolume.unit', ['volumeUnit', 'monthlyVolume']],
  ['transportNeeds.monthlyVolume', ['monthlyVolume']],
];

function targetsOf(field: string): ImportTarget[] {
  const hit = FIELD_TARGETS.find(([prefix]) => field === prefix || field.startsWith(`${prefix}.`));
  return hit
    ? hit[1]
    : [
        field
          .split('.')
          .slice(0, field.startsWith('contact.') ? 2 : 1)
          .join('.') as ImportTarget,
      ];
}

interface RowContext {
  line: number;
  cell: (target: ImportTarget) => string;
  mapped: (target: ImportTarget) => boolean;
  headerOf: (field: string) => string | null;
  errors: RowIssue[];
}

function readAccount(ctx: RowContext): Record<string, unknown> {
  const { cell } = ctx;
  const fail = (field: string, target: ImportTarget, code: string) =>
    ctx.errors.push({ line: ctx.line, column: ctx.headerOf(target), field, code });
  const input: Record<string, unknown> = {};
  for (const t of ['code', 'nameZh', 'nameEn', 'creditCode', 'province', 'city', 'address'] as const) {
    if (ctx.mapped(t)) input[t] = cell(t);
  }
  const name = cell('name').trim();
  if (name) {
    const [first, second] = isChineseName(name) ? ['nameZh', 'nameEn'] : ['nameEn', 'nameZh'];
    if (!String(input[first] ?? '').trim()) input[first] = name;
    else if (!String(input[second] ?? '').trim()) input[second] = name;
  }
  const vocab = [
    ['industry', 'industry'],
    ['size', 'size'],
    ['source', 'source'],
    ['status', 'status'],
    ['tier', 'tier'],
    ['lifecycleStage', 'lifecycleStage'],
  ] as const;
  for (const [target, vocabulary] of vocab) input[target] = vocabularyValue(vocabulary, cell(target));
  input.tags = splitList(cell('tags'));
  const days = numberValue(cell('creditTermsDays'), DAYS_UNIT);
  if (days.ok) input.creditTermsDays = days.value;
  else fail('creditTermsDays', 'creditTermsDays', days.code);

  const needs: Record<string, unknown> = {
    modes: splitList(cell('transportModes')).map((m) => vocabularyValue('transportMode', m)),
  };
  const lanes = lanesValue(cell('lanes'));
  if (lanes.ok) needs.lanes = lanes.value;
  else fail('transportNeeds.lanes', 'lanes', lanes.code);
  const volume = volumeValue(cell('monthlyVolume'), cell('volumeUnit'));
  if (volume.ok) needs.monthlyVolume = volume.value;
  else fail('transportNeeds.monthlyVolume', 'monthlyVolume', volume.code);
  input.transportNeeds = needs;
  return input;
}

function readContact(ctx: RowContext): Record<string, unknown> | null {
  const fields = ['name', 'title', 'mobile', 'phone', 'email', 'wechatId'] as const;
  const input: Record<string, unknown> = {};
  let any = false;
  for (const f of fields) {
    const value = ctx.cell(`contact.${f}`);
    if (value.trim() !== '') any = true;
    input[f] = value;
  }
  const channel = ctx.cell('contact.preferredChannel');
  if (channel.trim() !== '') any = true;
  if (!any) return null;
  input.preferredChannel = vocabularyValue('preferredChannel', channel);
  input.isPrimary = true;
  return input;
}

function schemaErrors(ctx: RowContext, error: z.ZodError, prefix: string): void {
  for (const e of toFieldErrors(error)) {
    const field = prefix + e.field;
    ctx.errors.push({
      line: ctx.line,
      column: ctx.headerOf(field),
      field: field || null,
      code: e.code,
      ...(e.params ? { params: e.params } : {}),
    });
  }
}

/**
 * Validates mapped data rows. `tableIssues` are the reader's issues (cell.too_long, xlsx.formula*):
 * their errors make rows bad and their warnings are passed on, both named by header. A schema error on
 * a column that already has a reader error is left out — the cell was blanked, saying so twice helps no one.
 * @example validateRows(split.rows, guessMapping(split.header), table.issues)
 */
export function validateRows(
  rows: readonly TableRecord[],
  mapping: readonly ColumnMapping[],
  tableIssues: readonly TableIssue[] = [],
): RowValidation {
  const columnOf = new Map<ImportTarget, ColumnMapping>();
  for (const m of mapping) if (m.target && !columnOf.has(m.target)) columnOf.set(m.target, m);
  const headerOf = (field: string) => {
    for (const target of targetsOf(field)) {
      const m = columnOf.get(target);
      if (m) return m.header;
    }
    return null;
  };

  const { errors, warnings } = readerIssues(tableIssues, mapping);
  const readerErrorColumns = new Map<number, Set<string>>();
  for (const e of errors)
    if (e.column) readerErrorColumns.set(e.line, (readerErrorColumns.get(e.line) ?? new Set()).add(e.column));

  const valid: ValidRow[] = [];
  const codes: [number, string][] = [];
  const creditCodes: [number, string][] = [];
  for (const record of rows) {
    const rowErrors: RowIssue[] = [];
    const ctx: RowContext = {
      line: record.line,
      cell: (target) => {
        const m = columnOf.get(target);
        return m ? (record.cells[m.column] ?? '') : '';
      },
      mapped: (target) => columnOf.has(target),
      headerOf,
      errors: rowErrors,
    };
    const code = ctx.cell('code').trim().toUpperCase();
    if (code) codes.push([record.line, code]);
    const creditCode = normalizeCreditCode(ctx.cell('creditCode'));
    if (creditCode) creditCodes.push([record.line, creditCode]);
    const account = accountInputSchema.safeParse(readAccount(ctx));
    if (!account.success) schemaErrors(ctx, account.error, '');
    const contactInput = readContact(ctx);
    const contact = contactInput ? contactInputSchema.safeParse(contactInput) : null;
    if (contact && !contact.success) schemaErrors(ctx, contact.error, 'contact.');
    let ownerEmail: string | undefined;
    const owner = ctx.cell('ownerEmail');
    if (owner.trim() !== '') {
      const parsed = parseEmail(owner);
      if (parsed.ok) ownerEmail = parsed.email;
      else
        rowErrors.push({
          line: record.line,
          column: headerOf('ownerEmail'),
          field: 'ownerEmail',
          code: parsed.reason,
        });
    }
    const blanked = readerErrorColumns.get(record.line);
    errors.push(...rowErrors.filter((e) => !(blanked && e.column && blanked.has(e.column))));
    if (rowErrors.length === 0 && account.success && (contact === null || contact.success)) {
      valid.push({
        line: record.line,
        account: account.data,
        contact: contact?.data ?? null,
        ...(ownerEmail ? { ownerEmail } : {}),
      });
    }
  }

  const repeated = (pairs: [number, string][], field: string, code: string, into: RowIssue[]) => {
    for (const { line, value, lines } of repeatedValues(pairs)) {
      into.push({ line, column: headerOf(field), field, code, params: { value, lines } });
    }
  };
  repeated(codes, 'code', 'import.duplicate_code', errors);
  repeated(creditCodes, 'creditCode', 'import.duplicate_credit_code', warnings);

  const badLines = [...new Set(errors.map((e) => e.line))].sort((a, b) => a - b);
  const bad = new Set(badLines);
  errors.sort((a, b) => a.line - b.line);
  warnings.sort((a, b) => a.line - b.line);
  return { rows: valid.filter((r) => !bad.has(r.line)), errors, warnings, badLines };
}

/** The reader's row issues (cell.too_long, csv.formula, xlsx.formula …) as row errors and warnings named by header. */
export function readerIssues(
  tableIssues: readonly TableIssue[],
  mapping: readonly ColumnMapping<string>[],
): { errors: RowIssue[]; warnings: RowIssue[] } {
  const headerAt = (column: number | undefined) =>
    column === undefined ? null : (mapping.find((m) => m.column === column)?.header ?? `#${column + 1}`);
  const errors: RowIssue[] = [];
  const warnings: RowIssue[] = [];
  for (const issue of tableIssues) {
    if (issue.line === undefined) continue;
    const row: RowIssue = { line: issue.line, column: headerAt(issue.column), field: null, code: issue.code };
    if (issue.params) row.params = issue.params;
    (issue.severity === 'warning' ? warnings : errors).push(row);
  }
  return { errors, warnings };
}

/**
 * Every line of a value that occurs on more than one line, each with all the value's lines. Values
 * seen once keep only their line (a million-row file has a million of them).
 */
export function repeatedValues(
  pairs: Iterable<readonly [number, string]>,
): { line: number; value: string; lines: number[] }[] {
  const lines = new Map<string, number | number[]>();
  for (const [line, value] of pairs) {
    const seen = lines.get(value);
    if (seen === undefined) lines.set(value, line);
    else if (typeof seen === 'number') lines.set(value, [seen, line]);
    else seen.push(line);
  }
  const out: { line: number; value: string; lines: number[] }[] = [];
  for (const [value, at] of lines)
    if (typeof at !== 'number') for (const line of at) out.push({ line, value, lines: at });
  return out;
}
