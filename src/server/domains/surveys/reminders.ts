import { sql } from 'drizzle-orm';
import type { Locale } from '../../../shared/organization.js';
import type { Db } from '../../db/client.js';
import { enqueue } from '../../jobs/enqueue.js';
import { randomToken, sha256 } from '../../lib/crypto.js';
import { outboxMessages } from '../notifications/table.js';
import { companySettings } from '../organization/settings.js';
import { getSurveySettings } from './invitations.js';
import { surveyMail } from './mail.js';

/** Reminders sent per sweep at most (the rest wait for the next run). */
const BATCH = 1000;

/**
 * One reminder to each survey mailed at least `reminder.afterDays` ago and not answered: not once the
 * link expired, not to unsubscribed addresses, never twice. The reminder carries a second personal
 * link to the same invitation (the first one's token is not stored, only its hash).
 */
export async function remindSurveys(db: Db, now: Date, publicUrl: string) {
  return db.transaction(async (tx) => {
    const { settings } = await getSurveySettings(tx);
    if (!settings.reminder.enabled) return { sent: 0 };
    const { timezone } = await companySettings(tx);
    const due = await tx.execute<{
      id: string;
      recipient: string;
      locale: Locale;
      expires_at: Date;
      waybill: string | null;
    }>(sql`
      SELECT i.id, i.recipient, i.locale, i.expires_at, s.waybill
      FROM survey_invitations i LEFT JOIN shipments s ON s.id = i.shipment_id
      WHERE i.submitted_at IS NULL AND i.reminded_at IS NULL AND i.channel = 'email'
        AND i.sent_at <= ${now}::timestamptz - make_interval(days => ${settings.reminder.afterDays})
        AND i.expires_at > ${now} AND nullif(trim(i.recipient), '') IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM survey_opt_outs o WHERE o.email = lower(trim(i.recipient)))
      ORDER BY i.sent_at, i.id LIMIT ${BATCH}
      FOR UPDATE OF i SKIP LOCKED`);
    if (!due.rows.length) return { sent: 0 };
    const tokens = due.rows.map(() => randomToken(24));
    await tx.execute(sql`
      UPDATE survey_invitations i SET reminded_at = ${now}, reminder_token_hash = x.hash
      FROM unnest(${sql.param(due.rows.map((r) => r.id))}::uuid[], ${sql.param(tokens.map(sha256))}::text[]) AS x(id, hash)
      WHERE i.id = x.id`);
    await tx.insert(outboxMessages).values(
      due.rows.map((r, i) =>
        surveyMail(
          {
            locale: r.locale,
            publicUrl,
            token: tokens[i],
            recipient: r.recipient.trim(),
            waybill: r.waybill,
          },
          now,
          {
            expires: new Date(r.expires_at).toLocaleDateString(r.locale, { timeZone: timezone }),
          },
        ),
      ),
    );
    await enqueue(tx, 'outbox.deliver', {});
    return { sent: due.rows.length };
  });
}
