import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/testApp.js';
import { TestClock } from '../lib/clock.js';
import { enqueue } from './enqueue.js';
import { JOB_DEFINITIONS, type JobDefinition, registerJob } from './registry.js';
import { startJobRunner } from './runner.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const count = async () =>
  (
    await t.database.db.execute<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'tasks.remind'`,
    )
  ).rows[0].n;

describe('jobs', () => {
  it('enqueues in the business transaction: rolled back, the job is gone too', async () => {
    const before = await count();
    await t.database.db.transaction(async (tx) => {
      await enqueue(tx, 'tasks.remind', { probe: 1 });
    });
    expect(await count()).toBe(before + 1);
    await t.database.db
      .transaction(async (tx) => {
        await enqueue(tx, 'tasks.remind', { probe: 2 });
        throw new Error('rollback');
      })
      .catch(() => {});
    expect(await count()).toBe(before + 1);
  });

  it('runs enqueued jobs in a worker started on the same database', async () => {
    const seen: unknown[] = [];
    const original = JOB_DEFINITIONS.get('tasks.remind');
    registerJob({
      name: 'tasks.remind',
      handle: async (_ctx, data) => void seen.push(data),
    } as JobDefinition);
    const url = (t.database.pool as unknown as { options: { connectionString: string } }).options
      .connectionString;
    const runner = await startJobRunner(url, {
      database: t.database,
      config: {} as never,
      clock: new TestClock(new Date()),
      log: () => {},
    });
    try {
      await t.database.db.transaction((tx) => enqueue(tx, 'tasks.remind', { hello: 'world' }));
      for (let i = 0; i < 50 && !seen.some((d) => (d as { hello?: string }).hello === 'world'); i++)
        await new Promise((r) => setTimeout(r, 200));
      expect(seen).toContainEqual({ hello: 'world' });
    } finally {
      await runner.stop();
      if (original) registerJob(original);
      else JOB_DEFINITIONS.delete('tasks.remind');
    }
  });
});
