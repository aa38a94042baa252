import { and, desc, eq, gte, lt, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import type { Actor } from '../../lib/actor.js';
import { decodeCursor, toPage } from '../../lib/pagination.js';
import { diffRecords } from './diff.js';
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
    action,
    changes,
  });
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
