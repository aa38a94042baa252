import { bigint, boolean, customType, index, integer, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { tstz } from '../../db/columns.js';
import { ticketEvents, tickets } from './table.js';

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

/**
 * Files attached to a ticket (or to one of its replies and notes). The bytes live in the database:
 * every API process and worker sees the same files without a shared disk, they commit or roll back
 * with the ticket event and the audit entry, and one backup holds everything. PostgreSQL keeps large
 * values out of line (TOAST), so listing attachments never reads the bytes.
 */
export const ticketAttachments = pgTable(
  'ticket_attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ticketId: uuid('ticket_id')
      .notNull()
      .references(() => tickets.id, { onDelete: 'cascade' }),
    /** The reply or internal note it belongs to, if any. */
    eventId: bigint('event_id', { mode: 'number' }).references(() => ticketEvents.id, {
      onDelete: 'cascade',
    }),
    /** Attached to an internal note: never shown to the customer. */
    internal: boolean('internal').notNull().default(false),
    fileName: text('file_name').notNull(),
    /** What the content was sniffed to be, not what the uploader claimed. */
    contentType: text('content_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    content: bytea('content').notNull(),
    uploadedBy: uuid('uploaded_by'),
    uploadedByLabel: text('uploaded_by_label').notNull(),
    createdAt: tstz('created_at').notNull().defaultNow(),
  },
  (t) => [index('ticket_attachments_ticket_idx').on(t.ticketId, t.createdAt)],
);
