import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { copyFrom, copyLines, copyTextArray, copyValue, withConnection } from '../../db/copy.js';
import type { AccountFieldRow } from './fieldRow.js';
import type { AccountRow, ContactRow, NewContactRow } from './repo.js';
import { accountSearchText, bigrams, contactSearchText } from './searchGrams.js';

/**
 * Set-based reads and writes of many accounts and contacts at once, for imports: inserts go by COPY,
 * updates take a chunk of rows as one JSON parameter (json_to_recordset), so 5,000 rows cost one round
 * trip and no per-row parameter lists. Writers compute the search grams (searchGrams.ts); inserts return nothing,
 * updates return the stored rows, check the version each row was read at and throw BulkConflict when
 * another writer got there first (the caller's transaction rolls back).
 */

export const BULK_CHUNK = 5_000;

export class BulkConflict extends Error {
  constructor(readonly entity: 'account' | 'contact') {
    super(`${entity} changed during the import`);
  }
}

const chunks = <T>(rows: readonly T[], size = BULK_CHUNK) =>
  Array.from({ length: Math.ceil(rows.length / size) }, (_, i) => rows.slice(i * size, (i + 1) * size));

const ACCOUNT_COLUMNS = sql`a.id, a.code, a.name_zh AS "nameZh", a.name_en AS "nameEn", a.credit_code AS "creditCode",
  a.industry, a.size, a.province, a.city, a.address, a.source, a.owner_id AS "ownerId", a.status, a.tier,
  a.lifecycle_stage AS "lifecycleStage", a.tags, a.credit_terms_days AS "creditTermsDays",
  a.transport_needs AS "transportNeeds", a.requirements, a.normalized_names AS "normalizedNames",
  a.search_text AS "searchText", a.archived_at AS "archivedAt", a.merged_into_id AS "mergedIntoId",
  a.created_by AS "createdBy", a.version, a.created_at AS "createdAt", a.updated_at AS "updatedAt"`;

const CONTACT_COLUMNS = sql`c.id, c.account_id AS "accountId", c.name, c.title, c.mobile, c.phone, c.email,
  c.wechat_id AS "wechatId", c.preferred_channel AS "preferredChannel", c.is_primary AS "isPrimary",
  c.portal_access AS "portalAccess", c.search_text AS "searchText", c.archived_at AS "archivedAt",
  c.version, c.created_at AS "createdAt", c.updated_at AS "updatedAt"`;

/** Raw rows carry timestamps as strings: made Dates like drizzle's. */
function dated<T extends { createdAt: Date; updatedAt: Date; archivedAt: Date | null }>(row: T): T {
  row.createdAt = new Date(row.createdAt);
  row.updatedAt = new Date(row.updatedAt);
  if (row.archivedAt) row.archivedAt = new Date(row.archivedAt);
  return row;
}

/** Accounts by lower-cased code (merged ones included: the caller decides). */
export async function accountsByCodes(
  db: DbOrTx,
  codes: readonly string[],
): Promise<Map<string, AccountRow>> {
  const found = new Map<string, AccountRow>();
  for (const part of chunks([...new Set(codes.map((c) => c.toLowerCase()))], 20_000)) {
    const { rows } = await db.execute<AccountRow>(
      sql`SELECT ${ACCOUNT_COLUMNS} FROM accounts a WHERE lower(a.code) = ANY(${sql.param(part)}::text[])`,
    );
    for (const r of rows) found.set(r.code.toLowerCase(), dated(r));
  }
  return found;
}

/** Live contacts of the accounts, primary first. */
export async function contactsOfAccounts(
  db: DbOrTx,
  accountIds: readonly string[],
): Promise<Map<string, ContactRow[]>> {
  const found = new Map<string, ContactRow[]>();
  for (const part of chunks(accountIds, 20_000)) {
    const { rows } = await db.execute<ContactRow>(sql`
      SELECT ${CONTACT_COLUMNS} FROM contacts c
       WHERE c.account_id = ANY(${sql.param(part)}::uuid[]) AND c.archived_at IS NULL
       ORDER BY c.is_primary DESC, c.created_at`);
    for (const r of rows) {
      const list = found.get(r.accountId);
      if (list) list.push(dated(r));
      else found.set(r.accountId, [dated(r)]);
    }
  }
  return found;
}

const json = (rows: unknown[]) => sql`${JSON.stringify(rows)}::json`;

