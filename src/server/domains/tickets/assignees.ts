import { and, eq, inArray, sql } from 'drizzle-orm';
import { can } from '../../../shared/permissions.js';
import type { DbOrTx } from '../../db/client.js';
import type { Actor } from '../../lib/actor.js';
import { AppError } from '../../lib/errors.js';
import { teams } from '../sla/table.js';
import { users } from '../users/table.js';

/** Roles that work tickets and can be given one. */
export const ASSIGNABLE_ROLES = ['admin', 'manager', 'sales', 'service'] as const;

export interface Assignee {
  id: string;
  name: string;
  role: string;
}

/**
 * Whom the actor may give a ticket to. Those who manage tickets (managers, administrators) and
 * trusted callers (API keys, the system) pick any active staff member; everyone else themselves and
 * the members and leads of the teams they belong to or lead.
 */
export async function assignableStaff(db: DbOrTx, actor: Actor): Promise<Assignee[]> {
  const everyone = actor.kind !== 'user' || can(actor.role, 'tickets.manage');
  const me = actor.id ?? '00000000-0000-0000-0000-000000000000';
  const roster = sql`(
    SELECT ${me}::uuid UNION
    SELECT unnest(member_ids || lead_id) FROM ${teams} WHERE ${me}::uuid = ANY(member_ids) OR lead_id = ${me}::uuid)`;
  return db
    .select({ id: users.id, name: users.name, role: users.role })
    .from(users)
    .where(
      and(
        eq(users.active, true),
        inArray(users.role, [...ASSIGNABLE_ROLES]),
        everyone ? undefined : sql`${users.id} IN ${roster}`,
      ),
    )
    .orderBy(users.name);
}

/** The user exists, is active and works tickets (tasks and dedicated agents use it too). */
export async function assertAssignee(db: DbOrTx, userId: string | null | undefined, field = 'assigneeId') {
  if (!userId) return;
  const [u] = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.id, userId), eq(users.active, true), inArray(users.role, [...ASSIGNABLE_ROLES])));
  if (!u) throw new AppError('VALIDATION_FAILED', { fields: { [field]: 'ticket.assigneeUnknown' } });
}

/**
 * Checks a new assignee: an active staff member (any caller), of the actor's teams when the actor may
 * not manage tickets. Keeping the current assignee is always allowed.
 */
export async function assertAssignable(
  db: DbOrTx,
  actor: Actor,
  userId: string | null | undefined,
  current: string | null = null,
  field = 'assigneeId',
) {
  if (!userId || userId === current) return;
  await assertAssignee(db, userId, field);
  if (!(await assignableStaff(db, actor)).some((a) => a.id === userId))
    throw new AppError('VALIDATION_FAILED', { fields: { [field]: 'ticket.assigneeNotInTeam' } });
}
