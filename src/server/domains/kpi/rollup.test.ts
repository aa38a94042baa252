import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAccount } from '../../../../test/accountFactory.js';
import { addCarriers, postShipments } from '../../../../test/shipmentApi.js';
import { createTestApp, type TestApp } from '../../../../test/testApp.js';
import { DemoRandom } from '../../demo/random.js';
import { sliceFor } from './cube.js';
import { KPI_CUTS, KPI_TRENDS, type KpiQuery, kpiRows } from './repo.js';
import { kpiRowsFromDailyRollup, kpiRowsFromRollup, rollupTimeZone } from './rollup.js';

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
  // from R400 on, transit times crowd into four hours: many shipments share an hour (and some a minute),
  // so the minutes inside the hour holding a percentile's rank decide it
  const delivered =
    i >= 400
      ? picked + 47 * 3_600_000 + r.int(0, 239) * 60_000 + r.int(0, 59) * 1000
      : Math.max(picked + 60_000, promised + r.int(-50, 40) * 3_600_000 + r.int(0, 59) * 1000);
  const status =
    i >= 400
      ? r.pick(['delivered', 'delivered', 'cancelled'] as const)
      : r.pick(['delivered', 'delivered', 'delivered', 'in_transit', 'cancelled'] as const);
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

const bulk = (rows: unknown[]) => postShipments(t, headers, rows);

