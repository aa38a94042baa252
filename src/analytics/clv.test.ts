import { describe, expect, it } from 'vitest';
import { conditionalExpectedPurchases } from './bgnbd.js';
import { customerLifetimeValue, WEEKS_PER_MONTH } from './clv.js';

const weekly = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const daily = { ...weekly, alpha: weekly.alpha * 7 };
const c = { frequency: 2, recency: 30.43, T: 38.86 };
const cDays = { frequency: 2, recency: 30.43 * 7, T: 38.86 * 7 };

describe('customerLifetimeValue', () => {
  it('without discounting it is E(M) × E[Y(horizon)]', () => {
    const v = customerLifetimeValue(weekly, c, 25, { unit: 'week', monthlyDiscountRate: 0 });
    expect(v).toBeCloseTo(25 * conditionalExpectedPurchases(weekly, 12 * WEEKS_PER_MONTH, c), 10);
  });
  it('one month: E(M)·E[Y(4.345)]/1.01', () => {
    const v = customerLifetimeValue(weekly, c, 25, { unit: 'week', horizonMonths: 1 });
    expect(v).toBeCloseTo((25 * conditionalExpectedPurchases(weekly, 4.345, c)) / 1.01, 12);
  });
  it('discounting lowers it; a longer horizon raises it', () => {
    const base = customerLifetimeValue(weekly, c, 25, { unit: 'week' });
    expect(base).toBeLessThan(customerLifetimeValue(weekly, c, 25, { unit: 'week', monthlyDiscountRate: 0 }));
    expect(base).toBeGreaterThan(customerLifetimeValue(weekly, c, 25, { unit: 'week', horizonMonths: 6 }));
  });
  it('is the same in days and in weeks (α scales with the unit)', () => {
    expect(customerLifetimeValue(daily, cDays, 25, { unit: 'day' })).toBeCloseTo(
      customerLifetimeValue(weekly, c, 25, { unit: 'week' }),
      10,
    );
  });
  it('rejects a bad horizon, rate or value', () => {
    const bad = [{ horizonMonths: 0 }, { horizonMonths: 1.5 }, { monthlyDiscountRate: -0.1 }];
    for (const o of bad)
      expect(() => customerLifetimeValue(weekly, c, 25, { unit: 'week', ...o })).toThrow(/horizon|rate/);
    expect(() => customerLifetimeValue(weekly, c, Number.NaN, { unit: 'week' })).toThrow(/finite/);
  });
});
