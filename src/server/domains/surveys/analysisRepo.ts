import { type SQL, sql } from 'drizzle-orm';
import { CSI_DIMENSIONS } from '../../../shared/surveys/schemas.js';
import type { DbOrTx } from '../../db/client.js';
import { withoutJit } from '../../db/jit.js';
import type { OnTimeRule } from '../kpi/formulas.js';
import { onTime } from '../kpi/repo.js';
import type { RegressionSums } from './indices.js';

export const SURVEY_CUTS = ['overall', 'account', 'tier', 'carrier', 'lane', 'mode', 'punctuality'] as const;
export type SurveyCut = (typeof SURVEY_CUTS)[number];

export interface SurveyQuery {
  /** Calendar dates in the company zone; responses submitted in [from, to). */
  from: string;
  to: string;
  timeZone: string;
  rule: OnTimeRule;
  cut: SurveyCut;
  accountId?: string;
  tier?: string;
  carrierId?: string;
  mode?: string;
  templateFamilyId?: string;
}

/**
 * Cuts go through the shipment a survey is about (carrier, lane, mode, punctuality); surveys about
 * no shipment fall in the '' group of those cuts. Punctuality: on_time / late for delivered shipments
 * judged by the rule, '' otherwise (not delivered, or no delivery time).
 */
function keyOf(q: SurveyQuery): SQL {
  switch (q.cut) {
    case 'overall':
      return sql`''`;
    case 'account':
      return sql`i.account_id::text`;
    case 'tier':
      return sql`a.tier`;
    case 'carrier':
      return sql`coalesce(s.carrier_id::text, '')`;
    case 'lane':
      return sql`coalesce(s.origin || ' → ' || s.destination, '')`;
    case 'mode':
      return sql`coalesce(s.mode, '')`;
    case 'punctuality':
      return sql`CASE WHEN s.status = 'delivered' AND s.delivered_at IS NOT NULL THEN
        CASE ${onTime(q.rule, q.timeZone)} WHEN true THEN 'on_time' WHEN false THEN 'late' ELSE '' END ELSE '' END`;
  }
}

export const labelOf = (cut: SurveyCut): SQL =>
  cut === 'account'
    ? sql`(SELECT coalesce(x.name_zh, x.name_en, x.code) FROM accounts x WHERE x.id::text = g.key)`
    : cut === 'carrier'
      ? sql`(SELECT coalesce(p.name_zh, p.name_en, p.code) FROM partners p WHERE p.id::text = nullif(g.key, ''))`
      : sql`NULL::text`;

function filters(q: SurveyQuery): SQL {
  const parts: SQL[] = [];
  if (q.accountId) parts.push(sql`i.account_id = ${q.accountId}`);
  if (q.tier) parts.push(sql`a.tier = ${q.tier}`);
  if (q.carrierId) parts.push(sql`s.carrier_id = ${q.carrierId}`);
  if (q.mode) parts.push(sql`s.mode = ${q.mode}`);
  if (q.templateFamilyId)
    parts.push(
      sql`i.template_id IN (SELECT t.id FROM survey_templates t WHERE t.family_id = ${q.templateFamilyId})`,
    );
  return parts.length ? sql`AND ${sql.join(parts, sql` AND `)}` : sql``;
}

/** Invitations of the query's filters whose `col` falls in the period. */
function base(q: SurveyQuery, col: SQL, extra: SQL = sql``): SQL {
  const from = sql`(${q.from}::date)::timestamp AT TIME ZONE ${q.timeZone}`;
  const to = sql`(${q.to}::date)::timestamp AT TIME ZONE ${q.timeZone}`;
  return sql`
    SELECT i.id, ${keyOf(q)} AS key, i.submitted_at, i.follow_up_task_id, i.follow_up_outcome,
      date_trunc('month', i.submitted_at AT TIME ZONE ${q.timeZone})::date AS month
    FROM survey_invitations i
    JOIN accounts a ON a.id = i.account_id
    LEFT JOIN shipments s ON s.id = i.shipment_id
    WHERE ${col} >= ${from} AND ${col} < ${to} ${filters(q)} ${extra}`;
}

export interface ScoreRow {
  key: string;
  month: string | null;
  kind: string;
  dimension: string | null;
  /** For NPS rows: the 0–10 score counted; null for the others. */
  nps_score: number | null;
  n: number;
  total: number;
}

export interface CountRow {
  key: string;
  label: string | null;
  invited: number;
  /** Of the invitations sent in the period, those answered (whenever). */
  answered: number;
  responses: number;
  /** Responses of the period that opened a follow-up, and those whose outcome is recorded, per outcome. */
  follow_ups: number;
  contacted: number;
  resolved: number;
  no_answer: number;
}

async function run<T extends Record<string, unknown>>(db: DbOrTx, query: SQL): Promise<T[]> {
  const res = await db.transaction(async (tx) => {
    await withoutJit(tx);
    return tx.execute<T>(query);
  });
  return res.rows as T[];
}

