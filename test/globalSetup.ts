import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { TestProject } from 'vitest/node';

/**
 * One run = one template database, migrated once; every test file clones it (see test/db.ts)
 * and drops its clone. Everything created by this run carries the run id and is dropped at the end.
 */
export const TEST_ADMIN_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export default async function setup(project: TestProject) {
  const runId = `lcrm_t${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
  const template = `${runId}_tmpl`;
  const admin = new pg.Client({ connectionString: TEST_ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${template}"`);
  const templateUrl = withDatabase(TEST_ADMIN_URL, template);
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
  };
}

export function withDatabase(url: string, database: string): string {
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
