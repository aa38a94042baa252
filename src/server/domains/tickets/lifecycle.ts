import type { z } from 'zod';
import {
  REOPEN_WINDOW_DAYS,
  TICKET_TRANSITIONS,
  type TicketStatus,
} from '../../../shared/servicedesk/enums.js';
import type {
  transitionBodySchema,
  updateTicketBodySchema,
} from '../../../shared/servicedesk/ticketSchemas.js';
import type { Db, DbOrTx } from '../../db/client.js';
import { staleWrite } from '../../db/versioned.js';
import type { Actor } from '../../lib/actor.js';
import { AppError, notFound } from '../../lib/errors.js';
import { recordChange } from '../audit/service.js';
import { returnVisitAfterTicket } from '../interactions/jobs.js';
import { notify } from '../notifications/service.js';
import { businessMinutesBetween } from '../sla/businessTime.js';
import { calendarOfTeam } from '../sla/calendars.js';
import { assertAssignable } from './assignees.js';
import { recomputeClocks } from './conversation.js';
import { auditedTicket, type TicketRow } from './presenter.js';
import * as repo from './repo.js';
import { presentTicket } from './service.js';
import { assertShipmentsOfAccount, declaredValueCents } from './shipments.js';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** Loads and locks the ticket and checks the version the caller read (409 with the current DTO). */
async function lockAt(tx: Tx, id: string, version: number, now: Date): Promise<TicketRow> {
  const t = await repo.findTicket(tx, id, true);
  if (!t) throw notFound('ticket');
  if (t.version !== version) {
    throw new AppError('VERSION_CONFLICT', {
      params: { entity: 'ticket' },
      current: await presentTicket(tx, t, now),
    });
  }
  return t;
}

/** Writes the change, its event and audit entry; returns the DTO. */
async function save(
  tx: Tx,
  actor: Actor,
  now: Date,
  t: TicketRow,
  patch: Partial<TicketRow>,
  event: { type: string; body?: string | null; data?: Record<string, unknown> },
) {
  const after = await repo.updateTicketVersioned(tx, t.id, t.version, patch, now);
  if (!after) throw await staleWrite('ticket', () => repo.findTicket(tx, t.id), auditedTicket);
  await repo.addEvent(tx, { ticketId: t.id, at: now, actorId: actor.id, actorLabel: actor.label, ...event });
  await recordChange(
    tx,
    actor,
    'ticket',
    t.id,
    'update',
    auditedTicket(t),
    auditedTicket(after),
    t.accountId,
  );
  return presentTicket(tx, after, now);
}

/**
 * Moves a ticket along the allowed-transition table. Resolving or closing needs an assignee and a
 * resolution; reopening a closed ticket is allowed within REOPEN_WINDOW_DAYS and restarts the
 * resolution clock.
 */
export async function changeStatus(
  db: Db,
  actor: Actor,
  now: Date,
  id: string,
  body: z.output<typeof transitionBodySchema>,
) {
  return db.transaction(async (tx) => {
    const t = await lockAt(tx, id, body.version, now);
    const to: TicketStatus = body.status;
    if (!TICKET_TRANSITIONS[t.status].includes(to))
      throw new AppError('INVALID_TRANSITION', { params: { entity: 'ticket', from: t.status, to } });
    const patch: Partial<TicketRow> = { status: to };
    if (body.rootCause !== undefined) patch.rootCause = body.rootCause;
    if (body.resolution !== undefined) patch.resolution = body.resolution;
    if (to === 'resolved' || to === 'closed') {
      const fields: Record<string, string> = {};
      if (!t.assigneeId) fields.assigneeId = 'ticket.closeNeedsAssignee';
      if (!(patch.resolution ?? t.resolution)) fields.resolution = 'ticket.resolutionRequired';
      if (Object.keys(fields).length) throw new AppError('VALIDATION_FAILED', { fields });
      if (!t.resolvedAt) patch.resolvedAt = now;
      if (to === 'closed') patch.closedAt = now;
      if (t.pausedSince) Object.assign(patch, await recomputeClocks(tx, t, await resumePatch(tx, t, now)));
    }
    if (to === 'reopened') {
      const closedAt = t.closedAt ?? t.resolvedAt;
      if (closedAt && now.getTime() - closedAt.getTime() > REOPEN_WINDOW_DAYS * 86_400_000)
        throw new AppError('VALIDATION_FAILED', {
          fields: { status: 'ticket.reopenWindowPassed' },
          params: { days: REOPEN_WINDOW_DAYS },
        });
      Object.assign(
        patch,
        await recomputeClocks(tx, t, { slaStartedAt: now, pausedMinutes: 0, pausedSince: null }),
        {
          resolvedAt: null,
          closedAt: null,
          customerConfirmedAt: null,
          reopenCount: t.reopenCount + 1,
        },
      );
      await repo.restartSlaClock(tx, t.id);
    }
    if (to === 'closed') await returnVisitAfterTicket(tx, t, now);
    return save(tx, actor, now, t, patch, { type: 'status', data: { from: t.status, to } });
  });
}