/**
 * Sums and counts of scored answers (kind 'response': the number of responses) of the responses submitted in the period, per group and (when
 * `byMonth`) per month; NPS answers also per score, for the distribution.
 */
export function scoreRows(db: DbOrTx, q: SurveyQuery, byMonth: boolean): Promise<ScoreRow[]> {
  const month = byMonth ? sql`to_char(r.month, 'YYYY-MM')` : sql`NULL::text`;
  return run<ScoreRow & Record<string, unknown>>(
    db,
    sql`
    WITH r AS (${base(q, sql`i.submitted_at`)})
    SELECT r.key, ${month} AS month, ans.kind, ans.dimension,
      CASE WHEN ans.kind = 'nps' THEN ans.score END AS nps_score,
      count(*)::int AS n, sum(ans.score)::float8 AS total
    FROM r JOIN survey_answers ans ON ans.invitation_id = r.id
    WHERE ans.score IS NOT NULL
    GROUP BY 1, 2, 3, 4, 5
    UNION ALL
    SELECT r.key, ${month}, 'response', NULL, NULL, count(*)::int, 0 FROM r GROUP BY 1, 2`,
  );
}

/** Per group: invitations sent in the period, how many of those were answered, responses submitted in it. */
export function countRows(db: DbOrTx, q: SurveyQuery): Promise<CountRow[]> {
  return run<CountRow & Record<string, unknown>>(
    db,
    sql`
    WITH sent AS (
      SELECT key, count(*)::int AS invited, count(submitted_at)::int AS answered
      FROM (${base(q, sql`i.sent_at`)}) x GROUP BY key
    ), submitted AS (
      SELECT key, count(*)::int AS responses,
        count(follow_up_task_id)::int AS follow_ups,
        count(*) FILTER (WHERE follow_up_task_id IS NOT NULL AND follow_up_outcome = 'contacted')::int AS contacted,
        count(*) FILTER (WHERE follow_up_task_id IS NOT NULL AND follow_up_outcome = 'resolved')::int AS resolved,
        count(*) FILTER (WHERE follow_up_task_id IS NOT NULL AND follow_up_outcome = 'no_answer')::int AS no_answer
      FROM (${base(q, sql`i.submitted_at`)}) x GROUP BY key
    ), g AS (
      SELECT coalesce(sent.key, submitted.key) AS key, coalesce(invited, 0) AS invited,
        coalesce(sent.answered, 0) AS answered, coalesce(responses, 0) AS responses,
        coalesce(follow_ups, 0) AS follow_ups, coalesce(contacted, 0) AS contacted,
        coalesce(resolved, 0) AS resolved, coalesce(no_answer, 0) AS no_answer
      FROM sent FULL JOIN submitted ON sent.key = submitted.key
    )
    SELECT g.*, ${labelOf(q.cut)} AS label FROM g ORDER BY g.key`,
  );
}

const X = CSI_DIMENSIONS.map((_, i) => `x${i}`);

/** Σx, Σxxᵀ, Σy, Σxy over responses that rated the overall question and all five dimensions. */
export async function regressionSums(db: DbOrTx, q: SurveyQuery): Promise<RegressionSums> {
  const pivot = CSI_DIMENSIONS.map(
    (d, i) => `max(score) FILTER (WHERE kind = 'rating' AND dimension = '${d}') AS x${i}`,
  ).join(', ');
  const sums = [
    ...X.map((x) => `coalesce(sum(${x}), 0)::float8 AS s_${x}`),
    ...X.flatMap((a) => X.map((b) => `coalesce(sum(${a} * ${b}), 0)::float8 AS s_${a}_${b}`)),
    'coalesce(sum(y), 0)::float8 AS s_y',
    ...X.map((x) => `coalesce(sum(${x} * y), 0)::float8 AS s_${x}_y`),
  ].join(', ');
  const [row] = await run<Record<string, number>>(
    db,
    sql`
    WITH r AS (${base(q, sql`i.submitted_at`)}),
    p AS (
      SELECT ${sql.raw(pivot)}, max(score) FILTER (WHERE kind = 'rating' AND dimension = 'overall') AS y
      FROM survey_answers ans JOIN r ON r.id = ans.invitation_id
      WHERE ans.kind = 'rating' GROUP BY ans.invitation_id
    )
    SELECT count(*)::int AS n, ${sql.raw(sums)}
    FROM p WHERE y IS NOT NULL AND ${sql.raw(X.map((x) => `${x} IS NOT NULL`).join(' AND '))}`,
  );
  return {
    n: row.n,
    sx: X.map((x) => row[`s_${x}`]),
    sxx: X.map((a) => X.map((b) => row[`s_${a}_${b}`])),
    sy: row.s_y,
    sxy: X.map((x) => row[`s_${x}_y`]),
  };
}
