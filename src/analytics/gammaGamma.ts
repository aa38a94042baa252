/**
 * Gamma-Gamma model of spend per transaction — Fader & Hardie (2013), "The Gamma-Gamma Model of
 * Monetary Value". Each transaction's value ~ Gamma(p, ν), ν ~ Gamma(q, γ); the mean m_x of a
 * customer's x repeat transactions then has the density used below. Fitted on customers with x > 0
 * and m_x > 0 only (the model's support); others are counted in the diagnostics and skipped.
 */
import { AnalyticsError, invalidInput } from './errors.js';
import { type FitDiagnostics, type MlOptions, maximizeLikelihood } from './fit.js';
import { digamma, logGamma } from './special.js';

export interface GammaGammaParams {
  p: number;
  q: number;
  gamma: number;
}

export interface SpendHistory {
  /** x: repeat purchases. */
  frequency: number;
  /** m_x: mean value of the repeat purchases. */
  monetaryValue: number;
}

export interface GammaGammaFit {
  params: GammaGammaParams;
  diagnostics: FitDiagnostics & {
    /** Customers left out: no repeat purchase, or m_x ≤ 0. */
    skipped: number;
  };
}

const NAMES = ['p', 'q', 'gamma'] as const;

interface Groups {
  x: number[];
  m: number[];
  w: number[];
  customers: number;
}

function groupSpend(rows: readonly SpendHistory[]): Groups & { skipped: number } {
  const at = new Map<number, Map<number, number>>();
  const g: Groups = { x: [], m: [], w: [], customers: 0 };
  let skipped = 0;
  rows.forEach(({ frequency: x, monetaryValue: m }, i) => {
    if (!Number.isInteger(x) || x < 0 || !Number.isFinite(m)) {
      throw invalidInput(`row ${i}: frequency must be an integer ≥ 0 and monetary value finite`, { i, x, m });
    }
    if (x === 0 || m <= 0) {
      skipped++;
      return;
    }
    let byM = at.get(x);
    if (!byM) {
      byM = new Map();
      at.set(x, byM);
    }
    const k = byM.get(m);
    if (k === undefined) {
      byM.set(m, g.x.length);
      g.x.push(x);
      g.m.push(m);
      g.w.push(1);
    } else g.w[k]++;
    g.customers++;
  });
  // Canonical order (x, m): the fit is then bit-for-bit independent of the input row order.
  const order = g.x.map((_, i) => i).sort((i, j) => g.x[i] - g.x[j] || g.m[i] - g.m[j]);
  return {
    x: order.map((i) => g.x[i]),
    m: order.map((i) => g.m[i]),
    w: order.map((i) => g.w[i]),
    customers: g.customers,
    skipped,
  };
}

function logLikelihoodGrouped(par: GammaGammaParams, g: Groups, gradient?: number[]): number {
  const { p, q, gamma } = par;
  const lnGamma = Math.log(gamma);
  const base = q * lnGamma - logGamma(q);
  const psiQ = gradient ? digamma(q) : 0;
  let total = 0;
  let dp = 0;
  let dq = 0;
  let dg = 0;
  // Groups are sorted by x: the Γ and ψ terms of px are computed once per distinct x.
  let lastX = -1;
  let lgX = 0;
  let psiPXQ = 0;
  let psiPX = 0;
  let lnX = 0;
  for (let i = 0; i < g.x.length; i++) {
    const x = g.x[i];
    const m = g.m[i];
    const w = g.w[i];
    const px = p * x;
    if (x !== lastX) {
      lastX = x;
      lnX = Math.log(x);
      lgX = logGamma(px + q) - logGamma(px) + px * lnX;
      if (gradient) {
        psiPXQ = digamma(px + q);
        psiPX = digamma(px);
      }
    }
    const lnM = Math.log(m);
    const lnDen = Math.log(gamma + x * m);
    total += w * (base + lgX + (px - 1) * lnM - (px + q) * lnDen);
    if (gradient) {
      dp += w * x * (psiPXQ - psiPX + lnM + lnX - lnDen);
      dq += w * (psiPXQ - psiQ + lnGamma - lnDen);
      dg += w * (q / gamma - (px + q) / (gamma + x * m));
    }
  }
  if (gradient) {
    gradient[0] = dp;
    gradient[1] = dq;
    gradient[2] = dg;
  }
  return total;
}

