import { describe, expect, it } from 'vitest';
import {
  conditionalExpectedAverageValue,
  fitGammaGamma,
  gammaGammaLogLikelihood,
  gammaGammaLogLikelihoodGradient,
} from './gammaGamma.js';
import { gammaDraw, seededRandom } from './simulate.js';
import { logGamma } from './special.js';

const P = { p: 6.25, q: 3.74, gamma: 15.44 };
const code = (c: string) => expect.objectContaining({ code: c });

describe('Gamma-Gamma likelihood (hand-checked)', () => {
  it('x = 1: m is Gamma(p, ν) with ν ~ Gamma(q, γ) — a compound (beta-prime) density', () => {
    const { p, q, gamma } = P;
    const m = 20;
    // f(m) = Γ(p+q)/(Γ(p)Γ(q)) · γ^q · m^(p−1) / (γ + m)^(p+q)
    const direct =
      logGamma(p + q) -
      logGamma(p) -
      logGamma(q) +
      q * Math.log(gamma) +
      (p - 1) * Math.log(m) -
      (p + q) * Math.log(gamma + m);
    expect(gammaGammaLogLikelihood(P, [{ frequency: 1, monetaryValue: m }])).toBeCloseTo(direct, 12);
  });
  it('skips customers without repeat purchases or with m_x ≤ 0', () => {
    const rows = [
      { frequency: 2, monetaryValue: 30 },
      { frequency: 0, monetaryValue: 0 },
      { frequency: 3, monetaryValue: -5 },
    ];
    expect(gammaGammaLogLikelihood(P, rows)).toBe(gammaGammaLogLikelihood(P, rows.slice(0, 1)));
  });
  it('analytic gradient matches central differences', () => {
    const rows = [
      { frequency: 1, monetaryValue: 12 },
      { frequency: 4, monetaryValue: 33.5 },
      { frequency: 17, monetaryValue: 8 },
    ];
    const { gradient } = gammaGammaLogLikelihoodGradient(P, rows);
    (['p', 'q', 'gamma'] as const).forEach((k, i) => {
      const d = 1e-6 * P[k];
      const up = gammaGammaLogLikelihood({ ...P, [k]: P[k] + d }, rows);
      const down = gammaGammaLogLikelihood({ ...P, [k]: P[k] - d }, rows);
      expect(gradient[i]).toBeCloseTo((up - down) / (2 * d), 6);
    });
  });
});

describe('conditionalExpectedAverageValue', () => {
  it('is the weighted mean of the population mean pγ/(q−1) and m_x', () => {
    const { p, q, gamma } = P;
    const x = 3;
    const m = 40;
    const w = (p * x) / (p * x + q - 1);
    expect(conditionalExpectedAverageValue(P, { frequency: x, monetaryValue: m })).toBeCloseTo(
      (1 - w) * ((p * gamma) / (q - 1)) + w * m,
      12,
    );
    expect(conditionalExpectedAverageValue(P, { frequency: 0, monetaryValue: 0 })).toBeCloseTo(
      (p * gamma) / (q - 1),
      12,
    );
  });
  it('treats m_x ≤ 0 as 0 (never negative) and needs q > 1', () => {
    expect(conditionalExpectedAverageValue(P, { frequency: 2, monetaryValue: -50 })).toBeCloseTo(
      (P.p * P.gamma) / (2 * P.p + P.q - 1),
      12,
    );
    expect(() =>
      conditionalExpectedAverageValue({ ...P, q: 0.9 }, { frequency: 1, monetaryValue: 1 }),
    ).toThrow(code('ANALYTICS.INVALID_INPUT'));
  });
});

describe('fitGammaGamma', () => {
  it('recovers simulated parameters', () => {
    const rand = seededRandom(7);
    const truth = { p: 4, q: 5, gamma: 60 };
    const rows = Array.from({ length: 5000 }, (_, i) => {
      const x = 1 + (i % 6);
      const nu = gammaDraw(truth.q, rand) / truth.gamma;
      let sum = 0;
      for (let k = 0; k < x; k++) sum += gammaDraw(truth.p, rand) / nu;
      return { frequency: x, monetaryValue: sum / x };
    });
    const fit = fitGammaGamma(rows);
    expect(fit.params.p).toBeGreaterThan(3.6);
    expect(fit.params.p).toBeLessThan(4.4);
    expect((fit.params.p * fit.params.gamma) / (fit.params.q - 1)).toBeCloseTo((4 * 60) / 4, -1);
    expect(fitGammaGamma([...rows].reverse())).toEqual(fit);
  });
  it('fails loudly on too few or degenerate repeat customers', () => {
    expect(() => fitGammaGamma([{ frequency: 1, monetaryValue: 5 }])).toThrow(
      code('ANALYTICS.DATA_TOO_SMALL'),
    );
    const noRepeat = Array.from({ length: 50 }, () => ({ frequency: 0, monetaryValue: 0 }));
    expect(() => fitGammaGamma(noRepeat)).toThrow(code('ANALYTICS.DATA_TOO_SMALL'));
    const refunds = Array.from({ length: 50 }, () => ({ frequency: 2, monetaryValue: -5 }));
    expect(() => fitGammaGamma(refunds)).toThrow(code('ANALYTICS.DATA_TOO_SMALL'));
    const same = Array.from({ length: 50 }, () => ({ frequency: 2, monetaryValue: 5 }));
    expect(() => fitGammaGamma(same)).toThrow(code('ANALYTICS.DEGENERATE_DATA'));
    const sameMean = Array.from({ length: 50 }, (_, i) => ({ frequency: 1 + (i % 3), monetaryValue: 5 }));
    expect(() => fitGammaGamma(sameMean)).toThrow(code('ANALYTICS.FIT_FAILED'));
    expect(() => fitGammaGamma([{ frequency: 1, monetaryValue: Number.NaN }])).toThrow(
      code('ANALYTICS.INVALID_INPUT'),
    );
  });
});
