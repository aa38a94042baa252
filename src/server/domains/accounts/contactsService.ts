import type { z } from 'zod';
import type { contactBodySchema } from '../../../shared/customers/accountDto.js';
import type { Db } from '../../db/client.js';
import { staleWrite } from '../../db/versioned.js';
import type { Actor } from '../../lib/actor.js';
import { notFound } from '../../lib/errors.js';
import { recordChange } from '../audit/service.js';
import { assertMayEditContacts } from './policy.js';
import { auditedContact, toContactDto } from './presenter.js';
import * as repo from './repo.js';
import { contactRow } from './service.js';

type ContactBody = z.output<typeof contactBodySchema>;

async function editableAccount(
  db: Db | Parameters<Parameters<Db['transaction']>[0]>[0],
  actor: Actor,
  accountId: string,
) {
  const account = await repo.findAccount(db, accountId);
  if (!account) throw notFound('account');
  assertMayEditContacts(actor, account);
  return account;
}

export async function listAccountContacts(db: Db, accountId: string, includeArchived: boolean) {
  if (!(await repo.findAccount(db, accountId))) throw notFound('account');
  return (await repo.listContacts(db, accountId, includeArchived)).map(toContactDto);
}

export async function addContact(db: Db, actor: Actor, accountId: string, body: ContactBody) {
  return db.transaction(async (tx) => {
    await editableAccount(tx, actor, accountId);
    const existing = await repo.listContacts(tx, accountId);
    const isPrimary = body.isPrimary || existing.length === 0;
    if (isPrimary) await repo.clearPrimary(tx, accountId, null);
    const [contact] = await repo.insertContacts(tx, [{ ...contactRow(body), isPrimary, accountId }]);
    await recordChange(tx, actor, 'contact', contact.id, 'create', null, auditedContact(contact), accountId);
    return toContactDto(contact);
  });
}

export async function updateContact(
  db: Db,
  actor: Actor,
  contactId: string,
  version: number,
  body: ContactBody,
) {
  return db.transaction(async (tx) => {
    const before = await repo.findContact(tx, contactId);
    if (!before) throw notFound('contact');
    await editableAccount(tx, actor, before.accountId);
    if (body.isPrimary) await repo.clearPrimary(tx, before.accountId, contactId);
    const after = await repo.updateContactVersioned(tx, contactId, version, contactRow(body));
    if (!after) throw await staleWrite('contact', () => repo.findContact(tx, contactId), toContactDto);
    await recordChange(
      tx,
      actor,
      'contact',
      contactId,
      'update',
      auditedContact(before),
      auditedContact(after),
      before.accountId,
    );
    return toContactDto(after);
  });
}

export async function setContactArchived(
  db: Db,
  actor: Actor,
  contactId: string,
  version: number,
  archived: boolean,
) {
  return db.transaction(async (tx) => {
    const before = await repo.findContact(tx, contactId);
    if (!before) throw notFound('contact');
    await editableAccount(tx, actor, before.accountId);
    const after = await repo.updateContactVersioned(tx, contactId, version, {
      archivedAt: archived ? new Date() : null,
      ...(archived ? { isPrimary: false } : {}),
    });
    if (!after) throw await staleWrite('contact', () => repo.findContact(tx, contactId), toContactDto);
    await recordChange(
      tx,
      actor,
      'contact',
      contactId,
      'update',
      auditedContact(before),
      auditedContact(after),
      before.accountId,
    );
    return toContactDto(after);
  });
}
