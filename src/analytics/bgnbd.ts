/**
 * BG/NBD model — Fader, Hardie & Lee (2005), "Counting Your Customers the Easy Way".
 * Purchases follow Poisson(λ) while alive, λ ~ Gamma(r, α); after each purchase the customer drops out
 * with probability p, p ~ Beta(a, b).
 *
 * Numerics: the likelihood is evaluated in log space (the two terms of equation 6 are combined with
 * log-add-exp); the conditional expectation uses Euler's transformation
 *   (1−z)^(r+x) ₂F₁(r+x, b+x; a+b+x−1; z) = (1−z)^(a−1) ₂F₁(a+b−1−r, a−1; a+b+x−1; z),
 * whose series converges faster as x grows instead of overflowing, and the odds term
 * a/(b+x−1)·((α+T)/(α+t_x))^(r+x) stays a logarithm until the final logistic transform.
 */
import { AnalyticsError, invalidInput } from './errors.js';
import { type FitDiagnostics, type MlOptions, maximizeLikelihood } from './fit.js';
import { type GroupedHistories, groupHistories, type RepeatHistory } from './groups.js';
import { digamma, hyp2f1Minus1, log1pExp, logGamma } from './special.js';

export interface BgNbdParams {
  r: number;
  alpha: number;
  a: number;
  b: number;
}

export interface BgNbdFit {
  params: BgNbdParams;
  diagnostics: FitDiagnostics;
}

export interface BgNbdFitOptions extends MlOptions {
  /** Fewer customers than this is DATA_TOO_SMALL (default 10). */
  minCustomers?: number;
}

const NAMES = ['r', 'alpha', 'a', 'b'] as const;

/** Weighted log-likelihood and, if `gradient` is given, its derivatives w.r.t. (r, α, a, b). */
function logLikelihoodGrouped(p: BgNbdParams, g: GroupedHistories, gradient?: number[]): number {
  const { r, alpha, a, b } = p;
  const lnAlpha = Math.log(alpha);
  const lnA = Math.log(a);
  const base = logGamma(a + b) - logGamma(b) - logGamma(r) + r * lnAlpha;
  const psiR = gradient ? digamma(r) : 0;
  const psiAB = gradient ? digamma(a + b) : 0;
  const psiB = gradient ? digamma(b) : 0;
  let total = 0;
  let dr = 0;
  let dAlpha = 0;
  let da = 0;
  let db = 0;
  // Groups are sorted by x, so the Γ and ψ terms that depend on x only are computed once per distinct x.
  let lastX = -1;
  let lgX = 0;
  let lnBX1 = 0;
  let psiRX = 0;
  let psiBX = 0;
  let psiABX = 0;
  for (let i = 0; i < g.groups; i++) {
    const x = g.x[i];
    const w = g.weight[i];
    const rx = r + x;
    if (x !== lastX) {
      lastX = x;
      lgX = logGamma(rx) + logGamma(b + x) - logGamma(a + b + x);
      lnBX1 = x > 0 ? Math.log(b + x - 1) : 0;
      if (gradient) {
        psiRX = digamma(rx);
        psiBX = digamma(b + x);
        psiABX = digamma(a + b + x);
      }
    }
    const lnT = Math.log(alpha + g.T[i]);
    const A3 = -rx * lnT;
    let mix = A3;
    let w4 = 0;
    let lnTx = 0;
    if (x > 0) {
      // log-add-exp of A3 and A4 with one exp; w4 = e^(A4 − mix) is the posterior weight of "dropped out".
      lnTx = Math.log(alpha + g.tx[i]);
      const A4 = lnA - lnBX1 - rx * lnTx;
      if (A4 > A3) {
        const e = Math.exp(A3 - A4);
        mix = A4 + Math.log1p(e);
        w4 = 1 / (1 + e);
      } else {
        const e = Math.exp(A4 - A3);
        mix = A3 + Math.log1p(e);
        w4 = e / (1 + e);
      }
    }
    total += w * (base + lgX + mix);
    if (gradient) {
      const w3 = 1 - w4;
      dr += w * (psiRX - psiR + lnAlpha - w3 * lnT - w4 * lnTx);
      dAlpha += w * (r / alpha - rx * (w3 / (alpha + g.T[i]) + w4 / (alpha + g.tx[i])));
      da += w * (psiAB - psiABX + w4 / a);
      db += w * (psiAB + psiBX - psiB - psiABX - (x > 0 ? w4 / (b + x - 1) : 0));
    }
  }
  if (gradient) {
    gradient[0] = dr;
    gradient[1] = dAlpha;
    gradient[2] = da;
    gradient[3] = db;
  }
  return total;
}

function checkParams(p: BgNbdParams): void {
  for (const name of NAMES) {
    if (!(p[name] > 0) || !Number.isFinite(p[name])) {
      throw invalidInput(`BG/NBD parameter ${name} must be a positive number`, { [name]: p[name] });
    }
  }
}

/** Total log-likelihood of the customers' (x, t_x, T) under the parameters. */
export function bgNbdLogLikelihood(params: BgNbdParams, customers: readonly RepeatHistory[]): number {
  checkParams(params);
  return logLikelihoodGrouped(params, groupHistories(customers));
}

/** Log-likelihood and its gradient w.r.t. (r, α, a, b) — exposed for diagnostics and tests. */
export function bgNbdLogLikelihoodGradient(
  params: BgNbdParams,
  customers: readonly RepeatHistory[],
): { value: number; gradient: number[] } {
  checkParams(params);
  const gradient = [0, 0, 0, 0];
  const value = logLikelihoodGrouped(params, groupHistories(customers), gradient);
  return { value, gradient };
}