const ACCOUNT_RECORD = sql`id uuid, code text, name_zh text, name_en text, credit_code text, industry text,
  size text, province text, city text, address text, source text, owner_id uuid, status text, tier text,
  lifecycle_stage text, tags text[], credit_terms_days int, transport_needs jsonb, normalized_names text[],
  search_grams text[], created_by uuid, version int`;

/** An account as bulk writers store it: every field given. */
export type AccountWrite = AccountFieldRow & {
  id: string;
  code: string;
  createdBy?: string | null;
  version?: number;
};

const accountRecord = (a: AccountWrite) => ({
  id: a.id,
  code: a.code,
  name_zh: a.nameZh,
  name_en: a.nameEn,
  credit_code: a.creditCode,
  industry: a.industry,
  size: a.size,
  province: a.province,
  city: a.city,
  address: a.address,
  source: a.source,
  owner_id: a.ownerId,
  status: a.status,
  tier: a.tier,
  lifecycle_stage: a.lifecycleStage,
  tags: a.tags,
  credit_terms_days: a.creditTermsDays,
  transport_needs: a.transportNeeds,
  normalized_names: a.normalizedNames,
  search_grams: bigrams(accountSearchText(a)),
  created_by: a.createdBy ?? null,
  version: a.version ?? 1,
});

/** The account's line of the insert COPY, columns as ACCOUNT_COPY_COLUMNS. */
function accountLine(a: AccountWrite): string {
  return [
    a.id,
    copyValue(a.code, 'code'),
    copyValue(a.nameZh, 'name_zh'),
    copyValue(a.nameEn, 'name_en'),
    copyValue(a.creditCode, 'credit_code'),
    copyValue(a.industry, 'industry'),
    copyValue(a.size, 'size'),
    copyValue(a.province, 'province'),
    copyValue(a.city, 'city'),
    copyValue(a.address, 'address'),
    copyValue(a.source, 'source'),
    copyValue(a.ownerId, 'owner_id'),
    copyValue(a.status, 'status'),
    copyValue(a.tier, 'tier'),
    copyValue(a.lifecycleStage, 'lifecycle_stage'),
    copyTextArray(a.tags ?? []),
    copyValue(a.creditTermsDays, 'credit_terms_days'),
    copyValue(a.transportNeeds, 'transport_needs'),
    copyTextArray(a.normalizedNames ?? []),
    copyTextArray(bigrams(accountSearchText(a))),
    copyValue(a.createdBy ?? null, 'created_by'),
  ].join('\t');
}

const ACCOUNT_COPY_COLUMNS = `id, code, name_zh, name_en, credit_code, industry, size, province, city, address, source,
  owner_id, status, tier, lifecycle_stage, tags, credit_terms_days, transport_needs, normalized_names, search_grams,
  created_by`;

/**
 * Inserts new accounts (nothing comes back: the caller has every value but the timestamps) by COPY,
 * PostgreSQL's cheapest way in: no JSON to parse, and the server stores one chunk while the next is made.
 */
export async function insertAccounts(tx: DbOrTx, rows: Iterable<AccountWrite>): Promise<void> {
  await withConnection(tx, (client) =>
    copyFrom(
      client,
      `COPY accounts (${ACCOUNT_COPY_COLUMNS}) FROM STDIN`,
      copyLines(rows, accountLine, BULK_CHUNK),
    ),
  );
}

/** Writes every given field of each account (read at `version`), bumping the version. */
export async function updateAccounts(tx: DbOrTx, rows: readonly AccountWrite[]): Promise<AccountRow[]> {
  const stored: AccountRow[] = [];
  for (const part of chunks(rows)) {
    const { rows: out } = await tx.execute<AccountRow>(sql`
      WITH a AS (
        UPDATE accounts t SET code = r.code, name_zh = r.name_zh, name_en = r.name_en,
          credit_code = r.credit_code, industry = r.industry, size = r.size, province = r.province,
          city = r.city, address = r.address, source = r.source, owner_id = r.owner_id, status = r.status,
          tier = r.tier, lifecycle_stage = r.lifecycle_stage, tags = coalesce(r.tags, '{}'),
          credit_terms_days = r.credit_terms_days, transport_needs = r.transport_needs,
          normalized_names = coalesce(r.normalized_names, '{}'), search_grams = r.search_grams,
          version = t.version + 1, updated_at = now()
          FROM json_to_recordset(${json(part.map(accountRecord))}) AS r(${ACCOUNT_RECORD})
         WHERE t.id = r.id AND t.version = r.version
        RETURNING t.*)
      SELECT ${ACCOUNT_COLUMNS} FROM a`);
    if (out.length !== part.length) throw new BulkConflict('account');
    for (const r of out) stored.push(dated(r));
  }
  return stored;
}

