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
  // CSI as DOMAIN.md §3 with equal weights: the mean of (dimension mean − 1) / 4 × 100 over the rated dimensions
  const { rows: surveys } = await db.execute<{
    id: string;
    responses: number;
    csi: number | null;
    nps_n: number;
    promoters: number;
    detractors: number;
  }>(sql`
    WITH r AS (
      SELECT i.account_id, i.id FROM survey_invitations i
       WHERE i.submitted_at >= ${since(s.surveyDays)} AND i.submitted_at < ${end}),
    dim AS (
      SELECT r.account_id, a.dimension, avg(a.score) AS m FROM r JOIN survey_answers a ON a.invitation_id = r.id
       WHERE a.kind = 'rating' AND a.dimension IN ${CSI_DIMENSIONS} AND a.score IS NOT NULL GROUP BY 1, 2),
    nps AS (
      SELECT r.account_id, count(*)::int AS n, count(*) FILTER (WHERE a.score >= 9)::int AS promoters,
             count(*) FILTER (WHERE a.score <= 6)::int AS detractors
        FROM r JOIN survey_answers a ON a.invitation_id = r.id
       WHERE a.kind = 'nps' AND a.score IS NOT NULL GROUP BY 1)
    SELECT r.account_id::text AS id, count(*)::int AS responses,
           (SELECT avg((dim.m - 1) / 4 * 100)::float8 FROM dim WHERE dim.account_id = r.account_id) AS csi,
           coalesce(max(nps.n), 0)::int AS nps_n, coalesce(max(nps.promoters), 0)::int AS promoters,
           coalesce(max(nps.detractors), 0)::int AS detractors
      FROM r LEFT JOIN nps ON nps.account_id = r.account_id
     GROUP BY r.account_id`);
  const out = new Map<string, ServiceSignals>();
  for (const c of complaints)
    out.set(c.id, { complaints: { count: Number(c.n), open: Number(c.open), categories: c.categories } });
  for (const v of surveys) {
    const npsN = Number(v.nps_n);
    const satisfaction: SatisfactionFacts = {
      responses: Number(v.responses),
      csi: v.csi === null ? null : Number(v.csi),
      nps: npsN ? ((Number(v.promoters) - Number(v.detractors)) / npsN) * 100 : null,
      detractors: Number(v.detractors),
    };
    out.set(v.id, { ...out.get(v.id), satisfaction });
  }
  return out;
}
