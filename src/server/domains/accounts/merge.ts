import { sql } from 'drizzle-orm';
import { duplicateKeys } from '../../../shared/customers/duplicates.js';
import type { Db } from '../../db/client.js';
import type { Actor } from '../../lib/actor.js';
import { AppError, notFound } from '../../lib/errors.js';
import { recordChange } from '../audit/service.js';
import { auditedAccount, toAccountDto } from './presenter.js';
import * as repo from './repo.js';
import { accounts, duplicateDismissals } from './table.js';

/**
 * Tables whose rows belong to an account: a merge moves them to the survivor. Domains that add such
 * tables register them here (shipments, tickets, …).
 */
export const ACCOUNT_REFERENCES: {
  table: string;
  column: string;
  /** At most one row per account: the survivor's row stays, the loser's moves only if it has none. */
  onePerAccount?: boolean;
  /** At most one row per account and value of this column: per value, as onePerAccount. */
  onePerAccountAnd?: string;
}[] = [
  { table: 'contacts', column: 'account_id' },
  { table: 'account_notes', column: 'account_id' },
  { table: 'audit_log', column: 'account_id' },
  { table: 'users', column: 'account_id' },
];

const FILLABLE = [
  'nameZh',
  'nameEn',
  'creditCode',
  'industry',
  'size',
  'province',
  'city',
  'address',
  'source',
  'ownerId',
  'lifecycleStage',
  'creditTermsDays',
  'requirements',
] as const;

/**
 * Merges `loserId` into `survivorId`: every linked record moves to the survivor, the survivor's empty
 * fields take the loser's values, tags and lanes are united, and the loser stays as an archived record
 * pointing at the survivor. A merge is final (not undone automatically); the audit trail of both
 * accounts records exactly what moved, so a wrong merge can be repaired by hand.
 */
export async function mergeAccounts(
  db: Db,
  actor: Actor,
  survivorId: string,
  loserId: string,
  versions: { survivor: number; loser: number },
) {
  if (survivorId === loserId)
    throw new AppError('VALIDATION_FAILED', { fields: { loserId: 'merge.sameAccount' } });
  return db.transaction(async (tx) => {
    // lock both rows in a fixed order so two merges cannot deadlock
    await tx.execute(
      sql`SELECT id FROM accounts WHERE id IN (${survivorId}, ${loserId}) ORDER BY id FOR UPDATE`,
    );
    const survivor = await repo.findAccount(tx, survivorId);
    const loser = await repo.findAccount(tx, loserId);
    if (!survivor || !loser) throw notFound('account');
    if (survivor.version !== versions.survivor || loser.version !== versions.loser) {
      throw new AppError('VERSION_CONFLICT', {
        params: { entity: 'account' },
        current: { survivor: toAccountDto(survivor), loser: toAccountDto(loser) },
      });
    }
    if (survivor.mergedIntoId || loser.mergedIntoId)
      throw new AppError('VALIDATION_FAILED', { fields: { loserId: 'account.merged' } });

    // one primary contact: the survivor's, if it has one
    await tx.execute(sql`UPDATE contacts SET is_primary = false WHERE account_id = ${loserId} AND is_primary
      AND EXISTS (SELECT 1 FROM contacts WHERE account_id = ${survivorId} AND is_primary AND archived_at IS NULL)`);
    const moved: Record<string, number> = {};
    for (const ref of ACCOUNT_REFERENCES) {
      const [table, column] = [sql.identifier(ref.table), sql.identifier(ref.column)];
      if (ref.onePerAccount)
        await tx.execute(sql`DELETE FROM ${table} WHERE ${column} = ${loserId}
          AND EXISTS (SELECT 1 FROM ${table} WHERE ${column} = ${survivorId})`);
      if (ref.onePerAccountAnd) {
        const also = sql.identifier(ref.onePerAccountAnd);
        await tx.execute(sql`DELETE FROM ${table} l WHERE l.${column} = ${loserId}
          AND EXISTS (SELECT 1 FROM ${table} s WHERE s.${column} = ${survivorId} AND s.${also} = l.${also})`);
      }
      const r = await tx.execute(
        sql`UPDATE ${sql.identifier(ref.table)} SET ${sql.identifier(ref.column)} = ${survivorId} WHERE ${sql.identifier(ref.column)} = ${loserId}`,
      );
      moved[ref.table] = r.rowCount ?? 0;
    }
    const fill: Partial<repo.NewAccountRow> = {};
    for (const f of FILLABLE)
      if (survivor[f] === null && loser[f] !== null) (fill as Record<string, unknown>)[f] = loser[f];
    const lanes = [...survivor.transportNeeds.lanes];
    for (const l of loser.transportNeeds.lanes) {
      if (!lanes.some((x) => x.origin === l.origin && x.destination === l.destination)) lanes.push(l);
    }
    const merged = { ...survivor, ...fill };
    const after = await repo.updateAccountVersioned(tx, survivorId, survivor.version, {
      ...fill,
      tags: [...new Set([...survivor.tags, ...loser.tags])],
      transportNeeds: {
        ...survivor.transportNeeds,
        modes: [...new Set([...survivor.transportNeeds.modes, ...loser.transportNeeds.modes])],
        lanes,
      },
      normalizedNames: duplicateKeys(merged).names,
    });
    const loserAfter = await repo.updateAccountVersioned(tx, loserId, loser.version, {
      archivedAt: new Date(),
      mergedIntoId: survivorId,
    });
    await tx
      .delete(duplicateDismissals)
      .where(
        sql`${duplicateDismissals.accountA} IN (${survivorId}, ${loserId}) OR ${duplicateDismissals.accountB} IN (${survivorId}, ${loserId})`,
      );
    await recordChange(
      tx,
      actor,
      'account',
      survivorId,
      'update',
      auditedAccount(survivor),
      { ...auditedAccount(after), mergedFrom: { id: loserId, code: loser.code, moved } },
      survivorId,
    );
    await recordChange(
      tx,
      actor,
      'account',
      loserId,
      'update',
      auditedAccount(loser),
      auditedAccount(loserAfter),
      survivorId,
    );
    return { survivor: toAccountDto(after), moved };
  });
}

/** Records that two accounts are different customers, so the duplicates screen stops proposing them. */
export async function dismissDuplicate(db: Db, actor: Actor, a: string, b: string) {
  const [x, y] = a < b ? [a, b] : [b, a];
  const found = await db
    .select({ id: accounts.id })
    .from(accounts)
    .where(sql`${accounts.id} IN (${x}, ${y})`);
  if (found.length !== 2) throw notFound('account');
  await db
    .insert(duplicateDismissals)
    .values({ accountA: x, accountB: y, dismissedBy: actor.id })
    .onConflictDoNothing();
}
