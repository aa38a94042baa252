import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { accounts } from '../accounts/table.js';
import { users } from '../users/table.js';
import type { TicketExtras, TicketRow } from './presenter.js';
import { ticketEvents, ticketNumberSeq, ticketShipments, ticketSlaClocks, tickets } from './table.js';

export type NewTicketRow = typeof tickets.$inferInsert;

export async function nextTicketNumber(db: DbOrTx): Promise<string> {
  const { rows } = await db.execute<{ n: number }>(sql`SELECT nextval(${ticketNumberSeq.seqName}) AS n`);
  return `T${String(rows[0].n).padStart(6, '0')}`;
}

export const findTicket = async (db: DbOrTx, id: string, lock = false) =>
  (
    await (lock
      ? db.select().from(tickets).where(eq(tickets.id, id)).for('update')
      : db.select().from(tickets).where(eq(tickets.id, id)))
  )[0];

export async function updateTicketVersioned(
  db: DbOrTx,
  id: string,
  version: number,
  patch: Partial<NewTicketRow>,
  now: Date,
) {
  const [row] = await db
    .update(tickets)
    .set({ ...patch, version: sql`${tickets.version} + 1`, updatedAt: now })
    .where(and(eq(tickets.id, id), eq(tickets.version, version)))
    .returning();
  return row;
}

/** A reopened ticket's clock starts over: no warning given, no escalation (breaches stay on record). */
export async function restartSlaClock(db: DbOrTx, ticketId: string) {
  await db
    .update(ticketSlaClocks)
    .set({ warned: false, escalationLevel: 0, lastEscalatedAt: null })
    .where(eq(ticketSlaClocks.ticketId, ticketId));
}

/** Names, linked shipments and SLA clock state for a set of tickets, in four small queries. */
export async function ticketExtras(db: DbOrTx, rows: TicketRow[]): Promise<Map<string, TicketExtras>> {
  const out = new Map<string, TicketExtras>();
  if (rows.length === 0) return out;
  const ids = rows.map((r) => r.id);
  const accountIds = [...new Set(rows.map((r) => r.accountId))];
  const userIds = [...new Set(rows.map((r) => r.assigneeId).filter((x): x is string => !!x))];
  // sequential: `db` may be a transaction, whose connection runs one query at a time
  const acc = await db.execute<{ id: string; name: string }>(
    sql`SELECT id, coalesce(name_zh, name_en, code) AS name FROM ${accounts} WHERE id = ANY(${sql.param(accountIds)}::uuid[])`,
  );
  const us = userIds.length
    ? await db.execute<{ id: string; name: string }>(
        sql`SELECT id, name FROM ${users} WHERE id = ANY(${sql.param(userIds)}::uuid[])`,
      )
    : { rows: [] as { id: string; name: string }[] };
  const ships = await db
    .select()
    .from(ticketShipments)
    .where(sql`${ticketShipments.ticketId} = ANY(${sql.param(ids)}::uuid[])`);
  const clocks = await db
    .select()
    .from(ticketSlaClocks)
    .where(sql`${ticketSlaClocks.ticketId} = ANY(${sql.param(ids)}::uuid[])`);
  const clockOf = new Map(clocks.map((c) => [c.ticketId, c]));
  const accName = new Map(acc.rows.map((r) => [r.id, r.name]));
  const userName = new Map(us.rows.map((r) => [r.id, r.name]));
  for (const r of rows)
    out.set(r.id, {
      accountName: accName.get(r.accountId) ?? null,
      assigneeName: r.assigneeId ? (userName.get(r.assigneeId) ?? null) : null,
      shipmentIds: ships.filter((s) => s.ticketId === r.id).map((s) => s.shipmentId),
      clock: clockOf.get(r.id) ?? null,
    });
  return out;
}

export async function setShipments(db: DbOrTx, ticketId: string, shipmentIds: string[]) {
  await db.delete(ticketShipments).where(eq(ticketShipments.ticketId, ticketId));
  if (shipmentIds.length)
    await db
      .insert(ticketShipments)
      .values([...new Set(shipmentIds)].map((shipmentId) => ({ ticketId, shipmentId })));
}

export async function addEvent(db: DbOrTx, e: typeof ticketEvents.$inferInsert) {
  const [row] = await db.insert(ticketEvents).values(e).returning();
  return row;
}

export const listEvents = (db: DbOrTx, ticketId: string) =>
  db.select().from(ticketEvents).where(eq(ticketEvents.ticketId, ticketId)).orderBy(ticketEvents.id);
