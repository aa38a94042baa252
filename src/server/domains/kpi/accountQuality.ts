import {
  defaultServiceTargets,
  judgeAgainstTargets,
  type PutServiceTargetsInput,
} from '../../../shared/serviceTargets.js';
import type { Db, DbOrTx } from '../../db/client.js';
import { staleWrite } from '../../db/versioned.js';
import type { Actor } from '../../lib/actor.js';
import { notFound } from '../../lib/errors.js';
import { assertMayEditAccount } from '../accounts/policy.js';
import { findAccount } from '../accounts/repo.js';
import { recordChange } from '../audit/service.js';
import type { KpiTrend } from './repo.js';
import { shipmentKpis } from './service.js';
import * as repo from './targetsRepo.js';

const toTargetsDto = (row: repo.ServiceTargetsRow) => ({
  ...row.targets,
  source: 'account' as const,
  version: row.version,
  updatedAt: row.updatedAt.toISOString(),
});

/** The targets in force: the account's own, else its tier's defaults. */
export async function serviceTargetsOf(db: DbOrTx, accountId: string, tier: string) {
  const own = await repo.findServiceTargets(db, accountId);
  if (own) return toTargetsDto(own);
  return { ...defaultServiceTargets(tier), source: 'tier' as const, version: null, updatedAt: null };
}

/**
 * The account 360° "Service quality" tab: its KPIs over [from, to) beside its targets, its complaint
 * rate per 1,000 shipments, and the trend by week or month.
 */
export async function accountServiceQuality(
  db: DbOrTx,
  accountId: string,
  q: { from: string; to: string; trend: Exclude<KpiTrend, 'none'> },
) {
  const account = await findAccount(db, accountId);
  if (!account) throw notFound('account');
  const base = { from: q.from, to: q.to, cut: 'overall' as const, accountId };
  const [period, trend, targets] = await Promise.all([
    shipmentKpis(db, { ...base, trend: 'none' }),
    shipmentKpis(db, { ...base, trend: q.trend }),
    serviceTargetsOf(db, accountId, account.tier),
  ]);
  const kpis = period.rows[0] ?? null;
  const complaints = await repo.complaintCount(db, accountId, q.from, q.to, period.timeZone);
  const volume = kpis?.volume ?? 0;
  const complaintsPer1000 = volume ? (complaints / volume) * 1000 : null;
  const measured = {
    onTimeRate: kpis?.onTimeRate ?? null,
    intactRate: kpis?.intactRate ?? null,
    transitP90Days: kpis?.transitP90Days ?? null,
    complaintsPer1000,
    grossMarginRate: kpis?.grossMarginRate ?? null,
  };
  return {
    accountId,
    tier: account.tier,
    from: period.from,
    to: period.to,
    rule: period.rule,
    timeZone: period.timeZone,
    kpis,
    complaints: { count: complaints, per1000Shipments: complaintsPer1000 },
    targets,
    meets: judgeAgainstTargets(measured, targets),
    trend: trend.rows,
  };
}

/** Sets the account's own targets: without a version they are created, with one edited (409 if stale). */
export async function putServiceTargets(
  db: Db,
  actor: Actor,
  accountId: string,
  input: PutServiceTargetsInput,
) {
  const { version, ...targets } = input;
  return db.transaction(async (tx) => {
    const account = await findAccount(tx, accountId);
    if (!account) throw notFound('account');
    assertMayEditAccount(actor, account);
    const before = await repo.findServiceTargets(tx, accountId);
    const after =
      version === undefined
        ? await repo.insertServiceTargets(tx, accountId, targets)
        : await repo.updateServiceTargetsVersioned(tx, accountId, version, targets);
    if (!after)
      throw await staleWrite('serviceTargets', () => repo.findServiceTargets(tx, accountId), toTargetsDto);
    await recordChange(
      tx,
      actor,
      'serviceTargets',
      accountId,
      before ? 'update' : 'create',
      before ? { ...before.targets, version: before.version } : null,
      { ...after.targets, version: after.version },
      accountId,
    );
    return toTargetsDto(after);
  });
}
