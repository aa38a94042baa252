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

/** Names, linked shipments and SLA clock state for a set of tickets, in one query. */
export async function ticketExtras(db: DbOrTx, rows: TicketRow[]): Promise<Map<string, TicketExtras>> {
  const out = new Map<string, TicketExtras>();
  if (rows.length === 0) return out;
  const { rows: found } = await db.execute<{
    id: string;
    account_name: string | null;
    assignee_name: string | null;
    shipment_ids: string[];
    escalation_level: number | null;
    warned: boolean | null;
    first_response_breached: boolean | null;
    resolution_breached: boolean | null;
    last_escalated_at: string | null;
  }>(sql`
    SELECT r.id,
      (SELECT coalesce(a.name_zh, a.name_en, a.code) FROM ${accounts} a WHERE a.id = r.account_id) AS account_name,
      (SELECT u.name FROM ${users} u WHERE u.id = r.assignee_id) AS assignee_name,
      ARRAY(SELECT s.shipment_id FROM ${ticketShipments} s WHERE s.ticket_id = r.id ORDER BY s.shipment_id) AS shipment_ids,
      k.escalation_level, k.warned, k.first_response_breached, k.resolution_breached, k.last_escalated_at
    FROM unnest(${sql.param(rows.map((r) => r.id))}::uuid[], ${sql.param(rows.map((r) => r.accountId))}::uuid[],
      ${sql.param(rows.map((r) => r.assigneeId))}::uuid[]) AS r(id, account_id, assignee_id)
    LEFT JOIN ${ticketSlaClocks} k ON k.ticket_id = r.id`);
  for (const r of found)
    out.set(r.id, {
      accountName: r.account_name,
      assigneeName: r.assignee_name,
      shipmentIds: r.shipment_ids,
      clock:
        r.escalation_level === null
          ? null
          : {
              ticketId: r.id,
              escalationLevel: r.escalation_level,
              warned: !!r.warned,
              firstResponseBreached: !!r.first_response_breached,
              resolutionBreached: !!r.resolution_breached,
              lastEscalatedAt: r.last_escalated_at ? new Date(r.last_escalated_at) : null,
            },
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
