/**
 * The analytics module's one error type. Codes follow the project's `DOMAIN.KIND` convention so the
 * server's error handler can map them to HTTP statuses and localised messages later.
 */
export const ANALYTICS_ERROR_CODES = [
  /** A value the caller passed is malformed (non-finite amount, bad date, t_x > T, …). */
  'ANALYTICS.INVALID_INPUT',
  /** Too few customers (or repeat customers) to estimate the model's parameters. */
  'ANALYTICS.DATA_TOO_SMALL',
  /** Enough rows, but no information for the model: nobody repeats, everything on one day, … */
  'ANALYTICS.DEGENERATE_DATA',
  /** The optimiser did not converge, or converged to a boundary (a parameter at 0 or ∞). */
  'ANALYTICS.FIT_FAILED',
] as const;

export type AnalyticsErrorCode = (typeof ANALYTICS_ERROR_CODES)[number];

export class AnalyticsError extends Error {
  readonly code: AnalyticsErrorCode;
  readonly details: Record<string, unknown>;

  constructor(code: AnalyticsErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = 'AnalyticsError';
    this.code = code;
    this.details = details;
  }
}

export function invalidInput(message: string, details: Record<string, unknown> = {}): AnalyticsError {
  return new AnalyticsError('ANALYTICS.INVALID_INPUT', message, details);
}
