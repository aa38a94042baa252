import { describe, expect, it } from 'vitest';
import { DEFAULT_ANALYTICS_SETTINGS } from '../../../shared/analytics.js';
import { type AccountFacts, churnRisk } from './rules.js';

const weights = { pAlive: 0.6, volumeDrop: 0.4, complaints: 0.3, csi: 0.2 };
const signals = DEFAULT_ANALYTICS_SETTINGS.churnSignals; // 3 complaints score in full
const base: AccountFacts = { ageDays: 400, recencyDays: 30, last90: 2, prev90: 4, pAlive: 0.5 };
const sum = (r: { reasons: Record<string, unknown>[] }) =>
  r.reasons.reduce((n, x) => n + (x.points as number), 0);

describe('churn risk from behaviour, complaints and satisfaction', () => {
  it('without service signals: the weighted mean of the behaviour signals, by hand', () => {
    // pAlive 0.5 × 0.6, volume drop (4 → 2) 0.5 × 0.4, over 1.0: 50
    const r = churnRisk(base, weights, signals);
    expect(r.score).toBe(50);
    expect(r.reasons).toEqual([
      { code: 'pAlive', points: 30, pAlive: 0.5 },
      { code: 'volumeDrop', points: 20, last90: 2, prev90: 4 },
    ]);
  });

  it('adds recent damage complaints and a detractor answer as reasons with a higher score', () => {
    const unhappy = churnRisk(
      {
        ...base,
        complaints: { count: 2, open: 1, categories: ['damage'] },
        satisfaction: { responses: 1, csi: 12.5, previousCsi: null, nps: -100, detractors: 1 },
      },
      weights,
      signals,
    );
    // complaints 2/3 × 0.3 = 0.2; satisfaction max(1 − 0.125, (100 + 100) / 200) = 1 × 0.2 = 0.2
    // S = 1 − 0.8 × 0.8 = 0.36; risk = 0.5 + 0.5 × 0.36 = 0.68, the 18 points split 9 / 9
    expect(unhappy.score).toBe(68);
    expect(sum(unhappy)).toBeCloseTo(68, 5);
    expect(unhappy.reasons.find((x) => x.code === 'complaints')).toEqual({
      code: 'complaints',
      points: 9,
      complaints: 2,
      open: 1,
      categories: ['damage'],
      days: 90,
    });
    expect(unhappy.reasons.find((x) => x.code === 'csi')).toMatchObject({
      points: 9,
      csi: 12.5,
      nps: -100,
      detractors: 1,
    });
  });

  it('service signals only raise the risk, saturate, and leave a certainly lost customer at 100', () => {
    const lost = { ...base, pAlive: 0, last90: 0 };
    expect(churnRisk(lost, weights, signals).score).toBe(100);
    const withComplaints = (count: number, f = base) =>
      churnRisk({ ...f, complaints: { count, open: 0, categories: [] } }, weights, signals).score;
    expect(withComplaints(9, lost)).toBe(100);
    expect(withComplaints(1)).toBeGreaterThan(50);
    expect(withComplaints(2)).toBeGreaterThan(withComplaints(1));
    expect(withComplaints(3)).toBe(withComplaints(9)); // 3 complaints score in full: 50 + 50 × 0.3 = 65
    expect(withComplaints(3)).toBe(65);
    const happy = churnRisk(
      { ...base, satisfaction: { responses: 2, csi: 100, previousCsi: 100, nps: 100, detractors: 0 } },
      weights,
      signals,
    );
    expect(happy).toEqual(churnRisk(base, weights, signals));
  });

  it('scores falling CSI by its drop against the window before, with the level as its floor', () => {
    const withCsi = (csi: number, previousCsi: number | null) =>
      churnRisk(
        { ...base, satisfaction: { responses: 3, csi, previousCsi, nps: null, detractors: 0 } },
        weights,
        signals,
      );
    // 95 → 85: drop 10 of the 20 points that score in full = 0.5, above the level 1 − 0.85 = 0.15;
    // S = 0.5 × 0.2 = 0.1, risk = 0.5 + 0.5 × 0.1 = 0.55
    const falling = withCsi(85, 95);
    expect(falling.score).toBe(55);
    expect(falling.reasons.find((x) => x.code === 'csi')).toEqual({
      code: 'csi',
      points: 5,
      csi: 85,
      previousCsi: 95,
      csiDrop: 10,
      nps: null,
      responses: 3,
      detractors: 0,
      days: 180,
    });
    // the same CSI, steady or without history: only the level 0.15 → 0.5 + 0.5 × 0.03 = 51.5 → 52
    expect(withCsi(85, 85).score).toBe(52);
    expect(withCsi(85, null).score).toBe(52);
    expect(withCsi(85, 70).score).toBe(52); // rising: the level still counts, the rise takes nothing off
    // a fall of 20 points or more scores in full: 0.5 + 0.5 × 0.2 = 60
    expect(withCsi(70, 90).score).toBe(60);
    expect(withCsi(40, 90).score).toBe(60);
    // a steadily low CSI keeps its level: 1 − 0.3 = 0.7 → 0.5 + 0.5 × 0.14 = 57
    expect(withCsi(30, 30).score).toBe(57);
  });

  it('a zero weight switches a signal off', () => {
    const off = { ...weights, complaints: 0 };
    const r = churnRisk({ ...base, complaints: { count: 3, open: 3, categories: ['loss'] } }, off, signals);
    expect(r).toEqual(churnRisk(base, off, signals));
  });
});
