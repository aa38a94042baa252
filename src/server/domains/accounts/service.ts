import { and, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  createAccountBodySchema,
  updateAccountBodySchema,
} from '../../../shared/customers/accountDto.js';
import { duplicateKeys } from '../../../shared/customers/duplicates.js';
import type { Db, DbOrTx } from '../../db/client.js';
import { staleWrite } from '../../db/versioned.js';
import type { Actor } from '../../lib/actor.js';
import { AppError, notFound } from '../../lib/errors.js';
import { recordChange } from '../audit/service.js';
import { users } from '../users/table.js';
import { findDuplicateCandidates } from './duplicatesRepo.js';
import { accountFieldRow } from './fieldRow.js';
import { assertMayEditAccount, mayAssignOwner } from './policy.js';
import { auditedAccount, auditedContact, toAccountDto, toContactDto } from './presenter.js';
import * as repo from './repo.js';

type CreateBody = z.output<typeof createAccountBodySchema>;
type UpdateBody = z.output<typeof updateAccountBodySchema>;

async function ownerName(db: DbOrTx, ownerId: string | null): Promise<string | null> {
  if (!ownerId) return null;
  const [u] = await db.select({ name: users.name }).from(users).where(eq(users.id, ownerId));
  return u?.name ?? null;
}

/** An owner must be an active staff member who can own accounts. */
async function assertOwner(db: DbOrTx, ownerId: string | undefined | null): Promise<void> {
  if (!ownerId) return;
  const [u] = await db
    .select({ id: users.id })
    .from(users)
    .where(
      and(eq(users.id, ownerId), eq(users.active, true), inArray(users.role, ['admin', 'manager', 'sales'])),
    );
  if (!u) throw new AppError('VALIDATION_FAILED', { fields: { 'account.ownerId': 'account.ownerUnknown' } });
}

/**
 * Creates an account with its first contacts. A sales rep's new account is their own. The answer
 * lists likely duplicates, so the person can go to the existing customer instead.
 */
export async function createAccount(db: Db, actor: Actor, body: CreateBody) {
  const fields = { ...body.account };
  if (!mayAssignOwner(actor)) fields.ownerId = actor.kind === 'user' && actor.id ? actor.id : undefined;
  const primaries = body.contacts.flatMap((c, i) => (c.isPrimary ? [i] : []));
  if (primaries.length > 1) {
    throw new AppError('VALIDATION_FAILED', {
      fields: { [`contacts.${primaries[1]}.isPrimary`]: 'contact.multiple_primary' },
    });
  }
  return db.transaction(async (tx) => {
    await assertOwner(tx, fields.ownerId);
    if (fields.code && (await repo.findAccountByCode(tx, fields.code))) {
      throw new AppError('ALREADY_EXISTS', {
        params: { entity: 'account', field: 'code' },
        fields: { 'account.code': 'account.codeTaken' },
      });
    }
    const code = fields.code ?? (await repo.nextAccountCode(tx));
    const account = await repo.insertAccount(tx, {
      ...accountFieldRow(fields),
      code,
      requirements: body.requirements ?? null,
      createdBy: actor.id,
    });
    await recordChange(tx, actor, 'account', account.id, 'create', null, auditedAccount(account), account.id);
    const rows = body.contacts.map((c, i) => ({
      ...contactRow(c),
      accountId: account.id,
      isPrimary: c.isPrimary || (primaries.length === 0 && i === 0),
    }));
    const contacts = await repo.insertContacts(tx, rows);
    for (const c of contacts)
      await recordChange(tx, actor, 'contact', c.id, 'create', null, auditedContact(c), account.id);
    const keys = duplicateKeys({
      ...fields,
      phones: contacts.flatMap((c) => [c.mobile, c.phone]),
      emails: contacts.map((c) => c.email),
    });
    const possibleDuplicates = await findDuplicateCandidates(tx, keys, account.id);
    return {
      account: toAccountDto(account, await ownerName(tx, account.ownerId)),
      contacts: contacts.map(toContactDto),
      possibleDuplicates,
    };
  });
}

