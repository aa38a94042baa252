import { CSI_DIMENSIONS, type CsiDimension, type WeightMethod } from '../../../shared/surveys/schemas.js';

/**
 * The satisfaction formulas of DOMAIN.md §3 in TypeScript. The SQL in analysis.ts gathers means and
 * sums; these functions turn them into CSI, NPS and weights.
 *
 * CSI = Σ wᵢ·(meanᵢ − 1)/4 × 100 over the dimensions that have ratings in the period; the weights are
 * scaled to sum to 1 over exactly those dimensions (a dimension nobody rated neither counts as zero nor
 * inflates the others' share beyond their relative weight).
 *
 * Weight methods:
 * - equal: every rated dimension the same.
 * - configured: the template's csiWeights (relative numbers; a dimension left out weighs 0).
 * - importance (stated importance): wᵢ ∝ mean of the "how important is …" answers (1–5) for dimension i.
 * - regression (derived importance): ordinary least squares of the overall rating on the five dimension
 *   ratings, over responses that rated all of them, with an intercept; wᵢ ∝ max(βᵢ, 0). Negative
 *   coefficients (collinearity noise) weigh 0. With too few complete responses (fewer than the number
 *   of coefficients + 1), a singular system or no positive coefficient, the method falls back to equal.
 */

export type DimensionMeans = Partial<Record<CsiDimension, number>>;
export type Weights = Partial<Record<CsiDimension, number>>;

/** Scales weights to sum to 1 over the dimensions given; null when nothing positive is left. */
export function normalise(raw: Weights, over: readonly CsiDimension[]): Weights | null {
  const total = over.reduce((s, d) => s + Math.max(raw[d] ?? 0, 0), 0);
  if (!(total > 0)) return null;
  return Object.fromEntries(over.map((d) => [d, Math.max(raw[d] ?? 0, 0) / total]));
}

export const equalWeights = (over: readonly CsiDimension[]): Weights =>
  Object.fromEntries(over.map((d) => [d, 1 / over.length]));

/** CSI (0–100) from dimension means (1–5) and weights; null when no dimension was rated. */
export function csiIndex(means: DimensionMeans, weights: Weights): number | null {
  const rated = CSI_DIMENSIONS.filter((d) => means[d] != null);
  if (!rated.length) return null;
  const w = normalise(weights, rated);
  if (!w) return null;
  return rated.reduce((s, d) => s + (w[d] ?? 0) * (((means[d] as number) - 1) / 4) * 100, 0);
}

/** NPS from a 0–10 distribution (index = score): % promoters (9–10) − % detractors (0–6). */
export function npsOf(distribution: readonly number[]) {
  const n = distribution.reduce((s, c) => s + c, 0);
  const detractors = distribution.slice(0, 7).reduce((s, c) => s + c, 0);
  const passives = (distribution[7] ?? 0) + (distribution[8] ?? 0);
  const promoters = (distribution[9] ?? 0) + (distribution[10] ?? 0);
  return {
    responses: n,
    promoters,
    passives,
    detractors,
    nps: n ? ((promoters - detractors) / n) * 100 : null,
  };
}

/**
 * Sums for the regression, as SQL returns them: n, Σx, Σxxᵀ (5×5), Σy, Σxy over complete responses
 * (x = the five dimension ratings in CSI_DIMENSIONS order, y = the overall rating).
 */
export interface RegressionSums {
  n: number;
  sx: number[];
  sxx: number[][];
  sy: number;
  sxy: number[];
}

/** Solves A·b = c by Gaussian elimination with partial pivoting; null when singular. */
export function solve(a: number[][], c: number[]): number[] | null {
  const n = c.length;
  const m = a.map((row, i) => [...row, c[i]]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) pivot = r;
    if (Math.abs(m[pivot][col]) < 1e-9) return null;
    [m[col], m[pivot]] = [m[pivot], m[col]];
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const f = m[r][col] / m[col][col];
      for (let k = col; k <= n; k++) m[r][k] -= f * m[col][k];
    }
  }
  return m.map((row, i) => row[n] / row[i]);
}

/** OLS coefficients of y on x with an intercept: [β₀, β₁…βₖ]; null when it cannot be estimated. */
export function olsFromSums(s: RegressionSums): number[] | null {
  const k = s.sx.length;
  if (s.n < k + 2) return null;
  const a = [[s.n, ...s.sx], ...s.sx.map((xi, i) => [xi, ...s.sxx[i]])];
  return solve(a, [s.sy, ...s.sxy]);
}

export function regressionWeights(s: RegressionSums): Weights | null {
  const beta = olsFromSums(s);
  if (!beta) return null;
  return normalise(Object.fromEntries(CSI_DIMENSIONS.map((d, i) => [d, beta[i + 1]])), CSI_DIMENSIONS);
}

/** Picks the weights for a method; `used` says which method really applied (after a fallback). */
export function weightsFor(
  method: WeightMethod,
  input: { configured: Weights; importanceMeans: DimensionMeans; regression: RegressionSums | null },
): { weights: Weights; used: WeightMethod } {
  const candidate =
    method === 'configured'
      ? normalise(input.configured, CSI_DIMENSIONS)
      : method === 'importance'
        ? normalise(input.importanceMeans, CSI_DIMENSIONS)
        : method === 'regression' && input.regression
          ? regressionWeights(input.regression)
          : null;
  if (candidate && method !== 'equal') return { weights: candidate, used: method };
  return { weights: equalWeights(CSI_DIMENSIONS), used: 'equal' };
}