async function resumePatch(tx: DbOrTx, t: TicketRow, now: Date) {
  if (!t.pausedSince) return {};
  const { calendar } = await calendarOfTeam(tx, t.teamId);
  return {
    pausedSince: null,
    pausedMinutes: t.pausedMinutes + businessMinutesBetween(calendar, t.pausedSince, now),
  };
}

/** Edits the ticket's fields (not its status). Reassignment notifies the new assignee. */
export async function updateTicket(
  db: Db,
  actor: Actor,
  now: Date,
  id: string,
  body: z.output<typeof updateTicketBodySchema>,
) {
  return db.transaction(async (tx) => {
    const t = await lockAt(tx, id, body.version, now);
    await assertAssignable(tx, actor, body.assigneeId, t.assigneeId);
    const { version: _v, shipmentIds, ...fields } = body;
    const patch = Object.fromEntries(
      Object.entries(fields).filter(([, v]) => v !== undefined),
    ) as Partial<TicketRow>;
    if (shipmentIds) {
      await assertShipmentsOfAccount(tx, t.accountId, shipmentIds);
      await repo.setShipments(tx, id, shipmentIds);
    }
    if (patch.teamId && patch.teamId !== t.teamId)
      Object.assign(patch, await recomputeClocks(tx, { ...t, teamId: patch.teamId }, {}));
    const dto = await save(tx, actor, now, t, patch, {
      type: 'updated',
      data: { fields: Object.keys(patch), shipmentIds },
    });
    if (patch.assigneeId && patch.assigneeId !== t.assigneeId && patch.assigneeId !== actor.id)
      await notify(tx, {
        userIds: [patch.assigneeId],
        kind: 'ticket.assigned',
        params: {
          number: t.number,
          subject: t.subject,
          account: dto.accountName ?? '',
          severity: dto.severity,
        },
        data: { ticketId: id },
      });
    return dto;
  });
}

/**
 * Sets the compensation. Above the linked shipments' declared value only a manager or admin may
 * set it (their setting is the approval, recorded); without a known declared value there is no cap.
 */
export async function setCompensation(
  db: Db,
  actor: Actor,
  now: Date,
  id: string,
  version: number,
  amountCents: number,
) {
  return db.transaction(async (tx) => {
    const t = await lockAt(tx, id, version, now);
    const shipments = (await repo.ticketExtras(tx, [t])).get(id)?.shipmentIds ?? [];
    const limit = await declaredValueCents(tx, shipments);
    const approver = actor.role === 'manager' || actor.role === 'admin';
    const above = limit !== null && amountCents > limit;
    if (above && !approver)
      throw new AppError('VALIDATION_FAILED', {
        fields: { amountCents: 'ticket.compensationNeedsApproval' },
        params: { limit: (limit / 100).toFixed(2) },
      });
    return save(
      tx,
      actor,
      now,
      t,
      { compensationCents: amountCents, compensationApprovedBy: above ? actor.id : null },
      {
        type: 'compensation',
        data: { amountCents, declaredValueCents: limit, approvedBy: above ? actor.id : null },
      },
    );
  });
}

/** The customer's answer to the resolution: accepted closes the ticket, refused reopens it. */
export async function confirmResolution(
  db: Db,
  actor: Actor,
  now: Date,
  id: string,
  body: { version: number; accepted: boolean; note?: string },
) {
  return db.transaction(async (tx) => {
    const t = await lockAt(tx, id, body.version, now);
    if (t.status !== 'resolved')
      throw new AppError('VALIDATION_FAILED', { fields: { accepted: 'ticket.notResolved' } });
    const patch: Partial<TicketRow> = body.accepted
      ? { status: 'closed', closedAt: now, customerConfirmedAt: now }
      : {
          ...(await recomputeClocks(tx, t, { slaStartedAt: now, pausedMinutes: 0, pausedSince: null })),
          status: 'reopened',
          resolvedAt: null,
          reopenCount: t.reopenCount + 1,
        };
    if (body.accepted) await returnVisitAfterTicket(tx, t, now);
    else await repo.restartSlaClock(tx, t.id);
    return save(tx, actor, now, t, patch, {
      type: body.accepted ? 'confirmed' : 'refused',
      body: body.note ?? null,
    });
  });
}
