import { describe, expect, it } from 'vitest';
import {
  csiIndex,
  equalWeights,
  npsOf,
  type RegressionSums,
  regressionWeights,
  weightsFor,
} from './indices.js';

describe('CSI', () => {
  // seed 004: service attitude 4.2, delivery speed 3.8, cargo safety 4.0, price 3.6 (no information rating)
  const seed004 = { service_attitude: 4.2, delivery_speed: 3.8, cargo_safety: 4.0, price: 3.6 };

  it('with equal weights is the mean of (mean − 1)/4 × 100 over the rated dimensions', () => {
    // (80 + 70 + 75 + 65) / 4 = 72.5; the unrated dimension is left out, not counted as 0
    expect(
      csiIndex(
        seed004,
        equalWeights(['service_attitude', 'delivery_speed', 'cargo_safety', 'price', 'information']),
      ),
    ).toBeCloseTo(72.5, 10);
  });

  it('scales configured weights over the rated dimensions', () => {
    // 2:1:1:0 (information 5 but unrated) → 0.5·80 + 0.25·70 + 0.25·75 + 0·65 = 76.25
    const w = { service_attitude: 2, delivery_speed: 1, cargo_safety: 1, price: 0, information: 5 };
    expect(csiIndex(seed004, w)).toBeCloseTo(76.25, 10);
  });

  it('is 0 for all ones, 100 for all fives and null without ratings', () => {
    expect(csiIndex({ price: 1, information: 1 }, { price: 1, information: 1 })).toBe(0);
    expect(csiIndex({ price: 5 }, { price: 1 })).toBe(100);
    expect(csiIndex({}, { price: 1 })).toBeNull();
  });
});

describe('NPS', () => {
  it('is % promoters − % detractors', () => {
    // scores 0,5,6 | 7,8 | 9,9,10,10,10 → (5 − 3) / 10 = +20
    const dist = [1, 0, 0, 0, 0, 1, 1, 1, 1, 2, 3];
    expect(npsOf(dist)).toEqual({ responses: 10, promoters: 5, passives: 2, detractors: 3, nps: 20 });
    expect(npsOf(new Array(11).fill(0)).nps).toBeNull();
  });
});

describe('weights', () => {
  // y = 0.2 + 0.6·x1 + 0.3·x2 + 0.1·x3 + 0·x4 − 0.1·x5 exactly
  const rows = [
    [5, 4, 3, 2, 1],
    [4, 4, 5, 1, 2],
    [3, 5, 2, 4, 4],
    [2, 1, 4, 5, 3],
    [1, 3, 1, 3, 5],
    [5, 5, 5, 4, 1],
    [2, 2, 3, 1, 4],
    [4, 1, 2, 3, 2],
  ];
  const beta = [0.6, 0.3, 0.1, 0, -0.1];
  const sums: RegressionSums = {
    n: 0,
    sx: [0, 0, 0, 0, 0],
    sxx: rows[0].map(() => [0, 0, 0, 0, 0]),
    sy: 0,
    sxy: [0, 0, 0, 0, 0],
  };
  for (const x of rows) {
    const y = 0.2 + x.reduce((s, v, i) => s + v * beta[i], 0);
    sums.n++;
    sums.sy += y;
    x.forEach((xi, i) => {
      sums.sx[i] += xi;
      sums.sxy[i] += xi * y;
      x.forEach((xj, j) => {
        sums.sxx[i][j] += xi * xj;
      });
    });
  }

  it('by regression recover the coefficients, negatives weigh 0', () => {
    const w = regressionWeights(sums)!;
    expect(w.service_attitude).toBeCloseTo(0.6, 9);
    expect(w.delivery_speed).toBeCloseTo(0.3, 9);
    expect(w.cargo_safety).toBeCloseTo(0.1, 9);
    expect(w.price).toBeCloseTo(0, 9);
    expect(w.information).toBe(0);
  });

  it('fall back to equal with too few responses, and follow stated importance', () => {
    const few = { ...sums, n: 6 };
    expect(weightsFor('regression', { configured: {}, importanceMeans: {}, regression: few }).used).toBe(
      'equal',
    );
    const stated = weightsFor('importance', {
      configured: {},
      importanceMeans: { service_attitude: 5, delivery_speed: 4, cargo_safety: 4, price: 3, information: 4 },
      regression: null,
    });
    expect(stated.used).toBe('importance');
    expect(stated.weights.service_attitude).toBeCloseTo(5 / 20, 12);
    expect(stated.weights.price).toBeCloseTo(3 / 20, 12);
    expect(weightsFor('configured', { configured: {}, importanceMeans: {}, regression: null }).used).toBe(
      'equal',
    );
  });
});
