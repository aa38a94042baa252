import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAccount } from '../../../../test/accountFactory.js';
import { createTestApp, type TestApp } from '../../../../test/testApp.js';
import { DemoRandom } from '../../demo/random.js';
import { KPI_CUTS, KPI_TRENDS, type KpiQuery, kpiRows } from './repo.js';
import { kpiRowsFromRollup, rollupTimeZone } from './rollup.js';

let t: TestApp;
let headers: Record<string, string>;
const r = new DemoRandom(11);
const ACCOUNTS = ['R1', 'R2', 'R3'];
const CARRIERS = ['RC1', 'RC2', 'RC3'];
const iso = (ms: number) => new Date(ms).toISOString();

/** Random shipments; `n` waybills, some re-sent later with other values. */
function shipment(i: number) {
  const start = Date.parse('2025-01-01T00:00:00+08:00');
  const booked = start + r.int(0, 330) * 86_400_000 + r.int(0, 86_399) * 1000;
  const picked = booked + r.int(1, 30) * 3_600_000 + r.int(0, 3599) * 1000;
  const promised = picked + r.int(1, 5) * 86_400_000;
  const delivered = Math.max(picked + 60_000, promised + r.int(-50, 40) * 3_600_000 + r.int(0, 59) * 1000);
  const status = r.pick(['delivered', 'delivered', 'delivered', 'in_transit', 'cancelled'] as const);
  const dayOnly = r.chance(0.2);
  return {
    waybill: `R${i}`,
    accountCode: r.pick(ACCOUNTS),
    carrierCode: r.chance(0.1) ? undefined : r.pick(CARRIERS),
    mode: r.pick(['road_ltl', 'air', 'rail']),
    origin: r.pick(['上海', '深圳', '广州']),
    destination: r.pick(['北京', '成都']),
    status,
    bookedAt: iso(booked),
    pickedUpAt: status === 'delivered' && r.chance(0.9) ? iso(picked) : undefined,
    promisedAt: dayOnly ? undefined : iso(promised),
    promisedDate: dayOnly ? iso(promised + 8 * 3_600_000).slice(0, 10) : undefined,
    deliveredAt: status === 'delivered' ? iso(delivered) : undefined,
    revenueCents: r.chance(0.1) ? undefined : r.int(1000, 90000),
    costCents: r.int(1000, 60000),
    exceptions:
      status === 'delivered' && r.chance(0.15)
        ? [{ kind: r.pick(['damage', 'loss', 'shortage', 'delay'] as const) }]
        : undefined,
  };
}

async function bulk(rows: unknown[]) {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/shipments/bulk',
    headers,
    payload: { rows },
  });
  expect(res.statusCode, res.body).toBe(200);
}

beforeAll(async () => {
  t = await createTestApp();
  headers = (await t.loginAs('manager')).headers;
  for (const code of ACCOUNTS) await buildAccount(t.database.db, { code });
  for (const code of CARRIERS)
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/partners',
      headers,
      payload: { code, kind: 'carrier', nameZh: code },
    });
  await bulk(Array.from({ length: 400 }, (_, i) => shipment(i)));
  // later writes: re-sent waybills with new values (status, dates, account, lane), more exceptions
  const resent = [...new Set(Array.from({ length: 150 }, () => r.int(0, 399)))];
  await bulk(resent.map((i) => shipment(i)));
  const db = t.database.db;
  // a second damage on some, removal of exceptions on others, a kind changed, shipments deleted
  await db.execute(sql`INSERT INTO shipment_exceptions (shipment_id, kind)
    SELECT id, 'loss' FROM shipments WHERE status = 'delivered' AND waybill LIKE 'R1%' ON CONFLICT DO NOTHING`);
  await db.execute(sql`DELETE FROM shipment_exceptions WHERE shipment_id IN
    (SELECT id FROM shipments WHERE waybill LIKE 'R2%') AND kind IN ('damage', 'loss')`);
  await db.execute(sql`UPDATE shipment_exceptions SET kind = 'damage' WHERE kind = 'delay'`);
  await db.execute(sql`DELETE FROM shipments WHERE waybill LIKE 'R3%'`);
  // an account merge moves shipments with a plain UPDATE
  await db.execute(sql`UPDATE shipments SET account_id = (SELECT id FROM accounts WHERE code = 'R1')
    WHERE account_id = (SELECT id FROM accounts WHERE code = 'R3') AND waybill LIKE '%7'`);
});
afterAll(() => t.close());

const normalise = (rows: Record<string, unknown>[]) =>
  rows.map((row) => ({
    ...row,
    revenue_cents: Number(row.revenue_cents),
    cost_cents: Number(row.cost_cents),
    transit_p50: row.transit_p50 === null ? null : Number(row.transit_p50),
    transit_p90: row.transit_p90 === null ? null : Number(row.transit_p90),
  }));

describe('daily KPI rollup', () => {
  it('was cut in the company zone', async () => {
    expect(await rollupTimeZone(t.database.db)).toBe('Asia/Shanghai');
  });

  it('gives exactly the raw query results for every cut, trend, rule and filter', async () => {
    const db = t.database.db;
    const ids = await db.execute<{ id: string; code: string }>(
      sql`SELECT id, code FROM accounts UNION ALL SELECT id, code FROM partners`,
    );
    const id = (code: string) => ids.rows.find((x) => x.code === code)!.id;
    const filters: Partial<KpiQuery>[] = [
      {},
      { accountId: id('R1') },
      { carrierId: id('RC2') },
      { mode: 'air' },
      { origin: '上海', destination: '北京' },
      { accountId: id('R2'), mode: 'rail' },
    ];
    const periods = [
      ['2025-01-01', '2026-01-01'],
      ['2025-03-15', '2025-07-02'],
    ];
    let compared = 0;
    for (const cut of KPI_CUTS)
      for (const trend of KPI_TRENDS)
        for (const f of filters)
          for (const [from, to] of periods) {
            const q: KpiQuery = { from, to, timeZone: 'Asia/Shanghai', rule: 'timestamp', cut, trend, ...f };
            const raw = normalise(await kpiRows(db, q));
            const rolled = normalise(await kpiRowsFromRollup(db, q));
            expect(rolled, JSON.stringify(q)).toEqual(raw);
            compared += raw.length;
          }
    expect(compared).toBeGreaterThan(1000);
  });

  it('is re-cut when the company changes its zone', async () => {
    const admin = (await t.loginAs('admin')).headers;
    const org = (await t.app.inject({ method: 'GET', url: '/api/v1/organization', headers: admin })).json();
    const res = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/organization',
      headers: admin,
      payload: { version: org.version, settings: { timezone: 'Europe/Berlin' } },
    });
    expect(res.statusCode, res.body).toBe(200);
    const db = t.database.db;
    expect(await rollupTimeZone(db)).toBe('Europe/Berlin');
    const q: KpiQuery = {
      from: '2025-01-01',
      to: '2026-01-01',
      timeZone: 'Europe/Berlin',
      rule: 'date',
      cut: 'carrier',
      trend: 'week',
    };
    expect(normalise(await kpiRowsFromRollup(db, q))).toEqual(normalise(await kpiRows(db, q)));
  });
});
