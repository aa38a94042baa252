import { createHash } from 'node:crypto';
import { and, desc, eq, getTableColumns } from 'drizzle-orm';
import type { AttachmentDto } from '../../../shared/servicedesk/attachmentSchemas.js';
import type { Db, DbOrTx } from '../../db/client.js';
import type { Actor } from '../../lib/actor.js';
import { AppError, notFound } from '../../lib/errors.js';
import { recordChange } from '../audit/service.js';
import { ticketAttachments } from './attachmentsTable.js';
import { ALLOWED_EXTENSIONS, classifyFile } from './fileTypes.js';
import type { TicketRow } from './presenter.js';
import * as repo from './repo.js';
import { ticketEvents } from './table.js';

const { content: _content, ...META } = getTableColumns(ticketAttachments);
type AttachmentMeta = Omit<typeof ticketAttachments.$inferSelect, 'content'>;

const toDto = (a: AttachmentMeta): AttachmentDto => ({ ...a, createdAt: a.createdAt.toISOString() });
const megabytes = (n: number) => `${Math.round((n / 1024 / 1024) * 10) / 10} MB`;
const fileError = (key: string, params: Record<string, string | number> = {}) =>
  new AppError('VALIDATION_FAILED', { fields: { file: key }, params });

/** A portal user (later) sees only their own account's tickets and never internal notes' files. */
const isCustomer = (actor: Actor) => actor.role === 'portal';
function assertVisible(actor: Actor, t: TicketRow | undefined): asserts t is TicketRow {
  if (!t || (isCustomer(actor) && t.accountId !== actor.accountId)) throw notFound('ticket');
}

/** The name without any folder a browser or client put in front of it, and no control characters. */
export const cleanFileName = (name: string) =>
  (name.split(/[\\/]/).pop() ?? '')
    .replace(/[\p{Cc}\p{Cf}]/gu, '')
    .trim()
    .slice(0, 255);

/** Refuses a file over the limit before its bytes are read (the request says how long it is). */
export function assertAttachmentSize(sizeBytes: number, maxBytes: number) {
  if (sizeBytes > maxBytes)
    throw new AppError('BODY_TOO_LARGE', {
      fields: { file: 'attachment.tooLarge' },
      params: { limit: megabytes(maxBytes) },
    });
}

export interface Upload {
  fileName: string;
  eventId?: number;
  bytes: Buffer;
}

/**
 * Stores a file on a ticket (or on one of its replies or notes) after checking its size, its
 * extension and that its content is what the extension says; the ticket history and the audit log
 * record it in the same transaction.
 */
export async function attachFile(
  db: Db,
  actor: Actor,
  now: Date,
  ticketId: string,
  upload: Upload,
  maxBytes: number,
) {
  assertAttachmentSize(upload.bytes.length, maxBytes);
  const fileName = cleanFileName(upload.fileName);
  if (!fileName) throw new AppError('VALIDATION_FAILED', { fields: { fileName: 'attachment.nameMissing' } });
  const verdict = classifyFile(fileName, upload.bytes);
  if (!verdict.ok)
    throw fileError(`attachment.${verdict.reason}`, {
      extension: verdict.extension || '—',
      allowed: ALLOWED_EXTENSIONS.join(', '),
    });
  return db.transaction(async (tx) => {
    const t = await repo.findTicket(tx, ticketId, true);
    assertVisible(actor, t);
    if (t.status === 'closed') throw fileError('ticket.closed');
    let internal = false;
    if (upload.eventId !== undefined) {
      const [e] = await tx
        .select({ type: ticketEvents.type, internal: ticketEvents.internal })
        .from(ticketEvents)
        .where(and(eq(ticketEvents.id, upload.eventId), eq(ticketEvents.ticketId, ticketId)));
      if (!e || !['reply', 'note'].includes(e.type))
        throw new AppError('VALIDATION_FAILED', { fields: { eventId: 'attachment.eventUnknown' } });
      internal = e.internal;
    }
    const [row] = await tx
      .insert(ticketAttachments)
      .values({
        ticketId,
        eventId: upload.eventId ?? null,
        internal,
        fileName,
        contentType: verdict.contentType,
        sizeBytes: upload.bytes.length,
        sha256: createHash('sha256').update(upload.bytes).digest('hex'),
        content: upload.bytes,
        uploadedBy: actor.id,
        uploadedByLabel: actor.label,
        createdAt: now,
      })
      .returning(META);
    await repo.addEvent(tx, {
      ticketId,
      at: now,
      type: 'attachment',
      actorId: actor.id,
      actorLabel: actor.label,
      internal,
      data: { attachmentId: row.id, fileName, sizeBytes: row.sizeBytes, replyEventId: row.eventId },
    });
    const { id: _id, ...audited } = toDto(row);
    await recordChange(tx, actor, 'ticketAttachment', row.id, 'create', null, audited, t.accountId);
    return toDto(row);
  });
}

export async function listAttachments(db: DbOrTx, actor: Actor, ticketId: string) {
  assertVisible(actor, await repo.findTicket(db, ticketId));
  const where = [eq(ticketAttachments.ticketId, ticketId)];
  if (isCustomer(actor)) where.push(eq(ticketAttachments.internal, false));
  const rows = await db
    .select(META)
    .from(ticketAttachments)
    .where(and(...where))
    .orderBy(desc(ticketAttachments.createdAt));
  return rows.map(toDto);
}

/** One attachment with its bytes, for the download. */
export async function readAttachment(db: DbOrTx, actor: Actor, ticketId: string, attachmentId: string) {
  assertVisible(actor, await repo.findTicket(db, ticketId));
  const [row] = await db
    .select()
    .from(ticketAttachments)
    .where(and(eq(ticketAttachments.id, attachmentId), eq(ticketAttachments.ticketId, ticketId)));
  if (!row || (row.internal && isCustomer(actor))) throw notFound('attachment');
  return row;
}
