import { sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.js';
import { type NotifyInput, notifyMany } from '../notifications/service.js';

/** A task this long past due goes to the manager. */
export const OVERDUE_ESCALATION_HOURS = 24;
/** Days a generated return visit has to be done. */
const RETURN_VISIT_DAYS = 7;

/**
 * Reminds assignees of tasks whose reminder time came, and escalates tasks overdue by more than
 * OVERDUE_ESCALATION_HOURS to the manager of the assignee's team (else every manager). Set-based;
 * each task is reminded and escalated once.
 */
export async function runTaskReminders(db: Db, now: Date) {
  return db.transaction(async (tx) => {
    const reminded = await tx.execute<{ id: string; title: string; due_at: Date; assignee_id: string }>(sql`
      UPDATE tasks SET reminded_at = ${now}
      WHERE status = 'open' AND reminded_at IS NULL AND remind_at <= ${now}
      RETURNING id, title, due_at, assignee_id`);
    const overdue = await tx.execute<{
      id: string;
      title: string;
      due_at: Date;
      assignee: string;
      managers: string[];
    }>(sql`
      WITH x AS (
        UPDATE tasks SET escalated_at = ${now}
        WHERE status = 'open' AND escalated_at IS NULL
          AND due_at <= ${now}::timestamptz - make_interval(hours => ${OVERDUE_ESCALATION_HOURS})
        RETURNING id, title, due_at, assignee_id)
      SELECT x.id, x.title, x.due_at, u.name AS assignee,
        coalesce(
          (SELECT array_agg(DISTINCT t.manager_id) FROM teams t WHERE x.assignee_id = ANY(t.member_ids) AND t.manager_id IS NOT NULL),
          (SELECT array_agg(id) FROM users WHERE role = 'manager' AND active)) AS managers
      FROM x JOIN users u ON u.id = x.assignee_id`);
    const inputs: NotifyInput[] = [
      ...reminded.rows.map((r) => ({
        userIds: [r.assignee_id],
        kind: 'task.reminder',
        params: { title: r.title, dueAt: new Date(r.due_at).toISOString() },
        data: { taskId: r.id },
      })),
      ...overdue.rows.map((r) => ({
        userIds: r.managers ?? [],
        kind: 'task.overdue',
        params: { title: r.title, assignee: r.assignee, dueAt: new Date(r.due_at).toISOString() },
        data: { taskId: r.id },
      })),
    ];
    await notifyMany(tx, inputs);
    return { reminded: reminded.rows.length, escalated: overdue.rows.length };
  });
}

/**
 * Return visits on each tier's cadence: an active account without an open return visit and none
 * done (or due) within its interval gets one, for its dedicated agent or else its owner.
 */
export async function generateReturnVisits(db: DbOrTx, now: Date): Promise<number> {
  const r = await db.execute(sql`
    INSERT INTO tasks (account_id, kind, title, due_at, remind_at, assignee_id, created_at, updated_at)
    SELECT a.id, 'return_visit', '定期回访：' || coalesce(a.name_zh, a.name_en, a.code),
      ${now}::timestamptz + make_interval(days => ${RETURN_VISIT_DAYS}),
      ${now}::timestamptz + make_interval(days => ${RETURN_VISIT_DAYS - 1}),
      coalesce(d.agent_id, a.owner_id), ${now}, ${now}
    FROM accounts a
    JOIN return_visit_cadences c ON c.tier = a.tier
    LEFT JOIN account_service_agents d ON d.account_id = a.id
    WHERE a.status = 'active' AND a.archived_at IS NULL AND coalesce(d.agent_id, a.owner_id) IS NOT NULL
      AND NOT EXISTS (
        SELECT 1 FROM tasks t WHERE t.account_id = a.id AND t.kind = 'return_visit'
          AND (t.status = 'open' OR coalesce(t.completed_at, t.due_at) > ${now}::timestamptz - make_interval(days => c.interval_days)))`);
  return r.rowCount ?? 0;
}

/** After a ticket closes: a return visit to hear whether the customer is satisfied. */
export async function returnVisitAfterTicket(
  tx: DbOrTx,
  t: { id: string; number: string; accountId: string; contactId: string | null; assigneeId: string | null },
  now: Date,
) {
  if (!t.assigneeId) return;
  const due = new Date(now.getTime() + 3 * 86_400_000);
  await tx.execute(sql`
    INSERT INTO tasks (account_id, contact_id, ticket_id, kind, title, due_at, remind_at, assignee_id, created_at, updated_at)
    VALUES (${t.accountId}, ${t.contactId}, ${t.id}, 'return_visit', ${`工单回访：${t.number}`}, ${due}, ${new Date(due.getTime() - 3_600_000)}, ${t.assigneeId}, ${now}, ${now})`);
}
