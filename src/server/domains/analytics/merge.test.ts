import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAccount } from '../../../../test/accountFactory.js';
import { createTestApp, type TestApp } from '../../../../test/testApp.js';

let t: TestApp;
let manager: Record<string, string>;

beforeAll(async () => {
  t = await createTestApp();
  manager = (await t.loginAs('manager')).headers;
});
afterAll(() => t.close());

/** A succeeded run finished `daysAgo` days ago, by hand (what the segments are does not matter here). */
async function run(daysAgo: number) {
  const { rows } = await t.database.pool.query<{ id: string }>(
    `INSERT INTO analytics_runs (kind, status, as_of, settings, finished_at)
     VALUES ('manual', 'succeeded', current_date - $1::int, '{}', now() - make_interval(days => $1)) RETURNING id`,
    [daysAgo],
  );
  return rows[0].id;
}

async function segment(runId: string, accountId: string, churnRisk: number) {
  await t.database.pool.query(
    `INSERT INTO account_segments VALUES ($1, $2, 10, 3, 30000, 3, 3, 3, 'Loyal', 'B', 1, 4, 0.9, 10000, 40000,
       9000, 'potential', 'stable', '{"rule":"steady"}', $3, '[]', 'general')`,
    [runId, accountId, churnRisk],
  );
}

describe('merging accounts moves the analytics history', () => {
  it('moves the merged-away account’s snapshot rows; in a run where both had one, the survivor’s stays', async () => {
    const survivor = (await buildAccount(t.database.db)).account;
    const loser = (await buildAccount(t.database.db)).account;
    const older = await run(2);
    const newer = await run(1);
    await segment(older, loser.id, 80); // only the loser then
    await segment(newer, loser.id, 70);
    await segment(newer, survivor.id, 20);
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/accounts/${survivor.id}/merge`,
      headers: manager,
      payload: { loserId: loser.id, survivorVersion: survivor.version, loserVersion: loser.version },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().moved).toMatchObject({ account_segments: 1 });
    const { rows } = await t.database.pool.query(
      'SELECT run_id, account_id, churn_risk FROM account_segments ORDER BY churn_risk',
    );
    expect(rows).toEqual([
      { run_id: newer, account_id: survivor.id, churn_risk: 20 },
      { run_id: older, account_id: survivor.id, churn_risk: 80 },
    ]);
    const history = (
      await t.app.inject({
        method: 'GET',
        url: `/api/v1/analytics/accounts/${survivor.id}`,
        headers: manager,
      })
    ).json().history;
    expect(history.map((h: { runId: string; churnRisk: number }) => [h.runId, h.churnRisk])).toEqual([
      [newer, 20],
      [older, 80],
    ]);
  });
});
