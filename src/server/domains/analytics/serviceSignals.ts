/**
 * The service-desk and survey side of churn risk, read set-based beside the shipments (runService read
 * phase): per account, the complaints and claims open now or opened in the complaint window, and the CSI /
 * NPS of the survey answers submitted in the survey window — both ending with the as-of day (company
 * calendar). A ticket's "open" is its current status (the run does not replay ticket history).
 */
import { sql } from 'drizzle-orm';
import type { AnalyticsSettings } from '../../../shared/analytics.js';
import { OPEN_STATUSES } from '../../../shared/servicedesk/enums.js';
import { CSI_DIMENSIONS } from '../../../shared/surveys/schemas.js';
import type { DbOrTx } from '../../db/client.js';
import type { ComplaintFacts, SatisfactionFacts } from './rules.js';

export interface ServiceSignals {
  complaints?: ComplaintFacts;
  satisfaction?: SatisfactionFacts;
}

/** Ticket kinds that say the customer is unhappy with the service. */
export const COMPLAINT_KINDS = ['complaint', 'claim'] as const;

export async function loadServiceSignals(
  db: DbOrTx,
  timeZone: string,
  asOf: string,
  s: AnalyticsSettings['churnSignals'],
): Promise<Map<string, ServiceSignals>> {
  // [start of the window's first day, start of the day after the as-of day), in the company's zone
  const end = sql`((${asOf}::date + 1)::timestamp AT TIME ZONE ${timeZone})`;
  const since = (days: number) =>
    sql`((${asOf}::date + 1 - ${days}::int)::timestamp AT TIME ZONE ${timeZone})`;
  const { rows: complaints } = await db.execute<{
    id: string;
    n: number;
    open: number;
    categories: string[];
  }>(
    sql`SELECT account_id::text AS id, count(*)::int AS n,
               count(*) FILTER (WHERE status IN ${OPEN_STATUSES})::int AS open,
               array_agg(DISTINCT category ORDER BY category) AS categories
          FROM tickets
         WHERE kind IN ${COMPLAINT_KINDS} AND created_at < ${end}
           AND (status IN ${OPEN_STATUSES} OR created_at >= ${since(s.complaintDays)})
         GROUP BY account_id`,
  );
  // CSI as DOMAIN.md §3 with equal weights: the mean of (dimension mean − 1) / 4 × 100 over the rated
  // dimensions, of the survey window (cur) and of the window of the same length before it (to see it fall)
  const { rows: surveys } = await db.execute<{
    id: string;
    responses: number;
    csi: number | null;
    previous_csi: number | null;
    nps_n: number;
    promoters: number;
    detractors: number;
  }>(sql`
    WITH r AS (
      SELECT i.account_id, i.id, i.submitted_at >= ${since(s.surveyDays)} AS cur FROM survey_invitations i
       WHERE i.submitted_at >= ${since(2 * s.surveyDays)} AND i.submitted_at < ${end}),
    dim AS (
      SELECT r.account_id, r.cur, a.dimension, avg(a.score) AS m
        FROM r JOIN survey_answers a ON a.invitation_id = r.id
       WHERE a.kind = 'rating' AND a.dimension IN ${CSI_DIMENSIONS} AND a.score IS NOT NULL GROUP BY 1, 2, 3),
    csi AS (
      SELECT account_id, avg((m - 1) / 4 * 100) FILTER (WHERE cur)::float8 AS csi,
             avg((m - 1) / 4 * 100) FILTER (WHERE NOT cur)::float8 AS previous_csi
        FROM dim GROUP BY 1),
    nps AS (
      SELECT r.account_id, count(*)::int AS n, count(*) FILTER (WHERE a.score >= 9)::int AS promoters,
             count(*) FILTER (WHERE a.score <= 6)::int AS detractors
        FROM r JOIN survey_answers a ON a.invitation_id = r.id
       WHERE r.cur AND a.kind = 'nps' AND a.score IS NOT NULL GROUP BY 1)
    SELECT r.account_id::text AS id, count(*) FILTER (WHERE r.cur)::int AS responses,
           max(csi.csi) AS csi, max(csi.previous_csi) AS previous_csi,
           coalesce(max(nps.n), 0)::int AS nps_n, coalesce(max(nps.promoters), 0)::int AS promoters,
           coalesce(max(nps.detractors), 0)::int AS detractors
      FROM r LEFT JOIN nps ON nps.account_id = r.account_id LEFT JOIN csi ON csi.account_id = r.account_id
     GROUP BY r.account_id
    HAVING bool_or(r.cur)`);
  const out = new Map<string, ServiceSignals>();
  for (const c of complaints)
    out.set(c.id, { complaints: { count: Number(c.n), open: Number(c.open), categories: c.categories } });
  for (const v of surveys) {
    const npsN = Number(v.nps_n);
    const satisfaction: SatisfactionFacts = {
      responses: Number(v.responses),
      csi: v.csi === null ? null : Number(v.csi),
      previousCsi: v.previous_csi === null ? null : Number(v.previous_csi),
      nps: npsN ? ((Number(v.promoters) - Number(v.detractors)) / npsN) * 100 : null,
      detractors: Number(v.detractors),
    };
    out.set(v.id, { ...out.get(v.id), satisfaction });
  }
  return out;
}
