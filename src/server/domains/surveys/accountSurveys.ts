import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';

/** An account's surveys, newest first: what was sent, whether and how it was answered, the follow-up. */
export async function listAccountSurveys(db: DbOrTx, accountId: string, limit: number) {
  const res = await db.execute<{
    id: string;
    trigger: string;
    channel: string;
    recipient: string | null;
    sent_at: Date;
    expires_at: Date;
    submitted_at: Date | null;
    waybill: string | null;
    follow_up_task_id: string | null;
    follow_up_outcome: string | null;
    follow_up_note: string | null;
    follow_up_recorded_at: Date | null;
    nps: number | null;
    mean: number | null;
    comment: string | null;
  }>(sql`
    SELECT i.id, i.trigger, i.channel, i.recipient, i.sent_at, i.expires_at, i.submitted_at, s.waybill,
      i.follow_up_task_id, i.follow_up_outcome, i.follow_up_note, i.follow_up_recorded_at, a.nps, a.mean, a.comment
    FROM survey_invitations i
    LEFT JOIN shipments s ON s.id = i.shipment_id
    LEFT JOIN LATERAL (
      SELECT max(score) FILTER (WHERE kind = 'nps')::int AS nps,
        avg(score) FILTER (WHERE kind = 'rating' AND dimension <> 'overall')::float8 AS mean,
        string_agg(text, ' / ') FILTER (WHERE kind = 'text') AS comment
      FROM survey_answers x WHERE x.invitation_id = i.id) a ON i.submitted_at IS NOT NULL
    WHERE i.account_id = ${accountId}
    ORDER BY i.sent_at DESC, i.id LIMIT ${limit}`);
  const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);
  return res.rows.map((r) => ({
    id: r.id,
    trigger: r.trigger,
    channel: r.channel,
    recipient: r.recipient,
    sentAt: iso(r.sent_at),
    expiresAt: iso(r.expires_at),
    submittedAt: iso(r.submitted_at),
    waybill: r.waybill,
    followUpTaskId: r.follow_up_task_id,
    followUpOutcome: r.follow_up_outcome,
    followUpNote: r.follow_up_note,
    followUpRecordedAt: iso(r.follow_up_recorded_at),
    nps: r.nps,
    meanRating: r.mean,
    comment: r.comment,
  }));
}
