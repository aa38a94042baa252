import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAccount } from '../../../test/accountFactory.js';
import { createTestApp, type TestApp } from '../../../test/testApp.js';
import { systemActor } from '../lib/actor.js';
import { analyticsDemo } from './analytics.js';
import { DemoRandom } from './random.js';
import { demoPattern, shipmentsDemo } from './shipments.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('analytics on the demo shipments', () => {
  it('finds the growing, declining and lost customers the demo constructs', async () => {
    const accounts = [];
    for (let i = 0; i < 40; i++)
      accounts.push((await buildAccount(t.database.db, { code: `AN${i}` })).account);
    const ctx = {
      db: t.database.db,
      actor: systemActor('demo'),
      random: new DemoRandom(20261122),
      today: new Date('2026-06-15T04:00:00Z'),
      made: { accounts } as Record<string, unknown>,
    };
    await shipmentsDemo.run(ctx);
    await analyticsDemo.run(ctx);
    const run = ctx.made.analyticsRun as { id: string; status: string; error: string | null };
    expect(run.status, run.error ?? '').toBe('succeeded');
    const { rows } = await t.database.pool.query<{
      account_id: string;
      lifecycle_stage: string;
      churn_risk: number;
    }>('SELECT account_id, lifecycle_stage, churn_risk FROM account_segments WHERE run_id = $1', [run.id]);
    const seg = new Map(rows.map((r) => [r.account_id, r]));
    const byPattern = { growing: [], stable: [], declining: [], lost: [] } as Record<
      string,
      (typeof rows)[number][]
    >;
    accounts.forEach((a, i) => {
      const s = seg.get(a.id);
      if (s) byPattern[demoPattern(i)].push(s);
    });
    if (process.env.DEBUG_DEMO)
      console.log(
        JSON.stringify(
          Object.fromEntries(
            Object.entries(byPattern).map(([k, v]) => [
              k,
              v.map((s) => `${s.lifecycle_stage}:${s.churn_risk}`),
            ]),
          ),
        ),
      );
    const share = (p: string, stages: string[]) =>
      byPattern[p].filter((s) => stages.includes(s.lifecycle_stage)).length / byPattern[p].length;
    const meanRisk = (p: string) => byPattern[p].reduce((n, s) => n + s.churn_risk, 0) / byPattern[p].length;
    expect(share('lost', ['lost'])).toBe(1);
    expect(share('declining', ['decline', 'lost'])).toBeGreaterThanOrEqual(0.75);
    // low-volume growers can stay under the growth ratio by chance: at least half are found
    expect(share('growing', ['development'])).toBeGreaterThanOrEqual(0.5);
    expect(share('stable', ['stable', 'development'])).toBeGreaterThanOrEqual(0.6);
    expect(meanRisk('lost')).toBeGreaterThan(60);
    expect(meanRisk('declining')).toBeGreaterThan(meanRisk('stable') + 10);
    expect(meanRisk('growing')).toBeLessThan(meanRisk('declining'));
  });
});
