import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import {
  type accountTasksBodySchema,
  MAX_ACCOUNT_TASKS,
} from '../../../shared/servicedesk/interactionSchemas.js';
import type { Db } from '../../db/client.js';
import type { Actor } from '../../lib/actor.js';
import { AppError } from '../../lib/errors.js';
import type { AccountListQuery } from '../accounts/listQuery.js';
import { accountPageWhere } from '../accounts/listRepo.js';
import { assertAssignee } from '../tickets/assignees.js';

/**
 * A task for every account of a list — any filters of GET /accounts, so an analytics segment ("class A
 * at risk", "Can't lose") becomes a target. One set-based insert in one transaction: all the tasks or,
 * with a bad assignee, none, or more matches than MAX_ACCOUNT_TASKS, none. Assigned to each account's
 * owner (the caller where the account has no active staff owner) or to one staff member; reminded an hour
 * before due, like a single task.
 */
export async function createAccountTasks(
  db: Db,
  actor: Actor,
  now: Date,
  q: Omit<AccountListQuery, 'limit' | 'cursor'>,
  b: z.output<typeof accountTasksBodySchema>,
): Promise<{ created: number }> {
  if (!actor.id) throw new AppError('VALIDATION_FAILED', { fields: { assignTo: 'task.assigneeUnknown' } });
  const fallback = b.assignTo === 'owner' ? actor.id : b.assignTo;
  await assertAssignee(db, fallback, 'assignTo');
  const { where } = accountPageWhere(q, actor.id, null, null);
  return db.transaction(async (tx) => {
    const [{ n }] = (
      await tx.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM accounts a WHERE ${where}`)
    ).rows;
    if (n === 0) throw new AppError('VALIDATION_FAILED', { fields: { accounts: 'task.noAccounts' } });
    if (n > MAX_ACCOUNT_TASKS)
      throw new AppError('VALIDATION_FAILED', {
        fields: { accounts: 'task.tooManyAccounts' },
        params: { count: n, limit: MAX_ACCOUNT_TASKS },
      });
    const dueAt = new Date(b.dueAt);
    const assignee =
      b.assignTo === 'owner'
        ? sql`coalesce((SELECT u.id FROM users u WHERE u.id = a.owner_id AND u.active
            AND u.role IN ('admin', 'manager', 'sales', 'service')), ${fallback}::uuid)`
        : sql`${fallback}::uuid`;
    const inserted = await tx.execute(sql`
      INSERT INTO tasks (account_id, kind, title, notes, due_at, remind_at, assignee_id, created_by, created_at, updated_at)
      SELECT a.id, ${b.kind}, ${b.title}, ${b.notes}, ${dueAt}, ${new Date(dueAt.getTime() - 3_600_000)},
             ${assignee}, ${actor.id}, ${now}, ${now}
        FROM accounts a WHERE ${where}`);
    return { created: inserted.rowCount ?? 0 };
  });
}
