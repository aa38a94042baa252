/**
 * An analytics run: claim (one at a time; the nightly one once per company day), read the shipments in
 * one query, compute in memory (compute.ts), write the snapshot set-based in one transaction. A failure
 * marks the run failed with its message; the previous succeeded run stays the current one.
 */
import { and, desc, eq, sql } from 'drizzle-orm';
import { AnalyticsError } from '../../../analytics/index.js';
import type { Db, DbOrTx } from '../../db/client.js';
import type { Actor } from '../../lib/actor.js';
import { AppError, notFound } from '../../lib/errors.js';
import { companySettings } from '../organization/settings.js';
import { todayIn } from '../partners/service.js';
import { type AccountDays, computeRun, type SegmentRow } from './compute.js';
import { getAnalyticsSettings } from './settingsService.js';
import { analyticsRuns } from './table.js';

export type RunRow = typeof analyticsRuns.$inferSelect;

const pending = new Set<Promise<unknown>>();

/** Resolves when every run started in this process has finished (tests, shutdown). */
export async function settleRuns(): Promise<void> {
  while (pending.size) await Promise.allSettled([...pending]);
}

const isUniqueViolation = (err: unknown) =>
  typeof err === 'object' && err !== null && (err as { code?: string }).code === '23505';

/** A run left 'running' by a process that died is marked failed after an hour. */
async function expireStale(db: DbOrTx) {
  await db.execute(sql`UPDATE analytics_runs SET status = 'failed', finished_at = now(),
    error = 'interrupted: the process running it stopped' WHERE status = 'running' AND started_at < now() - interval '1 hour'`);
}

/**
 * Inserts the 'running' row, or returns null when another run is running (or, for 'nightly', when
 * today's run has been claimed already) — INSERT … ON CONFLICT DO NOTHING decides between processes.
 */
export async function claimRun(db: Db, kind: 'nightly' | 'manual', actor: Actor | null, asOf?: string) {
  await expireStale(db);
  const { settings } = await getAnalyticsSettings(db);
  const day = asOf ?? todayIn((await companySettings(db)).timezone);
  const rows = await db
    .insert(analyticsRuns)
    .values({
      kind,
      status: 'running',
      asOf: day,
      settings,
      phase: 'queued',
      triggeredBy: actor?.kind === 'user' ? actor.id : null,
      triggeredLabel: actor?.label ?? 'nightly schedule',
    })
    .onConflictDoNothing()
    .returning();
  return rows[0] ?? null;
}

async function loadAccountDays(db: DbOrTx, timeZone: string): Promise<AccountDays[]> {
  // one query: shipments per account and company-calendar day, packed as "day:n:revenue:cost,…"
  const { rows } = await db.execute<{ id: string; packed: string }>(sql`
    SELECT account_id::text AS id,
           string_agg(d::text || ':' || n || ':' || rev || ':' || cost, ',' ORDER BY d) AS packed
      FROM (SELECT account_id, (booked_at AT TIME ZONE ${timeZone})::date - date '1970-01-01' AS d,
                   count(*) AS n, coalesce(sum(revenue_cents), 0) AS rev, coalesce(sum(cost_cents), 0) AS cost
              FROM shipments WHERE status <> 'cancelled' GROUP BY 1, 2) x
     GROUP BY account_id`);
  return rows.map((r) => {
    const a: AccountDays = { accountId: r.id, days: [], shipments: [], revenue: [], cost: [] };
    for (const part of r.packed.split(',')) {
      const [d, n, rev, cost] = part.split(':');
      a.days.push(Number(d));
      a.shipments.push(Number(n));
      a.revenue.push(Number(rev));
      a.cost.push(Number(cost));
    }
    return a;
  });
}

const CHUNK = 5000;

async function writeSegments(tx: DbOrTx, runId: string, rows: SegmentRow[]) {
  for (let i = 0; i < rows.length; i += CHUNK) {
    const c = rows.slice(i, i + CHUNK);
    const col = <K extends keyof SegmentRow>(k: K) => sql.param(c.map((r) => r[k]));
    const json = <K extends keyof SegmentRow>(k: K) => sql.param(c.map((r) => JSON.stringify(r[k])));
    await tx.execute(sql`
      INSERT INTO account_segments (run_id, account_id, r_days, frequency, monetary, r_score, f_score, m_score,
        rfm_segment, abc_class, expected_90d, expected_365d, p_alive, expected_avg_revenue, clv_12m, current_value,
        value_quadrant, lifecycle_stage, lifecycle_reason, churn_risk, churn_reasons, suggested_tier)
      SELECT ${runId}::uuid, * FROM unnest(${col('accountId')}::uuid[], ${col('rDays')}::int[], ${col('frequency')}::int[],
        ${col('monetary')}::float8[], ${col('rScore')}::int2[], ${col('fScore')}::int2[], ${col('mScore')}::int2[],
        ${col('rfmSegment')}::text[], ${col('abcClass')}::text[], ${col('expected90d')}::float8[],
        ${col('expected365d')}::float8[], ${col('pAlive')}::float8[], ${col('expectedAvgRevenue')}::float8[],
        ${col('clv12m')}::float8[], ${col('currentValue')}::float8[], ${col('valueQuadrant')}::text[],
        ${col('lifecycleStage')}::text[], ${json('lifecycleReason')}::jsonb[], ${col('churnRisk')}::int2[],
        ${json('churnReasons')}::jsonb[], ${col('suggestedTier')}::text[])`);
  }
}

