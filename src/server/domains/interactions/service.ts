import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  interactionBodySchema,
  taskBodySchema,
  taskUpdateSchema,
} from '../../../shared/servicedesk/interactionSchemas.js';
import type { Db, DbOrTx } from '../../db/client.js';
import { staleWrite } from '../../db/versioned.js';
import type { Actor } from '../../lib/actor.js';
import { AppError, notFound } from '../../lib/errors.js';
import { contacts } from '../accounts/table.js';
import { recordChange } from '../audit/service.js';
import { assertAssignee } from '../tickets/assignees.js';
import { interactions, tasks } from './table.js';

type InteractionRow = typeof interactions.$inferSelect;
type TaskRow = typeof tasks.$inferSelect;
const iso = (d: Date | null) => (d ? d.toISOString() : null);

export const toInteractionDto = (r: InteractionRow) => ({
  id: r.id,
  accountId: r.accountId,
  contactId: r.contactId,
  ticketId: r.ticketId,
  channel: r.channel,
  direction: r.direction,
  subject: r.subject,
  notes: r.notes,
  outcome: r.outcome,
  occurredAt: r.occurredAt.toISOString(),
  userId: r.userId,
  createdAt: r.createdAt.toISOString(),
  version: r.version,
});

export const toTaskDto = (r: TaskRow, now: Date) => ({
  id: r.id,
  kind: r.kind,
  title: r.title,
  notes: r.notes,
  accountId: r.accountId,
  contactId: r.contactId,
  ticketId: r.ticketId,
  dueAt: r.dueAt.toISOString(),
  remindAt: iso(r.remindAt),
  assigneeId: r.assigneeId,
  status: r.status,
  overdue: r.status === 'open' && r.dueAt < now,
  completedAt: iso(r.completedAt),
  escalatedAt: iso(r.escalatedAt),
  createdAt: r.createdAt.toISOString(),
  version: r.version,
});

async function assertAccountAndContact(
  db: DbOrTx,
  accountId: string | undefined,
  contactId: string | undefined,
  field: string,
) {
  if (!accountId) return;
  const { rows } = await db.execute(sql`SELECT 1 FROM accounts WHERE id = ${accountId}`);
  if (!rows.length)
    throw new AppError('VALIDATION_FAILED', { fields: { accountId: 'ticket.accountUnknown' } });
  if (contactId) {
    const [c] = await db.select({ a: contacts.accountId }).from(contacts).where(eq(contacts.id, contactId));
    if (c?.a !== accountId) throw new AppError('VALIDATION_FAILED', { fields: { contactId: field } });
  }
}

/** Logs a call, visit, message… on the account (and its timeline). */
export async function logInteraction(
  db: Db,
  actor: Actor,
  now: Date,
  b: z.output<typeof interactionBodySchema>,
) {
  await assertAccountAndContact(db, b.accountId, b.contactId, 'interaction.contactNotOfAccount');
  return db.transaction(async (tx) => {
    const [r] = await tx
      .insert(interactions)
      .values({
        ...b,
        occurredAt: b.occurredAt ? new Date(b.occurredAt) : now,
        userId: actor.kind === 'user' ? actor.id : null,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    await recordChange(
      tx,
      actor,
      'interaction',
      r.id,
      'create',
      null,
      { channel: r.channel, subject: r.subject },
      r.accountId,
    );
    return toInteractionDto(r);
  });
}

export async function listInteractions(db: DbOrTx, accountId: string, limit: number) {
  const rows = await db
    .select()
    .from(interactions)
    .where(eq(interactions.accountId, accountId))
    .orderBy(desc(interactions.occurredAt))
    .limit(limit);
  return rows.map(toInteractionDto);
}

export async function createTask(db: DbOrTx, actor: Actor, now: Date, b: z.output<typeof taskBodySchema>) {
  await assertAccountAndContact(db, b.accountId, b.contactId, 'interaction.contactNotOfAccount');
  const assigneeId = b.assigneeId ?? actor.id;
  if (!assigneeId)
    throw new AppError('VALIDATION_FAILED', { fields: { assigneeId: 'task.assigneeUnknown' } });
  await assertAssignee(db, assigneeId);
  const dueAt = new Date(b.dueAt);
  const [r] = await db
    .insert(tasks)
    .values({
      ...b,
      assigneeId,
      dueAt,
      remindAt: b.remindAt ? new Date(b.remindAt) : new Date(dueAt.getTime() - 3_600_000),
      createdBy: actor.id,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  return toTaskDto(r, now);
}

export async function updateTask(
  db: Db,
  actor: Actor,
  now: Date,
  id: string,
  b: z.output<typeof taskUpdateSchema>,
) {
  if (b.assigneeId) await assertAssignee(db, b.assigneeId);
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(tasks).where(eq(tasks.id, id));
    if (!before) throw notFound('task');
    const { version, dueAt, ...rest } = b;
    const patch: Partial<TaskRow> = { ...rest };
    if (dueAt)
      Object.assign(patch, {
        dueAt: new Date(dueAt),
        remindAt: new Date(new Date(dueAt).getTime() - 3_600_000),
        remindedAt: null,
        escalatedAt: null,
      });
    if (b.status === 'done' && before.status !== 'done') patch.completedAt = now;
    const [r] = await tx
      .update(tasks)
      .set({ ...patch, version: sql`${tasks.version} + 1`, updatedAt: now })
      .where(and(eq(tasks.id, id), eq(tasks.version, version)))
      .returning();
    if (!r)
      throw await staleWrite(
        'task',
        async () => (await tx.select().from(tasks).where(eq(tasks.id, id)))[0],
        (x) => toTaskDto(x, now),
      );
    await recordChange(
      tx,
      actor,
      'task',
      id,
      'update',
      { status: before.status, title: before.title, dueAt: iso(before.dueAt) },
      { status: r.status, title: r.title, dueAt: iso(r.dueAt) },
      r.accountId,
    );
    return toTaskDto(r, now);
  });
}

/** "My day": my open tasks that are overdue or due before the end of my day (next 24 h window given). */
export async function myDay(db: DbOrTx, userId: string, now: Date, until: Date) {
  const rows = await db
    .select()
    .from(tasks)
    .where(and(eq(tasks.assigneeId, userId), eq(tasks.status, 'open'), sql`${tasks.dueAt} < ${until}`))
    .orderBy(asc(tasks.dueAt))
    .limit(500);
  return rows.map((r) => toTaskDto(r, now));
}

export async function listTasks(
  db: DbOrTx,
  q: { assigneeId?: string; accountId?: string; status?: string; from?: Date; to?: Date },
  now: Date,
) {
  const rows = await db
    .select()
    .from(tasks)
    .where(
      and(
        q.assigneeId ? eq(tasks.assigneeId, q.assigneeId) : undefined,
        q.accountId ? eq(tasks.accountId, q.accountId) : undefined,
        q.status ? eq(tasks.status, q.status) : undefined,
        q.from ? sql`${tasks.dueAt} >= ${q.from}` : undefined,
        q.to ? sql`${tasks.dueAt} < ${q.to}` : undefined,
      ),
    )
    .orderBy(asc(tasks.dueAt))
    .limit(1000);
  return rows.map((r) => toTaskDto(r, now));
}
