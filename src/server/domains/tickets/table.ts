import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  index,
  integer,
  jsonb,
  numeric,
  pgSequence,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type {
  Channel,
  Severity,
  TicketCategory,
  TicketKind,
  TicketStatus,
} from '../../../shared/servicedesk/enums.js';
import { editableColumns, tstz } from '../../db/columns.js';
import { accounts, contacts } from '../accounts/table.js';
import { shipments } from '../shipments/table.js';
import { teams } from '../sla/table.js';
import { users } from '../users/table.js';

export const ticketNumberSeq = pgSequence('ticket_number_seq', { startWith: 1 });

export const tickets = pgTable(
  'tickets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    number: text('number').notNull(),
    kind: text('kind').$type<TicketKind>().notNull(),
    category: text('category').$type<TicketCategory>().notNull(),
    severity: text('severity').$type<Severity>().notNull(),
    status: text('status').$type<TicketStatus>().notNull().default('new'),
    subject: text('subject').notNull(),
    description: text('description').notNull().default(''),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    contactId: uuid('contact_id').references(() => contacts.id),
    channel: text('channel').$type<Channel>().notNull(),
    teamId: uuid('team_id').references(() => teams.id),
    assigneeId: uuid('assignee_id').references(() => users.id),
    rootCause: text('root_cause'),
    resolution: text('resolution'),
    compensationCents: bigint('compensation_cents', { mode: 'number' }),
    compensationApprovedBy: uuid('compensation_approved_by'),
    customerConfirmedAt: tstz('customer_confirmed_at'),
    firstResponseAt: tstz('first_response_at'),
    resolvedAt: tstz('resolved_at'),
    closedAt: tstz('closed_at'),
    reopenCount: integer('reopen_count').notNull().default(0),
    // SLA: targets copied from the policy at creation, deadlines kept current so the sweep is set-based
    firstResponseTarget: integer('first_response_target'),
    resolutionTarget: integer('resolution_target'),
    warnPercent: integer('warn_percent').notNull().default(80),
    /** Business minutes the clock stood still (waiting on the customer), closed pauses only. */
    pausedMinutes: numeric('paused_minutes', { mode: 'number' }).notNull().default(0),
    pausedSince: tstz('paused_since'),
    /** When the resolution clock started: creation, or the last reopening. */
    slaStartedAt: tstz('sla_started_at').notNull().defaultNow(),
    calendarId: uuid('calendar_id'),
    firstResponseDueAt: tstz('first_response_due_at'),
    firstResponseWarnAt: tstz('first_response_warn_at'),
    resolutionDueAt: tstz('resolution_due_at'),
    resolutionWarnAt: tstz('resolution_warn_at'),
    // what the SLA sweep changes (warning, escalation, breaches) lives in ticket_sla_clocks
    createdBy: uuid('created_by'),
    ...editableColumns(),
  },
  (t) => [
    uniqueIndex('tickets_number_key').on(t.number),
    index('tickets_account_idx').on(t.accountId, t.createdAt),
    index('tickets_assignee_idx').on(t.assigneeId, t.status),
    index('tickets_status_idx').on(t.status, t.createdAt),
    index('tickets_created_idx').on(t.createdAt, t.id),
    // the dashboard's queries are index-only scans of these: the trailing columns are what they read
    index('tickets_first_response_idx').on(t.firstResponseAt, t.createdAt),
    index('tickets_resolved_idx').on(t.resolvedAt, t.createdAt, t.assigneeId),
    index('tickets_closed_idx').on(
      t.closedAt,
      t.status,
      t.id,
      t.firstResponseAt,
      t.firstResponseDueAt,
      t.resolvedAt,
      t.resolutionDueAt,
    ),
    index('tickets_complaints_idx')
      .on(t.createdAt, t.kind, t.category, t.rootCause)
      .where(sql`kind IN ('complaint', 'claim')`),
    // open tickets newest first (the list's usual filter and order), and the dashboard's open work
    index('tickets_open_idx')
      .on(t.createdAt, t.id, t.status, t.assigneeId)
      .where(sql`status IN ('new','acknowledged','investigating','reopened')`),
    index('tickets_open_due_idx')
      .on(t.resolutionDueAt)
      .where(sql`status IN ('new','acknowledged','investigating','reopened')`),
  ],
);

/**
 * The SLA state the sweep moves on every pass, one narrow row per ticket apart from the ticket: its
 * updates touch one small row and one index instead of rewriting the ticket's ten indexes, and with
 * free room on each page (fillfactor, set in the migration) they are HOT updates.
 */
export const ticketSlaClocks = pgTable(
  'ticket_sla_clocks',
  {
    ticketId: uuid('ticket_id')
      .primaryKey()
      .references(() => tickets.id, { onDelete: 'cascade' }),
    /** 0 none, 1 agent warned/notified of breach, 2 team lead, 3 manager. */
    escalationLevel: integer('escalation_level').notNull().default(0),
    warned: boolean('warned').notNull().default(false),
    firstResponseBreached: boolean('first_response_breached').notNull().default(false),
    resolutionBreached: boolean('resolution_breached').notNull().default(false),
    lastEscalatedAt: tstz('last_escalated_at'),
  },
  // the few breached tickets, read by compliance and workload without scanning every clock
  (t) => [
    index('ticket_sla_clocks_breached_idx')
      .on(t.ticketId)
      .where(sql`first_response_breached OR resolution_breached`),
  ],
);
export type TicketSlaClock = typeof ticketSlaClocks.$inferSelect;

/** Shipments a ticket is about (of the ticket's account, checked by the service). */
export const ticketShipments = pgTable(
  'ticket_shipments',
  {
    ticketId: uuid('ticket_id')
      .notNull()
      .references(() => tickets.id, { onDelete: 'cascade' }),
    shipmentId: uuid('shipment_id')
      .notNull()
      .references(() => shipments.id),
  },
  (t) => [
    primaryKey({ columns: [t.ticketId, t.shipmentId] }),
    index('ticket_shipments_shipment_idx').on(t.shipmentId),
  ],
);

/** Everything that happened to a ticket, in order: the history and the conversation. */
export const ticketEvents = pgTable(
  'ticket_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    ticketId: uuid('ticket_id')
      .notNull()
      .references(() => tickets.id, { onDelete: 'cascade' }),
    at: tstz('at').notNull().defaultNow(),
    type: text('type').notNull(),
    actorId: uuid('actor_id'),
    actorLabel: text('actor_label').notNull(),
    /** Replies and notes: the text; internal notes are never shown to the customer. */
    body: text('body'),
    internal: boolean('internal').notNull().default(false),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [index('ticket_events_ticket_idx').on(t.ticketId, t.id), index('ticket_events_at_idx').on(t.at)],
);

/** A dedicated agent (and team) for an account: its tickets go to them before round-robin. */
export const accountServiceAgents = pgTable('account_service_agents', {
  accountId: uuid('account_id')
    .primaryKey()
    .references(() => accounts.id),
  agentId: uuid('agent_id')
    .notNull()
    .references(() => users.id),
  teamId: uuid('team_id').references(() => teams.id),
  ...editableColumns(),
});
