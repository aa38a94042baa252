import { randomUUID } from 'node:crypto';
import { duplicateKeys } from '../../../shared/customers/duplicates.js';
import type { DbOrTx } from '../../db/client.js';
import { madeAhead } from '../../db/copy.js';
import type { Actor } from '../../lib/actor.js';
import type { AccountWrite, ContactWrite } from '../accounts/bulk.js';
import * as bulk from '../accounts/bulk.js';
import { accountFieldRow } from '../accounts/fieldRow.js';
import { auditedAccount, auditedContact } from '../accounts/presenter.js';
import type { AccountRow, ContactRow } from '../accounts/repo.js';
import { diffRecords } from '../audit/diff.js';
import { type AuditEntry, auditChunks, copyAuditChunks } from '../audit/service.js';
import type { ImportTarget } from './mapping.js';
import type { PlannedRow } from './plan.js';
import type { TableRecord } from './table.js';

/**
 * Stores a planned import in the caller's transaction, set-based: new accounts with their contact,
 * changed accounts and contacts (matched by code, and by contact name within the account), one audit
 * entry per record created or changed. A row whose values equal what is stored writes nothing — no
 * version bump, no audit entry — so importing the same file twice changes nothing.
 *
 * Updates touch the mapped columns only. A blank cell clears an optional field; a blank status or tier
 * keeps the stored one (they cannot be empty).
 */

export interface WriteCounts {
  created: number;
  updated: number;
  unchanged: number;
}

export interface WriteContext {
  actor: Actor;
  mapped: ReadonlySet<ImportTarget>;
  /** True when the row's cell of the target is not blank. */
  given: (row: PlannedRow, target: ImportTarget) => boolean;
  onProgress?: (done: number) => Promise<void>;
}

/** `given` from the file's records and column mapping. */
export function cellGiven(records: readonly TableRecord[], columnOf: ReadonlyMap<ImportTarget, number>) {
  const byLine = new Map(records.map((r) => [r.line, r]));
  return (row: PlannedRow, target: ImportTarget) => {
    const column = columnOf.get(target);
    return column !== undefined && (byLine.get(row.line)?.cells[column] ?? '').trim() !== '';
  };
}

function newAccount(row: PlannedRow, id: string, code: string, actor: Actor): AccountWrite {
  return {
    ...accountFieldRow({ ...row.account, ownerId: row.ownerId ?? undefined }),
    id,
    code,
    createdBy: actor.kind === 'user' ? actor.id : null,
  };
}

const NULLABLE: [ImportTarget, keyof AccountRow & keyof PlannedRow['account']][] = [
  ['creditCode', 'creditCode'],
  ['industry', 'industry'],
  ['size', 'size'],
  ['province', 'province'],
  ['city', 'city'],
  ['address', 'address'],
  ['source', 'source'],
  ['lifecycleStage', 'lifecycleStage'],
  ['creditTermsDays', 'creditTermsDays'],
];

/** The stored account with the row's mapped values applied. */
function updatedAccount(row: PlannedRow, before: AccountRow, ctx: WriteContext): AccountWrite {
  const a = row.account;
  const { mapped } = ctx;
  const next: AccountWrite = { ...before, version: before.version };
  for (const [field, target] of [
    ['nameZh', 'nameZh'],
    ['nameEn', 'nameEn'],
  ] as const) {
    if (mapped.has(target)) next[field] = a[field] ?? null;
    else if (mapped.has('name') && a[field] !== undefined) next[field] = a[field] ?? null;
  }
  if (next.nameZh === null && next.nameEn === null) next.nameZh = before.nameZh ?? before.nameEn;
  for (const [target, field] of NULLABLE)
    if (mapped.has(target)) (next as Record<string, unknown>)[field] = a[field] ?? null;
  if (ctx.given(row, 'status')) next.status = a.status;
  if (ctx.given(row, 'tier')) next.tier = a.tier;
  if (mapped.has('tags')) next.tags = a.tags;
  if (row.ownerId !== undefined) next.ownerId = row.ownerId;
  const needs = { ...before.transportNeeds };
  if (mapped.has('transportModes')) needs.modes = a.transportNeeds.modes;
  if (mapped.has('lanes')) needs.lanes = a.transportNeeds.lanes;
  if (mapped.has('monthlyVolume')) {
    if (a.transportNeeds.monthlyVolume) needs.monthlyVolume = a.transportNeeds.monthlyVolume;
    else delete needs.monthlyVolume;
  }
  next.transportNeeds = needs;
  next.normalizedNames = duplicateKeys(next).names;
  return next;
}

const CONTACT_FIELDS = ['title', 'mobile', 'phone', 'email', 'wechatId', 'preferredChannel'] as const;

function contactWrite(
  row: PlannedRow,
  accountId: string,
  before: ContactRow | null,
  primary: boolean,
  ctx: WriteContext,
) {
  const c = row.contact!;
  if (!before) {
    const fresh: ContactWrite = {
      id: randomUUID(),
      accountId,
      name: c.name,
      isPrimary: primary,
      title: null,
      mobile: null,
      phone: null,
      email: null,
      wechatId: null,
      preferredChannel: null,
    };
    for (const f of CONTACT_FIELDS) fresh[f] = c[f] ?? null;
    return fresh;
  }
  const next: ContactWrite = { ...before, version: before.version };
  for (const f of CONTACT_FIELDS) if (ctx.mapped.has(`contact.${f}`)) next[f] = c[f] ?? null;
  return next;
}

/**
 * The audited view of a stored new account (auditedAccount of what the database holds after the
 * insert): the written values, the columns the insert leaves at their defaults, no derived columns.
 */
