import { AppError } from '../lib/errors.js';

/**
 * After an `UPDATE … WHERE id = $1 AND version = $2` matched nothing: either the record is gone
 * (404) or someone else wrote first (409 carrying the record as it is now, so the client can show
 * what changed).
 */
export function staleWrite<T>(
  entity: string,
  current: T | undefined,
  present: (row: T) => unknown,
): AppError {
  if (!current) return new AppError('NOT_FOUND', { params: { entity } });
  return new AppError('VERSION_CONFLICT', { params: { entity }, current: present(current) });
}
