import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { companySettings } from '../organization/settings.js';
import { type Candidate, contactOf, recordSkips, send } from './dispatch.js';
import { getSurveySettings } from './invitations.js';
import { currentTemplate } from './templates.js';

const TIERS = ['strategic', 'key', 'general'] as const;

/**
 * The first day (YYYY-MM-DD) of the calendar period of `months` months that `now` falls in, in the
 * company's zone: periods start in January (3 months: quarters, 6: half-years, 12: the year).
 */
export function periodStart(now: Date, months: number, timeZone: string): string {
  const [y, m] = now
    .toLocaleDateString('en-CA', { timeZone })
    .split('-')
    .map((p) => Number(p));
  const first = Math.floor((m - 1) / months) * months + 1;
  return `${y}-${String(first).padStart(2, '0')}-01`;
}

/**
 * Periodic relationship surveys: every active account of a tier with a period gets the survey at its
 * survey contact once per calendar period, unless the contact has no address, unsubscribed, or was
 * surveyed within the per-contact period (then it is tried again on the next run of the period). A
 * skip is recorded once per account and period, with the first reason.
 */
export async function dispatchPeriodicSurveys(db: Db, now: Date, publicUrl: string) {
  return db.transaction(async (tx) => {
    const { settings } = await getSurveySettings(tx);
    if (!settings.periodic.enabled) return { sent: 0, skipped: 0 };
    const { timezone } = await companySettings(tx);
    const every = settings.periodic.everyMonths;
    const since = Object.fromEntries(
      TIERS.map((t) => [t, every[t] ? periodStart(now, every[t], timezone) : '9999-01-01']),
    ) as Record<(typeof TIERS)[number], string>;
    const sinceOf = sql`(CASE a.tier WHEN 'strategic' THEN ${since.strategic}::date WHEN 'key' THEN ${since.key}::date
      ELSE ${since.general}::date END)::timestamp AT TIME ZONE ${timezone}`;
    const res = await tx.execute<Record<string, string | null>>(sql`
      SELECT a.id AS account_id, c.id AS contact_id, nullif(trim(c.email), '') AS email, p.since
      FROM accounts a ${contactOf(sql`a.id`, sql`NULL::uuid`)}
      CROSS JOIN LATERAL (SELECT ${sinceOf} AS since) p
      WHERE a.status = 'active' AND a.archived_at IS NULL AND p.since <= ${now}
        AND NOT EXISTS (SELECT 1 FROM survey_invitations i
          WHERE i.account_id = a.id AND i.trigger = 'periodic' AND i.sent_at >= p.since)
      ORDER BY a.code`);
    if (!res.rows.length) return { sent: 0, skipped: 0 };
    const sinceByAccount = new Map(res.rows.map((r) => [r.account_id!, r.since!]));
    const candidates: Candidate[] = res.rows.map((r) => ({
      trigger: 'periodic',
      accountId: r.account_id!,
      contactId: r.contact_id,
      email: r.email,
    }));
    const template = await currentTemplate(tx);
    const r = await send(tx, now, publicUrl, template.id, settings.afterDelivery.periodDays, candidates);
    const recorded = new Set(
      (
        await tx.execute<{ account_id: string; created_at: Date }>(sql`
          SELECT account_id, max(created_at) AS created_at FROM survey_skips
          WHERE trigger = 'periodic' AND account_id = ANY(${sql.param(r.skipped.map((s) => s.accountId))}::uuid[])
          GROUP BY account_id`)
      ).rows
        .filter((k) => new Date(k.created_at) >= new Date(sinceByAccount.get(k.account_id)!))
        .map((k) => k.account_id),
    );
    await recordSkips(
      tx,
      now,
      r.skipped.filter((s) => !recorded.has(s.accountId)),
    );
    return { sent: r.sent, skipped: r.skipped.length };
  });
}
