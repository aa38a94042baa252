/**
 * Maximum-likelihood fitting shared by the models: minimise the mean negative log-likelihood over the
 * logarithms of the (positive) parameters with BFGS; if BFGS stalls, restart from a Nelder-Mead
 * solution and polish with BFGS again. The result is accepted only if the gradient is small and no
 * parameter ran off to 0 or ∞ — otherwise a typed error, never a silently wrong estimate.
 */
import { AnalyticsError } from './errors.js';
import { type MinimizeResult, minimizeBfgs, minimizeNelderMead, type Objective } from './optimize.js';

export interface FitDiagnostics {
  /** Total log-likelihood at the estimate (sum over customers). */
  logLikelihood: number;
  /** BFGS iterations (including the fallback's, if it ran). */
  iterations: number;
  evaluations: number;
  /** Euclidean norm of the gradient of the mean log-likelihood w.r.t. the log-parameters. */
  gradientNorm: number;
  converged: true;
  /** Why the optimiser stopped: the gradient tolerance was met, or no further decrease was possible in
   * double precision with the gradient already below 1e-6 (accepted as converged). */
  stopReason: string;
  method: 'bfgs' | 'nelder-mead+bfgs';
  /** Nelder-Mead iterations before the BFGS polish (0 when BFGS alone converged). */
  simplexIterations: number;
  customers: number;
  /** Distinct input rows after grouping identical ones. */
  groups: number;
}

export interface MlOptions {
  gradientTolerance?: number;
  maxIterations?: number;
  /** 'bfgs' (default; Nelder-Mead + BFGS only as a fallback) or 'nelder-mead+bfgs' from the start. */
  method?: 'bfgs' | 'nelder-mead+bfgs';
}

/** Beyond e^±LOG_BOUND (outside [6e-6, 1.6e5]) a parameter is taken to be at the boundary of the
 * parameter space: such a value only approximates a limit the likelihood approaches, not an estimate. */
const LOG_BOUND = 12;
/** A fit that stalls with a parameter beyond e^±STALL_BOUND is reported as running to the boundary. */
const STALL_BOUND = 10;
/** A converged-but-imprecise result is accepted only below this gradient norm. */
const ACCEPT_GRADIENT = 1e-6;

export function maximizeLikelihood(
  model: string,
  names: readonly string[],
  meanNegLogLik: Objective,
  logStart: number[],
  totalWeight: number,
  options: MlOptions,
): { logParams: number[]; diagnostics: Omit<FitDiagnostics, 'customers' | 'groups'> } {
  const opts = { gradientTolerance: options.gradientTolerance ?? 1e-9, maxIterations: options.maxIterations };
  const acceptable = (r: MinimizeResult) =>
    Number.isFinite(r.value) && (r.converged || r.gradientNorm < ACCEPT_GRADIENT);
  const bfgsFirst = (options.method ?? 'bfgs') === 'bfgs';
  let best: MinimizeResult | null = bfgsFirst ? minimizeBfgs(meanNegLogLik, logStart, opts) : null;
  let iterations = best?.iterations ?? 0;
  let evaluations = best?.evaluations ?? 0;
  let simplexIterations = 0;
  let method: FitDiagnostics['method'] = 'bfgs';
  if (!best || !acceptable(best)) {
    const simplex = minimizeNelderMead(meanNegLogLik, logStart, { maxIterations: 4000 });
    const polished = minimizeBfgs(meanNegLogLik, simplex.x, opts);
    simplexIterations = simplex.iterations;
    iterations += polished.iterations;
    evaluations += simplex.evaluations + polished.evaluations;
    method = 'nelder-mead+bfgs';
    if (!best || acceptable(polished) || polished.value < best.value) best = polished;
  }
  // A parameter running off to 0 or ∞ is the usual reason for a stalled fit: name it.
  const offending = best.x.findIndex((v) => Math.abs(v) > (acceptable(best) ? LOG_BOUND : STALL_BOUND));
  if (offending >= 0) {
    const to = best.x[offending] > 0 ? '∞' : '0';
    throw new AnalyticsError(
      'ANALYTICS.FIT_FAILED',
      `${model} estimate is at the boundary (${names[offending]} → ${to}): the data cannot identify the model`,
      { model, parameter: names[offending], value: Math.exp(best.x[offending]), iterations },
    );
  }
  if (!acceptable(best)) {
    throw new AnalyticsError(
      'ANALYTICS.FIT_FAILED',
      `${model} fit did not converge: ${best.message} (gradient norm ${best.gradientNorm.toExponential(2)})`,
      { model, iterations, gradientNorm: best.gradientNorm, message: best.message },
    );
  }
  return {
    logParams: best.x,
    diagnostics: {
      logLikelihood: -best.value * totalWeight,
      iterations,
      evaluations,
      gradientNorm: best.gradientNorm,
      converged: true,
      stopReason: best.message,
      method,
      simplexIterations,
    },
  };
}
