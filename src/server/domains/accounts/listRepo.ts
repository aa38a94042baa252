import { type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { executePrepared } from '../../db/prepared.js';
import { segmentCondition } from '../analytics/accountFilter.js';
import type { AccountListQuery } from './listQuery.js';
import { bigrams } from './searchGrams.js';
import { searchPlan } from './searchPlan.js';

/** Sort expressions; each has a matching (expression, id) index. Read back as text (microseconds kept). */
export const SORT: Record<AccountListQuery['sort'], SQL> = {
  updatedAt: sql`a.updated_at`,
  createdAt: sql`a.created_at`,
  name: sql`coalesce(a.name_zh, a.name_en)`,
  code: sql`lower(a.code)`,
};

export type AccountListRow = {
  id: string;
  code: string;
  nameZh: string | null;
  nameEn: string | null;
  status: string;
  tier: string;
  industry: string | null;
  province: string | null;
  city: string | null;
  tags: string[];
  ownerId: string | null;
  ownerName: string | null;
  primaryContactName: string | null;
  primaryContactMobile: string | null;
  /** Times come as ISO 8601 text (see isoUtc): no Date to parse and format again per row. */
  archivedAt: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
  sortKey: string | null;
};

/** A timestamp as `Date.prototype.toISOString` spells it (UTC, milliseconds), whatever the session's zone. */
const isoUtc = (t: SQL) => sql`to_char(${t} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** What people type for a phone number ("138 1234-5678") is matched without its separators. */
export function searchTerm(q: string): string {
  const t = q.trim().toLowerCase();
  return /^[+\d][\d\s()-]{5,}$/.test(t) ? t.replace(/[\s()-]/g, '') : t;
}

/**
 * The two-character grams of a search term as a PostgreSQL array literal — what the SQL function
 * `logicrm_bigrams` and bulk writers (searchGrams.ts) store. Computed here so the
 * planner gets a constant instead of evaluating the function while planning each search.
 */
export function bigramsLiteral(term: string): string {
  return `{${bigrams(term)
    .map((g) => `"${g.replace(/["\\]/g, (c) => `\\${c}`)}"`)
    .join(',')}}`;
}

/** The list's filters and search, shared by the list page and the export. */
export function accountFilters(q: AccountFilterQuery, actorId: string | null): SQL[] {
  const where: SQL[] = [];
  if (q.archived === 'false') where.push(sql`a.archived_at IS NULL`);
  if (q.archived === 'true') where.push(sql`a.archived_at IS NOT NULL`);
  if (q.status) where.push(sql`a.status IN ${q.status}`);
  if (q.tier) where.push(sql`a.tier IN ${q.tier}`);
  if (q.industry) where.push(sql`a.industry IN ${q.industry}`);
  if (q.owner === 'none') where.push(sql`a.owner_id IS NULL`);
  else if (q.owner) where.push(sql`a.owner_id = ${q.owner === 'me' ? actorId : q.owner}`);
  if (q.province) where.push(sql`a.province = ${q.province}`);
  if (q.city) where.push(sql`a.city = ${q.city}`);
  if (q.tag)
    where.push(
      sql`a.tags @> ARRAY[${sql.join(
        q.tag.map((t) => sql`${t}`),
        sql`, `,
      )}]::text[]`,
    );
  if (q.createdFrom) where.push(sql`a.created_at >= ${q.createdFrom}`);
  if (q.createdTo) where.push(sql`a.created_at < ${q.createdTo}`);
  const segment = segmentCondition(q);
  if (segment) where.push(segment);
  return where;
}

type AccountFilterQuery = Omit<AccountListQuery, 'limit' | 'cursor'>;

/**
 * The search box: accounts whose code, names or credit code contain the term, or with a contact
 * whose name, phone, email or WeChat id does. Each side is its own ordered query on its own GIN index
 * of two-character grams (LIKE confirms the exact substring), limited to a page when paging, so a
 * common term costs a page, not every match.
 */
function searchClause(text: string, filters: SQL[], order: SQL, limit: number | null): SQL {
  const term = searchTerm(text);
  const like = `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const inner = filters.length ? sql.join(filters, sql` AND `) : sql`true`;
  const cap = limit === null ? sql`` : sql`LIMIT ${limit}`;
  const grams = sql`${bigramsLiteral(term)}::text[]`;
  return sql`a.id IN (
    (SELECT a.id FROM accounts a
      WHERE ${inner} AND a.search_grams @> ${grams} AND a.search_text LIKE ${like}
      ORDER BY ${order} ${cap})
    UNION
    (SELECT a.id FROM accounts a
      WHERE ${inner} AND EXISTS (SELECT 1 FROM contacts c WHERE c.account_id = a.id AND c.archived_at IS NULL
        AND c.search_grams @> ${grams} AND c.search_text LIKE ${like})
      ORDER BY ${order} ${cap}))`;
}

