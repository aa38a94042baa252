import { and, desc, eq, gte, lt, type SQL, sql } from 'drizzle-orm';
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
 * recordChange for many records of one actor (imports): the same diff and no-op rule, written as one
 * INSERT per 5,000 entries (a jsonb parameter: parsed once, where json would parse each entry's
 * changes a second time). Returns the number of entries written.
 */
export async function recordChanges(
  tx: DbOrTx,
  actor: Actor,
  entries: readonly AuditEntry[],
): Promise<number> {
  const rows = [];
  for (const e of entries) {
    const changes = diffRecords(e.before, e.after);
    if (e.action === 'update' && Object.keys(changes).length === 0) continue;
    rows.push({
      entity: e.entity,
      entity_id: e.entityId,
      account_id: e.accountId ?? null,
      action: e.action,
      changes,
    });
  }
  for (let i = 0; i < rows.length; i += 5_000) {
    await tx.execute(sql`
      INSERT INTO audit_log (actor_kind, actor_id, actor_label, ip, request_id, entity, entity_id, account_id, action, changes)
      SELECT ${actor.kind}, ${actor.id}::uuid, ${actor.label}, ${actor.ip}, ${actor.requestId},
             r.entity, r.entity_id, r.account_id, r.action, r.changes
        FROM jsonb_to_recordset(${JSON.stringify(rows.slice(i, i + 5_000))}::jsonb)
          AS r(entity text, entity_id text, account_id uuid, action text, changes jsonb)`);
  }
  return rows.length;
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
