import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { createTicketBodySchema } from '../../../shared/servicedesk/ticketSchemas.js';
import type { DbOrTx } from '../../db/client.js';
import type { Actor } from '../../lib/actor.js';
import { AppError, notFound } from '../../lib/errors.js';
import { contacts } from '../accounts/table.js';
import { recordChange } from '../audit/service.js';
import { notify } from '../notifications/service.js';
import type { BusinessCalendar } from '../sla/businessTime.js';
import { calendarOfTeam } from '../sla/calendars.js';
import { computeDeadlines } from '../sla/clocks.js';
import { slaPolicies, teams } from '../sla/table.js';
import { assertAssignable } from './assignees.js';
import { pickAssignee } from './assignment.js';
import { auditedTicket, type TicketRow, toTicketDto } from './presenter.js';
import * as repo from './repo.js';
import { shipmentsOfAccount } from './shipments.js';
import { ticketSlaClocks, tickets } from './table.js';

type CreateBody = z.output<typeof createTicketBodySchema>;

export const actorLabel = (a: Actor) => a.label;

/** The DTO of a ticket as of `now`, with names, shipments and clocks. */
export async function presentTicket(db: DbOrTx, t: TicketRow, now: Date, cal?: BusinessCalendar) {
  const extras = (await repo.ticketExtras(db, [t])).get(t.id);
  const calendar = cal ?? (await calendarOfTeam(db, t.teamId)).calendar;
  return toTicketDto(t, extras as NonNullable<typeof extras>, calendar, now);
}

export async function getTicket(db: DbOrTx, id: string, now: Date) {
  const t = await repo.findTicket(db, id);
  if (!t) throw notFound('ticket');
  return presentTicket(db, t, now);
}

/** Checks account, contact, team, shipments; all bad fields at once. */
async function checkRefs(
  db: DbOrTx,
  b: { accountId: string; contactId?: string | null; teamId?: string | null; shipmentIds: string[] },
) {
  const fields: Record<string, string> = {};
  const { rows } = await db.execute<{ tier: string; archived: boolean }>(
    sql`SELECT tier, archived_at IS NOT NULL AS archived FROM accounts WHERE id = ${b.accountId}`,
  );
  if (!rows[0]) fields.accountId = 'ticket.accountUnknown';
  else if (!(await shipmentsOfAccount(db, b.accountId, b.shipmentIds)))
    fields.shipmentIds = 'ticket.shipmentNotOfAccount';
  if (b.contactId) {
    const [c] = await db
      .select({ accountId: contacts.accountId })
      .from(contacts)
      .where(eq(contacts.id, b.contactId));
    if (!c || c.accountId !== b.accountId) fields.contactId = 'ticket.contactNotOfAccount';
  }
  if (b.teamId) {
    const [t] = await db.select({ id: teams.id }).from(teams).where(eq(teams.id, b.teamId));
    if (!t) fields.teamId = 'ticket.teamUnknown';
  }
  if (Object.keys(fields).length) throw new AppError('VALIDATION_FAILED', { fields });
  return { tier: rows[0].tier };
}

/**
 * Opens a ticket: assignment rules, SLA targets of the account's tier × severity on the team's
 * calendar, the first event, the audit entry and the notifications — one transaction.
 */
export async function openTicket(db: DbOrTx, actor: Actor, now: Date, body: CreateBody) {
  const { tier } = await checkRefs(db, body);
  await assertAssignable(db, actor, body.assigneeId);
  return db.transaction(async (tx) => {
    const picked = body.assigneeId
      ? {
          assigneeId: body.assigneeId,
          teamId: body.teamId ?? (await pickAssignee(tx, body.accountId, null)).teamId,
        }
      : await pickAssignee(tx, body.accountId, body.teamId ?? null);
    const { id: calendarId, calendar } = await calendarOfTeam(tx, picked.teamId);
    const [policy] = await tx
      .select()
      .from(slaPolicies)
      .where(and(eq(slaPolicies.tier, tier), eq(slaPolicies.severity, body.severity)));
    const clock = {
      createdAt: now,
      slaStartedAt: now,
      firstResponseAt: null,
      firstResponseTarget: policy?.firstResponseMinutes ?? null,
      resolutionTarget: policy?.resolutionMinutes ?? null,
      warnPercent: policy?.warnPercent ?? 80,
      pausedMinutes: 0,
      pausedSince: null,
    };
    const [t] = await tx
      .insert(tickets)
      .values({
        number: await repo.nextTicketNumber(tx),
        kind: body.kind,
        category: body.category,
        severity: body.severity,
        subject: body.subject,
        description: body.description,
        accountId: body.accountId,
        contactId: body.contactId ?? null,
        channel: body.channel,
        teamId: picked.teamId,
        assigneeId: picked.assigneeId,
        calendarId,
        ...clock,
        ...computeDeadlines(calendar, clock),
        createdBy: actor.id,
        updatedAt: now,
      })
      .returning();
    await tx.insert(ticketSlaClocks).values({ ticketId: t.id });
    await repo.setShipments(tx, t.id, body.shipmentIds);
    await repo.addEvent(tx, {
      ticketId: t.id,
      at: now,
      type: 'created',
      actorId: actor.id,
      actorLabel: actor.label,
      body: body.description || null,
      data: { assigneeId: t.assigneeId, teamId: t.teamId, channel: t.channel, shipmentIds: body.shipmentIds },
    });
    await recordChange(tx, actor, 'ticket', t.id, 'create', null, auditedTicket(t), t.accountId);
    const dto = await presentTicket(tx, t, now, calendar);
    const params = {
      number: t.number,
      subject: t.subject,
      account: dto.accountName ?? '',
      severity: t.severity,
    };
    if (t.assigneeId && t.assigneeId !== actor.id)
      await notify(tx, {
        userIds: [t.assigneeId],
        kind: 'ticket.assigned',
        params,
        data: { ticketId: t.id },
      });
    if (!t.assigneeId && t.teamId) {
      const [team] = await tx.select().from(teams).where(eq(teams.id, t.teamId));
      await notify(tx, {
        userIds: [team?.leadId, team?.managerId],
        kind: 'ticket.created',
        params,
        data: { ticketId: t.id },
      });
    }
    return dto;
  });
}
