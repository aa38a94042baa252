/** The published CDNOW figures (../shared/data/cdnow/README.md), each to its published precision. */
import { describe, expect, it } from 'vitest';
import { CDNOW_CALIBRATION_END, cdnowPublishedSummary, cdnowTransactions } from '../../test/cdnow.js';
import {
  bgNbdLogLikelihood,
  conditionalExpectedAverageValue,
  conditionalExpectedPurchases,
  customerLifetimeValue,
  fitBgNbd,
  fitGammaGamma,
  rfmSummary,
} from './index.js';

const round2 = (v: number) => Math.round(v * 100) / 100;
const published = cdnowPublishedSummary();
const computed = rfmSummary(cdnowTransactions(), { end: CDNOW_CALIBRATION_END, unit: 'week' });

describe('CDNOW sample', () => {
  it('summary from the transactions equals the published summary for all 2,357 customers', () => {
    expect(computed.customers).toHaveLength(2357);
    const mismatches = computed.customers.filter((c, i) => {
      const p = published[i];
      return (
        c.customerId !== p.customerId ||
        c.frequency !== p.frequency ||
        round2(c.recency) !== p.recency ||
        round2(c.T) !== p.T
      );
    });
    expect(mismatches).toEqual([]);
    expect(computed.customers.filter((c) => c.frequency > 0)).toHaveLength(946);
  });

  it('BG/NBD on the published summary: r = 0.243, α = 4.414, a = 0.793, b = 2.426, LL = −9582.4', () => {
    const { params, diagnostics } = fitBgNbd(published);
    expect(params.r).toBeCloseTo(0.243, 3);
    expect(params.alpha).toBeCloseTo(4.414, 3);
    expect(params.a).toBeCloseTo(0.793, 3);
    expect(params.b).toBeCloseTo(2.426, 3);
    expect(diagnostics.logLikelihood).toBeCloseTo(-9582.4, 1);
    expect(diagnostics.converged).toBe(true);
    expect(diagnostics.gradientNorm).toBeLessThan(1e-6);
    // The published (rounded) estimates are within rounding of the optimum.
    expect(bgNbdLogLikelihood({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, published)).toBeCloseTo(
      -9582.4,
      1,
    );
  });

  it('BG/NBD on the unrounded summary gives the same published estimates', () => {
    const { params } = fitBgNbd(computed.customers);
    expect(params.r).toBeCloseTo(0.243, 3);
    expect(params.alpha).toBeCloseTo(4.414, 3);
    expect(params.a).toBeCloseTo(0.793, 3);
    expect(params.b).toBeCloseTo(2.426, 3);
  });

  it('Nelder-Mead followed by BFGS reaches the same optimum as BFGS alone', () => {
    const bfgs = fitBgNbd(published);
    const nm = fitBgNbd(published, { method: 'nelder-mead+bfgs' });
    expect(nm.diagnostics.method).toBe('nelder-mead+bfgs');
    expect(nm.diagnostics.simplexIterations).toBeGreaterThan(0);
    for (const k of ['r', 'alpha', 'a', 'b'] as const) expect(nm.params[k]).toBeCloseTo(bfgs.params[k], 6);
  });

  it('customer 1 (x = 2, t_x = 30.43, T = 38.86) expects 1.226 purchases in the next 39 weeks', () => {
    const { params } = fitBgNbd(published);
    const c1 = published[0];
    expect([c1.frequency, c1.recency, c1.T]).toEqual([2, 30.43, 38.86]);
    expect(conditionalExpectedPurchases(params, 39, c1)).toBeCloseTo(1.226, 3);
  });

  it('Gamma-Gamma on the 946 repeat buyers: p = 6.25, q = 3.74, γ = 15.44', () => {
    const { params, diagnostics } = fitGammaGamma(computed.customers);
    expect(diagnostics.customers).toBe(946);
    expect(diagnostics.skipped).toBe(1411);
    expect(params.p).toBeCloseTo(6.25, 2);
    expect(params.q).toBeCloseTo(3.74, 2);
    expect(params.gamma).toBeCloseTo(15.44, 2);
  });

  it('CLV follows the README formula (12 months, 1 % monthly, 4.345 weeks a month)', () => {
    const bg = fitBgNbd(computed.customers).params;
    const gg = fitGammaGamma(computed.customers).params;
    const c1 = computed.customers[0];
    const value = conditionalExpectedAverageValue(gg, c1);
    let expected = 0;
    for (let k = 1; k <= 12; k++) {
      const inc =
        conditionalExpectedPurchases(bg, 4.345 * k, c1) -
        conditionalExpectedPurchases(bg, 4.345 * (k - 1), c1);
      expected += (value * inc) / 1.01 ** k;
    }
    expect(customerLifetimeValue(bg, c1, value, { unit: 'week' })).toBeCloseTo(expected, 10);
    expect(expected).toBeGreaterThan(0);
  });
});
