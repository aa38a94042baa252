import type { Db } from '../src/server/db/client.js';
import { createAccount } from '../src/server/domains/accounts/service.js';
import { systemActor } from '../src/server/lib/actor.js';
import { completeCreditCode } from '../src/shared/customers/creditCode.js';

let n = 0;

/** A valid credit code, different each call (Shanghai enterprise, sequence in the org-code part). */
export function creditCode(seed: number): string {
  return completeCreditCode(`91310000${String(10000000 + seed).slice(-7)}`.padEnd(16, '0').slice(0, 16));
}

/** An account through the real service (system actor, so no ownership rules apply). */
export async function buildAccount(
  db: Db,
  overrides: Partial<{
    nameZh: string;
    nameEn: string;
    code: string;
    ownerId: string;
    creditCode: string;
    city: string;
    province: string;
    tier: 'strategic' | 'key' | 'general';
  }> = {},
  contacts: { name: string; mobile?: string; email?: string }[] = [],
) {
  n++;
  const r = await createAccount(db, systemActor('test'), {
    account: {
      nameZh: overrides.nameZh ?? `测试物流客户${n}号`,
      nameEn: overrides.nameEn,
      code: overrides.code,
      ownerId: overrides.ownerId,
      creditCode: overrides.creditCode,
      city: overrides.city,
      province: overrides.province,
      status: 'active',
      tier: overrides.tier ?? 'general',
      tags: [],
      transportNeeds: { modes: [], lanes: [] },
    },
    contacts: contacts.map((c) => ({ ...c, isPrimary: false, portalAccess: false })),
  });
  return r;
}
