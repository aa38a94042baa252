import { sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.js';
import { type NotifyInput, notifyMany } from '../notifications/service.js';

/** Wall-clock time a breached ticket stays at one escalation level before going up the ladder. */
export const ESCALATION_STEP_MINUTES = 60;
const OPEN = sql.raw(`('new','acknowledged','investigating','reopened')`);

interface SweptRow extends Record<string, unknown> {
  id: string;
  number: string;
  subject: string;
  assignee_id: string | null;
  lead_id: string | null;
  manager_id: string | null;
  level: number;
  target: 'firstResponse' | 'resolution';
  due_at: string;
  percent: number;
}

/**
 * One pass over every open, running ticket, set-based: warns those past the warning share of a
 * target, and escalates breached ones one step up the ladder (1 agent → 2 team lead → 3 manager),
 * each step recorded as a ticket event and notified. Safe to run concurrently: the UPDATE's row locks
 * let one sweep take each step.
 */
export async function runSlaSweep(db: Db, now: Date): Promise<{ warned: number; escalated: number }> {
  return db.transaction(async (tx) => {
    const warned = await tx.execute<SweptRow>(sql`
      WITH w AS (
        UPDATE tickets t SET warned = true
        WHERE t.status IN ${OPEN} AND t.paused_since IS NULL AND NOT t.warned AND t.escalation_level = 0
          AND ((t.first_response_at IS NULL AND t.first_response_warn_at <= ${now}) OR t.resolution_warn_at <= ${now})
        RETURNING t.id, t.number, t.subject, t.assignee_id, t.team_id, t.warn_percent AS percent,
          CASE WHEN t.first_response_at IS NULL AND t.first_response_warn_at <= ${now} THEN 'firstResponse' ELSE 'resolution' END AS target,
          CASE WHEN t.first_response_at IS NULL AND t.first_response_warn_at <= ${now} THEN t.first_response_due_at ELSE t.resolution_due_at END AS due_at
      ), e AS (
        INSERT INTO ticket_events (ticket_id, at, type, actor_label, data)
        SELECT id, ${now}, 'sla_warning', 'SLA', jsonb_build_object('target', target, 'dueAt', due_at) FROM w
      )
      SELECT w.*, 0 AS level, tm.lead_id, tm.manager_id FROM w LEFT JOIN teams tm ON tm.id = w.team_id`);

    const escalated = await tx.execute<SweptRow>(sql`
      WITH x AS (
        UPDATE tickets t SET
          escalation_level = t.escalation_level + 1,
          last_escalated_at = ${now},
          warned = true,
          first_response_breached = t.first_response_breached OR (t.first_response_at IS NULL AND t.first_response_due_at <= ${now}),
          resolution_breached = t.resolution_breached OR t.resolution_due_at <= ${now}
        WHERE t.status IN ${OPEN} AND t.paused_since IS NULL AND t.escalation_level < 3
          AND ((t.first_response_at IS NULL AND t.first_response_due_at <= ${now}) OR t.resolution_due_at <= ${now})
          AND (t.escalation_level = 0 OR t.last_escalated_at <= ${now}::timestamptz - make_interval(mins => ${ESCALATION_STEP_MINUTES}))
        RETURNING t.id, t.number, t.subject, t.assignee_id, t.team_id, t.escalation_level AS level, t.warn_percent AS percent,
          CASE WHEN t.first_response_at IS NULL AND t.first_response_due_at <= ${now} THEN 'firstResponse' ELSE 'resolution' END AS target,
          CASE WHEN t.first_response_at IS NULL AND t.first_response_due_at <= ${now} THEN t.first_response_due_at ELSE t.resolution_due_at END AS due_at
      ), e AS (
        INSERT INTO ticket_events (ticket_id, at, type, actor_label, data)
        SELECT id, ${now}, 'sla_escalated', 'SLA', jsonb_build_object('target', target, 'dueAt', due_at, 'level', level) FROM x
      )
      SELECT x.*, tm.lead_id, tm.manager_id FROM x LEFT JOIN teams tm ON tm.id = x.team_id`);

    const fallbackManagers = escalated.rows.some((r) => r.level === 3 && !r.manager_id)
      ? (
          await tx.execute<{ id: string }>(sql`SELECT id FROM users WHERE role = 'manager' AND active`)
        ).rows.map((r) => r.id)
      : [];
    const inputs: NotifyInput[] = [];
    const steps: { ticketId: string; type: string; userIds: string[] }[] = [];
    for (const r of warned.rows) {
      steps.push({ ticketId: r.id, type: 'sla_warning', userIds: present([r.assignee_id ?? r.lead_id]) });
      inputs.push({
        userIds: [r.assignee_id ?? r.lead_id],
        kind: 'sla.warning',
        params: {
          number: r.number,
          subject: r.subject,
          target: r.target,
          dueAt: iso(r.due_at),
          percent: r.percent,
        },
        data: { ticketId: r.id },
      });
    }
    for (const r of escalated.rows) {
      const ladder = [r.assignee_id ?? r.lead_id, r.lead_id ?? r.manager_id, r.manager_id];
      const to = r.level === 3 && !r.manager_id ? fallbackManagers : [ladder[r.level - 1]];
      steps.push({ ticketId: r.id, type: 'sla_escalated', userIds: present(to) });
      inputs.push({
        userIds: to,
        kind: 'sla.breach',
        params: {
          number: r.number,
          subject: r.subject,
          target: r.target,
          dueAt: iso(r.due_at),
          level: r.level,
        },
        data: { ticketId: r.id },
      });
    }
    await notifyMany(tx, inputs);
    await recordRecipients(tx, now, steps);
    return { warned: warned.rows.length, escalated: escalated.rows.length };
  });
}

const present = (ids: (string | null | undefined)[]) => ids.filter((x): x is string => !!x);

/** Each warning and escalation event names who it went to (shown in the ticket's escalation history). */
async function recordRecipients(
  tx: DbOrTx,
  now: Date,
  steps: { ticketId: string; type: string; userIds: string[] }[],
) {
  if (!steps.length) return;
  await tx.execute(sql`
    UPDATE ticket_events e SET data = e.data || jsonb_build_object('notified', (
      SELECT coalesce(jsonb_agg(jsonb_build_object('id', u.id, 'name', u.name) ORDER BY u.name), '[]'::jsonb)
      FROM users u WHERE u.id = ANY (x.user_ids)))
    FROM (
      SELECT s.ticket_id, s.type, ARRAY(SELECT jsonb_array_elements_text(s.ids))::uuid[] AS user_ids
      FROM unnest(${sql.param(steps.map((s) => s.ticketId))}::uuid[], ${sql.param(steps.map((s) => s.type))}::text[],
        ${sql.param(steps.map((s) => JSON.stringify(s.userIds)))}::jsonb[]) AS s(ticket_id, type, ids)
    ) x
    WHERE e.ticket_id = x.ticket_id AND e.type = x.type AND e.at = ${now}`);
}

const iso = (v: unknown) => (v instanceof Date ? v.toISOString() : new Date(String(v)).toISOString());
