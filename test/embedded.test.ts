import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/server/config.js';
import { DEMO_PASSWORD } from '../src/server/demo/index.js';
import { startServer } from '../src/server/server.js';

/** The newcomer's path: no DATABASE_URL, so LogiCRM creates, fills, stops and reuses its embedded database. */
const dataDir = mkdtempSync(path.join(tmpdir(), 'logicrm-embedded-'));
chmodSync(dataDir, 0o755);
const config = loadConfig({
  DATA_DIR: dataDir,
  PORT: '0',
  HOST: '127.0.0.1',
  EMBEDDED_PG_PORT: String(21000 + Math.floor(Math.random() * 9000)),
  LOG_LEVEL: 'silent',
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

async function signIn(baseUrl: string, email: string, password: string) {
  return fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
}

describe('embedded database', () => {
  let adminPassword = '';

  it('is created on first start with a generated administrator and the demo company', async () => {
    const server = await startServer(config, { serveWeb: false });
    try {
      expect(server.target).toMatchObject({ kind: 'embedded', created: true });
      expect(server.bootstrap.admin?.generated).toBe(true);
      adminPassword = server.bootstrap.admin!.password;
      const base = `http://127.0.0.1:${(server.app.server.address() as { port: number }).port}`;
      expect((await signIn(base, 'manager@huatong.demo', DEMO_PASSWORD)).status).toBe(200);
      expect((await signIn(base, config.ADMIN_EMAIL, adminPassword)).status).toBe(200);
    } finally {
      await server.stop();
    }
    expect(existsSync(path.join(dataDir, 'pg', 'postmaster.pid'))).toBe(false);
  }, 180_000); // initdb and the whole demo company, on a machine that may be busy

  it('is reused on the next start, keeping its data and creating no second administrator', async () => {
    const server = await startServer(config, { serveWeb: false });
    try {
      expect(server.target.created).toBe(false);
      expect(server.bootstrap.admin).toBeUndefined();
      const base = `http://127.0.0.1:${(server.app.server.address() as { port: number }).port}`;
      expect((await signIn(base, config.ADMIN_EMAIL, adminPassword)).status).toBe(200);
    } finally {
      await server.stop();
    }
  }, 60_000);
});
