/**
 * One registry of error codes: each maps to an HTTP status; messages live in messages.ts in both
 * languages. Services throw AppError and never touch HTTP.
 */
export const ERROR_STATUS = {
  VALIDATION_FAILED: 400,
  INVALID_JSON: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  CSRF_FAILED: 403,
  FORBIDDEN: 403,
  NOT_OWNER: 403,
  NOT_FOUND: 404,
  VERSION_CONFLICT: 409,
  ALREADY_EXISTS: 409,
  INVALID_TRANSITION: 409,
  RUN_IN_PROGRESS: 409,
  /** A personal link (survey) whose time has passed. */
  LINK_EXPIRED: 410,
  BODY_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  ACCOUNT_LOCKED: 423,
  TOO_MANY_ATTEMPTS: 429,
  RATE_LIMITED: 429,
  INTERNAL: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export interface ErrorDetails {
  /** Field path → message key or message; localised by the error handler. */
  fields?: Record<string, string>;
  /** Values interpolated into the message. */
  params?: Record<string, string | number>;
  /** For batches: every rejected row with its index, field and message key (localised on the way out). */
  rows?: { index: number; field: string; code: string }[];
  /** For VERSION_CONFLICT: the record as it is now. */
  current?: unknown;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: ErrorDetails;
  constructor(code: ErrorCode, details: ErrorDetails = {}) {
    super(code);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }
  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export const notFound = (entity: string) => new AppError('NOT_FOUND', { params: { entity } });