beforeAll(async () => {
  t = await createTestApp();
  headers = (await t.loginAs('manager')).headers;
  for (const code of ACCOUNTS) await buildAccount(t.database.db, { code });
  await addCarriers(t, headers, CARRIERS);
  await bulk(Array.from({ length: 700 }, (_, i) => shipment(i)));
  // later writes: re-sent waybills with new values (status, dates, account, lane), more exceptions
  const resent = [...new Set(Array.from({ length: 150 }, () => r.int(0, 399)))];
  await bulk(resent.map((i) => shipment(i)));
  const db = t.database.db;
  // a second damage on some, removal of exceptions on others, a kind changed, shipments deleted
  await db.execute(sql`INSERT INTO shipment_exceptions (shipment_id, kind)
    SELECT id, 'loss' FROM shipments WHERE status = 'delivered' AND waybill LIKE 'R1%' ON CONFLICT DO NOTHING`);
  await db.execute(sql`DELETE FROM shipment_exceptions WHERE shipment_id IN
    (SELECT id FROM shipments WHERE waybill LIKE 'R2%') AND kind IN ('damage', 'loss')`);
  await db.execute(sql`UPDATE shipment_exceptions e SET kind = 'damage' WHERE kind = 'delay'
    AND NOT EXISTS (SELECT 1 FROM shipment_exceptions y WHERE y.shipment_id = e.shipment_id AND y.kind = 'damage')`);
  await db.execute(sql`DELETE FROM shipments WHERE waybill LIKE 'R3%'`);
  // an account merge moves shipments with a plain UPDATE
  await db.execute(sql`UPDATE shipments SET account_id = (SELECT id FROM accounts WHERE code = 'R1')
    WHERE account_id = (SELECT id FROM accounts WHERE code = 'R3') AND waybill LIKE '%7'`);
  // plain status changes and deliveries moved into another month and week
  await db.execute(
    sql`UPDATE shipments SET status = 'cancelled' WHERE waybill LIKE '%3' AND status = 'delivered'`,
  );
  await db.execute(sql`UPDATE shipments SET status = 'delivered', delivered_at = booked_at + interval '50 hours'
    WHERE waybill LIKE '%5' AND status = 'in_transit'`);
  await db.execute(sql`UPDATE shipments SET delivered_at = delivered_at + interval '37 days 5 hours',
    booked_at = booked_at + interval '31 days' WHERE waybill LIKE '%9' AND status = 'delivered'`);
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

/**
 * Rows where the cube differs from the daily rollups regrouped by GROUPING SETS (an independent way to
 * the same slices): every slice and grain of both cube tables, all-zero rows left out on both sides.
 */
async function cubeMismatches(): Promise<number> {
  const slices = sql`CASE GROUPING(carrier_id, origin, destination, mode) WHEN 15 THEN 'overall'
    WHEN 7 THEN 'carrier' WHEN 14 THEN 'mode' WHEN 11 THEN 'origin' WHEN 9 THEN 'lane' ELSE 'carrier_lane' END`;
  const sets = sql`GROUPING SETS ((), (carrier_id), (mode), (origin), (origin, destination),
    (carrier_id, origin, destination))`;
  const grains = sql`CROSS JOIN (VALUES ('week'), ('month')) g(grain)`;
  const keep = sql`WHERE slice <> 'carrier_lane' OR grain = 'month'`;
  const m = sql`delivered, on_time_ts, judged_ts, on_time_date, judged_date, cargo_issues, volume, revenue_cents, cost_cents`;
  const sums = sql`sum(delivered) AS delivered, sum(on_time_ts) AS on_time_ts, sum(judged_ts) AS judged_ts,
    sum(on_time_date) AS on_time_date, sum(judged_date) AS judged_date, sum(cargo_issues) AS cargo_issues,
    sum(volume) AS volume, sum(revenue_cents) AS revenue_cents, sum(cost_cents) AS cost_cents`;
  const { rows } = await t.database.db.execute<{ n: number }>(sql`
    WITH totals AS (
      SELECT * FROM (SELECT ${slices} AS slice, grain, date_trunc(grain, day::timestamp)::date AS period,
        carrier_id, origin, destination, mode, ${sums}
      FROM shipment_kpi_daily_totals ${grains} GROUP BY grain, period, ${sets}) x ${keep}
    ), cube AS (
      SELECT slice, grain, period, carrier_id, origin, destination, mode, ${m} FROM shipment_kpi_cube
    ), hours AS (
      SELECT * FROM (SELECT ${slices} AS slice, grain, date_trunc(grain, day::timestamp)::date AS period,
        carrier_id, origin, destination, mode, floor(minutes / 60.0)::int AS hour, sum(shipments) AS n
      FROM shipment_transit_daily ${grains} GROUP BY grain, period, hour, ${sets}) x ${keep}
    ), hour_cube AS (
      SELECT slice, grain, period, carrier_id, origin, destination, mode, hour, shipments FROM shipment_transit_cube
    )
    SELECT ((SELECT count(*) FROM ((TABLE totals EXCEPT TABLE cube) UNION ALL (TABLE cube EXCEPT TABLE totals)) d
        WHERE (d.delivered, d.volume, d.revenue_cents, d.cost_cents, d.cargo_issues) <> (0, 0, 0, 0, 0))
      + (SELECT count(*) FROM ((TABLE hours EXCEPT TABLE hour_cube) UNION ALL (TABLE hour_cube EXCEPT TABLE hours)) d
        WHERE d.n <> 0))::int AS n`);
  return rows[0]!.n;
}

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
      { origin: '深圳' },
      { destination: '成都' },
      { carrierId: id('RC1'), origin: '广州', destination: '北京' },
      { carrierId: id('RC3'), mode: 'road_ltl' },
    ];
    // whole months, mid-month edges, a period inside one week, one across a month end
    const periods = [
      ['2025-01-01', '2026-01-01'],
      ['2025-03-15', '2025-07-02'],
      ['2025-02-11', '2025-02-14'],
      ['2025-05-27', '2025-06-12'],
    ];
    let compared = 0;
    let fromCube = 0;
    for (const cut of KPI_CUTS)
      for (const trend of KPI_TRENDS)
        for (const f of filters)
          for (const [from, to] of periods) {
            const q: KpiQuery = { from, to, timeZone: 'Asia/Shanghai', rule: 'timestamp', cut, trend, ...f };
            const raw = normalise(await kpiRows(db, q));
            const rolled = normalise(await kpiRowsFromRollup(db, q));
            expect(rolled, JSON.stringify(q)).toEqual(raw);
            compared += raw.length;
            if (sliceFor(q)) fromCube += raw.length;
          }
    expect(compared).toBeGreaterThan(1000);
    expect(fromCube).toBeGreaterThan(500);
  });

  it('keeps every slice and grain of the cube equal to the daily rollups regrouped', async () => {
    const { rows } = await t.database.db.execute<{ n: number }>(
      sql`SELECT (SELECT count(*) FROM shipment_kpi_cube) + (SELECT count(*) FROM shipment_transit_cube) AS n`,
    );
    expect(Number(rows[0]!.n)).toBeGreaterThan(1000);
    expect(await cubeMismatches()).toBe(0);
  });

  it('reads the daily rollups alone for filters no slice keeps, with the same results', async () => {
    const q: KpiQuery = {
      from: '2025-02-03',
      to: '2025-11-20',
      timeZone: 'Asia/Shanghai',
      rule: 'date',
      cut: 'lane',
      trend: 'week',
    };
    expect(sliceFor({ ...q, mode: 'air' })).toBeUndefined();
    expect(sliceFor(q)?.slice).toBe('lane');
    expect(normalise(await kpiRowsFromDailyRollup(t.database.db, q))).toEqual(
      normalise(await kpiRows(t.database.db, q)),
    );
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
    expect(await cubeMismatches()).toBe(0);
    for (const cut of KPI_CUTS)
      for (const trend of KPI_TRENDS) {
        const edge: KpiQuery = { ...q, from: '2025-03-15', to: '2025-10-09', cut, trend };
        expect(normalise(await kpiRowsFromRollup(db, edge)), JSON.stringify(edge)).toEqual(
          normalise(await kpiRows(db, edge)),
        );
      }
  });
});
