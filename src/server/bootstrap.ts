import { sql } from 'drizzle-orm';
import type { Config } from './config.js';
import type { Db } from './db/client.js';
import { loadDemo } from './demo/index.js';
import { ensureOrganization } from './domains/organization/service.js';
import { createUser } from './domains/users/service.js';
import { users } from './domains/users/table.js';
import { systemActor } from './lib/actor.js';
import { randomToken } from './lib/crypto.js';

export interface BootstrapResult {
  /** Set when this call created the administrator. */
  admin?: { email: string; password: string; generated: boolean };
  demoLoaded: boolean;
}

/**
 * On a database without users: the organisation, the administrator (password from ADMIN_PASSWORD or
 * generated and returned once for printing) and, unless asked for an empty start, the demo company.
 */
export async function bootstrap(
  db: Db,
  config: Config,
  empty: boolean,
  log: (m: string) => void,
): Promise<BootstrapResult> {
  const [{ n }] = await db.select({ n: sql<number>`count(*)::int` }).from(users);
  if (n > 0) return { demoLoaded: false };
  const actor = systemActor('bootstrap');
  const password = config.ADMIN_PASSWORD ?? randomToken(12);
  // the administrator first: a first start interrupted while loading the demo still leaves a way in
  await createUser(db, actor, { email: config.ADMIN_EMAIL, name: 'Administrator', role: 'admin', password });
  if (!empty) await loadDemo(db, log);
  await ensureOrganization(db, actor, 'My logistics company');
  return {
    admin: { email: config.ADMIN_EMAIL, password, generated: !config.ADMIN_PASSWORD },
    demoLoaded: !empty,
  };
}

/** Empties every LogiCRM table (not the migrations) — for `logicrm demo reset`. */
export async function wipeAll(db: Db): Promise<void> {
  const { rows } = await db.execute<{ tablename: string }>(
    sql`SELECT tablename FROM pg_tables WHERE schemaname = 'public'`,
  );
  if (rows.length === 0) return;
  await db.execute(
    sql.raw(`TRUNCATE ${rows.map((r) => `"${r.tablename}"`).join(', ')} RESTART IDENTITY CASCADE`),
  );
}