function createdAccount(a: AccountWrite): Record<string, unknown> {
  const { normalizedNames, version, ...written } = a;
  return { ...written, requirements: null, archivedAt: null, mergedIntoId: null };
}

/** The audited view of a stored new contact, as createdAccount. */
function createdContact(c: ContactWrite): Record<string, unknown> {
  const { version, ...written } = c;
  return { ...written, portalAccess: false, archivedAt: null };
}

/** Objects with their keys sorted, recursively: jsonb reorders keys, so stored and new values compare alike. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value === null || typeof value !== 'object' || value instanceof Date) return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
  );
}

/** Equal for the audit: jsonb values compared with sorted keys, everything else as diffRecords does. */
const same = (before: Record<string, unknown>, after: Record<string, unknown>) => {
  const norm = (r: Record<string, unknown>) =>
    'transportNeeds' in r ? { ...r, transportNeeds: canonical(r.transportNeeds) } : r;
  return Object.keys(diffRecords(norm(before), norm(after))).length === 0;
};

export async function writePlan(
  tx: DbOrTx,
  rows: readonly PlannedRow[],
  ctx: WriteContext,
): Promise<WriteCounts> {
  const creates = rows.filter((r) => r.existing === null);
  const updates = rows.filter((r) => r.existing !== null);

  // new accounts, with generated codes for rows without one; made as the COPY asks for them (below)
  const reserved = new Set(rows.flatMap((r) => (r.account.code ? [r.account.code.toLowerCase()] : [])));
  const generated = await bulk.nextAccountCodes(tx, creates.filter((r) => !r.account.code).length, reserved);
  const accountIds = creates.map(() => randomUUID());
  const codes = creates.map((r) => r.account.code ?? generated.shift()!);
  const newAccounts: AccountWrite[] = [];
  function* accountsMade(): Generator<AccountWrite> {
    for (let i = 0; i < creates.length; i++) {
      const account = newAccount(creates[i], accountIds[i], codes[i], ctx.actor);
      newAccounts.push(account);
      yield account;
    }
  }
  const newContacts: ContactWrite[] = [];
  creates.forEach((r, i) => {
    if (r.contact) newContacts.push(contactWrite(r, accountIds[i], null, true, ctx));
  });

  // changed accounts and contacts
  const changedAccounts: AccountWrite[] = [];
  const changedContacts: ContactWrite[] = [];
  const beforeAccounts = new Map<string, AccountRow>();
  const beforeContacts = new Map<string, ContactRow>();
  const contactsOf = await bulk.contactsOfAccounts(
    tx,
    updates.map((r) => r.existing!.id),
  );
  let unchanged = 0;
  for (const r of updates) {
    const before = r.existing!;
    const next = updatedAccount(r, before, ctx);
    const accountChanged = !same(auditedAccount(before), auditedAccount({ ...before, ...next }));
    let contactChanged = false;
    if (r.contact) {
      const list = contactsOf.get(before.id) ?? [];
      const key = r.contact.name.toLowerCase();
      const match = list.find((c) => c.name.toLowerCase() === key) ?? null;
      const write = contactWrite(r, before.id, match, !list.some((c) => c.isPrimary), ctx);
      if (!match) {
        newContacts.push(write);
        contactChanged = true;
      } else if (!same(auditedContact(match), auditedContact({ ...match, ...write }))) {
        changedContacts.push(write);
        beforeContacts.set(match.id, match);
        contactChanged = true;
      }
    }
    if (accountChanged) {
      changedAccounts.push(next);
      beforeAccounts.set(before.id, before);
    }
    if (!accountChanged && !contactChanged) unchanged++;
  }

  await bulk.insertAccounts(tx, accountsMade());
  await ctx.onProgress?.(newAccounts.length);
  const storedAccounts = await bulk.updateAccounts(tx, changedAccounts);

  // one entry per record created or changed; those known now are made while the contacts are stored
  function* knownEntries(): Generator<AuditEntry> {
    for (const a of newAccounts)
      yield {
        entity: 'account',
        entityId: a.id,
        action: 'create',
        before: null,
        after: createdAccount(a),
        accountId: a.id,
      };
    for (const a of storedAccounts)
      yield {
        entity: 'account',
        entityId: a.id,
        action: 'update',
        before: auditedAccount(beforeAccounts.get(a.id)!),
        after: auditedAccount(a),
        accountId: a.id,
      };
    for (const c of newContacts)
      yield {
        entity: 'contact',
        entityId: c.id,
        action: 'create',
        before: null,
        after: createdContact(c),
        accountId: c.accountId,
      };
  }
  const knownAudit = madeAhead(auditChunks(ctx.actor, knownEntries()));
  let storedContacts: ContactRow[];
  try {
    await bulk.insertContacts(tx, newContacts);
    storedContacts = await bulk.updateContacts(tx, changedContacts);
  } catch (error) {
    knownAudit.abandon(); // the transaction rolls back: nothing to audit
    throw error;
  }
  // the changed contacts' entries are made as the audit COPY asks for them, after the known ones
  function* contactUpdates(): Generator<AuditEntry> {
    for (const c of storedContacts)
      yield {
        entity: 'contact',
        entityId: c.id,
        action: 'update',
        before: auditedContact(beforeContacts.get(c.id)!),
        after: auditedContact(c),
        accountId: c.accountId,
      };
  }
  function* auditText(): Generator<string> {
    yield* knownAudit;
    yield* auditChunks(ctx.actor, contactUpdates());
  }
  await copyAuditChunks(tx, auditText());
  return { created: creates.length, updated: updates.length - unchanged, unchanged };
}
