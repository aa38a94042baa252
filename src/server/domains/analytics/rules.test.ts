import { describe, expect, it } from 'vitest';
import { DEFAULT_ANALYTICS_SETTINGS } from '../../../shared/analytics.js';
import { type AccountFacts, churnRisk } from './rules.js';

const weights = { pAlive: 0.6, volumeDrop: 0.4, complaints: 0.3, csi: 0.2 };
const signals = DEFAULT_ANALYTICS_SETTINGS.churnSignals; // 3 complaints score in full
const base: AccountFacts = { ageDays: 400, recencyDays: 30, last90: 2, prev90: 4, pAlive: 0.5 };

describe('churn risk from behaviour, complaints and satisfaction', () => {
  it('is the weighted mean of the signals that apply, by hand', () => {
    // pAlive 0.5 × 0.6, volume drop (4 → 2) 0.5 × 0.4, no complaint 0 × 0.3; no survey: csi not counted
    const r = churnRisk(base, weights, signals);
    expect(r.score).toBe(Math.round((100 * (0.3 + 0.2 + 0)) / 1.3));
    expect(r.reasons.map((x) => x.code)).toEqual(['pAlive', 'volumeDrop']);
    expect(r.reasons[0].points).toBeCloseTo((100 * 0.3) / 1.3, 1);
  });

  it('adds recent damage complaints and a detractor answer as reasons with a higher score', () => {
    const unhappy = churnRisk(
      {
        ...base,
        complaints: { count: 2, open: 1, categories: ['damage'] },
        satisfaction: { responses: 1, csi: 12.5, nps: -100, detractors: 1 },
      },
      weights,
      signals,
    );
    // complaints 2/3 × 0.3, satisfaction max(1 − 0.125, (100 + 100) / 200) = 1 × 0.2, over 1.5
    expect(unhappy.score).toBe(Math.round((100 * (0.3 + 0.2 + 0.2 + 0.2)) / 1.5));
    expect(unhappy.score).toBeGreaterThan(churnRisk(base, weights, signals).score);
    expect(unhappy.reasons.find((x) => x.code === 'complaints')).toMatchObject({
      complaints: 2,
      open: 1,
      categories: ['damage'],
      days: 90,
      points: 13.3,
    });
    expect(unhappy.reasons.find((x) => x.code === 'csi')).toMatchObject({
      csi: 12.5,
      nps: -100,
      detractors: 1,
    });
  });

  it('a complaint never lowers the risk; a satisfied answer does; the count saturates', () => {
    const sure = { ...base, pAlive: 0, last90: 0 };
    const without = churnRisk(sure, weights, signals).score;
    const one = churnRisk(
      { ...sure, complaints: { count: 1, open: 0, categories: ['delay'] } },
      weights,
      signals,
    );
    expect(one.score).toBeGreaterThan(without);
    const many = (count: number) =>
      churnRisk({ ...sure, complaints: { count, open: 0, categories: [] } }, weights, signals).score;
    expect(many(3)).toBe(many(9));
    expect(many(3)).toBe(100); // every signal that applies at 1
    const happy = churnRisk(
      { ...base, satisfaction: { responses: 2, csi: 100, nps: 100, detractors: 0 } },
      weights,
      signals,
    );
    expect(happy.score).toBeLessThan(churnRisk(base, weights, signals).score);
    expect(happy.reasons.map((x) => x.code)).not.toContain('csi'); // 0 points: not listed
  });

  it('a zero weight switches a signal off', () => {
    const off = { ...weights, complaints: 0 };
    const r = churnRisk({ ...base, complaints: { count: 3, open: 3, categories: ['loss'] } }, off, signals);
    expect(r).toEqual(churnRisk(base, off, signals));
    expect(r.score).toBe(50);
  });
});
