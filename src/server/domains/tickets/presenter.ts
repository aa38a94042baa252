import type { TicketDto } from '../../../shared/servicedesk/ticketSchemas.js';
import type { BusinessCalendar } from '../sla/businessTime.js';
import { remainingMinutes } from '../sla/clocks.js';
import type { TicketSlaClock, tickets } from './table.js';

export type TicketRow = typeof tickets.$inferSelect;
export interface TicketExtras {
  accountName: string | null;
  assigneeName: string | null;
  shipmentIds: string[];
  /** The sweep's state of the ticket's SLA clocks (null for none: never warned nor escalated). */
  clock: TicketSlaClock | null;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** The wire form of a ticket, with its SLA clocks as of `now` in business minutes of its calendar. */
export function toTicketDto(t: TicketRow, x: TicketExtras, cal: BusinessCalendar, now: Date): TicketDto {
  const clock = x.clock;
  const running = t.pausedSince === null && !['resolved', 'closed'].includes(t.status);
  return {
    id: t.id,
    number: t.number,
    kind: t.kind,
    category: t.category,
    severity: t.severity,
    status: t.status,
    subject: t.subject,
    description: t.description,
    accountId: t.accountId,
    accountName: x.accountName,
    contactId: t.contactId,
    shipmentIds: x.shipmentIds,
    channel: t.channel,
    teamId: t.teamId,
    assigneeId: t.assigneeId,
    assigneeName: x.assigneeName,
    rootCause: t.rootCause,
    resolution: t.resolution,
    compensationCents: t.compensationCents,
    compensationApprovedBy: t.compensationApprovedBy,
    customerConfirmedAt: iso(t.customerConfirmedAt),
    firstResponseAt: iso(t.firstResponseAt),
    resolvedAt: iso(t.resolvedAt),
    closedAt: iso(t.closedAt),
    reopenCount: t.reopenCount,
    sla: {
      firstResponse: {
        targetMinutes: t.firstResponseTarget,
        dueAt: iso(t.firstResponseDueAt),
        remainingMinutes:
          running && !t.firstResponseAt ? remainingMinutes(cal, t.firstResponseDueAt, now) : null,
        metAt: iso(t.firstResponseAt),
        breached:
          !!clock?.firstResponseBreached ||
          (!!t.firstResponseDueAt && (t.firstResponseAt ?? now) > t.firstResponseDueAt),
      },
      resolution: {
        targetMinutes: t.resolutionTarget,
        dueAt: iso(t.resolutionDueAt),
        remainingMinutes: running ? remainingMinutes(cal, t.resolutionDueAt, now) : null,
        metAt: iso(t.resolvedAt),
        breached:
          !!clock?.resolutionBreached || (!!t.resolutionDueAt && (t.resolvedAt ?? now) > t.resolutionDueAt),
      },
      paused: t.pausedSince !== null,
      pausedSince: iso(t.pausedSince),
      warnPercent: t.warnPercent,
      escalationLevel: clock?.escalationLevel ?? 0,
      calendarId: t.calendarId,
    },
    createdAt: t.createdAt.toISOString(),
    updatedAt: t.updatedAt.toISOString(),
    version: t.version,
  };
}

/** What the audit log keeps of a ticket (no clocks: they are derived). */
export const auditedTicket = (t: TicketRow) => ({
  number: t.number,
  kind: t.kind,
  category: t.category,
  severity: t.severity,
  status: t.status,
  subject: t.subject,
  contactId: t.contactId,
  teamId: t.teamId,
  assigneeId: t.assigneeId,
  rootCause: t.rootCause,
  resolution: t.resolution,
  compensationCents: t.compensationCents,
  customerConfirmedAt: iso(t.customerConfirmedAt),
});