const setProgress = (db: DbOrTx, id: string, progress: number, phase: string) =>
  db.update(analyticsRuns).set({ progress, phase }).where(eq(analyticsRuns.id, id));

/** Computes and stores a claimed run; never throws (the failure is stored with the run). */
export async function executeRun(db: Db, run: RunRow): Promise<RunRow> {
  try {
    const { timezone } = await companySettings(db);
    await setProgress(db, run.id, 5, 'reading shipments');
    const accounts = await loadAccountDays(db, timezone);
    let last = 0;
    const marks: [number, string][] = [];
    const result = computeRun(accounts, run.asOf, run.settings, (p, phase) => {
      if (p > last) marks.push([p, phase]);
      last = p;
    });
    await setProgress(db, run.id, 85, 'writing snapshot');
    return await db.transaction(async (tx) => {
      await writeSegments(tx, run.id, result.rows);
      const [done] = await tx
        .update(analyticsRuns)
        .set({
          status: 'succeeded',
          progress: 100,
          phase: 'done',
          finishedAt: new Date(),
          params: result.params,
          diagnostics: { ...result.diagnostics, phases: marks.map(([p, name]) => ({ progress: p, name })) },
          counts: result.counts,
        })
        .where(eq(analyticsRuns.id, run.id))
        .returning();
      return done;
    });
  } catch (err) {
    const known = err instanceof AnalyticsError;
    const [failed] = await db
      .update(analyticsRuns)
      .set({
        status: 'failed',
        finishedAt: new Date(),
        phase: 'failed',
        error: err instanceof Error ? err.message : String(err),
        errorCode: known ? err.code : 'INTERNAL',
        diagnostics: known ? { details: err.details } : null,
      })
      .where(eq(analyticsRuns.id, run.id))
      .returning();
    return failed;
  }
}

/** On demand: claims and runs in the background in this process; 409 while another run is running. */
export async function startRun(db: Db, actor: Actor): Promise<RunRow> {
  const run = await claimRun(db, 'manual', actor).catch((err) => {
    if (isUniqueViolation(err)) return null;
    throw err;
  });
  if (!run) throw new AppError('RUN_IN_PROGRESS', { params: { entity: 'analyticsRun' } });
  const p = executeRun(db, run)
    .catch(() => null) // the database went away (shutdown): the stale run expires later
    .finally(() => pending.delete(p));
  pending.add(p);
  return run;
}

/** Claim and run to the end (demo, nightly schedule, benchmark). Null if another process has it. */
export async function runNow(db: Db, kind: 'nightly' | 'manual', actor: Actor | null, asOf?: string) {
  const run = await claimRun(db, kind, actor, asOf);
  return run ? executeRun(db, run) : null;
}

export async function listRuns(db: DbOrTx, limit: number) {
  return db.select().from(analyticsRuns).orderBy(desc(analyticsRuns.startedAt)).limit(limit);
}

export async function getRun(db: DbOrTx, id: string) {
  const [run] = await db.select().from(analyticsRuns).where(eq(analyticsRuns.id, id));
  if (!run) throw notFound('analyticsRun');
  return run;
}

/** The current snapshot: the latest succeeded run (a failed one never replaces it). */
export async function latestRun(db: DbOrTx) {
  const [run] = await db
    .select()
    .from(analyticsRuns)
    .where(and(eq(analyticsRuns.status, 'succeeded')))
    .orderBy(desc(analyticsRuns.finishedAt))
    .limit(1);
  return run ?? null;
}

/** 'latest' or a run id → a succeeded run, or 404. */
export async function resolveRun(db: DbOrTx, ref: string) {
  const run = ref === 'latest' ? await latestRun(db) : await getRun(db, ref);
  if (run?.status !== 'succeeded') throw notFound('analyticsRun');
  return run;
}

export const toRunDto = (r: RunRow) => ({
  ...r,
  startedAt: r.startedAt.toISOString(),
  finishedAt: r.finishedAt?.toISOString() ?? null,
});
