import type { Actor } from '../../lib/actor.js';
import { AppError } from '../../lib/errors.js';
import type { AccountRow } from './repo.js';

const managesAll = (actor: Actor) => actor.role === 'admin' || actor.role === 'manager';

/** A sales rep edits the accounts they own; managers and administrators edit all. */
export function assertMayEditAccount(actor: Actor, account: AccountRow): void {
  if (managesAll(actor)) return;
  if (actor.role === 'sales' && actor.id !== null && account.ownerId === actor.id) return;
  throw new AppError('NOT_OWNER', { params: { entity: 'account' } });
}

/** Contacts: as for the account, and the service desk keeps contact details current for everyone. */
export function assertMayEditContacts(actor: Actor, account: AccountRow): void {
  if (actor.role === 'service') return;
  assertMayEditAccount(actor, account);
}

/** Only managers and administrators hand an account to someone else. */
export function mayAssignOwner(actor: Actor): boolean {
  return managesAll(actor);
}
