import { sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.js';
import { type NotifyInput, notifyMany } from '../notifications/service.js';

/** Wall-clock time a breached ticket stays at one escalation level before going up the ladder. */
export const ESCALATION_STEP_MINUTES = 60;
const OPEN = sql.raw(`('new','acknowledged','investigating','reopened')`);

type Target = 'firstResponse' | 'resolution';
interface DueRow extends Record<string, unknown> {
  id: string;
  number: string;
  subject: string;
  assignee_id: string | null;
  lead_id: string | null;
  manager_id: string | null;
  percent: number;
  warn: boolean;
  warn_target: Target;
  warn_due_at: string;
  escalate: boolean;
  /** The level reached by this step (1 agent, 2 team lead, 3 manager). */
  level: number;
  escalation_target: Target;
  escalation_due_at: string;
}

interface Step {
  ticketId: string;
  type: 'sla_warning' | 'sla_escalated';
  data: Record<string, unknown>;
  userIds: string[];
}

/**
 * One pass over every open, running ticket, set-based: warns those past the warning share of a
 * target, and escalates breached ones one step up the ladder (1 agent → 2 team lead → 3 manager),
 * each step recorded as a ticket event naming who it went to and notified. One statement finds the
 * due tickets, locks and moves their clocks (ticket_sla_clocks: one narrow row each); one inserts all
 * the events; notifications go in bulk. Safe to run concurrently: the row locks let one sweep take
 * each step, the other re-checks the moved clock and skips it.
 */
export async function runSlaSweep(db: Db, now: Date): Promise<{ warned: number; escalated: number }> {
  return db.transaction(async (tx) => {
    const frWarn = sql`(t.first_response_at IS NULL AND t.first_response_warn_at <= ${now})`;
    const frDue = sql`(t.first_response_at IS NULL AND t.first_response_due_at <= ${now})`;
    const warn = sql`(NOT k.warned AND k.escalation_level = 0 AND (${frWarn} OR t.resolution_warn_at <= ${now}))`;
    const escalate = sql`(k.escalation_level < 3 AND (${frDue} OR t.resolution_due_at <= ${now})
      AND (k.escalation_level = 0 OR k.last_escalated_at <= ${now}::timestamptz - make_interval(mins => ${ESCALATION_STEP_MINUTES})))`;
    const { rows } = await tx.execute<DueRow>(sql`
      WITH due AS (
        SELECT t.id, t.number, t.subject, t.assignee_id, t.team_id, t.warn_percent AS percent,
          ${warn} AS warn,
          CASE WHEN ${frWarn} THEN 'firstResponse' ELSE 'resolution' END AS warn_target,
          CASE WHEN ${frWarn} THEN t.first_response_due_at ELSE t.resolution_due_at END AS warn_due_at,
          ${escalate} AS escalate, k.escalation_level + 1 AS level,
          coalesce(${frDue}, false) AS fr_breached, coalesce(t.resolution_due_at <= ${now}, false) AS res_breached,
          CASE WHEN ${frDue} THEN 'firstResponse' ELSE 'resolution' END AS escalation_target,
          CASE WHEN ${frDue} THEN t.first_response_due_at ELSE t.resolution_due_at END AS escalation_due_at
        FROM tickets t JOIN ticket_sla_clocks k ON k.ticket_id = t.id
        WHERE t.status IN ${OPEN} AND t.paused_since IS NULL AND (${warn} OR ${escalate})
        FOR UPDATE OF k
      ), moved AS (
        UPDATE ticket_sla_clocks k SET
          warned = true,
          escalation_level = CASE WHEN due.escalate THEN due.level ELSE k.escalation_level END,
          last_escalated_at = CASE WHEN due.escalate THEN ${now} ELSE k.last_escalated_at END,
          first_response_breached = k.first_response_breached OR (due.escalate AND due.fr_breached),
          resolution_breached = k.resolution_breached OR (due.escalate AND due.res_breached)
        FROM due WHERE k.ticket_id = due.id
      )
      SELECT due.*, tm.lead_id, tm.manager_id FROM due LEFT JOIN teams tm ON tm.id = due.team_id`);

    const fallbackManagers = rows.some((r) => r.escalate && r.level === 3 && !r.manager_id)
      ? (
          await tx.execute<{ id: string }>(sql`SELECT id FROM users WHERE role = 'manager' AND active`)
        ).rows.map((r) => r.id)
      : [];
    const inputs: NotifyInput[] = [];
    const steps: Step[] = [];
    for (const r of rows.filter((x) => x.warn)) {
      const to = present([r.assignee_id ?? r.lead_id]);
      const dueAt = iso(r.warn_due_at);
      steps.push({
        ticketId: r.id,
        type: 'sla_warning',
        data: { target: r.warn_target, dueAt },
        userIds: to,
      });
      inputs.push({
        userIds: to,
        kind: 'sla.warning',
        params: { number: r.number, subject: r.subject, target: r.warn_target, dueAt, percent: r.percent },
        data: { ticketId: r.id },
      });
    }
    for (const r of rows.filter((x) => x.escalate)) {
      const ladder = [r.assignee_id ?? r.lead_id, r.lead_id ?? r.manager_id, r.manager_id];
      const to = r.level === 3 && !r.manager_id ? fallbackManagers : present([ladder[r.level - 1]]);
      const dueAt = iso(r.escalation_due_at);
      steps.push({
        ticketId: r.id,
        type: 'sla_escalated',
        data: { target: r.escalation_target, dueAt, level: r.level },
        userIds: to,
      });
      inputs.push({
        userIds: to,
        kind: 'sla.breach',
        params: { number: r.number, subject: r.subject, target: r.escalation_target, dueAt, level: r.level },
        data: { ticketId: r.id },
      });
    }
    await recordSteps(tx, now, steps);
    await notifyMany(tx, inputs);
    return { warned: rows.filter((r) => r.warn).length, escalated: rows.filter((r) => r.escalate).length };
  });
}

const present = (ids: (string | null | undefined)[]) => ids.filter((x): x is string => !!x);

/** Each warning and escalation, as a ticket event naming who it went to (the escalation history). */
async function recordSteps(tx: DbOrTx, now: Date, steps: Step[]) {
  if (!steps.length) return;
  const ids = [...new Set(steps.flatMap((s) => s.userIds))];
  const names = ids.length
    ? (
        await tx.execute<{ id: string; name: string }>(
          sql`SELECT id, name FROM users WHERE id = ANY(${sql.param(ids)}::uuid[])`,
        )
      ).rows
    : [];
  const nameOf = new Map(names.map((u) => [u.id, u.name]));
  const data = steps.map((s) => {
    const notified = s.userIds
      .filter((id) => nameOf.has(id))
      .map((id) => ({ id, name: nameOf.get(id) as string }))
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    return JSON.stringify({ ...s.data, notified });
  });
  await tx.execute(sql`
    INSERT INTO ticket_events (ticket_id, at, type, actor_label, data)
    SELECT s.ticket_id, ${now}, s.type, 'SLA', s.data
    FROM unnest(${sql.param(steps.map((s) => s.ticketId))}::uuid[], ${sql.param(steps.map((s) => s.type))}::text[],
      ${sql.param(data)}::jsonb[]) WITH ORDINALITY AS s(ticket_id, type, data, n)
    ORDER BY s.n`);
}

const iso = (v: unknown) => (v instanceof Date ? v.toISOString() : new Date(String(v)).toISOString());
