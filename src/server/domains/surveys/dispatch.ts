import { type SQL, sql } from 'drizzle-orm';
import type { Locale } from '../../../shared/organization.js';
import type { Db, DbOrTx } from '../../db/client.js';
import { enqueue } from '../../jobs/enqueue.js';
import type { Actor } from '../../lib/actor.js';
import { recordChange } from '../audit/service.js';
import { outboxMessages } from '../notifications/table.js';
import { companySettings } from '../organization/settings.js';
import { createInvitations, getSurveySettings, type NewInvitation } from './invitations.js';
import { surveyMail } from './mail.js';
import { surveySkips } from './table.js';
import { currentTemplate, findTemplate } from './templates.js';

/** Deliveries and closed tickets older than this are not surveyed any more (late sweeps, new installs). */
const LOOK_BACK_DAYS = 3;

export interface Candidate {
  trigger: 'delivery' | 'ticket' | 'periodic' | 'manual';
  accountId: string;
  contactId: string | null;
  email: string | null;
  shipmentId?: string | null;
  ticketId?: string | null;
  waybill?: string | null;
}

export type SkipReason = 'no_contact' | 'no_email' | 'unsubscribed' | 'recently_surveyed';

/** The account's contact for surveys: the ticket's contact if given, else the primary (then the oldest). */
export const contactOf = (account: SQL, preferred: SQL) => sql`
  LEFT JOIN LATERAL (SELECT c.id, c.email FROM contacts c
    WHERE c.account_id = ${account} AND c.archived_at IS NULL
    ORDER BY (c.id = ${preferred}) DESC NULLS LAST, c.is_primary DESC, c.created_at LIMIT 1) c ON true`;

/**
 * Deliveries in the look-back window not yet surveyed or skipped, sampled per tier. The sample is a
 * hash of the shipment id (deterministic: a sweep run twice picks the same shipments).
 */
async function deliveryCandidates(tx: DbOrTx, now: Date, pct: Record<string, number>): Promise<Candidate[]> {
  const res = await tx.execute<Record<string, string | null>>(sql`
    SELECT s.id AS shipment_id, s.waybill, s.account_id, c.id AS contact_id, nullif(trim(c.email), '') AS email
    FROM shipments s JOIN accounts a ON a.id = s.account_id
    ${contactOf(sql`s.account_id`, sql`NULL::uuid`)}
    WHERE s.status = 'delivered' AND s.delivered_at <= ${now}
      AND s.delivered_at > ${now}::timestamptz - make_interval(days => ${LOOK_BACK_DAYS})
      AND abs(hashtext(s.id::text)) % 100 < CASE a.tier WHEN 'strategic' THEN ${pct.strategic}::int
        WHEN 'key' THEN ${pct.key}::int ELSE ${pct.general}::int END
      AND NOT EXISTS (SELECT 1 FROM survey_invitations i WHERE i.shipment_id = s.id)
      AND NOT EXISTS (SELECT 1 FROM survey_skips k WHERE k.shipment_id = s.id)
    ORDER BY s.delivered_at, s.id`);
  return res.rows.map((r) => ({
    trigger: 'delivery',
    accountId: r.account_id!,
    contactId: r.contact_id,
    email: r.email,
    shipmentId: r.shipment_id,
    waybill: r.waybill,
  }));
}

async function ticketCandidates(tx: DbOrTx, now: Date): Promise<Candidate[]> {
  const res = await tx.execute<Record<string, string | null>>(sql`
    SELECT t.id AS ticket_id, t.account_id, c.id AS contact_id, nullif(trim(c.email), '') AS email
    FROM tickets t ${contactOf(sql`t.account_id`, sql`t.contact_id`)}
    WHERE t.status = 'closed' AND t.closed_at <= ${now}
      AND t.closed_at > ${now}::timestamptz - make_interval(days => ${LOOK_BACK_DAYS})
      AND NOT EXISTS (SELECT 1 FROM survey_invitations i WHERE i.ticket_id = t.id)
      AND NOT EXISTS (SELECT 1 FROM survey_skips k WHERE k.ticket_id = t.id)
    ORDER BY t.closed_at, t.id`);
  return res.rows.map((r) => ({
    trigger: 'ticket',
    accountId: r.account_id!,
    contactId: r.contact_id,
    email: r.email,
    ticketId: r.ticket_id,
  }));
}

/**
 * Sends each candidate that passes the checks — a contact, with an email address, not unsubscribed,
 * not surveyed within `periodDays` (0 = no limit) — an invitation and a mail through the outbox, in the
 * caller's transaction. Returns the ones skipped with their reason.
 */
