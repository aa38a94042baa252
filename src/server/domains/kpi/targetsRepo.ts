import { and, eq, sql } from 'drizzle-orm';
import type { ServiceTargets } from '../../../shared/serviceTargets.js';
import type { DbOrTx } from '../../db/client.js';
import { accountServiceTargets } from './table.js';

export type ServiceTargetsRow = typeof accountServiceTargets.$inferSelect;

export async function findServiceTargets(db: DbOrTx, accountId: string) {
  const [row] = await db
    .select()
    .from(accountServiceTargets)
    .where(eq(accountServiceTargets.accountId, accountId));
  return row;
}

/** Creates the account's targets; undefined when it already has some (someone else was first). */
export async function insertServiceTargets(db: DbOrTx, accountId: string, targets: ServiceTargets) {
  const [row] = await db
    .insert(accountServiceTargets)
    .values({ accountId, targets })
    .onConflictDoNothing()
    .returning();
  return row;
}

export async function updateServiceTargetsVersioned(
  db: DbOrTx,
  accountId: string,
  version: number,
  targets: ServiceTargets,
) {
  const [row] = await db
    .update(accountServiceTargets)
    .set({ targets, version: sql`${accountServiceTargets.version} + 1`, updatedAt: new Date() })
    .where(and(eq(accountServiceTargets.accountId, accountId), eq(accountServiceTargets.version, version)))
    .returning();
  return row;
}

/**
 * Complaint tickets of an account opened in [from, to) — calendar dates in `timeZone` — the numerator
 * of its complaint rate (DOMAIN.md §3).
 */
export async function complaintCount(
  db: DbOrTx,
  accountId: string,
  from: string,
  to: string,
  timeZone: string,
) {
  const { rows } = await db.execute<{ n: number }>(sql`
    SELECT count(*)::int AS n FROM tickets WHERE account_id = ${accountId} AND kind = 'complaint'
      AND created_at >= (${from}::date)::timestamp AT TIME ZONE ${timeZone}
      AND created_at < (${to}::date)::timestamp AT TIME ZONE ${timeZone}`);
  return rows[0].n;
}
