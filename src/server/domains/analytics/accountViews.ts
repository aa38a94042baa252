import { sql } from 'drizzle-orm';
import { ACCOUNT_FIGURE_SOURCES } from '../accounts/timeline.js';

let registered = false;

/** The latest succeeded run's figures in the account 360° header, with the "why" for the badges. */
export function registerAnalyticsAccountViews(): void {
  if (registered) return;
  registered = true;
  ACCOUNT_FIGURE_SOURCES.push(async (db, accountId) => {
    const { rows } = await db.execute<Record<string, number | string | null>>(sql`
      SELECT s.abc_class AS "abcClass", s.rfm_segment AS "rfmSegment", s.lifecycle_stage AS "lifecycleStage",
             s.lifecycle_reason::text AS "lifecycleReason", s.churn_risk::int AS "churnRisk",
             s.churn_reasons::text AS "churnReasons", s.value_quadrant AS "valueQuadrant",
             s.suggested_tier AS "suggestedTier", round(s.p_alive::numeric, 3)::float8 AS "pAlive",
             round(s.clv_12m)::float8 AS "clv12mCents", r.as_of::text AS "segmentsAsOf"
        FROM (SELECT id, as_of FROM analytics_runs WHERE status = 'succeeded' ORDER BY finished_at DESC LIMIT 1) r
        JOIN account_segments s ON s.run_id = r.id AND s.account_id = ${accountId}`);
    return (
      rows[0] ?? {
        abcClass: null,
        rfmSegment: null,
        lifecycleStage: null,
        lifecycleReason: null,
        churnRisk: null,
        churnReasons: null,
        valueQuadrant: null,
        suggestedTier: null,
        pAlive: null,
        clv12mCents: null,
        segmentsAsOf: null,
      }
    );
  });
}