export async function send(
  tx: DbOrTx,
  now: Date,
  publicUrl: string,
  templateId: string,
  periodDays: number,
  candidates: Candidate[],
) {
  const { settings } = await getSurveySettings(tx);
  const org = await companySettings(tx);
  const emails = [...new Set(candidates.map((c) => c.email?.toLowerCase()).filter((e): e is string => !!e))];
  const optedOut = new Set(
    (
      await tx.execute<{ email: string }>(
        sql`SELECT email FROM survey_opt_outs WHERE email = ANY(${sql.param(emails)}::text[])`,
      )
    ).rows.map((r) => r.email),
  );
  const contactIds = candidates.map((c) => c.contactId).filter((c): c is string => !!c);
  const recent = new Set(
    periodDays > 0
      ? (
          await tx.execute<{ contact_id: string }>(sql`
            SELECT DISTINCT contact_id FROM survey_invitations WHERE contact_id = ANY(${sql.param(contactIds)}::uuid[])
              AND sent_at > ${now}::timestamptz - make_interval(days => ${periodDays})`)
        ).rows.map((r) => r.contact_id)
      : [],
  );
  const skipped: (Candidate & { reason: SkipReason })[] = [];
  const chosen: Candidate[] = [];
  for (const c of candidates) {
    const reason: SkipReason | null = !c.contactId
      ? 'no_contact'
      : !c.email
        ? 'no_email'
        : optedOut.has(c.email.toLowerCase())
          ? 'unsubscribed'
          : recent.has(c.contactId)
            ? 'recently_surveyed'
            : null;
    if (reason) skipped.push({ ...c, reason });
    else {
      chosen.push(c);
      if (periodDays > 0) recent.add(c.contactId!);
    }
  }
  const locale = org.defaultLocale as Locale;
  const invitations: NewInvitation[] = chosen.map((c) => ({
    templateId,
    accountId: c.accountId,
    contactId: c.contactId,
    shipmentId: c.shipmentId ?? null,
    ticketId: c.ticketId ?? null,
    trigger: c.trigger,
    channel: 'email',
    recipient: c.email,
    locale,
  }));
  const made = await createInvitations(tx, now, settings.linkDays, invitations);
  if (made.length) {
    await tx
      .insert(outboxMessages)
      .values(
        made.map((m, i) =>
          surveyMail(
            { locale, publicUrl, token: m.token, recipient: chosen[i].email!, waybill: chosen[i].waybill },
            now,
          ),
        ),
      );
    await enqueue(tx, 'outbox.deliver', {});
  }
  return { sent: made.length, skipped };
}

/** Remembers candidates not surveyed, with their reason. */
export async function recordSkips(tx: DbOrTx, now: Date, skipped: (Candidate & { reason: SkipReason })[]) {
  if (skipped.length)
    await tx.insert(surveySkips).values(
      skipped.map((s) => ({
        trigger: s.trigger,
        accountId: s.accountId,
        contactId: s.contactId,
        shipmentId: s.shipmentId ?? null,
        ticketId: s.ticketId ?? null,
        reason: s.reason,
        createdAt: now,
      })),
    );
}

/** The dispatch sweep: surveys after delivery and after closed tickets, per the company's rules. */
export async function dispatchSurveys(db: Db, now: Date, publicUrl: string) {
  return db.transaction(async (tx) => {
    const { settings } = await getSurveySettings(tx);
    const template = await currentTemplate(tx);
    const candidates = [
      ...(settings.afterDelivery.enabled
        ? await deliveryCandidates(tx, now, settings.afterDelivery.samplingPercent)
        : []),
      ...(settings.afterTicket.enabled ? await ticketCandidates(tx, now) : []),
    ];
    const r = await send(tx, now, publicUrl, template.id, settings.afterDelivery.periodDays, candidates);
    await recordSkips(tx, now, r.skipped);
    return { sent: r.sent, skipped: r.skipped.length };
  });
}

/** A manual send to a set of accounts (their survey contact each); the per-contact period does not apply. */
export async function sendToAccounts(
  db: Db,
  actor: Actor,
  now: Date,
  publicUrl: string,
  b: { accountIds: string[]; templateId?: string },
) {
  return db.transaction(async (tx) => {
    const template = b.templateId ? await findTemplate(tx, b.templateId) : await currentTemplate(tx);
    const res = await tx.execute<Record<string, string | null>>(sql`
      SELECT a.id AS account_id, c.id AS contact_id, nullif(trim(c.email), '') AS email
      FROM accounts a ${contactOf(sql`a.id`, sql`NULL::uuid`)}
      WHERE a.id = ANY(${sql.param(b.accountIds)}::uuid[])`);
    const candidates: Candidate[] = res.rows.map((r) => ({
      trigger: 'manual',
      accountId: r.account_id!,
      contactId: r.contact_id,
      email: r.email,
    }));
    const r = await send(tx, now, publicUrl, template.id, 0, candidates);
    await recordChange(tx, actor, 'surveySend', template.id, 'create', null, {
      accounts: b.accountIds.length,
      sent: r.sent,
      skipped: r.skipped.length,
    });
    return {
      sent: r.sent,
      skipped: r.skipped.map((s) => ({ accountId: s.accountId, contactId: s.contactId, reason: s.reason })),
    };
  });
}
