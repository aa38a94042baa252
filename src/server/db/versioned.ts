import { AppError } from '../lib/errors.js';

/**
 * After an `UPDATE … WHERE id = $1 AND version = $2` matched nothing: either the record is gone
 * (404) or someone else wrote first (409 carrying the record as it is now, so the client can show
 * what changed). `reload` reads the record again: a row read before the UPDATE waited for the other
 * writer's commit would show the state before that writer's change.
 */
export async function staleWrite<T>(
  entity: string,
  reload: () => Promise<T | undefined>,
  present: (row: T) => unknown,
): Promise<AppError> {
  const current = await reload();
  if (!current) return new AppError('NOT_FOUND', { params: { entity } });
  return new AppError('VERSION_CONFLICT', { params: { entity }, current: present(current) });
}
