import type { AccountDto, AccountListItem, ContactDto } from '../../../shared/customers/accountDto.js';
import type { AccountListRow } from './listRepo.js';
import type { AccountRow, ContactRow } from './repo.js';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function toAccountDto(a: AccountRow, ownerName: string | null = null): AccountDto {
  return {
    id: a.id,
    code: a.code,
    nameZh: a.nameZh,
    nameEn: a.nameEn,
    creditCode: a.creditCode,
    industry: a.industry,
    size: a.size,
    province: a.province,
    city: a.city,
    address: a.address,
    source: a.source,
    ownerId: a.ownerId,
    ownerName,
    status: a.status,
    tier: a.tier,
    lifecycleStage: a.lifecycleStage,
    tags: a.tags,
    creditTermsDays: a.creditTermsDays,
    transportNeeds: a.transportNeeds,
    requirements: a.requirements,
    archivedAt: iso(a.archivedAt),
    mergedIntoId: a.mergedIntoId,
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
    version: a.version,
  };
}

export function toContactDto(c: ContactRow): ContactDto {
  return {
    id: c.id,
    accountId: c.accountId,
    name: c.name,
    title: c.title,
    mobile: c.mobile,
    phone: c.phone,
    email: c.email,
    wechatId: c.wechatId,
    preferredChannel: c.preferredChannel,
    isPrimary: c.isPrimary,
    portalAccess: c.portalAccess,
    archivedAt: iso(c.archivedAt),
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
    version: c.version,
  };
}

/** Every field by name, so nothing else reaches the wire: the list route sends this without re-checking it. */
export function toAccountListItem(r: AccountListRow): AccountListItem {
  return {
    id: r.id,
    code: r.code,
    nameZh: r.nameZh,
    nameEn: r.nameEn,
    status: r.status,
    tier: r.tier,
    industry: r.industry,
    province: r.province,
    city: r.city,
    tags: r.tags,
    ownerId: r.ownerId,
    ownerName: r.ownerName,
    primaryContactName: r.primaryContactName,
    primaryContactMobile: r.primaryContactMobile,
    archivedAt: r.archivedAt,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    version: r.version,
  };
}

/** The audited view: what a person changed, without derived search columns. */
export const auditedAccount = (a: AccountRow) => {
  const { searchText, searchGrams, normalizedNames, ...rest } = a;
  return rest;
};
export const auditedContact = (c: ContactRow) => {
  const { searchText, searchGrams, ...rest } = c;
  return rest;
};
