import { and, desc, eq, gte, lt, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { copyFrom, copyLines, copyValue, withConnection } from '../../db/copy.js';
import type { Actor } from '../../lib/actor.js';
import { decodeCursor, toPage } from '../../lib/pagination.js';
import { createdChangesJson, diffRecords } from './diff.js';
import { auditLog } from './table.js';

export type AuditAction = 'create' | 'update' | 'delete';

/**
 * Writes one audit entry in the caller's transaction, so the record and its history commit together.
 * A no-op update (nothing but bookkeeping changed) writes nothing.
 */
export async function recordChange(
  tx: DbOrTx,
  actor: Actor,
  entity: string,
  entityId: string,
  action: AuditAction,
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
  accountId: string | null = null,
): Promise<void> {
  const changes = diffRecords(before, after);
  if (action === 'update' && Object.keys(changes).length === 0) return;
  await tx.insert(auditLog).values({
    actorKind: actor.kind,
    actorId: actor.id,
    actorLabel: actor.label,
    ip: actor.ip,
    requestId: actor.requestId,
    entity,
    entityId,
    accountId,
    action,
    changes,
  });
}

export interface AuditEntry {
  entity: string;
  entityId: string;
  action: AuditAction;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  accountId?: string | null;
}

/**
 * recordChange for many records of one actor (imports): the same diff and no-op rule, written by COPY
 * in chunks, each made and diffed as its chunk is sent (the server stores one chunk while the next is
 * made; entries may come from a generator).
 */
export async function recordChanges(tx: DbOrTx, actor: Actor, entries: Iterable<AuditEntry>): Promise<void> {
  await copyAuditChunks(tx, auditChunks(actor, entries));
}

/** The audit COPY's chunks of text for the entries of one actor, made lazily as they are asked for. */
export function auditChunks(actor: Actor, entries: Iterable<AuditEntry>): Generator<string> {
  // the actor's columns are the same on every line
  const who = [
    copyValue(actor.kind, 'actor_kind'),
    copyValue(actor.id, 'actor_id'),
    copyValue(actor.label, 'actor_label'),
    copyValue(actor.ip, 'ip'),
    copyValue(actor.requestId, 'request_id'),
  ].join('\t');
  const line = (e: AuditEntry) => {
    const changes =
      e.before === null && e.after ? createdChangesJson(e.after) : diffRecords(e.before, e.after);
    if (e.action === 'update' && typeof changes !== 'string' && Object.keys(changes).length === 0)
      return null;
    return `${who}\t${copyValue(e.entity, 'entity')}\t${copyValue(e.entityId, 'entity_id')}\t${copyValue(e.accountId ?? null, 'account_id')}\t${e.action}\t${copyValue(changes, 'changes')}`;
  };
  return copyLines(entries, line);
}

/** Stores chunks made by auditChunks (in the caller's transaction when `tx` is one). */
export async function copyAuditChunks(tx: DbOrTx, chunks: Iterable<string>): Promise<void> {
  await withConnection(tx, (client) =>
    copyFrom(
      client,
      'COPY audit_log (actor_kind, actor_id, actor_label, ip, request_id, entity, entity_id, account_id, action, changes) FROM STDIN',
      chunks,
    ),
  );
}

export interface AuditQuery {
  entity?: string;
  entityId?: string;
  actorId?: string;
  action?: AuditAction;
  from?: Date;
  to?: Date;
  limit: number;
  cursor?: string;
}

/** Newest first, keyset-paged by id. */
export async function searchAudit(db: DbOrTx, q: AuditQuery) {
  const where: SQL[] = [];
  if (q.entity) where.push(eq(auditLog.entity, q.entity));
  if (q.entityId) where.push(eq(auditLog.entityId, q.entityId));
  if (q.actorId) where.push(eq(auditLog.actorId, q.actorId));
  if (q.action) where.push(eq(auditLog.action, q.action));
  if (q.from) where.push(gte(auditLog.at, q.from));
  if (q.to) where.push(lt(auditLog.at, q.to));
  const after = decodeCursor(q.cursor, 1);
  if (after) where.push(lt(auditLog.id, Number(after[0])));
  const rows = await db
    .select()
    .from(auditLog)
    .where(and(...where))
    .orderBy(desc(auditLog.id))
    .limit(q.limit + 1);
  return toPage(rows, q.limit, (r) => [r.id]);
}
