import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { startEmbeddedDatabase } from '../src/server/db/embedded.js';

/**
 * One run = one template database, migrated once; every test file clones it (see test/db.ts)
 * and drops its clone. Everything created by this run carries the run id and is dropped at the end.
 */
const EXTERNAL_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/**
 * The machine's PostgreSQL (TEST_DATABASE_URL, default 127.0.0.1:5432); LOGICRM_TEST_DB=embedded, or no
 * server there, runs the suite on a throw-away embedded PostgreSQL instead.
 */
async function adminUrl(): Promise<{ url: string; stop: () => Promise<void> }> {
  const wantEmbedded = process.env.LOGICRM_TEST_DB === 'embedded';
  if (!wantEmbedded && (process.env.TEST_DATABASE_URL || (await reachable(EXTERNAL_URL)))) {
    return { url: EXTERNAL_URL, stop: async () => {} };
  }
  if (!wantEmbedded) console.warn(`No PostgreSQL at ${EXTERNAL_URL}: testing on an embedded one.`);
  const dir = mkdtempSync(path.join(tmpdir(), 'logicrm-test-pg-'));
  chmodSync(dir, 0o755); // the embedded server runs as the postgres user when tests run as root
  const port = 20000 + Math.floor(Math.random() * 20000);
  const embedded = await startEmbeddedDatabase(dir, port);
  return {
    url: urlForDatabase(embedded.url, 'postgres'),
    stop: async () => {
      await embedded.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function reachable(url: string): Promise<boolean> {
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await c.connect();
    await c.end();
    return true;
  } catch {
    return false;
  }
}

export default async function setup(project: TestProject) {
  const server = await adminUrl();
  const TEST_ADMIN_URL = server.url;
  const runId = `lcrm_t${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
  const template = `${runId}_tmpl`;
  const admin = new pg.Client({ connectionString: TEST_ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${template}"`);
  const templateUrl = urlForDatabase(TEST_ADMIN_URL, template);
  const { migrateDatabase } = await import('../src/server/db/migrate.js');
  await migrateDatabase(templateUrl);
  project.provide('testRunId', runId);
  project.provide('testTemplate', template);
  project.provide('testAdminUrl', TEST_ADMIN_URL);

  return async () => {
    const { rows } = await admin.query<{ datname: string }>(
      'SELECT datname FROM pg_database WHERE datname LIKE $1',
      [`${runId}%`],
    );
    for (const { datname } of rows) await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    await admin.end();
    await server.stop();
  };
}

/** The same server URL naming another database. */
export function urlForDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

declare module 'vitest' {
  export interface ProvidedContext {
    testRunId: string;
    testTemplate: string;
    testAdminUrl: string;
  }
}
