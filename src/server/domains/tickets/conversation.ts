import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { replyBodySchema } from '../../../shared/servicedesk/ticketSchemas.js';
import type { Db } from '../../db/client.js';
import type { Actor } from '../../lib/actor.js';
import { AppError, notFound } from '../../lib/errors.js';
import { notify } from '../notifications/service.js';
import { businessMinutesBetween } from '../sla/businessTime.js';
import { calendarOfTeam } from '../sla/calendars.js';
import { computeDeadlines } from '../sla/clocks.js';
import type { TicketRow } from './presenter.js';
import * as repo from './repo.js';
import { tickets } from './table.js';

type ReplyBody = z.output<typeof replyBodySchema>;

const clockOf = (t: TicketRow) => ({
  createdAt: t.createdAt,
  slaStartedAt: t.slaStartedAt,
  firstResponseAt: t.firstResponseAt,
  firstResponseTarget: t.firstResponseTarget,
  resolutionTarget: t.resolutionTarget,
  warnPercent: t.warnPercent,
  pausedMinutes: t.pausedMinutes,
  pausedSince: t.pausedSince,
});

/** Deadlines after a change of the clock inputs (first response, pause, resume, reopen). */
export async function recomputeClocks(
  db: Db | Parameters<Parameters<Db['transaction']>[0]>[0],
  t: TicketRow,
  patch: Partial<TicketRow>,
) {
  const { calendar } = await calendarOfTeam(db, t.teamId);
  return { ...patch, ...computeDeadlines(calendar, { ...clockOf(t), ...patch }) };
}

/**
 * A reply to the customer or an internal note. Replies do not need the version the agent read: two
 * agents answering at once both get their message stored (the row lock orders them). The first
 * customer-facing reply is the first response; a reply that asks the customer something pauses the
 * SLA clock until the customer answers.
 */
export async function replyToTicket(db: Db, actor: Actor, now: Date, id: string, body: ReplyBody) {
  return db.transaction(async (tx) => {
    const t = await repo.findTicket(tx, id, true);
    if (!t) throw notFound('ticket');
    if (t.status === 'closed') throw new AppError('VALIDATION_FAILED', { fields: { body: 'ticket.closed' } });
    const event = await repo.addEvent(tx, {
      ticketId: id,
      at: now,
      type: body.internal ? 'note' : 'reply',
      actorId: actor.id,
      actorLabel: actor.label,
      body: body.body,
      internal: body.internal,
      data: body.awaitingCustomer && !body.internal ? { awaitingCustomer: true } : {},
    });
    if (!body.internal) {
      const patch: Partial<TicketRow> = {};
      if (!t.firstResponseAt) patch.firstResponseAt = now;
      if (t.status === 'new') patch.status = 'acknowledged';
      if (body.awaitingCustomer && !t.pausedSince) patch.pausedSince = now;
      if (Object.keys(patch).length) {
        const next = await recomputeClocks(tx, t, patch);
        await tx
          .update(tickets)
          .set({ ...next, updatedAt: now })
          .where(eq(tickets.id, id));
        if (patch.pausedSince)
          await repo.addEvent(tx, {
            ticketId: id,
            at: now,
            type: 'sla_paused',
            actorId: actor.id,
            actorLabel: actor.label,
          });
      }
    }
    return { eventId: event.id };
  });
}

/**
 * What the customer said (on the phone, by mail, later through the portal), logged by staff. If the
 * clock was waiting on the customer it runs again, the waiting time added to every deadline.
 */
export async function recordCustomerMessage(db: Db, actor: Actor, now: Date, id: string, text: string) {
  return db.transaction(async (tx) => {
    const t = await repo.findTicket(tx, id, true);
    if (!t) throw notFound('ticket');
    const event = await repo.addEvent(tx, {
      ticketId: id,
      at: now,
      type: 'customer_message',
      actorId: actor.id,
      actorLabel: actor.label,
      body: text,
    });
    if (t.pausedSince) {
      const { calendar } = await calendarOfTeam(tx, t.teamId);
      const waited = businessMinutesBetween(calendar, t.pausedSince, now);
      const next = await recomputeClocks(tx, t, {
        pausedSince: null,
        pausedMinutes: t.pausedMinutes + waited,
      });
      await tx
        .update(tickets)
        .set({ ...next, updatedAt: now })
        .where(eq(tickets.id, id));
      await repo.addEvent(tx, {
        ticketId: id,
        at: now,
        type: 'sla_resumed',
        actorId: actor.id,
        actorLabel: actor.label,
        data: { pausedMinutes: Math.round(waited) },
      });
    }
    if (t.assigneeId && t.assigneeId !== actor.id)
      await notify(tx, {
        userIds: [t.assigneeId],
        kind: 'ticket.customerMessage',
        params: { number: t.number, subject: t.subject },
        data: { ticketId: id },
      });
    return { eventId: event.id };
  });
}
