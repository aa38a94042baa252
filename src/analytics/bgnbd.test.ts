import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type BgNbdParams,
  bgNbdLogLikelihood,
  bgNbdLogLikelihoodGradient,
  conditionalExpectedPurchases,
  expectedPurchases,
  expectedPurchasesIfAlive,
  fitBgNbd,
  probabilityAlive,
} from './bgnbd.js';
import { simulateBgNbd } from './simulate.js';
import { hyp2f1Minus1 } from './special.js';

const P: BgNbdParams = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const h = (frequency: number, recency: number, T: number) => ({ frequency, recency, T });
const code = (c: string) => expect.objectContaining({ code: c });

describe('BG/NBD likelihood (hand-checked)', () => {
  it('x = 0: L = (α/(α+T))^r', () => {
    expect(bgNbdLogLikelihood(P, [h(0, 0, 10)])).toBeCloseTo(P.r * Math.log(P.alpha / (P.alpha + 10)), 13);
  });
  it('x = 1: L = r·α^r·b/(a+b)·[(α+T)^−(r+1) + a/b·(α+t_x)^−(r+1)]', () => {
    const { r, alpha, a, b } = P;
    const L = r * alpha ** r * (b / (a + b)) * ((alpha + 20) ** -(r + 1) + (a / b) * (alpha + 5) ** -(r + 1));
    expect(bgNbdLogLikelihood(P, [h(1, 5, 20)])).toBeCloseTo(Math.log(L), 12);
  });
  it('analytic gradient matches central differences', () => {
    const rows = [h(0, 0, 30), h(1, 3, 30), h(4, 25.5, 38), h(40, 37, 38), h(2, 1, 2)];
    const { gradient } = bgNbdLogLikelihoodGradient(P, rows);
    const keys = ['r', 'alpha', 'a', 'b'] as const;
    keys.forEach((k, i) => {
      const d = 1e-6 * P[k];
      const up = bgNbdLogLikelihood({ ...P, [k]: P[k] + d }, rows);
      const down = bgNbdLogLikelihood({ ...P, [k]: P[k] - d }, rows);
      expect(gradient[i]).toBeCloseTo((up - down) / (2 * d), 5);
    });
  });
  it('stays finite for very large x', () => {
    expect(Number.isFinite(bgNbdLogLikelihood(P, [h(5000, 300, 310)]))).toBe(true);
  });
});

