import { sql } from 'drizzle-orm';
import type { DbOrTx, PlanMode } from '../../db/client.js';

/**
 * Whether a search term can use the search's one generic plan — a bitmap scan of each gram index,
 * then the page sorted from the matches — or must be planned for its own grams. The generic plan is
 * the right one whenever few rows match (a company's name, a phone number: most searches) and saves
 * PostgreSQL planning the query on every call (1.5–2 ms of a 4 ms search, measured). A term whose
 * grams are all common on one side (a city, "有限公司", a frequent surname) is better served by
 * walking the sort order and stopping at a page, which only a plan made for its values does.
 *
 * Commonness comes from PostgreSQL's own statistics of the gram columns (the most common elements
 * with their frequencies, refreshed by ANALYZE): a gram it does not list is rarer than the rarest it
 * lists, so PostgreSQL's plan for it would be the bitmap scan too.
 */

/** Estimated matches per table up to which the generic plan is chosen. */
export const FEW_MATCHES = 1_000;
/** How long statistics read once are used (ANALYZE refreshes them as the tables change). */
const STATS_TTL_MS = 5 * 60_000;
/** A table larger than this without statistics yet (just loaded): nothing is known, plan per call. */
const UNANALYSED_ROWS = 10_000;

interface GramStatistics {
  /** Estimated rows of the table (PostgreSQL's reltuples; -1 before the first VACUUM or ANALYZE). */
  rows: number;
  analysed: boolean;
  /** The most common grams with the share of rows containing each. */
  common: Map<string, number>;
}
export type SearchStatistics = Record<'accounts' | 'contacts', GramStatistics>;

const cached = new WeakMap<object, { at: number; statistics: Promise<SearchStatistics> }>();

async function readStatistics(db: DbOrTx): Promise<SearchStatistics> {
  const { rows } = await db.execute<{
    table: 'accounts' | 'contacts';
    rows: number;
    analysed: boolean;
    elems: string[] | null;
    freqs: number[] | null;
  }>(sql`
    SELECT c.relname AS "table", c.reltuples::float8 AS rows, s.attname IS NOT NULL AS analysed,
           s.most_common_elems::text::text[] AS elems, s.most_common_elem_freqs::float8[] AS freqs
      FROM pg_class c
      LEFT JOIN pg_stats s ON s.schemaname = current_schema() AND s.tablename = c.relname
       AND s.attname = 'search_grams'
     WHERE c.relnamespace = current_schema()::regnamespace AND c.relname IN ('accounts', 'contacts')`);
  const empty = (): GramStatistics => ({ rows: -1, analysed: false, common: new Map() });
  const out: SearchStatistics = { accounts: empty(), contacts: empty() };
  for (const r of rows) {
    // the frequencies list one per element, then the minimum, the maximum and the share of nulls
    const common = new Map((r.elems ?? []).map((gram, i) => [gram, r.freqs?.[i] ?? 1]));
    out[r.table] = { rows: r.rows, analysed: r.analysed, common };
  }
  return out;
}

/** The statistics of the gram columns, read at most every few minutes per database handle. */
export function searchStatistics(db: DbOrTx, now = Date.now()): Promise<SearchStatistics> {
  const hit = cached.get(db);
  if (hit && now - hit.at < STATS_TTL_MS) return hit.statistics;
  const statistics = readStatistics(db);
  cached.set(db, { at: now, statistics });
  statistics.catch(() => cached.delete(db)); // read again next time
  return statistics;
}

/** How a search for these grams (the term's, bigrams of searchTerm) should be planned. */
export function searchPlanFor(statistics: SearchStatistics, grams: readonly string[]): PlanMode {
  if (grams.length === 0) return 'custom'; // one character: every row is a candidate
  for (const table of [statistics.accounts, statistics.contacts]) {
    if (!table.analysed && (table.rows < 0 || table.rows > UNANALYSED_ROWS)) return 'custom';
    const matches = (gram: string) => (table.common.get(gram) ?? 0) * table.rows;
    // a row must contain every gram: the rarest one bounds the matches
    if (grams.every((gram) => matches(gram) > FEW_MATCHES)) return 'custom';
  }
  return 'generic';
}

/** The plan for a search by these grams on `db`; per call when the statistics cannot be read. */
export async function searchPlan(db: DbOrTx, grams: readonly string[]): Promise<PlanMode> {
  if (grams.length === 0) return 'custom';
  try {
    return searchPlanFor(await searchStatistics(db), grams);
  } catch {
    return 'custom';
  }
}
