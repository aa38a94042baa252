/** Reading a snapshot: the segment list (keyset by churn risk), the overview and movements. */
import { type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { decodeCursor, toPage } from '../../lib/pagination.js';
import type { RunRow } from './runService.js';

export interface SegmentQuery {
  abc?: string;
  rfm?: string;
  stage?: string;
  quadrant?: string;
  riskMin?: number;
  limit: number;
  cursor?: string;
}

/** One snapshot row with its account's name, tier and owner, as the screens read it. */
const SEGMENT_COLUMNS = sql`s.account_id AS "accountId", a.code, coalesce(a.name_zh, a.name_en) AS name, a.tier,
  a.owner_id AS "ownerId", u.name AS "ownerName",
  s.r_days AS "rDays", s.frequency, s.monetary, s.r_score AS "rScore", s.f_score AS "fScore",
  s.m_score AS "mScore", s.rfm_segment AS "rfmSegment", s.abc_class AS "abcClass",
  s.expected_90d AS "expected90d", s.expected_365d AS "expected365d", s.p_alive AS "pAlive",
  s.expected_avg_revenue AS "expectedAvgRevenue", s.clv_12m AS "clv12m", s.current_value AS "currentValue",
  s.value_quadrant AS "valueQuadrant", s.lifecycle_stage AS "lifecycleStage",
  s.lifecycle_reason AS "lifecycleReason", s.churn_risk AS "churnRisk", s.churn_reasons AS "churnReasons",
  s.suggested_tier AS "suggestedTier"`;

/** An account in the current snapshot (null when it had no shipments then) and its last runs' segments. */
export async function accountSegments(db: DbOrTx, run: RunRow | null, accountId: string) {
  const current = run
    ? (
        await db.execute<Record<string, unknown>>(sql`
          SELECT ${SEGMENT_COLUMNS} FROM account_segments s JOIN accounts a ON a.id = s.account_id
            LEFT JOIN users u ON u.id = a.owner_id
           WHERE s.run_id = ${run.id} AND s.account_id = ${accountId}`)
      ).rows[0]
    : undefined;
  const { rows: history } = await db.execute<Record<string, unknown>>(sql`
    SELECT r.id AS "runId", r.as_of::text AS "asOf", s.abc_class AS "abcClass", s.rfm_segment AS "rfmSegment",
           s.lifecycle_stage AS "lifecycleStage", s.value_quadrant AS "valueQuadrant", s.churn_risk AS "churnRisk"
      FROM account_segments s JOIN analytics_runs r ON r.id = s.run_id
     WHERE s.account_id = ${accountId} AND r.status = 'succeeded'
     ORDER BY r.finished_at DESC LIMIT 12`);
  return {
    run: run ? { id: run.id, asOf: run.asOf, settings: run.settings } : null,
    segment: current ?? null,
    history,
  };
}

export async function listSegments(db: DbOrTx, run: RunRow, q: SegmentQuery) {
  const where: SQL[] = [sql`s.run_id = ${run.id}`];
  if (q.abc) where.push(sql`s.abc_class = ${q.abc}`);
  if (q.rfm) where.push(sql`s.rfm_segment = ${q.rfm}`);
  if (q.stage) where.push(sql`s.lifecycle_stage = ${q.stage}`);
  if (q.quadrant) where.push(sql`s.value_quadrant = ${q.quadrant}`);
  if (q.riskMin !== undefined) where.push(sql`s.churn_risk >= ${q.riskMin}`);
  const after = decodeCursor(q.cursor, 2);
  if (after)
    where.push(
      sql`(s.churn_risk < ${after[0]} OR (s.churn_risk = ${after[0]} AND s.account_id > ${after[1]}::uuid))`,
    );
  const { rows } = await db.execute<Record<string, unknown> & { churnRisk: number; accountId: string }>(sql`
    SELECT ${SEGMENT_COLUMNS}
      FROM account_segments s
      JOIN accounts a ON a.id = s.account_id
      LEFT JOIN users u ON u.id = a.owner_id
     WHERE ${sql.join(where, sql` AND `)}
     ORDER BY s.churn_risk DESC, s.account_id
     LIMIT ${q.limit + 1}`);
  return { runId: run.id, asOf: run.asOf, ...toPage(rows, q.limit, (r) => [r.churnRisk, r.accountId]) };
}

const countsBy = async (db: DbOrTx, runId: string, column: string) => {
  const { rows } = await db.execute<{ key: string; n: number }>(
    sql`SELECT ${sql.raw(column)} AS key, count(*)::int AS n FROM account_segments WHERE run_id = ${runId} GROUP BY 1 ORDER BY 1`,
  );
  return Object.fromEntries(rows.map((r) => [r.key, r.n]));
};

const MATRIX_POINTS = 2000;

/** Counts per ABC class, RFM grid (R × F), quadrant and stage; the Pareto curve in about 50 points. */
export async function overview(db: DbOrTx, run: RunRow) {
  const basis = run.settings.abcBasis === 'gross_profit' ? 'current_value' : 'monetary';
  const [abc, quadrants, stages, grid, pareto, matrix] = await Promise.all([
    countsBy(db, run.id, 'abc_class'),
    countsBy(db, run.id, 'value_quadrant'),
    countsBy(db, run.id, 'lifecycle_stage'),
    db.execute<{ r: number; f: number; n: number }>(sql`
      SELECT r_score AS r, f_score AS f, count(*)::int AS n FROM account_segments
       WHERE run_id = ${run.id} GROUP BY 1, 2 ORDER BY 1, 2`),
    db.execute<{ accounts: number; value: number }>(sql`
      WITH v AS (SELECT greatest(${sql.raw(basis)}, 0) AS v,
                        row_number() OVER (ORDER BY ${sql.raw(basis)} DESC, account_id) AS rn,
                        count(*) OVER () AS n
                   FROM account_segments WHERE run_id = ${run.id}),
           c AS (SELECT rn, n, sum(v) OVER (ORDER BY rn) AS cum, sum(v) OVER () AS total FROM v)
      SELECT rn::float8 / n AS accounts, coalesce(cum / nullif(total, 0), 0)::float8 AS value
        FROM c WHERE rn = n OR rn % greatest(1, n / 50) = 0 ORDER BY rn`),
    // the value matrix: the accounts with the highest CLV (all of them up to this many)
    db.execute<{ accountId: string; currentValue: number; clv12m: number; valueQuadrant: string }>(sql`
      SELECT account_id AS "accountId", current_value AS "currentValue", clv_12m AS "clv12m",
             value_quadrant AS "valueQuadrant"
        FROM account_segments WHERE run_id = ${run.id} ORDER BY clv_12m DESC, account_id LIMIT ${MATRIX_POINTS}`),
  ]);
  const funnel = ['identification', 'development', 'stable', 'decline', 'lost'].map((stage) => ({
    stage,
    accounts: stages[stage] ?? 0,
  }));
  return {
    run: { id: run.id, asOf: run.asOf, finishedAt: run.finishedAt?.toISOString() ?? null },
    abc,
    rfmGrid: grid.rows,
    quadrants,
    funnel,
    pareto: [{ accounts: 0, value: 0 }, ...pareto.rows],
    valueMatrix: {
      points: matrix.rows,
      cuts: (run.diagnostics as { valueSplit?: { currentValueCut: number; clvCut: number } } | null)
        ?.valueSplit,
      accounts: Object.values(quadrants).reduce((n, v) => n + v, 0),
    },
  };
}

export const MOVEMENT_DIMENSIONS = {
  rfm: 'rfm_segment',
  abc: 'abc_class',
  stage: 'lifecycle_stage',
  quadrant: 'value_quadrant',
  tier: 'suggested_tier',
} as const;

/** How many accounts moved from each segment to each other between two runs ('none': not in that run). */
export async function movements(db: DbOrTx, from: RunRow, to: RunRow, by: keyof typeof MOVEMENT_DIMENSIONS) {
  const col = sql.raw(MOVEMENT_DIMENSIONS[by]);
  const { rows } = await db.execute<{ from: string; to: string; accounts: number }>(sql`
    SELECT coalesce(a.${col}, 'none') AS "from", coalesce(b.${col}, 'none') AS "to", count(*)::int AS accounts
      FROM (SELECT account_id, ${col} FROM account_segments WHERE run_id = ${from.id}) a
      FULL JOIN (SELECT account_id, ${col} FROM account_segments WHERE run_id = ${to.id}) b
        ON a.account_id = b.account_id
     GROUP BY 1, 2 ORDER BY 1, 2`);
  return { from: from.id, to: to.id, by, cells: rows };
}
