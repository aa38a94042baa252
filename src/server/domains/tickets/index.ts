import { and, desc, eq, lte, sql } from 'drizzle-orm';
import { registerJob } from '../../jobs/registry.js';
import { ACCOUNT_REFERENCES } from '../accounts/merge.js';
import { ACCOUNT_FIGURE_SOURCES, TIMELINE_SOURCES } from '../accounts/timeline.js';
import { runSlaSweep } from '../sla/sweep.js';
import { ticketEvents, tickets } from './table.js';

export { ticketAttachmentsRoutes } from './attachmentRoutes.js';
export { kpiRoutes } from './kpiRoutes.js';
export { addEvent as addTicketEvent, findTicket } from './repo.js';
export { ticketsRoutes } from './routes.js';
export { openTicket } from './service.js';

ACCOUNT_REFERENCES.push({ table: 'tickets', column: 'account_id' });

/** The account timeline shows when tickets opened, changed status, and how the customer answered. */
TIMELINE_SOURCES.tickets = async (db, accountId, before, limit) => {
  const rows = await db
    .select({ e: ticketEvents, number: tickets.number, subject: tickets.subject, kind: tickets.kind })
    .from(ticketEvents)
    .innerJoin(tickets, eq(tickets.id, ticketEvents.ticketId))
    .where(
      and(
        eq(tickets.accountId, accountId),
        lte(ticketEvents.at, before),
        sql`${ticketEvents.type} IN ('created','status','confirmed','refused','sla_escalated')`,
      ),
    )
    .orderBy(desc(ticketEvents.at))
    .limit(limit);
  return rows.map((r) => ({
    key: `tickets:${r.e.id}`,
    at: r.e.at,
    source: 'tickets',
    kind: `ticket.${r.e.type}`,
    actorLabel: r.e.actorLabel,
    data: { ticketId: r.e.ticketId, number: r.number, subject: r.subject, ticketKind: r.kind, ...r.e.data },
  }));
};

ACCOUNT_FIGURE_SOURCES.push(async (db, accountId) => {
  const { rows } = await db.execute<{ openTickets: number; breachedOpenTickets: number }>(sql`
    SELECT count(*)::int AS "openTickets",
           count(*) FILTER (WHERE k.first_response_breached OR k.resolution_breached)::int AS "breachedOpenTickets"
    FROM tickets t LEFT JOIN ticket_sla_clocks k ON k.ticket_id = t.id
    WHERE t.account_id = ${accountId} AND t.status IN ('new','acknowledged','investigating','reopened')`);
  return rows[0];
});

registerJob({
  name: 'sla.sweep',
  cron: '* * * * *',
  handle: async (ctx) => {
    await runSlaSweep(ctx.database.db, ctx.clock.now());
  },
});