/** Maximum-likelihood estimate of (r, α, a, b). Throws AnalyticsError for degenerate data. */
export function fitBgNbd(customers: readonly RepeatHistory[], options: BgNbdFitOptions = {}): BgNbdFit {
  const minCustomers = options.minCustomers ?? 10;
  if (customers.length < minCustomers) {
    throw new AnalyticsError(
      'ANALYTICS.DATA_TOO_SMALL',
      `BG/NBD needs at least ${minCustomers} customers, got ${customers.length}`,
      { customers: customers.length, minCustomers },
    );
  }
  const g = groupHistories(customers);
  let sumX = 0;
  let sumT = 0;
  for (let i = 0; i < g.groups; i++) {
    sumX += g.weight[i] * g.x[i];
    sumT += g.weight[i] * g.T[i];
  }
  if (sumX === 0) {
    throw new AnalyticsError(
      'ANALYTICS.DEGENERATE_DATA',
      'BG/NBD cannot be fitted: no customer made a repeat purchase (or all purchases fall on one day)',
      { customers: g.customers },
    );
  }
  const n = g.customers;
  const objective = (theta: readonly number[], grad: number[]) => {
    const p = {
      r: Math.exp(theta[0]),
      alpha: Math.exp(theta[1]),
      a: Math.exp(theta[2]),
      b: Math.exp(theta[3]),
    };
    const ll = logLikelihoodGrouped(p, g, grad);
    grad[0] = (-grad[0] * p.r) / n;
    grad[1] = (-grad[1] * p.alpha) / n;
    grad[2] = (-grad[2] * p.a) / n;
    grad[3] = (-grad[3] * p.b) / n;
    return -ll / n;
  };
  // Start with r = 1 and α matching the mean repeat rate Σx / ΣT; a = b = 1.
  const start = [0, Math.log(sumT / sumX), 0, 0];
  const { logParams, diagnostics } = maximizeLikelihood('BG/NBD', NAMES, objective, start, n, options);
  const [r, alpha, a, b] = logParams.map(Math.exp);
  return { params: { r, alpha, a, b }, diagnostics: { ...diagnostics, customers: n, groups: g.groups } };
}

/** ln of the odds a/(b+x−1)·((α+T)/(α+t_x))^(r+x) that the customer has dropped out; −∞ when x = 0. */
function logDropoutOdds(p: BgNbdParams, x: number, tx: number, T: number): number {
  if (x === 0) return Number.NEGATIVE_INFINITY;
  return Math.log(p.a) - Math.log(p.b + x - 1) + (p.r + x) * (Math.log(p.alpha + T) - Math.log(p.alpha + tx));
}

/** P(alive | x, t_x, T) — FHL 2005 equation 11 (1 for customers without repeat purchases). */
export function probabilityAlive(params: BgNbdParams, history: RepeatHistory): number {
  checkParams(params);
  const { frequency: x, recency: tx, T } = history;
  return Math.exp(-log1pExp(logDropoutOdds(params, x, tx, T)));
}

/** E[Y(t) | x, t_x, T]: expected purchases in the next t time units — FHL 2005 equation 10. */
export function conditionalExpectedPurchases(params: BgNbdParams, t: number, history: RepeatHistory): number {
  const { frequency: x, recency: tx, T } = history;
  return expectedPurchasesIfAlive(params, t, x, T) * Math.exp(-log1pExp(logDropoutOdds(params, x, tx, T)));
}

/**
 * E[Y(t) | x, t_x, T] / P(alive | x, t_x, T): the part of equation 10 that depends on x and T only, so
 * a run can compute it once per (x, T) and scale it by each customer's P(alive).
 *
 * The closed form divides by a − 1; at a = 1 it is the limit, which the symmetric mean of the values at
 * a = 1 ± δ gives to O(δ²) (the function is smooth in a), so a fit that lands on a = 1 still predicts.
 */
export function expectedPurchasesIfAlive(params: BgNbdParams, t: number, x: number, T: number): number {
  checkParams(params);
  if (!(t >= 0) || !Number.isFinite(t)) throw invalidInput('prediction period t must be ≥ 0', { t });
  if (t === 0) return 0;
  const { a } = params;
  if (Math.abs(a - 1) < A_NEAR_ONE) {
    const below = ifAliveClosedForm({ ...params, a: 1 - A_NEAR_ONE }, t, x, T);
    const above = ifAliveClosedForm({ ...params, a: 1 + A_NEAR_ONE }, t, x, T);
    return (below + above) / 2;
  }
  return ifAliveClosedForm(params, t, x, T);
}

/** Below this distance of a from 1 the closed form loses digits to the division by a − 1. */
const A_NEAR_ONE = 1e-5;

function ifAliveClosedForm(params: BgNbdParams, t: number, x: number, T: number): number {
  const { r, alpha, a, b } = params;
  const logOneMinusZ = -Math.log1p(t / (alpha + T));
  const z = t / (alpha + T + t);
  const powMinus1 = Math.expm1((a - 1) * logOneMinusZ);
  const fMinus1 = hyp2f1Minus1(a + b - 1 - r, a - 1, a + b + x - 1, z);
  // 1 − (1−z)^(a−1)·F, arranged so that nothing close to 1 is subtracted from 1.
  const bracket = -powMinus1 - (powMinus1 + 1) * fMinus1;
  return ((a + b + x - 1) / (a - 1)) * bracket;
}

/** E[X(t)]: expected purchases of a new customer in a period of length t — FHL 2005 equation 9. */
export function expectedPurchases(params: BgNbdParams, t: number): number {
  return conditionalExpectedPurchases(params, t, { frequency: 0, recency: 0, T: 0 });
}
