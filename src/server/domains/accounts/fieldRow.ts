import type { Account } from '../../../shared/customers/accountSchemas.js';
import { duplicateKeys } from '../../../shared/customers/duplicates.js';
import type { NewAccountRow } from './repo.js';

/** Every column an account's fields fill, each one given (null when blank). */
export type AccountFieldRow = Required<
  Pick<
    NewAccountRow,
    | 'nameZh'
    | 'nameEn'
    | 'creditCode'
    | 'industry'
    | 'size'
    | 'province'
    | 'city'
    | 'address'
    | 'source'
    | 'ownerId'
    | 'status'
    | 'tier'
    | 'lifecycleStage'
    | 'tags'
    | 'creditTermsDays'
    | 'transportNeeds'
    | 'normalizedNames'
  >
>;

/** The validated account fields as columns: the one mapping of the form, the API and the import. */
export function accountFieldRow(a: Omit<Account, 'code'>): AccountFieldRow {
  return {
    nameZh: a.nameZh ?? null,
    nameEn: a.nameEn ?? null,
    creditCode: a.creditCode ?? null,
    industry: a.industry ?? null,
    size: a.size ?? null,
    province: a.province ?? null,
    city: a.city ?? null,
    address: a.address ?? null,
    source: a.source ?? null,
    ownerId: a.ownerId ?? null,
    status: a.status,
    tier: a.tier,
    lifecycleStage: a.lifecycleStage ?? null,
    tags: a.tags,
    creditTermsDays: a.creditTermsDays ?? null,
    transportNeeds: a.transportNeeds,
    normalizedNames: duplicateKeys(a).names,
  };
}
