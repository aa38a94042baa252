import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/server/app.js';
import { loadConfig } from '../src/server/config.js';
import { type Database, openDatabase } from '../src/server/db/client.js';
import { settleRuns } from '../src/server/domains/analytics/runService.js';
import { ensureOrganization } from '../src/server/domains/organization/service.js';
import { systemActor } from '../src/server/lib/actor.js';
import type { Clock } from '../src/server/lib/clock.js';
import type { Role } from '../src/shared/permissions.js';
import { createTestDatabase } from './db.js';
import { buildUser, TEST_PASSWORD } from './factories.js';

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  /** Signs in a new user of this role and returns headers that authenticate (cookie + CSRF). */
  loginAs: (role: Role) => Promise<{ userId: string; headers: Record<string, string> }>;
  close: () => Promise<void>;
}

/** A real app on its own fresh database (cloned from the migrated template). */
export async function createTestApp(
  env: Record<string, string> = {},
  opts: { clock?: Clock } = {},
): Promise<TestApp> {
  const { url, drop } = await createTestDatabase();
  // sessions are looked up on every request unless a test asks for the cache
  const config = loadConfig({ DATABASE_URL: url, LOG_LEVEL: 'silent', SESSION_CACHE_MS: '0', ...env });
  const database = openDatabase(url, 5);
  await ensureOrganization(database.db, systemActor(), 'Test Logistics');
  const app = await buildApp(
    { database, config, clock: opts.clock },
    { serveWeb: false, logger: process.env.DEBUG_LOG ? (await import('pino')).default() : undefined },
  );
  await app.ready();
  return {
    app,
    database,
    loginAs: async (role) => {
      const user = await buildUser(database.db, role);
      return { userId: user.id, headers: await login(app, user.email, TEST_PASSWORD) };
    },
    close: async () => {
      await app.close();
      await settleRuns();
      await database.close();
      await drop();
    },
  };
}

export async function login(app: FastifyInstance, email: string, password: string, ip = '127.0.0.1') {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email, password },
    remoteAddress: ip,
  });
  if (res.statusCode !== 200) throw new Error(`login failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'logicrm_session');
  return { cookie: `logicrm_session=${cookie?.value}`, 'x-csrf-token': res.json().csrfToken as string };
}
