import { and, desc, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { OPEN_STATUSES } from '../../../shared/servicedesk/enums.js';
import type { ticketListQuerySchema } from '../../../shared/servicedesk/ticketSchemas.js';
import type { DbOrTx } from '../../db/client.js';
import { decodeCursor, toPage } from '../../lib/pagination.js';
import { calendarsOfTeams } from '../sla/calendars.js';
import { toTicketDto } from './presenter.js';
import { ticketExtras } from './repo.js';
import { ticketShipments, ticketSlaClocks, tickets } from './table.js';

type Query = z.output<typeof ticketListQuerySchema>;

/** Filtered ticket list, newest first, keyset-paged on (created_at, id). */
export async function listTickets(db: DbOrTx, q: Query, actorId: string | null, now: Date) {
  const where: (SQL | undefined)[] = [];
  if (q.status) where.push(inArray(tickets.status, [q.status].flat()));
  if (q.open === 'true') where.push(inArray(tickets.status, [...OPEN_STATUSES]));
  if (q.open === 'false') where.push(sql`${tickets.status} IN ('resolved','closed')`);
  if (q.category) where.push(eq(tickets.category, q.category));
  if (q.kind) where.push(eq(tickets.kind, q.kind));
  if (q.severity) where.push(eq(tickets.severity, q.severity));
  if (q.accountId) where.push(eq(tickets.accountId, q.accountId));
  if (q.teamId) where.push(eq(tickets.teamId, q.teamId));
  if (q.assigneeId === 'none') where.push(isNull(tickets.assigneeId));
  else if (q.assigneeId)
    where.push(eq(tickets.assigneeId, q.assigneeId === 'me' ? (actorId ?? '') : q.assigneeId));
  if (q.breached === 'true')
    where.push(
      sql`EXISTS (SELECT 1 FROM ${ticketSlaClocks} k WHERE k.ticket_id = ${tickets.id} AND (k.first_response_breached OR k.resolution_breached))`,
    );
  if (q.shipmentId)
    where.push(
      sql`EXISTS (SELECT 1 FROM ${ticketShipments} s WHERE s.ticket_id = ${tickets.id} AND s.shipment_id = ${q.shipmentId})`,
    );
  if (q.q) where.push(sql`(${tickets.number} ILIKE ${`%${q.q}%`} OR ${tickets.subject} ILIKE ${`%${q.q}%`})`);
  const after = decodeCursor(q.cursor, 2);
  if (after)
    where.push(
      sql`(${tickets.createdAt}, ${tickets.id}) < (${String(after[0])}::timestamptz, ${String(after[1])}::uuid)`,
    );
  const rows = await db
    .select()
    .from(tickets)
    .where(and(...where))
    .orderBy(desc(tickets.createdAt), desc(tickets.id))
    .limit(q.limit + 1);
  const page = toPage(rows, q.limit, (r) => [r.createdAt.toISOString(), r.id]);
  const extras = await ticketExtras(db, page.items);
  const calendarOf = await calendarsOfTeams(
    db,
    page.items.map((t) => t.teamId),
  );
  return {
    items: page.items.map((t) =>
      toTicketDto(t, extras.get(t.id) as never, calendarOf(t.teamId).calendar, now),
    ),
    nextCursor: page.nextCursor,
  };
}
