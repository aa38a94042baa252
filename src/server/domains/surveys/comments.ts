import { type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import { calendarDate } from '../../../shared/partners.js';
import type { DbOrTx } from '../../db/client.js';

export const NPS_GROUPS = ['promoter', 'passive', 'detractor'] as const;
const NPS_RANGE: Record<(typeof NPS_GROUPS)[number], [number, number]> = {
  promoter: [9, 10],
  passive: [7, 8],
  detractor: [0, 6],
};

export const commentsQuerySchema = z.object({
  from: calendarDate,
  to: calendarDate,
  npsGroup: z.enum(NPS_GROUPS).optional(),
  /** Only responses that rated some CSI dimension 2 or lower. */
  lowDimension: z.enum(['true', 'false']).optional(),
  accountId: z.uuid().optional(),
  tier: z.enum(['strategic', 'key', 'general']).optional(),
  q: z.string().trim().max(100).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type CommentsQuery = z.output<typeof commentsQuerySchema>;

/** `%` and `_` typed in the search box are searched for, not wildcards. */
const likeEscaped = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * Verbatim comments (free-text answers) of the responses submitted in [from, to) of the company zone,
 * newest first, one page at a time, with the response's NPS and lowest dimension rating. The text is
 * returned as stored; the screen shows it as text (escaped).
 */
export async function listComments(db: DbOrTx, timeZone: string, f: CommentsQuery) {
  const where: SQL[] = [
    sql`i.submitted_at >= (${f.from}::date)::timestamp AT TIME ZONE ${timeZone}`,
    sql`i.submitted_at < (${f.to}::date)::timestamp AT TIME ZONE ${timeZone}`,
  ];
  if (f.accountId) where.push(sql`i.account_id = ${f.accountId}`);
  if (f.tier) where.push(sql`a.tier = ${f.tier}`);
  if (f.q) where.push(sql`ans.text ILIKE ${`%${likeEscaped(f.q)}%`}`);
  if (f.npsGroup)
    where.push(sql`n.score BETWEEN ${NPS_RANGE[f.npsGroup][0]} AND ${NPS_RANGE[f.npsGroup][1]}`);
  if (f.lowDimension === 'true') where.push(sql`m.lowest <= 2`);
  const res = await db.execute<{
    invitation_id: string;
    question_key: string;
    submitted_at: Date;
    account_id: string;
    account_name: string;
    tier: string;
    waybill: string | null;
    text: string;
    nps: number | null;
    lowest: number | null;
    total: number;
  }>(sql`
    SELECT i.id AS invitation_id, ans.question_key, i.submitted_at, i.account_id,
      coalesce(a.name_zh, a.name_en, a.code) AS account_name, a.tier, s.waybill, ans.text,
      n.score AS nps, m.lowest, count(*) OVER ()::int AS total
    FROM survey_answers ans
    JOIN survey_invitations i ON i.id = ans.invitation_id AND i.submitted_at IS NOT NULL
    JOIN accounts a ON a.id = i.account_id
    LEFT JOIN shipments s ON s.id = i.shipment_id
    LEFT JOIN LATERAL (SELECT max(x.score)::int AS score FROM survey_answers x
      WHERE x.invitation_id = i.id AND x.kind = 'nps') n ON true
    LEFT JOIN LATERAL (SELECT min(x.score)::int AS lowest FROM survey_answers x
      WHERE x.invitation_id = i.id AND x.kind = 'rating' AND x.dimension <> 'overall') m ON true
    WHERE ans.kind = 'text' AND nullif(trim(ans.text), '') IS NOT NULL AND ${sql.join(where, sql` AND `)}
    ORDER BY i.submitted_at DESC, i.id, ans.question_key
    LIMIT ${f.pageSize} OFFSET ${(f.page - 1) * f.pageSize}`);
  return {
    total: res.rows[0]?.total ?? (f.page > 1 ? await countOnly(db, timeZone, f) : 0),
    page: f.page,
    pageSize: f.pageSize,
    items: res.rows.map((r) => ({
      invitationId: r.invitation_id,
      questionKey: r.question_key,
      submittedAt: new Date(r.submitted_at).toISOString(),
      accountId: r.account_id,
      accountName: r.account_name,
      tier: r.tier,
      waybill: r.waybill,
      text: r.text,
      nps: r.nps,
      lowestRating: r.lowest,
    })),
  };
}

/** The total when the page asked for is past the end (no row carries it). */
async function countOnly(db: DbOrTx, timeZone: string, f: CommentsQuery): Promise<number> {
  return (await listComments(db, timeZone, { ...f, page: 1, pageSize: 1 })).total;
}