describe('BG/NBD predictions (hand-checked)', () => {
  it('E[X(t)] equals the untransformed formula (a+b−1)/(a−1)·[1 − (α/(α+t))^r ₂F₁(r, b; a+b−1; t/(α+t))]', () => {
    const { r, alpha, a, b } = P;
    for (const t of [1, 10, 39, 78]) {
      const z = t / (alpha + t);
      const direct =
        ((a + b - 1) / (a - 1)) * (1 - (alpha / (alpha + t)) ** r * (1 + hyp2f1Minus1(r, b, a + b - 1, z)));
      expect(expectedPurchases(P, t)).toBeCloseTo(direct, 12);
    }
  });
  it('E[X(t)] ≈ (r/α)·t for small t (the mean purchase rate)', () => {
    expect(expectedPurchases(P, 1e-6) / 1e-6).toBeCloseTo(P.r / P.alpha, 6);
    expect(expectedPurchases(P, 0)).toBe(0);
  });
  it('E[Y(t)|x,t_x,T] equals the untransformed equation 10 for moderate x', () => {
    const { r, alpha, a, b } = P;
    const [x, tx, T, t] = [3, 20, 30, 39];
    const z = t / (alpha + T + t);
    const num =
      ((a + b + x - 1) / (a - 1)) *
      (1 - ((alpha + T) / (alpha + T + t)) ** (r + x) * (1 + hyp2f1Minus1(r + x, b + x, a + b + x - 1, z)));
    const den = 1 + (a / (b + x - 1)) * ((alpha + T) / (alpha + tx)) ** (r + x);
    expect(conditionalExpectedPurchases(P, t, h(x, tx, T))).toBeCloseTo(num / den, 12);
  });
  it('P(alive) = 1 / (1 + a/(b+x−1)·((α+T)/(α+t_x))^(r+x)), and 1 for x = 0', () => {
    const { r, alpha, a, b } = P;
    expect(probabilityAlive(P, h(1, 5, 20))).toBeCloseTo(
      1 / (1 + (a / b) * ((alpha + 20) / (alpha + 5)) ** (r + 1)),
      14,
    );
    expect(probabilityAlive(P, h(0, 0, 20))).toBe(1);
  });
  it('large x: finite, no overflow, bounded by the customer’s own rate', () => {
    const big = h(2000, 300, 310);
    const e = conditionalExpectedPurchases(P, 52, big);
    expect(Number.isFinite(e)).toBe(true);
    expect(e).toBeGreaterThan(0);
    expect(e).toBeLessThan(((P.r + 2000) / (P.alpha + 300)) * 52);
    expect(probabilityAlive(P, h(2000, 10, 310))).toBeLessThan(1e-100);
  });
  it('rejects bad parameters and periods', () => {
    expect(() => conditionalExpectedPurchases({ ...P, r: -1 }, 1, h(0, 0, 1))).toThrow(
      code('ANALYTICS.INVALID_INPUT'),
    );
    expect(() => conditionalExpectedPurchases(P, -1, h(0, 0, 1))).toThrow(code('ANALYTICS.INVALID_INPUT'));
    expect(() => probabilityAlive(P, h(1, 5, 2))).not.toThrow(); // histories are checked when fitting
  });
  it('a = 1 (the closed form divides by a − 1): the limit, continuous with the values around it', () => {
    for (const [t, hist] of [
      [39, h(2, 30.43, 38.86)],
      [52, h(0, 0, 10)],
      [5, h(60, 37, 38)],
    ] as const) {
      const at = (a: number) => conditionalExpectedPurchases({ ...P, a }, t, hist);
      const limit = at(1);
      expect(Number.isFinite(limit)).toBe(true);
      // the function is smooth in a: the neighbours straddle the limit, within their distance's slope
      const slope = (at(1.01) - at(0.99)) / 0.02;
      for (const d of [1e-3, 1e-7, 1e-11]) {
        expect(at(1 + d)).toBeCloseTo(limit + slope * d, 6);
        expect(at(1 - d)).toBeCloseTo(limit - slope * d, 6);
      }
    }
  });
  it('E[Y(t)] = P(alive) × the (x, T) part, which a run computes once per (x, T)', () => {
    const hist = h(4, 25.5, 38);
    expect(conditionalExpectedPurchases(P, 39, hist)).toBeCloseTo(
      probabilityAlive(P, hist) * expectedPurchasesIfAlive(P, 39, 4, 38),
      14,
    );
    expect(expectedPurchasesIfAlive(P, 39, 4, 38)).toBe(
      conditionalExpectedPurchases(P, 39, h(4, 38, 38)) / probabilityAlive(P, h(4, 38, 38)),
    );
  });
});

describe('BG/NBD properties', () => {
  const params = fc.record({
    r: fc.double({ min: 0.05, max: 20, noNaN: true }),
    alpha: fc.double({ min: 0.05, max: 200, noNaN: true }),
    a: fc.double({ min: 0.05, max: 0.95, noNaN: true }).chain((lo) => fc.constantFrom(lo, lo + 1.1)),
    b: fc.double({ min: 0.05, max: 50, noNaN: true }),
  });
  const history = fc
    .tuple(
      fc.integer({ min: 0, max: 300 }),
      fc.double({ min: 0, max: 1, noNaN: true }),
      fc.double({ min: 0.1, max: 400, noNaN: true }),
    )
    .map(([x, frac, T]) => h(x, x === 0 ? 0 : frac * T, T));

  it('P(alive) is in [0, 1]', () => {
    fc.assert(
      fc.property(params, history, (p, c) => {
        const v = probabilityAlive(p, c);
        expect(v).toBeGreaterThanOrEqual(0);
        expect(v).toBeLessThanOrEqual(1);
      }),
    );
  });
  it('E[Y(t)] is ≥ 0 and non-decreasing in t', () => {
    fc.assert(
      fc.property(params, history, fc.double({ min: 0.01, max: 100, noNaN: true }), (p, c, t) => {
        const e1 = conditionalExpectedPurchases(p, t, c);
        const e2 = conditionalExpectedPurchases(p, t * 1.5, c);
        expect(e1).toBeGreaterThanOrEqual(0);
        expect(e2).toBeGreaterThanOrEqual(e1 * (1 - 1e-12));
      }),
    );
  });
});

