import { describe, expect, it } from 'vitest';
import { computeKpis, isOnTime, type KpiShipment, localDate, percentileCont } from './formulas.js';

const TZ = 'Asia/Shanghai';
const base: KpiShipment = {
  status: 'delivered',
  bookedAt: new Date('2026-03-01T01:00:00Z'),
  pickedUpAt: new Date('2026-03-01T04:00:00Z'),
  promisedAt: new Date('2026-03-03T10:00:00Z'),
  promisedDate: null,
  deliveredAt: new Date('2026-03-03T10:00:00Z'),
  cargoIssue: false,
  revenueCents: 10_000,
  costCents: 7_000,
};
const s = (o: Partial<KpiShipment>): KpiShipment => ({ ...base, ...o });

describe('on time', () => {
  it('counts a delivery exactly at the promise as on time, one millisecond later as late', () => {
    expect(isOnTime(base, 'timestamp', TZ)).toBe(true);
    expect(isOnTime(s({ deliveredAt: new Date('2026-03-03T10:00:00.001Z') }), 'timestamp', TZ)).toBe(false);
  });
  it('compares calendar dates in the company zone under the date rule', () => {
    // promised 2026-03-03 00:00 Shanghai; delivered 23:59 the same Shanghai day
    const late = s({
      promisedAt: new Date('2026-03-02T16:00:00Z'),
      deliveredAt: new Date('2026-03-03T15:59:00Z'),
    });
    expect(isOnTime(late, 'timestamp', TZ)).toBe(false);
    expect(isOnTime(late, 'date', TZ)).toBe(true);
    // 16:00Z is already the next day in Shanghai
    expect(isOnTime(s({ ...late, deliveredAt: new Date('2026-03-03T16:00:00Z') }), 'date', TZ)).toBe(false);
    expect(localDate(new Date('2026-03-03T16:00:00Z'), TZ)).toBe('2026-03-04');
  });
  it('uses calendar dates when only a promised day is known, under either rule', () => {
    const dayOnly = s({
      promisedAt: null,
      promisedDate: '2026-03-03',
      deliveredAt: new Date('2026-03-03T15:00:00Z'),
    });
    expect(isOnTime(dayOnly, 'timestamp', TZ)).toBe(true);
    expect(isOnTime(dayOnly, 'date', TZ)).toBe(true);
  });
  it('cannot judge missing dates, undelivered or cancelled shipments', () => {
    expect(isOnTime(s({ promisedAt: null }), 'timestamp', TZ)).toBeNull();
    expect(isOnTime(s({ deliveredAt: null }), 'timestamp', TZ)).toBeNull();
    expect(isOnTime(s({ status: 'cancelled' }), 'timestamp', TZ)).toBeNull();
    expect(isOnTime(s({ status: 'in_transit', deliveredAt: null }), 'date', TZ)).toBeNull();
  });
});

describe('KPIs of a group', () => {
  it('computes every figure on a hand-made case', () => {
    const day = 86_400_000;
    const picked = base.pickedUpAt!.getTime();
    const group = [
      s({ deliveredAt: new Date(picked + 1 * day), promisedAt: new Date(picked + 2 * day) }), // on time, 1 d
      s({ deliveredAt: new Date(picked + 3 * day), promisedAt: new Date(picked + 2 * day) }), // late, 3 d
      s({
        deliveredAt: new Date(picked + 2 * day),
        promisedAt: new Date(picked + 2 * day),
        cargoIssue: true,
      }), // on time, 2 d, damaged
      s({ deliveredAt: new Date(picked + 5 * day), promisedAt: null, pickedUpAt: null }), // no promise, no pick-up
      s({ status: 'cancelled', revenueCents: 99_999, costCents: 1 }), // ignored everywhere
      s({ status: 'in_transit', deliveredAt: null, revenueCents: 5_000, costCents: 6_000 }), // volume only
    ];
    const k = computeKpis(group, 'timestamp', TZ);
    expect(k).toMatchObject({ delivered: 4, judged: 3, onTime: 2, volume: 5 });
    expect(k.onTimeRate).toBeCloseTo(2 / 3, 12);
    expect(k.intactRate).toBeCloseTo(3 / 4, 12);
    expect(k.transitMedianDays).toBeCloseTo(2, 9);
    expect(k.transitP90Days).toBeCloseTo(2.8, 9); // 1,2,3: rank 1.8 → 2 + 0.8 × 1
    expect(k.revenueCents).toBe(45_000);
    expect(k.costCents).toBe(34_000);
    expect(k.grossMarginCents).toBe(11_000);
    expect(k.grossMarginRate).toBeCloseTo(11 / 45, 12);
  });
  it('gives no rates for an empty group', () => {
    expect(computeKpis([], 'date', TZ)).toMatchObject({
      onTimeRate: null,
      intactRate: null,
      transitMedianDays: null,
      volume: 0,
    });
  });
  it('interpolates percentiles like percentile_cont', () => {
    expect(percentileCont([4], 0.9)).toBe(4);
    expect(percentileCont([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(percentileCont([10, 1, 2, 3, 4, 5, 6, 7, 8, 9], 0.9)).toBeCloseTo(9.1, 12);
  });
});
