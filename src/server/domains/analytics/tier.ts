import { sql } from 'drizzle-orm';
import type { ServiceTier } from '../../../shared/analytics.js';
import type { Db } from '../../db/client.js';
import { staleWrite } from '../../db/versioned.js';
import type { Actor } from '../../lib/actor.js';
import { AppError, notFound } from '../../lib/errors.js';
import { auditedAccount, toAccountDto } from '../accounts/presenter.js';
import * as repo from '../accounts/repo.js';
import { recordChange } from '../audit/service.js';
import { latestRun } from './runService.js';

/**
 * A manager accepts the latest run's suggested tier, or sets another one with a reason; the audit
 * entry carries the tier, the suggestion and the reason.
 */
export async function setAccountTier(
  db: Db,
  actor: Actor,
  id: string,
  body: { version: number; tier: ServiceTier; reason?: string },
) {
  return db.transaction(async (tx) => {
    const before = await repo.findAccount(tx, id);
    if (!before) throw notFound('account');
    const run = await latestRun(tx);
    const { rows } = run
      ? await tx.execute<{ suggested: string }>(
          sql`SELECT suggested_tier AS suggested FROM account_segments WHERE run_id = ${run.id} AND account_id = ${id}`,
        )
      : { rows: [] };
    const suggested = rows[0]?.suggested ?? null;
    const reason = body.reason?.trim() || null;
    if (body.tier !== suggested && !reason) {
      throw new AppError('VALIDATION_FAILED', {
        fields: { reason: suggested ? 'analytics.reasonRequired' : 'analytics.noSuggestion' },
      });
    }
    const after = await repo.updateAccountVersioned(tx, id, body.version, { tier: body.tier });
    if (!after) throw await staleWrite('account', () => repo.findAccount(tx, id), toAccountDto);
    await recordChange(
      tx,
      actor,
      'account',
      id,
      'update',
      { ...auditedAccount(before), tierSuggested: null, tierReason: null },
      {
        ...auditedAccount(after),
        tierSuggested: suggested,
        tierReason: reason ?? (body.tier === suggested ? 'accepted suggestion' : null),
      },
      id,
    );
    return { account: toAccountDto(after), suggestedTier: suggested, reason };
  });
}
