import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAccount } from '../../../../test/accountFactory.js';
import { addCarriers, postShipments } from '../../../../test/shipmentApi.js';
import { createTestApp, type TestApp } from '../../../../test/testApp.js';
import { DemoRandom } from '../../demo/random.js';
import { computeKpis, type KpiShipment, localDate } from './formulas.js';

let t: TestApp;
let headers: Record<string, string>;
const TZ = 'Asia/Shanghai';
const rows: Record<string, unknown>[] = [];
const modelled: (KpiShipment & { carrier: string; account: string; lane: string })[] = [];

beforeAll(async () => {
  t = await createTestApp();
  headers = (await t.loginAs('manager')).headers;
  for (const code of ['A1', 'A2']) await buildAccount(t.database.db, { code });
  await addCarriers(t, headers, ['C1', 'C2']);
  const r = new DemoRandom(7);
  const start = Date.parse('2025-01-01T00:00:00+08:00');
  for (let i = 0; i < 300; i++) {
    const booked = start + r.int(0, 360) * 86_400_000 + r.int(0, 86_399) * 1000;
    const picked = booked + r.int(1, 20) * 3_600_000;
    const promised = picked + r.int(1, 4) * 86_400_000;
    const delivered = Math.max(picked + 3_600_000, promised + r.int(-40, 30) * 3_600_000);
    const status = r.pick(['delivered', 'delivered', 'delivered', 'in_transit', 'cancelled'] as const);
    const dayOnly = r.chance(0.2);
    const damaged = status === 'delivered' && r.chance(0.1);
    const iso = (ms: number) => new Date(ms).toISOString();
    const row = {
      waybill: `K${i}`,
      accountCode: r.pick(['A1', 'A2']),
      carrierCode: r.pick(['C1', 'C2']),
      mode: r.pick(['road_ltl', 'air']),
      origin: r.pick(['上海', '深圳']),
      destination: '北京',
      status,
      bookedAt: iso(booked),
      pickedUpAt: status === 'delivered' ? iso(picked) : undefined,
      promisedAt: dayOnly ? undefined : iso(promised),
      promisedDate: dayOnly ? localDate(new Date(promised), TZ) : undefined,
      deliveredAt: status === 'delivered' && delivered < Date.now() ? iso(delivered) : undefined,
      revenueCents: r.int(1000, 90000),
      costCents: r.int(1000, 60000),
      exceptions: damaged ? [{ kind: 'damage' }] : undefined,
    };
    rows.push(row);
    modelled.push({
      status,
      bookedAt: new Date(booked),
      pickedUpAt: row.pickedUpAt ? new Date(row.pickedUpAt) : null,
      promisedAt: row.promisedAt ? new Date(row.promisedAt) : null,
      promisedDate: row.promisedDate ?? null,
      deliveredAt: row.deliveredAt ? new Date(row.deliveredAt) : null,
      cargoIssue: damaged,
      revenueCents: row.revenueCents,
      costCents: row.costCents,
      carrier: row.carrierCode,
      account: row.accountCode,
      lane: `${row.origin} → ${row.destination}`,
    });
  }
  await postShipments(t, headers, rows);
});
afterAll(() => t.close());

const kpi = async (qs: string) => {
  const res = await t.app.inject({ method: 'GET', url: `/api/v1/kpi/shipments?${qs}`, headers });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

/** The TypeScript formulas over the shipments of a period: deliveries by delivery date, money by booking. */
function expected(group: typeof modelled, from: string, to: string, rule: 'timestamp' | 'date') {
  const inDelivery = group.filter(
    (s) => s.deliveredAt && localDate(s.deliveredAt, TZ) >= from && localDate(s.deliveredAt, TZ) < to,
  );
  const inBooking = group.filter((s) => localDate(s.bookedAt, TZ) >= from && localDate(s.bookedAt, TZ) < to);
  const d = computeKpis(inDelivery, rule, TZ);
  const v = computeKpis(inBooking, rule, TZ);
  return { ...d, volume: v.volume, revenueCents: v.revenueCents, costCents: v.costCents };
}

describe('KPI engine (SQL) against the formulas', () => {
  for (const rule of ['timestamp', 'date'] as const) {
    it(`matches overall and per carrier, ${rule} rule`, async () => {
      const overall = (await kpi(`from=2025-02-01&to=2025-10-01&rule=${rule}`)).rows[0];
      const e = expected(modelled, '2025-02-01', '2025-10-01', rule);
      expect(overall).toMatchObject({
        delivered: e.delivered,
        judged: e.judged,
        onTime: e.onTime,
        volume: e.volume,
      });
      expect(overall.onTimeRate).toBeCloseTo(e.onTimeRate!, 12);
      expect(overall.intactRate).toBeCloseTo(e.intactRate!, 12);
      expect(overall.transitMedianDays).toBeCloseTo(e.transitMedianDays!, 9);
      expect(overall.transitP90Days).toBeCloseTo(e.transitP90Days!, 9);
      expect(overall.revenueCents).toBe(e.revenueCents);
      expect(overall.grossMarginCents).toBe(e.revenueCents - e.costCents);
      const byCarrier = (await kpi(`from=2025-02-01&to=2025-10-01&cut=carrier&rule=${rule}`)).rows;
      for (const row of byCarrier) {
        const ec = expected(
          modelled.filter((s) => s.carrier === row.label),
          '2025-02-01',
          '2025-10-01',
          rule,
        );
        expect(row.onTime, row.label).toBe(ec.onTime);
        expect(row.volume).toBe(ec.volume);
      }
    });
  }

  it('cuts by account, lane and mode, filters, and trends by month', async () => {
    const lanes = (await kpi('from=2025-01-01&to=2026-01-01&cut=lane')).rows;
    expect(lanes.map((r: { key: string }) => r.key).sort()).toEqual(['上海 → 北京', '深圳 → 北京']);
    const accounts = (await kpi('from=2025-01-01&to=2026-01-01&cut=account')).rows;
    expect(accounts.map((r: { label: string }) => r.label.split(' ')[0]).sort()).toEqual(['A1', 'A2']);
    const one = (await kpi(`from=2025-01-01&to=2026-01-01&accountId=${accounts[0].key}&origin=上海`)).rows[0];
    const e = expected(
      modelled.filter((s) => s.account === accounts[0].label.split(' ')[0] && s.lane.startsWith('上海')),
      '2025-01-01',
      '2026-01-01',
      'timestamp',
    );
    expect(one.onTime).toBe(e.onTime);
    const months = (await kpi('from=2025-01-01&to=2026-01-01&trend=month&cut=mode')).rows;
    const march = months.filter((r: { bucket: string }) => r.bucket === '2025-03-01');
    expect(march).toHaveLength(2);
    const em = expected(modelled, '2025-03-01', '2025-04-01', 'timestamp');
    expect(march.reduce((a: number, r: { volume: number }) => a + r.volume, 0)).toBe(em.volume);
    const weeks = (await kpi('from=2025-01-01&to=2025-03-01&trend=week')).rows;
    expect(weeks.every((r: { bucket: string }) => new Date(`${r.bucket}T00:00:00Z`).getUTCDay() === 1)).toBe(
      true,
    );
  });

  it('uses the organisation default rule and refuses an empty period', async () => {
    expect((await kpi('from=2025-01-01&to=2026-01-01')).rule).toBe('timestamp');
    const bad = await t.app.inject({
      method: 'GET',
      url: '/api/v1/kpi/shipments?from=2025-02-01&to=2025-01-01',
      headers,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toHaveProperty('to');
  });
});
