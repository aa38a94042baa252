/**
 * Discounted customer lifetime value over a horizon, the method of Python's `lifetimes`
 * (customer_lifetime_value) and of the CDNOW notes:
 *
 *   CLV = Σ_{k=1..H} E(M) · (E[Y(k·u)] − E[Y((k−1)·u)]) / (1 + d)^k
 *
 * where H is the horizon in months, d the monthly discount rate, u the length of a month in the model's
 * time unit (4.345 weeks, i.e. 30.415 days — the same month in both units, so the choice of unit does
 * not change the answer), E[Y(t)] the BG/NBD conditional expected purchases and E(M) the Gamma-Gamma
 * expected value of a purchase. Each month's expected purchases are discounted at the end of that month.
 */
import { type BgNbdParams, conditionalExpectedPurchases } from './bgnbd.js';
import { invalidInput } from './errors.js';
import type { RepeatHistory } from './groups.js';
import type { TimeUnit } from './summary.js';

export const WEEKS_PER_MONTH = 4.345;

export interface ClvOptions {
  /** Months ahead (integer ≥ 1). Default 12. */
  horizonMonths?: number;
  /** Monthly discount rate ≥ 0. Default 0.01. */
  monthlyDiscountRate?: number;
  /** Time unit of the history and of the fitted BG/NBD parameters. */
  unit: TimeUnit;
}

export function monthLength(unit: TimeUnit): number {
  if (unit === 'week') return WEEKS_PER_MONTH;
  if (unit === 'day') return WEEKS_PER_MONTH * 7;
  throw invalidInput(`time unit must be 'day' or 'week', got ${JSON.stringify(unit)}`, { unit });
}

/** Discounted CLV of one customer given E(M), the expected value per purchase. */
export function customerLifetimeValue(
  bgNbd: BgNbdParams,
  history: RepeatHistory,
  expectedAverageValue: number,
  options: ClvOptions,
): number {
  return discountedValue(
    (t) => conditionalExpectedPurchases(bgNbd, t, history),
    expectedAverageValue,
    options,
  );
}

/**
 * The discounted sum above for any cumulative expected purchases E[Y(t)] (t in the model's unit). A run
 * passes E[Y(t)] / P(alive), which depends on (x, T) only, computes it once per (x, T) and scales it
 * by each customer's P(alive): the sum is linear in E[Y].
 */
export function discountedValue(
  cumulativePurchases: (t: number) => number,
  expectedAverageValue: number,
  options: ClvOptions,
): number {
  const horizon = options.horizonMonths ?? 12;
  const rate = options.monthlyDiscountRate ?? 0.01;
  if (!Number.isInteger(horizon) || horizon < 1) {
    throw invalidInput('horizon must be a whole number of months ≥ 1', { horizonMonths: horizon });
  }
  if (!(rate >= 0) || !Number.isFinite(rate)) {
    throw invalidInput('monthly discount rate must be ≥ 0', { monthlyDiscountRate: rate });
  }
  if (!Number.isFinite(expectedAverageValue)) {
    throw invalidInput('expected average value must be finite', { expectedAverageValue });
  }
  const month = monthLength(options.unit);
  let clv = 0;
  let previous = 0;
  for (let k = 1; k <= horizon; k++) {
    const cumulative = cumulativePurchases(k * month);
    clv += (expectedAverageValue * (cumulative - previous)) / (1 + rate) ** k;
    previous = cumulative;
  }
  return clv;
}
