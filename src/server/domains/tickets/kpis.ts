import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { shipmentCount } from './shipments.js';

const OPEN = sql.raw(`('new','acknowledged','investigating','reopened')`);
/** Tickets that breached a target at some point (the breach stays on record after a reopening). */
const BREACHED = sql.raw(
  `(SELECT ticket_id FROM ticket_sla_clocks WHERE first_response_breached OR resolution_breached)`,
);
const round = (v: number | null, d = 1) => (v === null ? null : Math.round(v * 10 ** d) / 10 ** d);

/**
 * The service-desk dashboard (DOMAIN.md §3) over [from, to): open tickets by status and age,
 * first-response and resolution time (wall-clock minutes, median and P90), SLA compliance of tickets
 * closed in the period, complaint rate per 1,000 shipments by category (null until shipments exist),
 * Pareto of complaint root causes, and each agent's workload.
 */
export async function serviceDeskKpis(db: DbOrTx, from: Date, to: Date, now: Date) {
  const [open, times, compliance, categories, pareto, agents, shipments] = await Promise.all([
    db.execute<{ status: string; age: string; n: number }>(sql`
      SELECT status,
        CASE WHEN created_at > ${now}::timestamptz - interval '1 day' THEN 'lt1d'
             WHEN created_at > ${now}::timestamptz - interval '3 days' THEN 'd1to3'
             WHEN created_at > ${now}::timestamptz - interval '7 days' THEN 'd3to7'
             ELSE 'gt7d' END AS age,
        count(*)::int AS n
      FROM tickets WHERE status IN ${OPEN} GROUP BY 1, 2`),
    // date_part gives double precision; extract() gives numeric, which sorts about 3× slower
    db.execute<{ fr: number[] | null; res: number[] | null }>(sql`
      SELECT
        (SELECT percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY date_part('epoch', first_response_at - created_at) / 60)
           FROM tickets WHERE first_response_at >= ${from} AND first_response_at < ${to}) AS fr,
        (SELECT percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY date_part('epoch', resolved_at - created_at) / 60)
           FROM tickets WHERE resolved_at >= ${from} AND resolved_at < ${to}) AS res`),
    db.execute<{ closed: number; met: number }>(sql`
      SELECT count(*)::int AS closed,
        count(*) FILTER (WHERE b.ticket_id IS NULL
          AND (t.first_response_due_at IS NULL OR t.first_response_at <= t.first_response_due_at)
          AND (t.resolution_due_at IS NULL OR t.resolved_at <= t.resolution_due_at))::int AS met
      FROM tickets t LEFT JOIN ${BREACHED} b ON b.ticket_id = t.id
      WHERE t.status = 'closed' AND t.closed_at >= ${from} AND t.closed_at < ${to}`),
    db.execute<{ category: string; n: number }>(sql`
      SELECT category, count(*)::int AS n FROM tickets
      WHERE kind = 'complaint' AND created_at >= ${from} AND created_at < ${to} GROUP BY 1 ORDER BY 2 DESC`),
    db.execute<{ cause: string; n: number }>(sql`
      SELECT coalesce(nullif(trim(root_cause), ''), '(' || category || ')') AS cause, count(*)::int AS n FROM tickets
      WHERE kind IN ('complaint', 'claim') AND created_at >= ${from} AND created_at < ${to}
      GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 50`),
    // open work and resolutions counted apart, each on its own index, then joined per agent
    db.execute<{ agent_id: string; name: string; open: number; breached: number; resolved: number }>(sql`
      SELECT u.id AS agent_id, u.name, coalesce(o.open, 0) AS open, coalesce(o.breached, 0) AS breached,
        coalesce(r.resolved, 0) AS resolved
      FROM (SELECT t.assignee_id, count(*)::int AS open,
              count(b.ticket_id)::int AS breached
            FROM tickets t LEFT JOIN ${BREACHED} b ON b.ticket_id = t.id
            WHERE t.status IN ${OPEN} AND t.assignee_id IS NOT NULL GROUP BY 1) o
      FULL JOIN (SELECT assignee_id, count(*)::int AS resolved FROM tickets
            WHERE resolved_at >= ${from} AND resolved_at < ${to} AND assignee_id IS NOT NULL GROUP BY 1) r
        USING (assignee_id)
      JOIN users u ON u.id = assignee_id
      ORDER BY open DESC, u.name`),
    shipmentCount(db, from, to),
  ]);
  const t = times.rows[0];
  const c = compliance.rows[0];
  const totalCauses = pareto.rows.reduce((s, r) => s + r.n, 0);
  let cumulative = 0;
  return {
    period: { from: from.toISOString(), to: to.toISOString() },
    open: {
      total: open.rows.reduce((s, r) => s + r.n, 0),
      byStatus: sumBy(open.rows, 'status'),
      byAge: sumBy(open.rows, 'age'),
    },
    firstResponseMinutes: { median: round(t.fr?.[0] ?? null), p90: round(t.fr?.[1] ?? null) },
    resolutionMinutes: { median: round(t.res?.[0] ?? null), p90: round(t.res?.[1] ?? null) },
    slaCompliance: { closed: c.closed, met: c.met, rate: c.closed ? round(c.met / c.closed, 4) : null },
    complaints: {
      shipments,
      byCategory: categories.rows.map((r) => ({
        category: r.category,
        complaints: r.n,
        per1000Shipments: shipments ? round((r.n / shipments) * 1000, 2) : null,
      })),
    },
    pareto: pareto.rows.map((r) => {
      cumulative += r.n;
      return { cause: r.cause, count: r.n, cumulativeShare: round(cumulative / totalCauses, 4) as number };
    }),
    agents: agents.rows.map((r) => ({
      agentId: r.agent_id,
      name: r.name,
      open: r.open,
      breachedOpen: r.breached,
      resolved: r.resolved,
    })),
  };
}

function sumBy<T extends { n: number }>(rows: T[], key: keyof T): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of rows) out[String(r[key])] = (out[String(r[key])] ?? 0) + r.n;
  return out;
}