const CONTACT_RECORD = sql`id uuid, account_id uuid, name text, title text, mobile text, phone text,
  email text, wechat_id text, preferred_channel text, is_primary boolean, search_grams text[], version int`;

/** A contact as bulk writers store it: every field given. */
export type ContactWrite = Required<
  Pick<
    NewContactRow,
    'id' | 'accountId' | 'name' | 'title' | 'mobile' | 'phone' | 'email' | 'wechatId' | 'preferredChannel'
  >
> & { isPrimary: boolean; version?: number };

const contactRecord = (c: ContactWrite) => ({
  id: c.id,
  account_id: c.accountId,
  name: c.name,
  title: c.title,
  mobile: c.mobile,
  phone: c.phone,
  email: c.email,
  wechat_id: c.wechatId,
  preferred_channel: c.preferredChannel,
  is_primary: c.isPrimary,
  search_grams: bigrams(contactSearchText(c)),
  version: c.version ?? 1,
});

/** The contact's line of the insert COPY, columns as CONTACT_COPY_COLUMNS. */
function contactLine(c: ContactWrite): string {
  return [
    c.id,
    c.accountId,
    copyValue(c.name, 'name'),
    copyValue(c.title, 'title'),
    copyValue(c.mobile, 'mobile'),
    copyValue(c.phone, 'phone'),
    copyValue(c.email, 'email'),
    copyValue(c.wechatId, 'wechat_id'),
    copyValue(c.preferredChannel, 'preferred_channel'),
    c.isPrimary ? 't' : 'f',
    copyTextArray(bigrams(contactSearchText(c))),
  ].join('\t');
}

const CONTACT_COPY_COLUMNS =
  'id, account_id, name, title, mobile, phone, email, wechat_id, preferred_channel, is_primary, search_grams';

/** Inserts new contacts by COPY (nothing comes back, as insertAccounts). */
export async function insertContacts(tx: DbOrTx, rows: Iterable<ContactWrite>): Promise<void> {
  await withConnection(tx, (client) =>
    copyFrom(
      client,
      `COPY contacts (${CONTACT_COPY_COLUMNS}) FROM STDIN`,
      copyLines(rows, contactLine, BULK_CHUNK),
    ),
  );
}

export async function updateContacts(tx: DbOrTx, rows: readonly ContactWrite[]): Promise<ContactRow[]> {
  const stored: ContactRow[] = [];
  for (const part of chunks(rows)) {
    const { rows: out } = await tx.execute<ContactRow>(sql`
      WITH c AS (
        UPDATE contacts t SET name = r.name, title = r.title, mobile = r.mobile, phone = r.phone,
          email = r.email, wechat_id = r.wechat_id, preferred_channel = r.preferred_channel,
          is_primary = r.is_primary, search_grams = r.search_grams, version = t.version + 1, updated_at = now()
          FROM json_to_recordset(${json(part.map(contactRecord))}) AS r(${CONTACT_RECORD})
         WHERE t.id = r.id AND t.version = r.version
        RETURNING t.*)
      SELECT ${CONTACT_COLUMNS} FROM c`);
    if (out.length !== part.length) throw new BulkConflict('contact');
    for (const r of out) stored.push(dated(r));
  }
  return stored;
}

/** `count` new generated codes (C000001 …) from the account code sequence, skipping codes in use. */
export async function nextAccountCodes(
  tx: DbOrTx,
  count: number,
  reserved: ReadonlySet<string>,
): Promise<string[]> {
  const codes: string[] = [];
  while (codes.length < count) {
    const want = count - codes.length;
    const { rows } = await tx.execute<{ code: string }>(sql`
      SELECT g.code FROM (
        SELECT 'C' || lpad(nextval('account_code_seq')::text, 6, '0') AS code FROM generate_series(1, ${want})) g
       WHERE NOT EXISTS (SELECT 1 FROM accounts a WHERE lower(a.code) = lower(g.code))`);
    for (const r of rows) if (!reserved.has(r.code.toLowerCase())) codes.push(r.code);
  }
  return codes;
}
