import { type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { withoutJit } from '../../db/jit.js';
import { involvesAccount, kpiRowsFromCube, sliceFor } from './cube.js';
import { filters, KEY, type KpiQuery, type KpiRow, kpiRows, labelOf } from './repo.js';

/** The zone the daily rollup was cut in (null before the first build). */
export async function rollupTimeZone(db: DbOrTx): Promise<string | null> {
  const { rows } = await db.execute<{ time_zone: string }>(
    sql`SELECT time_zone FROM shipment_kpi_rollup_state WHERE id = 1`,
  );
  return rows[0]?.time_zone ?? null;
}

/** Rebuilds the rollup in `timeZone` when it was cut in another one (the company changed its zone). */
export async function alignRollupTimeZone(db: DbOrTx, timeZone: string): Promise<void> {
  if ((await rollupTimeZone(db)) === timeZone) return;
  await db.execute(sql`SELECT logicrm_rebuild_shipment_kpis(${timeZone})`);
}

/** A period's days: the rollup's `day` is already the local calendar date. */
const dayRange = (q: KpiQuery) => sql`s.day >= ${q.from}::date AND s.day < ${q.to}::date`;
const dayBucket = (q: KpiQuery) =>
  q.trend === 'none' ? sql`NULL::date` : sql`date_trunc(${q.trend}, s.day::timestamp)::date`;

/**
 * Exact percentile_cont(0.5) and (0.9) from the minute histogram: the value at 0-based rank r is the
 * smallest minute whose running count exceeds r; interpolated the way PostgreSQL does (lo + f·(hi − lo)).
 */
function transitFromHistogram(q: KpiQuery): SQL {
  const pct = (p: number, name: string) => {
    const pos = sql`(${p}::float8 * (total - 1)::float8)`;
    const at = (rank: SQL) => sql`(min(minutes) FILTER (WHERE upto > ${rank}))::float8 / 1440`;
    return sql`${at(sql`floor(${pos})`)} + (${pos} - floor(${pos})) * (${at(sql`ceil(${pos})`)} - ${at(sql`floor(${pos})`)}) AS ${sql.raw(name)}`;
  };
  return sql`
    h AS (
      SELECT ${KEY[q.cut]} AS key, ${dayBucket(q)} AS bucket, s.minutes, sum(s.shipments) AS n
      FROM shipment_transit_daily s WHERE ${dayRange(q)} ${filters(q)}
      GROUP BY 1, 2, 3 HAVING sum(s.shipments) > 0
    ), cum AS (
      SELECT key, bucket, minutes,
        sum(n) OVER (PARTITION BY key, bucket ORDER BY minutes) AS upto,
        sum(n) OVER (PARTITION BY key, bucket) AS total
      FROM h
    ), tr AS (
      SELECT key, bucket, ${pct(0.5, 'transit_p50')}, ${pct(0.9, 'transit_p90')}
      FROM cum GROUP BY key, bucket, total
    )`;
}

/**
 * The same rows as kpiRows (repo.ts) from the rollups. Where an account is involved (one account, or
 * the cut by account) the rollups do not apply — they keep no account — and its raw rows are read
 * through the shipments' account indexes (a few dozen rows a year for most accounts). Otherwise the
 * smallest cube slice holding the cut and the filters answers (cube.ts); a filter combination no slice
 * keeps (say carrier and mode) reads the daily rollups alone.
 */
export async function kpiRowsFromRollup(db: DbOrTx, q: KpiQuery): Promise<KpiRow[]> {
  if (involvesAccount(q)) return kpiRows(db, q);
  const slice = sliceFor(q);
  return slice ? kpiRowsFromCube(db, q, slice) : kpiRowsFromDailyRollup(db, q);
}

/**
 * The daily rollups alone: counts and money summed over days, transit percentiles from the minute
 * histogram. Correct for any filters, but it reads about a row per shipment of the period.
 */
export async function kpiRowsFromDailyRollup(db: DbOrTx, q: KpiQuery): Promise<KpiRow[]> {
  const res = await db.transaction(async (tx) => {
    await withoutJit(tx);
    return tx.execute<KpiRow>(sql`
    WITH k AS (
      SELECT ${KEY[q.cut]} AS key, ${dayBucket(q)} AS bucket,
        sum(s.delivered)::int AS delivered,
        sum(s.on_time_ts)::int AS on_time_ts, sum(s.judged_ts)::int AS judged_ts,
        sum(s.on_time_date)::int AS on_time_date, sum(s.judged_date)::int AS judged_date,
        sum(s.cargo_issues)::int AS cargo_issues, sum(s.volume)::int AS volume,
        sum(s.revenue_cents)::bigint AS revenue_cents, sum(s.cost_cents)::bigint AS cost_cents
      FROM shipment_kpi_daily_totals s
      WHERE ${dayRange(q)} ${filters(q)}
      GROUP BY 1, 2 HAVING sum(s.delivered) > 0 OR sum(s.volume) > 0
    ), ${transitFromHistogram(q)}
    SELECT k.key, k.delivered, k.on_time_ts, k.judged_ts, k.on_time_date, k.judged_date, k.cargo_issues,
      tr.transit_p50, tr.transit_p90, k.volume, k.revenue_cents, k.cost_cents,
      ${labelOf(q.cut)} AS label, to_char(k.bucket, 'YYYY-MM-DD') AS bucket
    FROM k LEFT JOIN tr ON tr.key = k.key AND tr.bucket IS NOT DISTINCT FROM k.bucket
    ORDER BY k.key, k.bucket`);
  });
  return res.rows;
}
