import { integer, timestamp } from 'drizzle-orm/pg-core';

/** Columns every table a user edits carries: optimistic-locking version and timestamps. */
export const editableColumns = () => ({
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const tstz = (name: string) => timestamp(name, { withTimezone: true });