describe('fitBgNbd on degenerate data fails loudly', () => {
  const many = (n: number, row: ReturnType<typeof h>) => Array.from({ length: n }, () => row);
  it('too few customers → DATA_TOO_SMALL', () => {
    expect(() => fitBgNbd([h(1, 2, 3)])).toThrow(code('ANALYTICS.DATA_TOO_SMALL'));
    expect(() => fitBgNbd([])).toThrow(code('ANALYTICS.DATA_TOO_SMALL'));
  });
  it('no repeat purchases (or everything on one day) → DEGENERATE_DATA', () => {
    expect(() => fitBgNbd(many(50, h(0, 0, 10)))).toThrow(code('ANALYTICS.DEGENERATE_DATA'));
    expect(() => fitBgNbd(many(50, h(0, 0, 0)))).toThrow(code('ANALYTICS.DEGENERATE_DATA'));
  });
  it('invalid histories → INVALID_INPUT', () => {
    for (const bad of [h(-1, 0, 1), h(1.5, 1, 2), h(1, 3, 2), h(0, 1, 2), h(1, Number.NaN, 2)]) {
      expect(() => fitBgNbd([...many(20, h(1, 1, 2)), bad])).toThrow(code('ANALYTICS.INVALID_INPUT'));
    }
  });
  it('no evidence of dropout (everyone bought on the last day) → FIT_FAILED at the boundary', () => {
    const rows = Array.from({ length: 200 }, (_, i) => h(1 + (i % 5), 30, 30));
    expect(() => fitBgNbd(rows)).toThrow(code('ANALYTICS.FIT_FAILED'));
  });
  it('a ≈ ∞ data set (no heterogeneity in dropout) → FIT_FAILED naming the parameter', () => {
    const rows = Array.from({ length: 300 }, (_, i) =>
      i % 3 === 0 ? h(0, 0, 20 + (i % 7)) : h(1 + (i % 4), (i % 11) + 1, 20 + (i % 7)),
    );
    expect(() => fitBgNbd(rows)).toThrow(/boundary \((a|b) → ∞\)/);
  });
});

describe('fitBgNbd on simulated data', () => {
  const truth = { r: 0.5, alpha: 8, a: 0.6, b: 3 };
  const T = Array.from({ length: 20_000 }, (_, i) => 26 + (i % 13));
  const rows = simulateBgNbd(truth, T, 42);

  it('recovers the parameters it was simulated from', () => {
    const { params } = fitBgNbd(rows);
    expect(params.r).toBeGreaterThan(0.45);
    expect(params.r).toBeLessThan(0.55);
    expect(params.alpha).toBeGreaterThan(7);
    expect(params.alpha).toBeLessThan(9);
    expect(params.a / (params.a + params.b)).toBeCloseTo(truth.a / (truth.a + truth.b), 1);
  });

  it('E[X(t)] agrees with the mean purchase count of simulated customers (Monte Carlo, 1 %)', () => {
    const t = 52;
    const sim = simulateBgNbd(truth, new Array(100_000).fill(t), 99);
    const mean = sim.reduce((s, c) => s + c.frequency, 0) / sim.length;
    expect(mean / expectedPurchases(truth, t)).toBeCloseTo(1, 1);
    expect(Math.abs(mean / expectedPurchases(truth, t) - 1)).toBeLessThan(0.01);
  });

  it('is deterministic and independent of row order', () => {
    const a = fitBgNbd(rows);
    expect(fitBgNbd([...rows].reverse())).toEqual(a);
    expect(fitBgNbd(rows)).toEqual(a);
  });
});
