import { type SQL, sql } from 'drizzle-orm';

/** The account list's (and export's) filters on the current analytics snapshot. */
export interface SegmentFilter {
  abcClass?: string[];
  rfmSegment?: string[];
  analyticsStage?: string[];
  valueQuadrant?: string[];
  riskMin?: number;
}

/** Accounts whose row in the latest succeeded run matches every filter given; null when none is given. */
export function segmentCondition(q: SegmentFilter): SQL | null {
  const where: SQL[] = [];
  if (q.abcClass) where.push(sql`s.abc_class IN ${q.abcClass}`);
  if (q.rfmSegment) where.push(sql`s.rfm_segment IN ${q.rfmSegment}`);
  if (q.analyticsStage) where.push(sql`s.lifecycle_stage IN ${q.analyticsStage}`);
  if (q.valueQuadrant) where.push(sql`s.value_quadrant IN ${q.valueQuadrant}`);
  if (q.riskMin !== undefined) where.push(sql`s.churn_risk >= ${q.riskMin}`);
  if (!where.length) return null;
  return sql`EXISTS (SELECT 1 FROM account_segments s
    WHERE s.run_id = (SELECT id FROM analytics_runs WHERE status = 'succeeded' ORDER BY finished_at DESC LIMIT 1)
      AND s.account_id = a.id AND ${sql.join(where, sql` AND `)})`;
}