/**
 * Filters, search and the keyset condition after the row whose (sort key, id) is `after`, with the
 * ORDER BY to go with them; `limit` bounds each search branch (null: every match, for the export).
 */
export function accountPageWhere(
  q: AccountFilterQuery,
  actorId: string | null,
  after: [string | number, string] | null,
  limit: number | null = null,
) {
  const key = SORT[q.sort];
  const where = accountFilters(q, actorId);
  if (after) {
    const cmp = q.order === 'desc' ? sql`<` : sql`>`;
    const value =
      q.sort === 'updatedAt' || q.sort === 'createdAt' ? sql`${after[0]}::timestamptz` : sql`${after[0]}`;
    where.push(sql`(${key}, a.id) ${cmp} (${value}, ${after[1]}::uuid)`);
  }
  const dir = q.order === 'desc' ? sql`DESC` : sql`ASC`;
  if (q.q) where.push(searchClause(q.q, where, sql`${key} ${dir}, a.id ${dir}`, limit));
  return {
    key,
    where: where.length ? sql.join(where, sql` AND `) : sql`true`,
    orderBy: sql`${key} ${dir}, a.id ${dir}`,
  };
}

/** The list page's statement: one page of rows after the cursor, with owner and primary contact. */
export function accountListStatement(
  q: AccountListQuery,
  actorId: string | null,
  after: [string | number, string] | null,
): SQL {
  const { key, where, orderBy } = accountPageWhere(q, actorId, after, q.limit + 1);
  return sql`
    SELECT a.id, a.code, a.name_zh AS "nameZh", a.name_en AS "nameEn", a.status, a.tier, a.industry,
           a.province, a.city, a.tags, a.owner_id AS "ownerId", u.name AS "ownerName",
           pc.name AS "primaryContactName", pc.mobile AS "primaryContactMobile",
           ${isoUtc(sql`a.archived_at`)} AS "archivedAt", ${isoUtc(sql`a.created_at`)} AS "createdAt",
           ${isoUtc(sql`a.updated_at`)} AS "updatedAt",
           a.version, (${key})::text AS "sortKey"
      FROM accounts a
      LEFT JOIN users u ON u.id = a.owner_id
      LEFT JOIN LATERAL (
        SELECT name, mobile FROM contacts c
         WHERE c.account_id = a.id AND c.archived_at IS NULL
         ORDER BY c.is_primary DESC, c.created_at LIMIT 1) pc ON true
     WHERE ${where}
     ORDER BY ${orderBy}
     LIMIT ${sql.raw(String(Math.trunc(q.limit) + 1))}`;
}

/**
 * How the list's statement is planned. A page with neither filters nor a search (the list as it opens)
 * is an index walk in the sort's order whatever the values (only the cursor's change), so it keeps one
 * generic plan per connection instead of being planned on every call: 0.8–1.0 ms a call against
 * 1.2–1.6 ms, measured at 100k accounts. Its LIMIT is written into the statement so that plan knows the
 * page size. A search alone is planned by its grams (searchPlan.ts); with other filters a generic plan
 * ANDs their indexes' bitmaps (half the rows for a status) with the grams' — measured 2.4 times as long
 * as the plan made for the values — so filtered pages are planned for their values.
 */
export function listPlan(q: AccountListQuery, actorId: string | null): 'generic' | 'custom' | 'search' {
  if (accountFilters({ ...q, archived: 'all' }, actorId).length > 0) return 'custom';
  return q.q ? 'search' : 'generic';
}

export async function listAccountRows(
  db: DbOrTx,
  q: AccountListQuery,
  actorId: string | null,
  after: [string | number, string] | null,
): Promise<AccountListRow[]> {
  const mode = listPlan(q, actorId);
  const plan = mode === 'search' ? await searchPlan(db, bigrams(searchTerm(q.q ?? ''))) : mode;
  return executePrepared<AccountListRow>(db, accountListStatement(q, actorId, after), plan);
}
