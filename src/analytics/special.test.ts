import { describe, expect, it } from 'vitest';
import { digamma, hyp2f1Minus1, log1pExp, logAddExp, logGamma } from './special.js';

describe('logGamma', () => {
  it('matches known values to ~1e-14', () => {
    expect(logGamma(1)).toBeCloseTo(0, 14);
    expect(logGamma(2)).toBeCloseTo(0, 14);
    expect(logGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 14);
    expect(logGamma(10)).toBeCloseTo(Math.log(362880), 12);
    expect(logGamma(100)).toBeCloseTo(359.1342053695754, 10);
    expect(logGamma(1e-5)).toBeCloseTo(11.512919692895828, 12);
  });
  it('is NaN outside its domain', () => {
    expect(logGamma(0)).toBeNaN();
    expect(logGamma(-1)).toBeNaN();
  });
});

describe('digamma', () => {
  it('matches known values', () => {
    expect(digamma(1)).toBeCloseTo(-0.5772156649015329, 12);
    expect(digamma(0.5)).toBeCloseTo(-1.9635100260214235, 12);
    expect(digamma(100)).toBeCloseTo(4.600161852738087, 13);
  });
  it('is the derivative of logGamma', () => {
    for (const x of [0.3, 2.4, 17]) {
      const h = 1e-5;
      expect(digamma(x)).toBeCloseTo((logGamma(x + h) - logGamma(x - h)) / (2 * h), 7);
    }
  });
});

describe('hyp2f1Minus1', () => {
  it('₂F₁(1, 1; 2; z) = −ln(1 − z)/z, also close to z = 1', () => {
    for (const z of [0.1, 0.5, 0.9, 0.999]) {
      expect(hyp2f1Minus1(1, 1, 2, z) + 1).toBeCloseTo(-Math.log1p(-z) / z, 11);
    }
  });
  it('₂F₁(a, b; b; z) = (1 − z)^(−a)', () => {
    expect(hyp2f1Minus1(0.7, 3.2, 3.2, 0.4) + 1).toBeCloseTo(0.6 ** -0.7, 14);
  });
  it('keeps relative precision of F − 1 for tiny z', () => {
    // F − 1 ≈ ab/c·z for small z
    expect(hyp2f1Minus1(2, 3, 4, 1e-12) / 1.5e-12).toBeCloseTo(1, 10);
    expect(hyp2f1Minus1(2, 3, 4, 0)).toBe(0);
  });
  it('rejects z outside [0, 1) and c a non-positive integer', () => {
    expect(() => hyp2f1Minus1(1, 1, 2, 1)).toThrow(/0 ≤ z < 1/);
    expect(() => hyp2f1Minus1(1, 1, -2, 0.5)).toThrow(/undefined/);
  });
});

describe('log-space helpers', () => {
  it('do not overflow', () => {
    expect(log1pExp(1000)).toBe(1000);
    expect(log1pExp(-1000)).toBe(0);
    expect(logAddExp(1000, 1000)).toBeCloseTo(1000 + Math.LN2, 12);
    expect(logAddExp(Number.NEGATIVE_INFINITY, 3)).toBe(3);
  });
});
