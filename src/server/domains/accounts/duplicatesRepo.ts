import { sql } from 'drizzle-orm';
import {
  compareAccounts,
  type DuplicateKeys,
  duplicateKeys,
  POSSIBLE_DUPLICATE_SCORE,
} from '../../../shared/customers/duplicates.js';
import type { DbOrTx } from '../../db/client.js';

type CandidateRow = {
  id: string;
  code: string;
  nameZh: string | null;
  nameEn: string | null;
  creditCode: string | null;
  archivedAt: Date | null;
  phones: string[];
  emails: string[];
};

/** Each account with the keys duplicate detection compares: names, credit code, contacts' phones and emails. */
const CANDIDATE_COLUMNS = sql`a.id, a.code, a.name_zh AS "nameZh", a.name_en AS "nameEn", a.credit_code AS "creditCode",
  a.archived_at AS "archivedAt",
  array(SELECT p FROM contacts c, unnest(array[c.mobile, c.phone]) p WHERE c.account_id = a.id AND p IS NOT NULL) AS phones,
  array(SELECT c.email FROM contacts c WHERE c.account_id = a.id AND c.email IS NOT NULL) AS emails`;

const summary = (r: CandidateRow) => ({
  id: r.id,
  code: r.code,
  nameZh: r.nameZh,
  nameEn: r.nameEn,
  archivedAt: r.archivedAt ? new Date(r.archivedAt).toISOString() : null,
});

function assess(keys: DuplicateKeys, row: CandidateRow) {
  return { account: summary(row), ...compareAccounts(keys, duplicateKeys(row)) };
}

/**
 * Accounts that look like the one described by `keys` (same credit code, same normalised name, a
 * shared phone, or a shared company email domain with a similar name), best first.
 */
export async function findDuplicateCandidates(
  db: DbOrTx,
  keys: DuplicateKeys,
  excludeId: string | null,
  limit = 10,
) {
  const text = (xs: string[]) =>
    sql`ARRAY[${sql.join([...xs.map((x) => sql`${x}`), sql`NULL`], sql`, `)}]::text[]`;
  const { rows } = await db.execute<CandidateRow>(sql`
    SELECT ${CANDIDATE_COLUMNS}
      FROM accounts a
     WHERE a.merged_into_id IS NULL
       AND (${excludeId}::uuid IS NULL OR a.id <> ${excludeId}::uuid)
       AND (a.credit_code = ${keys.creditCode}
         OR a.normalized_names && ${text(keys.names)}
         OR a.id IN (SELECT account_id FROM contacts WHERE mobile = ANY(${text(keys.phones)}) OR phone = ANY(${text(keys.phones)}))
         OR a.id IN (SELECT account_id FROM contacts WHERE split_part(email, '@', 2) = ANY(${text(keys.emailDomains)})))
     LIMIT 200`);
  return rows
    .map((r) => assess(keys, r))
    .filter((c) => c.score >= POSSIBLE_DUPLICATE_SCORE)
    .sort((a, b) => b.score - a.score)
    .slice(0, limit);
}

export async function loadDuplicateRows(db: DbOrTx, ids: string[]): Promise<Map<string, CandidateRow>> {
  if (ids.length === 0) return new Map();
  const { rows } = await db.execute<CandidateRow>(
    sql`SELECT ${CANDIDATE_COLUMNS} FROM accounts a WHERE a.id IN ${ids}`,
  );
  return new Map(rows.map((r) => [r.id, r]));
}

/**
 * Candidate pairs across all live accounts, from the indexed keys: same credit code, same normalised
 * name, same mobile; pairs someone dismissed as "not a duplicate" are left out.
 */
export async function findDuplicatePairs(db: DbOrTx, limit: number) {
  const { rows } = await db.execute<{ a: string; b: string }>(sql`
    WITH live AS (SELECT id, credit_code, normalized_names FROM accounts WHERE archived_at IS NULL AND merged_into_id IS NULL),
    pairs AS (
      SELECT x.id AS a, y.id AS b FROM live x JOIN live y ON x.credit_code = y.credit_code AND x.id < y.id
      UNION
      SELECT x.id, y.id FROM (SELECT id, unnest(normalized_names) n FROM live) x
        JOIN (SELECT id, unnest(normalized_names) n FROM live) y ON x.n = y.n AND x.id < y.id
      UNION
      SELECT LEAST(c1.account_id, c2.account_id), GREATEST(c1.account_id, c2.account_id)
        FROM contacts c1 JOIN contacts c2 ON c1.mobile = c2.mobile AND c1.account_id <> c2.account_id
       WHERE c1.archived_at IS NULL AND c2.archived_at IS NULL
         AND c1.account_id IN (SELECT id FROM live) AND c2.account_id IN (SELECT id FROM live))
    SELECT p.a, p.b FROM pairs p
     WHERE NOT EXISTS (SELECT 1 FROM duplicate_dismissals d WHERE d.account_a = p.a AND d.account_b = p.b)
     LIMIT ${limit}`);
  const accounts = await loadDuplicateRows(db, [...new Set(rows.flatMap((r) => [r.a, r.b]))]);
  return rows
    .map(({ a, b }) => {
      const left = accounts.get(a)!;
      const right = accounts.get(b)!;
      return {
        a: summary(left),
        b: summary(right),
        ...compareAccounts(duplicateKeys(left), duplicateKeys(right)),
      };
    })
    .filter((p) => p.score >= POSSIBLE_DUPLICATE_SCORE)
    .sort((x, y) => y.score - x.score);
}