export function contactRow(c: CreateBody['contacts'][number]) {
  return {
    name: c.name,
    title: c.title ?? null,
    mobile: c.mobile ?? null,
    phone: c.phone ?? null,
    email: c.email ?? null,
    wechatId: c.wechatId ?? null,
    preferredChannel: c.preferredChannel ?? null,
    isPrimary: c.isPrimary,
    portalAccess: c.portalAccess,
  };
}

export async function getAccount(db: DbOrTx, id: string) {
  const account = await repo.findAccount(db, id);
  if (!account) throw notFound('account');
  return toAccountDto(account, await ownerName(db, account.ownerId));
}

export async function updateAccount(db: Db, actor: Actor, id: string, body: UpdateBody) {
  return db.transaction(async (tx) => {
    const before = await repo.findAccount(tx, id);
    if (!before) throw notFound('account');
    assertMayEditAccount(actor, before);
    if (before.mergedIntoId)
      throw new AppError('VALIDATION_FAILED', { fields: { account: 'account.merged' } });
    const fields = body.account;
    const ownerId = fields.ownerId ?? null;
    if (ownerId !== before.ownerId && !mayAssignOwner(actor)) {
      throw new AppError('FORBIDDEN', { fields: { 'account.ownerId': 'account.ownerChangeForbidden' } });
    }
    await assertOwner(tx, ownerId);
    const code = fields.code ?? before.code;
    if (code.toLowerCase() !== before.code.toLowerCase() && (await repo.findAccountByCode(tx, code))) {
      throw new AppError('ALREADY_EXISTS', {
        params: { entity: 'account', field: 'code' },
        fields: { 'account.code': 'account.codeTaken' },
      });
    }
    const patch = {
      ...accountFieldRow(fields),
      ownerId,
      code,
      ...(body.requirements !== undefined ? { requirements: body.requirements } : {}),
    };
    const after = await repo.updateAccountVersioned(tx, id, body.version, patch);
    if (!after)
      throw await staleWrite(
        'account',
        () => repo.findAccount(tx, id),
        (a) => toAccountDto(a),
      );
    await recordChange(tx, actor, 'account', id, 'update', auditedAccount(before), auditedAccount(after), id);
    return toAccountDto(after, await ownerName(tx, after.ownerId));
  });
}

/** Archive (no hard delete: a customer with history stays) or restore. */
export async function setArchived(db: Db, actor: Actor, id: string, version: number, archived: boolean) {
  return db.transaction(async (tx) => {
    const before = await repo.findAccount(tx, id);
    if (!before) throw notFound('account');
    assertMayEditAccount(actor, before);
    if (!archived && before.mergedIntoId)
      throw new AppError('VALIDATION_FAILED', { fields: { account: 'account.merged' } });
    const after = await repo.updateAccountVersioned(tx, id, version, {
      archivedAt: archived ? new Date() : null,
    });
    if (!after)
      throw await staleWrite(
        'account',
        () => repo.findAccount(tx, id),
        (a) => toAccountDto(a),
      );
    await recordChange(tx, actor, 'account', id, 'update', auditedAccount(before), auditedAccount(after), id);
    return toAccountDto(after, await ownerName(tx, after.ownerId));
  });
}

export async function changeOwner(db: Db, actor: Actor, id: string, version: number, ownerId: string | null) {
  return db.transaction(async (tx) => {
    const before = await repo.findAccount(tx, id);
    if (!before) throw notFound('account');
    await assertOwner(tx, ownerId);
    const after = await repo.updateAccountVersioned(tx, id, version, { ownerId });
    if (!after)
      throw await staleWrite(
        'account',
        () => repo.findAccount(tx, id),
        (a) => toAccountDto(a),
      );
    await recordChange(tx, actor, 'account', id, 'update', auditedAccount(before), auditedAccount(after), id);
    return toAccountDto(after, await ownerName(tx, after.ownerId));
  });
}
