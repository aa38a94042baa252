import { loadConfig } from '../src/server/config.js';
import type { Clock } from '../src/server/lib/clock.js';
import { startServer } from '../src/server/server.js';
import { createTestDatabase } from './db.js';

export const TEST_ADMIN = { email: 'admin@e2e.test', password: 'e2e-admin-password-1' };

/**
 * The real server on a fresh database, listening on a free port and serving the built web app —
 * for browser tests. `demo: true` loads the demo company as a first start would. A `clock` (a
 * TestClock) is what the routes and the job workers (SLA sweep, reminders) take as now.
 */
export async function startTestServer(
  opts: { demo?: boolean; clock?: Clock; env?: Record<string, string> } = {},
) {
  const { url, drop } = await createTestDatabase();
  const config = loadConfig({
    DATABASE_URL: url,
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    ADMIN_EMAIL: TEST_ADMIN.email,
    ADMIN_PASSWORD: TEST_ADMIN.password,
    ...opts.env,
  });
  const server = await startServer(config, { empty: !opts.demo, serveWeb: true, clock: opts.clock });
  const { port } = server.app.server.address() as { port: number };
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    adminEmail: TEST_ADMIN.email,
    adminPassword: TEST_ADMIN.password,
    database: server.database,
    stop: async () => {
      await server.stop();
      await drop();
    },
  };
}
