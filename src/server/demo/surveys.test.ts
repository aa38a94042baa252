import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAccount } from '../../../test/accountFactory.js';
import { createTestApp, type TestApp } from '../../../test/testApp.js';
import { surveyResults } from '../domains/surveys/analysis.js';
import { systemActor } from '../lib/actor.js';
import { DemoRandom } from './random.js';
import { shipmentsDemo } from './shipments.js';
import { surveysDemo } from './surveys.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('surveys demo step', () => {
  it('answers surveys about demo deliveries; late deliveries score lower', async () => {
    const accounts = [];
    for (let i = 0; i < 6; i++)
      accounts.push(
        (
          await buildAccount(t.database.db, { code: `SDEMO${i}` }, [
            { name: `联系人${i}`, email: `c${i}@demo.test` },
          ])
        ).account,
      );
    const ctx = {
      db: t.database.db,
      actor: systemActor('demo'),
      random: new DemoRandom(7),
      today: new Date('2026-06-15T04:00:00Z'),
      made: { accounts } as Record<string, unknown>,
    };
    await shipmentsDemo.run(ctx);
    await surveysDemo.run(ctx);
    const q = {
      from: '2025-01-01',
      to: '2026-07-01',
      timeZone: 'Asia/Shanghai',
      rule: 'timestamp' as const,
      cut: 'punctuality' as const,
    };
    const r = await surveyResults(t.database.db, q, 'equal');
    expect(r.responses).toBeGreaterThan(20);
    expect(r.responseRate).toBeGreaterThan(0.6);
    expect(r.responseRate).toBeLessThan(0.95);
    const onTime = r.groups.find((g) => g.key === 'on_time')!;
    const late = r.groups.find((g) => g.key === 'late')!;
    expect(late.responses).toBeGreaterThan(5);
    expect(late.csi!).toBeLessThan(onTime.csi! - 5);
    expect(late.nps!).toBeLessThan(onTime.nps!);
  }, 120_000);
});
