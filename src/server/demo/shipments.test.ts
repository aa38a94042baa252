import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAccount } from '../../../test/accountFactory.js';
import { createTestApp, type TestApp } from '../../../test/testApp.js';
import { systemActor } from '../lib/actor.js';
import { DemoRandom } from './random.js';
import { shipmentsDemo } from './shipments.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('shipments demo step', () => {
  it('makes partners, and with accounts a year of shipments with delays, damage and scorecards', async () => {
    const accounts = [];
    for (let i = 0; i < 8; i++)
      accounts.push((await buildAccount(t.database.db, { code: `DEMO${i}` })).account);
    const made: Record<string, unknown> = { accounts };
    await shipmentsDemo.run({
      db: t.database.db,
      actor: systemActor('demo'),
      random: new DemoRandom(1),
      today: new Date('2026-06-15T04:00:00Z'),
      made,
    });
    const q = async (sql: string) => (await t.database.pool.query(sql)).rows[0];
    expect((await q('SELECT count(*)::int AS n FROM partners')).n).toBe(10);
    const s =
      await q(`SELECT count(*)::int AS n, count(DISTINCT account_id)::int AS a, count(DISTINCT carrier_id)::int AS c,
      count(DISTINCT mode)::int AS m, min(booked_at) AS first FROM shipments`);
    expect(s.n).toBeGreaterThan(400);
    expect(s.a).toBe(8);
    expect(s.c).toBeGreaterThanOrEqual(5);
    expect(s.m).toBeGreaterThanOrEqual(5);
    expect(
      (await q("SELECT count(*)::int AS n FROM shipment_exceptions WHERE kind = 'delay'")).n,
    ).toBeGreaterThan(10);
    expect((await q('SELECT count(*)::int AS n FROM partner_evaluations')).n).toBeGreaterThan(5);
  });

  it('makes only partners when there are no accounts yet', async () => {
    const empty = await createTestApp();
    try {
      const made: Record<string, unknown> = {};
      await shipmentsDemo.run({
        db: empty.database.db,
        actor: systemActor('demo'),
        random: new DemoRandom(1),
        today: new Date(),
        made,
      });
      const { rows } = await empty.database.pool.query(
        'SELECT (SELECT count(*) FROM partners)::int AS p, (SELECT count(*) FROM shipments)::int AS s',
      );
      expect(rows[0]).toEqual({ p: 10, s: 0 });
      expect(made.carriers).toHaveLength(7);
    } finally {
      await empty.close();
    }
  });
});
