import { type SQL, sql } from 'drizzle-orm';
import { CSI_DIMENSIONS, RATING_DIMENSIONS } from '../../../shared/surveys/schemas.js';
import type { DbOrTx } from '../../db/client.js';
import { withoutJit } from '../../db/jit.js';
import { addMonths, monthStart } from '../../lib/calendarDates.js';
import { type CountRow, labelOf, type ScoreRow, type SurveyQuery } from './analysisRepo.js';
import { ROLLUP_COLUMNS, ROLLUP_COUNTS } from './rollupTable.js';

/** The zone the rollup's months were cut in (null before the first build). */
export async function surveyRollupZone(db: DbOrTx): Promise<string | null> {
  const { rows } = await db.execute<{ time_zone: string }>(
    sql`SELECT time_zone FROM survey_rollup_state WHERE id = 1`,
  );
  return rows[0]?.time_zone ?? null;
}

/** Rebuilds the rollup in `timeZone` when it was cut in another one (the company changed its zone). */
export async function alignSurveyRollupZone(db: DbOrTx, timeZone: string): Promise<void> {
  if ((await surveyRollupZone(db)) === timeZone) return;
  await db.execute(sql`SELECT logicrm_rebuild_survey_rollup(${timeZone})`);
}

type Range = { from: string; to: string };

/**
 * Splits a query's period into the part the rollups answer and the partial months at its ends read
 * from the responses; null when the rollups cannot answer the query (a cut or filter through the
 * shipment, or, per account, no whole month in the period). Without an account (overall, or cut by
 * tier) the per-day sums answer any period whole.
 */
export function rollupSplit(q: SurveyQuery): { rolled: Range; edges: Range[] } | null {
  if (!['overall', 'account', 'tier'].includes(q.cut) || q.carrierId || q.mode) return null;
  if (byDay(q)) return { rolled: { from: q.from, to: q.to }, edges: [] };
  const first = q.from.endsWith('-01') ? q.from : addMonths(monthStart(q.from), 1);
  const last = monthStart(q.to);
  if (first >= last) return null;
  const edges = [
    ...(q.from < first ? [{ from: q.from, to: first }] : []),
    ...(last < q.to ? [{ from: last, to: q.to }] : []),
  ];
  return { rolled: { from: first, to: last }, edges };
}

/** Company-wide queries (no account) read the per-day, per-tier sums. */
const byDay = (q: SurveyQuery) => q.cut !== 'account' && !q.accountId;

const KEY: Record<string, SQL> = { overall: sql`''`, account: sql`r.account_id::text`, tier: sql`a.tier` };

/**
 * The score and count rows of the rolled-up part of a period, the same as scoreRows and countRows give
 * for it: from the per-day, per-tier sums without an account, from the per-account months otherwise.
 */
export async function rollupRows(db: DbOrTx, q: SurveyQuery, range: Range) {
  const daily = byDay(q);
  const when = daily ? sql`r.day` : sql`r.month`;
  const where: SQL[] = [sql`${when} >= ${range.from}::date AND ${when} < ${range.to}::date`];
  if (q.accountId) where.push(sql`r.account_id = ${q.accountId}`);
  if (q.tier) where.push(daily ? sql`r.tier = ${q.tier}` : sql`a.tier = ${q.tier}`);
  if (q.templateFamilyId) where.push(sql`r.family_id = ${q.templateFamilyId}`);
  const sums = sql.raw(ROLLUP_COLUMNS.map((c) => `sum(r.${c})::int AS ${c}`).join(', '));
  type Row = Record<string, number> & { key: string; month: string; label: string | null };
  const source = daily
    ? sql`survey_rollup_tiers r`
    : q.cut === 'tier' || q.tier
      ? sql`survey_rollup r JOIN accounts a ON a.id = r.account_id`
      : sql`survey_rollup r`;
  const key = daily && q.cut === 'tier' ? sql`r.tier` : KEY[q.cut];
  const query = sql`
      SELECT g.*, ${labelOf(q.cut)} AS label FROM (
        SELECT ${key} AS key, to_char(${when}, 'YYYY-MM') AS month, ${sums}
        FROM ${source}
        WHERE ${sql.join(where, sql` AND `)}
        GROUP BY 1, 2 HAVING sum(r.invited) > 0 OR sum(r.responses) > 0) g`;
  // one account's months are a handful of rows: no transaction needed to keep JIT compilation away
  const res = q.accountId
    ? await db.execute<Row>(query)
    : await db.transaction(async (tx) => {
        await withoutJit(tx);
        return tx.execute<Row>(query);
      });
  const scores: ScoreRow[] = [];
  const counts = new Map<string, CountRow>();
  for (const r of res.rows) {
    const row = (
      kind: string,
      dimension: string | null,
      n: number,
      total: number,
      nps: number | null = null,
    ) => {
      if (n) scores.push({ key: r.key, month: r.month, kind, dimension, nps_score: nps, n, total });
    };
    row('response', null, r.responses, 0);
    for (const d of RATING_DIMENSIONS) row('rating', d, r[`rating_n_${d}`], r[`rating_sum_${d}`]);
    for (const d of CSI_DIMENSIONS) row('importance', d, r[`importance_n_${d}`], r[`importance_sum_${d}`]);
    for (let k = 0; k <= 10; k++) row('nps', null, r[`nps_${k}`], k * r[`nps_${k}`], k);
    const c =
      counts.get(r.key) ??
      ({ key: r.key, label: r.label, ...Object.fromEntries(ROLLUP_COUNTS.map((f) => [f, 0])) } as CountRow);
    for (const f of ROLLUP_COUNTS) c[f] += r[f];
    counts.set(r.key, c);
  }
  return { scores, counts: [...counts.values()] };
}

/** Count rows of several parts of a period added up per group. */
export function mergeCounts(parts: CountRow[][]): CountRow[] {
  const m = new Map<string, CountRow>();
  for (const c of parts.flat()) {
    const a = m.get(c.key);
    if (!a) m.set(c.key, { ...c });
    else for (const f of ROLLUP_COUNTS) a[f] += c[f];
  }
  return [...m.values()].sort((a, b) => a.key.localeCompare(b.key));
}
