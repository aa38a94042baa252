import { type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { withoutJit } from '../../db/jit.js';
import { bucketsOf, type Grain, type Piece, piecesOf } from './periods.js';
import { filters, KEY, type KpiQuery, type KpiRow, labelOf } from './repo.js';

type Dim = 'carrier' | 'origin' | 'destination' | 'mode';

/**
 * The cube's slices (migration 0020, logicrm_kpi_cube_cells), smallest first, with the dimensions each
 * keeps and its grains. carrier_lane is kept per month only (per week it would be about a row per
 * shipment), so its weeks are read as days.
 */
const SLICES: { slice: string; dims: Dim[]; grains: ReadonlySet<Grain> }[] = [
  { slice: 'overall', dims: [], grains: new Set(['month', 'week']) },
  { slice: 'carrier', dims: ['carrier'], grains: new Set(['month', 'week']) },
  { slice: 'mode', dims: ['mode'], grains: new Set(['month', 'week']) },
  { slice: 'origin', dims: ['origin'], grains: new Set(['month', 'week']) },
  { slice: 'lane', dims: ['origin', 'destination'], grains: new Set(['month', 'week']) },
  { slice: 'carrier_lane', dims: ['carrier', 'origin', 'destination'], grains: new Set(['month']) },
];

/** The rollups keep no account: a query by or for an account reads the shipments themselves. */
export const involvesAccount = (q: KpiQuery) => q.cut === 'account' || q.accountId !== undefined;

/** The smallest slice keeping the cut's and the filters' dimensions; none for the cut by account. */
export function sliceFor(q: KpiQuery) {
  if (involvesAccount(q)) return undefined;
  const needed = new Set<Dim>();
  if (q.cut === 'carrier' || q.carrierId) needed.add('carrier');
  if (q.cut === 'mode' || q.mode) needed.add('mode');
  if (q.cut === 'lane' || q.origin) needed.add('origin');
  if (q.cut === 'lane' || q.destination) needed.add('destination');
  return SLICES.find((s) => [...needed].every((d) => s.dims.includes(d)));
}

const dates = (v: string[]) => sql`${`{${v.join(',')}}`}::date[]`;
const texts = (v: string[]) => sql`${`{${v.join(',')}}`}::text[]`;

/**
 * One source read both ways: the pieces of whole weeks and months from the slice's cube rows, the edge
 * days from the daily table. `cols` selects from `s` (either table), aliased for the outer query.
 */
function fromPieces(slice: string, q: KpiQuery, cube: string, daily: string, cols: SQL, dayCols = cols) {
  return sql`
    SELECT ${KEY[q.cut]} AS key, p.bucket, ${cols}
    FROM p CROSS JOIN LATERAL (SELECT * FROM ${sql.raw(cube)} s
      WHERE s.slice = ${slice} AND s.grain = p.grain AND s.period = p.start ${filters(q)} OFFSET 0) s
    WHERE p.grain <> 'day'
    UNION ALL
    SELECT ${KEY[q.cut]}, p.bucket, ${dayCols}
    FROM p CROSS JOIN LATERAL (SELECT * FROM ${sql.raw(daily)} s WHERE s.day = p.start ${filters(q)} OFFSET 0) s
    WHERE p.grain = 'day'`;
}

/**
 * Exact percentile_cont(0.5) and (0.9): the hour histogram (cube weeks and months, edge days) tells
 * which hour holds each 0-based rank percentile_cont needs (floor and ceil of p·(n − 1)) and how many
 * shipments lie below it; the minutes of that hour alone are then counted from shipment_transit_daily,
 * day by day through its (day, minutes) index, and the value at the rank is interpolated the way
 * PostgreSQL does (lo + f·(hi − lo)).
 */
function transit(slice: string, q: KpiQuery): SQL {
  const pos = (p: number) => sql`(${p}::float8 * (total - 1)::float8)`;
  const pct = (p: number, name: string) => {
    const at = (rank: SQL) => sql`(min(minutes) FILTER (WHERE r = ${rank}))::float8 / 1440`;
    const lo = sql`floor(${pos(p)})`;
    const hi = sql`ceil(${pos(p)})`;
    return sql`${at(lo)} + (${pos(p)} - ${lo}) * (${at(hi)} - ${at(lo)}) AS ${sql.raw(name)}`;
  };
  return sql`
    hh AS (
      SELECT key, bucket, hour, sum(n)::bigint AS n FROM (${fromPieces(
        slice,
        q,
        'shipment_transit_cube',
        'shipment_transit_daily',
        sql`s.hour, s.shipments AS n`,
        sql`floor(s.minutes / 60.0)::int, s.shipments`,
      )}) x
      GROUP BY 1, 2, 3 HAVING sum(n) > 0
    ), hc AS (
      SELECT key, bucket, hour, n,
        sum(n) OVER (PARTITION BY key, bucket ORDER BY hour)::bigint AS upto,
        sum(n) OVER (PARTITION BY key, bucket)::bigint AS total
      FROM hh
    ), ranks AS (
      SELECT DISTINCT t.key, t.bucket, t.total, v.r::bigint AS r
      FROM (SELECT DISTINCT key, bucket, total FROM hc) t
      CROSS JOIN LATERAL (VALUES (floor(${pos(0.5)})), (ceil(${pos(0.5)})),
        (floor(${pos(0.9)})), (ceil(${pos(0.9)}))) v(r)
    ), at AS (
      SELECT r.key, r.bucket, r.total, r.r, h.hour, r.r - (h.upto - h.n) AS r_in
      FROM ranks r JOIN hc h ON h.key = r.key AND h.bucket = r.bucket AND r.r < h.upto AND r.r >= h.upto - h.n
    ), need AS (
      SELECT DISTINCT a.bucket, a.hour, b.lo, b.hi FROM at a JOIN b ON b.bucket = a.bucket
    ), mins AS (
      SELECT ${KEY[q.cut]} AS key, n.bucket, n.hour, s.minutes, sum(s.shipments)::bigint AS cnt
      FROM need n CROSS JOIN LATERAL generate_series(n.lo::timestamp, n.hi::timestamp - interval '1 day',
        interval '1 day') d(day)
      CROSS JOIN LATERAL (SELECT * FROM shipment_transit_daily s WHERE s.day = d.day::date
        AND s.minutes >= n.hour * 60 AND s.minutes < n.hour * 60 + 60 ${filters(q)} OFFSET 0) s
      WHERE (${KEY[q.cut]}, n.bucket, n.hour) IN (SELECT key, bucket, hour FROM at)
      GROUP BY 1, 2, 3, 4
    ), mc AS (
      SELECT key, bucket, hour, minutes, cnt,
        sum(cnt) OVER (PARTITION BY key, bucket, hour ORDER BY minutes)::bigint AS upto
      FROM mins
    ), val AS (
      SELECT a.key, a.bucket, a.total, a.r, m.minutes
      FROM at a JOIN mc m ON m.key = a.key AND m.bucket = a.bucket AND m.hour = a.hour
        AND a.r_in < m.upto AND a.r_in >= m.upto - m.cnt
    ), tr AS (
      SELECT key, bucket, ${pct(0.5, 'transit_p50')}, ${pct(0.9, 'transit_p90')}
      FROM val GROUP BY key, bucket, total
    )`;
}

const MEASURES = sql`s.delivered, s.on_time_ts, s.judged_ts, s.on_time_date, s.judged_date, s.cargo_issues,
  s.volume, s.revenue_cents, s.cost_cents`;

/**
 * The same rows as kpiRows (repo.ts) from the cube slice `slice`: whole months and weeks of the period
 * from the cube, the days at its edges from the daily rollups, transit percentiles exact.
 */
export async function kpiRowsFromCube(
  db: DbOrTx,
  q: KpiQuery,
  slice: NonNullable<ReturnType<typeof sliceFor>>,
) {
  const buckets = bucketsOf(q.from, q.to, q.trend);
  const pieces: Piece[] = piecesOf(buckets, slice.grains);
  const res = await db.transaction(async (tx) => {
    await withoutJit(tx);
    return tx.execute<KpiRow>(sql`
    WITH p AS (
      SELECT * FROM unnest(${dates(pieces.map((x) => x.bucket))}, ${texts(pieces.map((x) => x.grain))},
        ${dates(pieces.map((x) => x.start))}) AS p(bucket, grain, start)
    ), b AS (
      SELECT * FROM unnest(${dates(buckets.map((x) => x.bucket))}, ${dates(buckets.map((x) => x.lo))},
        ${dates(buckets.map((x) => x.hi))}) AS b(bucket, lo, hi)
    ), k AS (
      SELECT key, bucket, sum(delivered)::int AS delivered,
        sum(on_time_ts)::int AS on_time_ts, sum(judged_ts)::int AS judged_ts,
        sum(on_time_date)::int AS on_time_date, sum(judged_date)::int AS judged_date,
        sum(cargo_issues)::int AS cargo_issues, sum(volume)::int AS volume,
        sum(revenue_cents)::bigint AS revenue_cents, sum(cost_cents)::bigint AS cost_cents
      FROM (${fromPieces(slice.slice, q, 'shipment_kpi_cube', 'shipment_kpi_daily_totals', MEASURES)}) x
      GROUP BY 1, 2 HAVING sum(delivered) > 0 OR sum(volume) > 0
    ), ${transit(slice.slice, q)}
    SELECT k.key, k.delivered, k.on_time_ts, k.judged_ts, k.on_time_date, k.judged_date, k.cargo_issues,
      tr.transit_p50, tr.transit_p90, k.volume, k.revenue_cents, k.cost_cents,
      ${labelOf(q.cut)} AS label,
      ${q.trend === 'none' ? sql`NULL::text` : sql`to_char(k.bucket, 'YYYY-MM-DD')`} AS bucket
    FROM k LEFT JOIN tr ON tr.key = k.key AND tr.bucket = k.bucket
    ORDER BY k.key, k.bucket`);
  });
  return res.rows;
}
