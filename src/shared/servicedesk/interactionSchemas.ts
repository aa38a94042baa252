import { z } from 'zod';
import { DIRECTIONS, TASK_KINDS, TASK_STATUSES } from './enums.js';

/** Channels of an interaction (DOMAIN.md §2). */
export const INTERACTION_CHANNELS = [
  'phone',
  'email',
  'sms',
  'wechat',
  'visit',
  'meeting',
  'chat',
  'portal',
] as const;

export const interactionBodySchema = z.strictObject({
  accountId: z.uuid(),
  contactId: z.uuid().optional(),
  ticketId: z.uuid().optional(),
  channel: z.enum(INTERACTION_CHANNELS),
  direction: z.enum(DIRECTIONS),
  subject: z.string().trim().min(1).max(200),
  notes: z.string().trim().max(20_000).default(''),
  outcome: z.string().trim().max(500).optional(),
  /** When it happened; default now. */
  occurredAt: z.iso.datetime({ offset: true }).optional(),
});

export const interactionDtoSchema = z.object({
  id: z.string(),
  accountId: z.string(),
  contactId: z.string().nullable(),
  ticketId: z.string().nullable(),
  channel: z.string(),
  direction: z.string(),
  subject: z.string(),
  notes: z.string(),
  outcome: z.string().nullable(),
  occurredAt: z.string(),
  userId: z.string().nullable(),
  createdAt: z.string(),
  version: z.number().int(),
});

export const taskBodySchema = z.strictObject({
  kind: z.enum(TASK_KINDS).default('follow_up'),
  title: z.string().trim().min(1).max(200),
  notes: z.string().trim().max(20_000).default(''),
  accountId: z.uuid().optional(),
  contactId: z.uuid().optional(),
  ticketId: z.uuid().optional(),
  dueAt: z.iso.datetime({ offset: true }),
  /** When to remind the assignee; default: one hour before due. */
  remindAt: z.iso.datetime({ offset: true }).optional(),
  /** Default: the caller. */
  assigneeId: z.uuid().optional(),
});

/** Tasks for every account of a list (its filters in the query string, as GET /accounts takes them). */
export const accountTasksBodySchema = z.strictObject({
  kind: z.enum(TASK_KINDS).default('follow_up'),
  title: z.string().trim().min(1).max(200),
  notes: z.string().trim().max(20_000).default(''),
  dueAt: z.iso.datetime({ offset: true }),
  /** 'owner': each account's owner (the caller where it has no active one); or one staff member. */
  assignTo: z.union([z.literal('owner'), z.uuid()]).default('owner'),
});

/** At most this many accounts get tasks in one request. */
export const MAX_ACCOUNT_TASKS = 5_000;

export const taskUpdateSchema = z.strictObject({
  version: z.number().int().min(1),
  status: z.enum(TASK_STATUSES).optional(),
  title: z.string().trim().min(1).max(200).optional(),
  notes: z.string().trim().max(20_000).optional(),
  dueAt: z.iso.datetime({ offset: true }).optional(),
  assigneeId: z.uuid().optional(),
});

export const taskDtoSchema = z.object({
  id: z.string(),
  kind: z.string(),
  title: z.string(),
  notes: z.string(),
  accountId: z.string().nullable(),
  contactId: z.string().nullable(),
  ticketId: z.string().nullable(),
  dueAt: z.string(),
  remindAt: z.string().nullable(),
  assigneeId: z.string(),
  status: z.string(),
  overdue: z.boolean(),
  completedAt: z.string().nullable(),
  escalatedAt: z.string().nullable(),
  createdAt: z.string(),
  version: z.number().int(),
});