function checkParams(par: GammaGammaParams): void {
  for (const name of NAMES) {
    if (!(par[name] > 0) || !Number.isFinite(par[name])) {
      throw invalidInput(`Gamma-Gamma parameter ${name} must be a positive number`, { [name]: par[name] });
    }
  }
}

/** Total log-likelihood of the repeat customers' mean spend (customers with x = 0 or m_x ≤ 0 skipped). */
export function gammaGammaLogLikelihood(
  params: GammaGammaParams,
  customers: readonly SpendHistory[],
): number {
  checkParams(params);
  return logLikelihoodGrouped(params, groupSpend(customers));
}

/** Log-likelihood and its gradient w.r.t. (p, q, γ) — exposed for diagnostics and tests. */
export function gammaGammaLogLikelihoodGradient(
  params: GammaGammaParams,
  customers: readonly SpendHistory[],
): { value: number; gradient: number[] } {
  checkParams(params);
  const gradient = [0, 0, 0];
  const value = logLikelihoodGrouped(params, groupSpend(customers), gradient);
  return { value, gradient };
}

/** Maximum-likelihood estimate of (p, q, γ). Throws AnalyticsError for degenerate data. */
export function fitGammaGamma(
  customers: readonly SpendHistory[],
  options: MlOptions & { minCustomers?: number } = {},
): GammaGammaFit {
  const minCustomers = options.minCustomers ?? 10;
  const g = groupSpend(customers);
  if (g.customers < minCustomers) {
    throw new AnalyticsError(
      'ANALYTICS.DATA_TOO_SMALL',
      `Gamma-Gamma needs at least ${minCustomers} repeat customers with positive spend, got ${g.customers}`,
      { repeatCustomers: g.customers, minCustomers },
    );
  }
  if (g.x.length < 2) {
    throw new AnalyticsError(
      'ANALYTICS.DEGENERATE_DATA',
      'Gamma-Gamma cannot be fitted: every repeat customer has the same frequency and mean spend',
      { repeatCustomers: g.customers },
    );
  }
  const n = g.customers;
  let meanM = 0;
  for (let i = 0; i < g.m.length; i++) meanM += (g.w[i] * g.m[i]) / n;
  const objective = (theta: readonly number[], grad: number[]) => {
    const par = { p: Math.exp(theta[0]), q: Math.exp(theta[1]), gamma: Math.exp(theta[2]) };
    const ll = logLikelihoodGrouped(par, g, grad);
    grad[0] = (-grad[0] * par.p) / n;
    grad[1] = (-grad[1] * par.q) / n;
    grad[2] = (-grad[2] * par.gamma) / n;
    return -ll / n;
  };
  // Start at p = 1, q = 2, γ = mean spend, so that the prior mean pγ/(q−1) equals the observed mean.
  const start = [0, Math.log(2), Math.log(meanM)];
  const { logParams, diagnostics } = maximizeLikelihood('Gamma-Gamma', NAMES, objective, start, n, options);
  const [p, q, gamma] = logParams.map(Math.exp);
  return {
    params: { p, q, gamma },
    diagnostics: { ...diagnostics, customers: n, groups: g.x.length, skipped: g.skipped },
  };
}

/**
 * E(M | x, m_x) = p(γ + x·m_x) / (px + q − 1): the expected value of a future transaction, a weighted
 * mean of the population mean pγ/(q−1) and the customer's own m_x. For x = 0 it is the population mean.
 * A customer whose observed mean is ≤ 0 (refunds exceeding sales) is treated as m_x = 0, the edge of the
 * model's support, so the estimate shrinks towards 0 with the evidence instead of turning negative.
 * Requires q > 1 (otherwise the model's mean spend is infinite).
 */
export function conditionalExpectedAverageValue(params: GammaGammaParams, customer: SpendHistory): number {
  checkParams(params);
  const { p, q, gamma } = params;
  if (!(q > 1)) {
    throw invalidInput('Gamma-Gamma expected spend is undefined for q ≤ 1 (infinite mean)', { q });
  }
  const { frequency: x, monetaryValue } = customer;
  if (!Number.isInteger(x) || x < 0 || !Number.isFinite(monetaryValue)) {
    throw invalidInput('frequency must be an integer ≥ 0 and monetary value finite', { x, monetaryValue });
  }
  const m = x > 0 ? Math.max(0, monetaryValue) : 0;
  return (p * (gamma + x * m)) / (p * x + q - 1);
}
