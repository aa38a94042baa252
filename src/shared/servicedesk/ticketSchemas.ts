import { z } from 'zod';
import { CHANNELS, SEVERITIES, TICKET_CATEGORIES, TICKET_KINDS, TICKET_STATUSES } from './enums.js';

const text = (max: number) => z.string().trim().max(max);

export const createTicketBodySchema = z.strictObject({
  kind: z.enum(TICKET_KINDS),
  category: z.enum(TICKET_CATEGORIES),
  severity: z.enum(SEVERITIES).default('medium'),
  subject: text(200).min(1),
  description: text(20_000).default(''),
  accountId: z.uuid(),
  contactId: z.uuid().optional(),
  shipmentIds: z.array(z.uuid()).max(50).default([]),
  channel: z.enum(CHANNELS).default('phone'),
  teamId: z.uuid().optional(),
  /** Without it the assignment rules pick one (dedicated agent, else round-robin in the team). */
  assigneeId: z.uuid().optional(),
});

export const updateTicketBodySchema = z.strictObject({
  version: z.number().int().min(1),
  category: z.enum(TICKET_CATEGORIES).optional(),
  severity: z.enum(SEVERITIES).optional(),
  subject: text(200).min(1).optional(),
  description: text(20_000).optional(),
  contactId: z.uuid().nullable().optional(),
  shipmentIds: z.array(z.uuid()).max(50).optional(),
  teamId: z.uuid().optional(),
  assigneeId: z.uuid().nullable().optional(),
  rootCause: text(2000).nullable().optional(),
  resolution: text(5000).nullable().optional(),
});

export const replyBodySchema = z.strictObject({
  body: text(20_000).min(1),
  /** Internal note (never shown to the customer) or reply to the customer. */
  internal: z.boolean().default(false),
  /** The reply asks the customer something: the SLA clock stops until they answer. */
  awaitingCustomer: z.boolean().default(false),
});

export const transitionBodySchema = z.strictObject({
  version: z.number().int().min(1),
  status: z.enum(TICKET_STATUSES),
  resolution: text(5000).optional(),
  rootCause: text(2000).optional(),
});

export const compensationBodySchema = z.strictObject({
  version: z.number().int().min(1),
  amountCents: z.number().int().min(0).max(10_000_000_000),
});

export const confirmationBodySchema = z.strictObject({
  version: z.number().int().min(1),
  accepted: z.boolean(),
  note: text(2000).optional(),
});

const slaClockSchema = z.object({
  targetMinutes: z.number().int().nullable(),
  dueAt: z.string().nullable(),
  /** Business minutes left (negative: overdue); null when met, paused or without target. */
  remainingMinutes: z.number().int().nullable(),
  metAt: z.string().nullable(),
  breached: z.boolean(),
});

export const ticketDtoSchema = z.object({
  id: z.string(),
  number: z.string(),
  kind: z.enum(TICKET_KINDS),
  category: z.enum(TICKET_CATEGORIES),
  severity: z.enum(SEVERITIES),
  status: z.enum(TICKET_STATUSES),
  subject: z.string(),
  description: z.string(),
  accountId: z.string(),
  accountName: z.string().nullable(),
  contactId: z.string().nullable(),
  shipmentIds: z.array(z.string()),
  channel: z.string(),
  teamId: z.string().nullable(),
  assigneeId: z.string().nullable(),
  assigneeName: z.string().nullable(),
  rootCause: z.string().nullable(),
  resolution: z.string().nullable(),
  compensationCents: z.number().int().nullable(),
  compensationApprovedBy: z.string().nullable(),
  customerConfirmedAt: z.string().nullable(),
  firstResponseAt: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  reopenCount: z.number().int(),
  sla: z.object({
    firstResponse: slaClockSchema,
    resolution: slaClockSchema,
    paused: z.boolean(),
    pausedSince: z.string().nullable(),
    warnPercent: z.number().int(),
    escalationLevel: z.number().int(),
    calendarId: z.string().nullable(),
  }),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type TicketDto = z.infer<typeof ticketDtoSchema>;

export const ticketEventDtoSchema = z.object({
  id: z.number().int(),
  at: z.string(),
  type: z.string(),
  actorId: z.string().nullable(),
  actorLabel: z.string(),
  body: z.string().nullable(),
  internal: z.boolean(),
  data: z.record(z.string(), z.unknown()),
});

export const ticketListQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
  status: z.union([z.enum(TICKET_STATUSES), z.array(z.enum(TICKET_STATUSES))]).optional(),
  open: z.enum(['true', 'false']).optional(),
  category: z.enum(TICKET_CATEGORIES).optional(),
  kind: z.enum(TICKET_KINDS).optional(),
  severity: z.enum(SEVERITIES).optional(),
  accountId: z.uuid().optional(),
  assigneeId: z.union([z.uuid(), z.literal('me'), z.literal('none')]).optional(),
  teamId: z.uuid().optional(),
  shipmentId: z.uuid().optional(),
  breached: z.enum(['true', 'false']).optional(),
  q: z.string().trim().max(100).optional(),
});
