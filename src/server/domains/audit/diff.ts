import type { AuditChanges } from './table.js';

/** Bookkeeping fields that change on every write and say nothing about the business change. */
const IGNORED = new Set(['version', 'updatedAt', 'updated_at', 'createdAt', 'created_at']);
/** Secrets are never written to the audit log: only the fact that they changed. */
const SECRET = /password|secret|token|hash/i;

const normalise = (v: unknown): unknown => (v instanceof Date ? v.toISOString() : v === undefined ? null : v);

/**
 * Whether two different normalised values differ as JSON, written out only when nothing cheaper tells
 * (imports diff 100,000s of records): two texts differ; beside nothing, a text, a boolean, a list or a
 * finite number differs (only NaN and Infinity are written out as null).
 */
function differs(b: unknown, a: unknown): boolean {
  if (typeof a === 'string' && typeof b === 'string') return true;
  if (a === null || b === null) {
    const value = a === null ? b : a;
    if (typeof value === 'string' || typeof value === 'boolean' || Array.isArray(value)) return true;
    if (typeof value === 'number') return Number.isFinite(value);
  }
  return JSON.stringify(b) !== JSON.stringify(a);
}

/**
 * Field-by-field before/after of a record. `before` null means created, `after` null deleted.
 * Values are compared as JSON so arrays and objects count as changed only when their content is.
 */
export function diffRecords(
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
): AuditChanges {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const changes: AuditChanges = {};
  for (const key of keys) {
    if (IGNORED.has(key)) continue;
    const b = normalise(before?.[key]);
    const a = normalise(after?.[key]);
    if (a === b || !differs(b, a)) continue;
    changes[key] = SECRET.test(key)
      ? { before: b === null ? null : '***', after: a === null ? null : '***' }
      : { before: b, after: a };
  }
  return changes;
}

/**
 * The JSON text of a record's creation, `diffRecords(null, after)` written out directly: an import
 * audits 100,000s of new records, and building each one's changes as objects to serialise them cost
 * more than storing them. Fields left empty (null, undefined, a number that is not finite) are not
 * listed, bookkeeping fields are skipped and secrets masked: diffRecords' own rules.
 */
export function createdChangesJson(after: Record<string, unknown>): string {
  let out = '';
  for (const key of Object.keys(after)) {
    if (IGNORED.has(key)) continue;
    const a = normalise(after[key]);
    if (a === null || !differs(null, a)) continue; // the rule of diffRecords beside nothing
    const value = SECRET.test(key) ? '"***"' : JSON.stringify(a);
    out += `${out ? ',' : '{'}${JSON.stringify(key)}:{"before":null,"after":${value}}`;
  }
  return out ? `${out}}` : '{}';
}
