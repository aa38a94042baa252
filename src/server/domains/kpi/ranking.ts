import { type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { withoutJit } from '../../db/jit.js';
import type { OnTimeRule } from './formulas.js';
import { deliveredIn, type KpiQuery, type KpiRow, labelOf, measuresCte, transitPercentiles } from './repo.js';

/**
 * A cut's rows ranked and paged: the dashboard's table by account has a row per customer (100,000 of
 * them at a large forwarder), so it is read a page at a time, ranked by what a service manager asks
 * first — the busiest customers, the most late shipments, the worst on-time rate.
 */
export const KPI_SORTS = [
  'volume',
  'delivered',
  'late',
  'onTimeRate',
  'intactRate',
  'revenue',
  'margin',
] as const;
export type KpiSort = (typeof KPI_SORTS)[number];

export interface KpiPage {
  sort: KpiSort;
  order: 'asc' | 'desc';
  limit: number;
  offset: number;
}

const onTimeOf = (r: KpiRow, rule: OnTimeRule) =>
  rule === 'date' ? [r.on_time_date, r.judged_date] : [r.on_time_ts, r.judged_ts];

/** A row's value for a sort under the on-time rule; null (nothing to judge) ranks last either way. */
export function sortValue(sort: KpiSort, rule: OnTimeRule, r: KpiRow): number | null {
  const [onTimeCount, judged] = onTimeOf(r, rule);
  switch (sort) {
    case 'volume':
      return r.volume;
    case 'delivered':
      return r.delivered;
    case 'late':
      return judged - onTimeCount;
    case 'onTimeRate':
      return judged ? onTimeCount / judged : null;
    case 'intactRate':
      return r.delivered ? 1 - r.cargo_issues / r.delivered : null;
    case 'revenue':
      return Number(r.revenue_cents);
    case 'margin':
      return Number(r.revenue_cents) - Number(r.cost_cents);
  }
}

/** The same value in SQL over the measures CTE `k` (repo.measuresCte). */
function sortExpression(sort: KpiSort, rule: OnTimeRule): SQL {
  const [on, judged] = rule === 'date' ? ['on_time_date', 'judged_date'] : ['on_time_ts', 'judged_ts'];
  const col = (c: string) => sql.raw(`k.${c}`);
  switch (sort) {
    case 'volume':
      return col('volume');
    case 'delivered':
      return col('delivered');
    case 'late':
      return sql`(${col(judged)} - ${col(on)})`;
    case 'onTimeRate':
      return sql`(${col(on)}::float8 / nullif(${col(judged)}, 0))`;
    case 'intactRate':
      return sql`(1 - k.cargo_issues::float8 / nullif(k.delivered, 0))`;
    case 'revenue':
      return col('revenue_cents');
    case 'margin':
      return sql`(k.revenue_cents - k.cost_cents)`;
  }
}

/** Ties are broken by the key in byte order (COLLATE "C" in SQL), so a page never depends on the locale. */
const byKey = (a: KpiRow, b: KpiRow) => Buffer.compare(Buffer.from(a.key), Buffer.from(b.key));

/** Ranks and pages rows already computed (the cuts the rollups answer: a few dozen rows). */
export function rankRows(rows: KpiRow[], page: KpiPage, rule: OnTimeRule) {
  const dir = page.order === 'asc' ? 1 : -1;
  const ranked = rows
    .map((r) => ({ r, v: sortValue(page.sort, rule, r) }))
    .sort((a, b) => {
      if (a.v === null || b.v === null) return a.v === b.v ? byKey(a.r, b.r) : a.v === null ? 1 : -1;
      return a.v === b.v ? byKey(a.r, b.r) : (a.v - b.v) * dir;
    })
    .map((x) => x.r);
  return { rows: ranked.slice(page.offset, page.offset + page.limit), total: rows.length };
}

/** The statement of rankedAccountRows: a row per account of the page, or one empty row with the count. */
function rankedAccountStatement(q: KpiQuery, page: KpiPage): SQL {
  const expr = sortExpression(page.sort, q.rule);
  const order = sql`${expr} ${sql.raw(page.order === 'asc' ? 'ASC' : 'DESC')} NULLS LAST, k.key COLLATE "C"`;
  return sql`${measuresCte(q, { percentiles: false })},
    page AS (SELECT k.* FROM k ORDER BY ${order} LIMIT ${page.limit} OFFSET ${page.offset})
    SELECT k.*, tr.transit_p50, tr.transit_p90, ${labelOf('account')} AS label, NULL::text AS bucket, n.total
    FROM (SELECT count(*)::int AS total FROM k) n
    LEFT JOIN page k ON true
    LEFT JOIN LATERAL (
      SELECT ${transitPercentiles} FROM shipments s
      WHERE s.account_id = k.key::uuid AND ${deliveredIn(q)}
    ) tr ON k.key IS NOT NULL
    ORDER BY ${order}`;
}

/**
 * The cut by account ranked in SQL: the counts and sums of every account of the period (no rollup
 * keeps accounts), then the transit percentiles and labels of the page's accounts only, each read
 * through the shipments' (account, delivered) index.
 */
export async function rankedAccountRows(
  db: DbOrTx,
  q: KpiQuery,
  page: KpiPage,
): Promise<{ rows: KpiRow[]; total: number }> {
  if (q.cut !== 'account' || q.trend !== 'none') throw new Error('ranked rows: the cut by account, no trend');
  const res = await db.transaction(async (tx) => {
    await withoutJit(tx);
    return tx.execute<KpiRow & { total: number }>(rankedAccountStatement(q, page));
  });
  const rows = res.rows.filter((r) => r.key !== null).map(({ total: _total, ...row }) => row);
  return { rows, total: res.rows[0]?.total ?? 0 };
}
