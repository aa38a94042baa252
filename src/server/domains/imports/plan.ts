import { sql } from 'drizzle-orm';
import { duplicateKeys } from '../../../shared/customers/duplicates.js';
import type { DbOrTx } from '../../db/client.js';
import { accountsByCodes } from '../accounts/bulk.js';
import type { AccountRow } from '../accounts/repo.js';
import type { ImportMode } from './jobsTable.js';
import type { ColumnMapping, ImportTarget } from './mapping.js';
import type { RowIssue, RowValidation, ValidRow } from './rowValidation.js';

/**
 * The checks of an import against the database, after the file's own validation: owners by email,
 * account codes that exist (refused in create_only mode, updated otherwise), codes required for
 * upsert, and likely duplicates of existing accounts (warnings). Read-only: the dry run and the run
 * share it, and the run writes only what the plan says.
 */

export const IMPORT_ROW_CODES = [
  'import.owner_unknown',
  'import.code_exists',
  'import.code_required',
  'import.account_merged',
  'import.likely_duplicate',
] as const;

export interface PlannedRow extends ValidRow {
  /** The owner's user id; undefined when the owner column is not mapped, null when its cell is blank. */
  ownerId: string | null | undefined;
  /** The account this row updates (matched by code), or null for a new account. */
  existing: AccountRow | null;
}

export interface ImportPlan {
  rows: PlannedRow[];
  errors: RowIssue[];
  warnings: RowIssue[];
  badLines: number[];
}

const OWNER_ROLES = ['admin', 'manager', 'sales'];

async function ownersByEmail(db: DbOrTx, emails: string[]): Promise<Map<string, string>> {
  if (emails.length === 0) return new Map();
  const { rows } = await db.execute<{ id: string; email: string }>(sql`
    SELECT id, lower(email) AS email FROM users
     WHERE lower(email) = ANY(${sql.param(emails)}::text[]) AND active AND role = ANY(${sql.param(OWNER_ROLES)}::text[])`);
  return new Map(rows.map((r) => [r.email, r.id]));
}

type DuplicateHit = {
  i: number;
  code: string;
  name: string | null;
  kind: 'same_credit_code' | 'same_name' | 'same_phone';
};

/** Existing accounts sharing a credit code, a normalised name or a mobile number with new rows. */
async function likelyDuplicates(db: DbOrTx, rows: readonly PlannedRow[]): Promise<DuplicateHit[]> {
  if (rows.length === 0) return []; // a re-import creates nothing: no need to read every live account
  const keys = rows.map((r, i) => {
    const k = duplicateKeys(r.account);
    // the contact's numbers are E.164 already (validated): duplicateKeys would only parse them again
    const phones = r.contact
      ? [...new Set([r.contact.mobile, r.contact.phone].flatMap((p) => (p ? [p.split(';')[0]] : [])))]
      : [];
    return { i, credit_code: k.creditCode, names: k.names, phones };
  });
  const hits: DuplicateHit[] = [];
  for (let start = 0; start < keys.length; start += 20_000) {
    const part = JSON.stringify(keys.slice(start, start + 20_000));
    const { rows: found } = await db.execute<DuplicateHit>(sql`
      WITH k AS (SELECT * FROM json_to_recordset(${part}::json) AS k(i int, credit_code text, names text[], phones text[])),
      live AS (SELECT id, code, coalesce(name_zh, name_en) AS name, credit_code, normalized_names
                 FROM accounts WHERE merged_into_id IS NULL AND archived_at IS NULL),
      hits AS (
        SELECT k.i, l.code, l.name, 'same_credit_code' AS kind FROM k JOIN live l ON l.credit_code = k.credit_code
        UNION
        SELECT kn.i, l.code, l.name, 'same_name' FROM (SELECT i, unnest(names) AS n FROM k) kn
          JOIN (SELECT id, code, name, unnest(normalized_names) AS n FROM live) l ON l.n = kn.n
        UNION
        SELECT kp.i, l.code, l.name, 'same_phone' FROM (SELECT i, unnest(phones) AS p FROM k) kp
          JOIN contacts c ON c.mobile = kp.p AND c.archived_at IS NULL JOIN live l ON l.id = c.account_id)
      SELECT i, code, name, kind FROM hits ORDER BY i, kind, code`);
    for (const h of found) hits.push({ ...h, i: h.i + start });
  }
  return hits;
}

export async function planImport(
  db: DbOrTx,
  validation: RowValidation,
  mapping: readonly ColumnMapping[],
  mode: ImportMode,
): Promise<ImportPlan> {
  const headerOf = (target: ImportTarget) => mapping.find((m) => m.target === target)?.header ?? null;
  const ownerMapped = mapping.some((m) => m.target === 'ownerEmail');
  const errors: RowIssue[] = [];
  const fail = (line: number, target: ImportTarget, code: string, params?: Record<string, unknown>) =>
    errors.push({ line, column: headerOf(target), field: target, code, ...(params ? { params } : {}) });

  const owners = await ownersByEmail(db, [
    ...new Set(validation.rows.flatMap((r) => (r.ownerEmail ? [r.ownerEmail.toLowerCase()] : []))),
  ]);
  const existing = await accountsByCodes(
    db,
    validation.rows.flatMap((r) => (r.account.code ? [r.account.code] : [])),
  );

  const rows: PlannedRow[] = [];
  for (const row of validation.rows) {
    const before = errors.length;
    let ownerId: string | null | undefined = ownerMapped ? null : undefined;
    if (row.ownerEmail) {
      ownerId = owners.get(row.ownerEmail.toLowerCase());
      if (!ownerId) fail(row.line, 'ownerEmail', 'import.owner_unknown', { email: row.ownerEmail });
    }
    const code = row.account.code;
    const match = code ? (existing.get(code.toLowerCase()) ?? null) : null;
    if (!code && mode === 'upsert') fail(row.line, 'code', 'import.code_required');
    if (match && mode === 'create_only') fail(row.line, 'code', 'import.code_exists', { code: match.code });
    else if (match?.mergedIntoId) fail(row.line, 'code', 'import.account_merged', { code: match.code });
    if (errors.length === before) rows.push({ ...row, ownerId, existing: match });
  }

  const warnings = [...validation.warnings];
  const created = rows.filter((r) => r.existing === null);
  for (const hit of await likelyDuplicates(db, created)) {
    const row = created[hit.i];
    warnings.push({
      line: row.line,
      column: null,
      field: null,
      code: 'import.likely_duplicate',
      params: { code: hit.code, name: hit.name ?? '', evidence: hit.kind },
    });
  }
  const allErrors = [...validation.errors, ...errors].sort((a, b) => a.line - b.line);
  warnings.sort((a, b) => a.line - b.line);
  const badLines = [...new Set(allErrors.map((e) => e.line))].sort((a, b) => a - b);
  return { rows, errors: allErrors, warnings, badLines };
}
