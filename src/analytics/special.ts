/**
 * Special functions the models need, written for parameters > 0 (the only case they meet).
 * Accuracy is close to double precision: the Stirling series below is evaluated only for
 * arguments ≥ 10, smaller arguments are shifted up with the recurrence Γ(x+1) = xΓ(x).
 */
import { AnalyticsError } from './errors.js';

const SHIFT_TO = 10;
const HALF_LOG_TWO_PI = 0.9189385332046727;

/** ln Γ(x) for x > 0; NaN otherwise (so an optimiser sees an infeasible point, not a wrong value). */
export function logGamma(x: number): number {
  if (!(x > 0) || !Number.isFinite(x)) return Number.NaN;
  let shiftLog = 0;
  if (x < SHIFT_TO) {
    let product = 1;
    while (x < SHIFT_TO) {
      product *= x;
      x += 1;
    }
    shiftLog = Math.log(product);
  }
  const inv = 1 / x;
  const inv2 = inv * inv;
  // Stirling: 1/(12x) − 1/(360x³) + 1/(1260x⁵) − 1/(1680x⁷) + 1/(1188x⁹) − 691/(360360x¹¹) + 1/(156x¹³)
  const series =
    inv *
    (1 / 12 +
      inv2 *
        (-1 / 360 +
          inv2 * (1 / 1260 + inv2 * (-1 / 1680 + inv2 * (1 / 1188 + inv2 * (-691 / 360360 + inv2 / 156))))));
  return (x - 0.5) * Math.log(x) - x + HALF_LOG_TWO_PI + series - shiftLog;
}

/** ψ(x) = d/dx ln Γ(x) for x > 0; NaN otherwise. */
export function digamma(x: number): number {
  if (!(x > 0) || !Number.isFinite(x)) return Number.NaN;
  let shift = 0;
  while (x < SHIFT_TO) {
    shift += 1 / x;
    x += 1;
  }
  const inv = 1 / x;
  const inv2 = inv * inv;
  // ln x − 1/(2x) − 1/(12x²) + 1/(120x⁴) − 1/(252x⁶) + 1/(240x⁸) − 1/(132x¹⁰)
  const series = inv2 * (1 / 12 - inv2 * (1 / 120 - inv2 * (1 / 252 - inv2 * (1 / 240 - inv2 / 132))));
  return Math.log(x) - 0.5 * inv - series - shift;
}

/** ln(1 + eˣ) without overflow. */
export function log1pExp(x: number): number {
  return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
}

/** ln(eᵃ + eᵇ) without overflow. */
export function logAddExp(a: number, b: number): number {
  if (a === Number.NEGATIVE_INFINITY) return b;
  if (b === Number.NEGATIVE_INFINITY) return a;
  return a > b ? a + Math.log1p(Math.exp(b - a)) : b + Math.log1p(Math.exp(a - b));
}

const MAX_SERIES_TERMS = 1_000_000;

/**
 * ₂F₁(a, b; c; z) − 1 by its power series, for 0 ≤ z < 1 and c not a non-positive integer.
 * Returning F − 1 instead of F keeps full relative precision when F is close to 1, which is what the
 * BG/NBD predictions need (they use 1 − (1−z)^(a−1)·F). The series is summed until the remaining tail,
 * bounded by a geometric series with ratio max(|term ratio|, z), is below 1e-16 of the sum.
 */
export function hyp2f1Minus1(a: number, b: number, c: number, z: number): number {
  if (!(z >= 0 && z < 1)) {
    throw new AnalyticsError('ANALYTICS.INVALID_INPUT', `hypergeometric series needs 0 ≤ z < 1, got ${z}`, {
      z,
    });
  }
  if (c <= 0 && Number.isInteger(c)) {
    throw new AnalyticsError('ANALYTICS.INVALID_INPUT', `hypergeometric ₂F₁ undefined for c = ${c}`, { c });
  }
  if (z === 0) return 0;
  let term = 1;
  let sum = 0;
  for (let k = 0; k < MAX_SERIES_TERMS; k++) {
    term *= (((a + k) * (b + k)) / ((c + k) * (k + 1))) * z;
    sum += term;
    if (term === 0) return sum;
    const ratio = Math.abs((((a + k + 1) * (b + k + 1)) / ((c + k + 1) * (k + 2))) * z);
    if (ratio < 1) {
      const rho = Math.max(ratio, z);
      if ((Math.abs(term) * rho) / (1 - rho) <= 1e-16 * Math.abs(sum)) return sum;
    }
  }
  throw new AnalyticsError(
    'ANALYTICS.INVALID_INPUT',
    `hypergeometric series did not converge in ${MAX_SERIES_TERMS} terms (z = ${z} too close to 1)`,
    { a, b, c, z },
  );
}
