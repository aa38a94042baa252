import { index, integer, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { editableColumns, tstz } from '../../db/columns.js';
import { accounts, contacts } from '../accounts/table.js';
import { users } from '../users/table.js';

/** A logged contact with a customer (互动记录): call, email, visit, … */
export const interactions = pgTable(
  'interactions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    contactId: uuid('contact_id').references(() => contacts.id),
    ticketId: uuid('ticket_id'),
    channel: text('channel').notNull(),
    direction: text('direction').notNull(),
    subject: text('subject').notNull(),
    notes: text('notes').notNull().default(''),
    outcome: text('outcome'),
    occurredAt: tstz('occurred_at').notNull(),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    ...editableColumns(),
  },
  (t) => [index('interactions_account_idx').on(t.accountId, t.occurredAt)],
);

/** Follow-ups and return visits (回访). */
export const tasks = pgTable(
  'tasks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    accountId: uuid('account_id').references(() => accounts.id),
    contactId: uuid('contact_id').references(() => contacts.id),
    ticketId: uuid('ticket_id'),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    notes: text('notes').notNull().default(''),
    dueAt: tstz('due_at').notNull(),
    remindAt: tstz('remind_at'),
    remindedAt: tstz('reminded_at'),
    escalatedAt: tstz('escalated_at'),
    assigneeId: uuid('assignee_id')
      .notNull()
      .references(() => users.id),
    status: text('status').notNull().default('open'),
    completedAt: tstz('completed_at'),
    createdBy: uuid('created_by'),
    ...editableColumns(),
  },
  (t) => [
    index('tasks_assignee_idx').on(t.assigneeId, t.status, t.dueAt),
    index('tasks_account_idx').on(t.accountId, t.dueAt),
  ],
);

/** How often each service tier gets a return visit (days). */
export const returnVisitCadences = pgTable('return_visit_cadences', {
  tier: text('tier').primaryKey(),
  intervalDays: integer('interval_days').notNull(),
  ...editableColumns(),
});
