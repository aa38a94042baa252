import { randomBytes } from 'node:crypto';
import type { Db } from '../src/server/db/client.js';
import { accounts } from '../src/server/domains/accounts/table.js';
import { createUser } from '../src/server/domains/users/service.js';
import { systemActor } from '../src/server/lib/actor.js';
import type { Role } from '../src/shared/permissions.js';

export const TEST_PASSWORD = 'correct-horse-battery';

/** A user of the given role through the real service (the system actor: no forced password change). */
export async function buildUser(db: Db, role: Role, overrides: { email?: string; name?: string } = {}) {
  const email = overrides.email ?? `${role}-${randomBytes(4).toString('hex')}@example.test`;
  return createUser(db, systemActor('test'), {
    email,
    name: overrides.name ?? `${role} tester`,
    role,
    password: TEST_PASSWORD,
  });
}

/**
 * An account by plain insert until the accounts service lands in main (then this goes through it).
 */
export async function buildAccount(
  db: Db,
  overrides: Partial<typeof accounts.$inferInsert> = {},
): Promise<typeof accounts.$inferSelect> {
  const [row] = await db
    .insert(accounts)
    .values({
      code: `A${randomBytes(4).toString('hex')}`,
      nameZh: '测试客户有限公司',
      transportNeeds: { modes: [], lanes: [] } as never,
      normalizedNames: [],
      ...overrides,
    })
    .returning();
  return row;
}
