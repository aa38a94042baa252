import type { CreateUserInput, UpdateUserInput } from '../../../shared/users.js';
import type { Db, DbOrTx } from '../../db/client.js';
import { staleWrite } from '../../db/versioned.js';
import type { Actor } from '../../lib/actor.js';
import { AppError, notFound } from '../../lib/errors.js';
import { decodeCursor, toPage } from '../../lib/pagination.js';
import { assertPasswordAcceptable, hashPassword, verifyPassword } from '../../lib/passwords.js';
import { recordChange } from '../audit/service.js';
import { toUserDto } from './presenter.js';
import * as repo from './repo.js';

/** The audited view of a user: the row without login bookkeeping. */
const audited = (u: repo.UserRow) => {
  const { failedLoginCount, lockedUntil, lastLoginAt, ...rest } = u;
  return rest;
};

export async function createUser(db: Db, actor: Actor, input: CreateUserInput) {
  assertPasswordAcceptable(input.password, input.email);
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    if (await repo.findUserByEmail(tx, input.email)) {
      throw new AppError('ALREADY_EXISTS', {
        params: { entity: 'user', field: 'email' },
        fields: { email: 'user.emailTaken' },
      });
    }
    const row = await repo.insertUser(tx, {
      email: input.email,
      name: input.name,
      role: input.role,
      locale: input.locale ?? 'zh-CN',
      passwordHash,
      accountId: input.accountId ?? null,
      // an account an administrator set up keeps a password someone else knows: change it first
      mustChangePassword: actor.kind !== 'system',
      passwordChangedAt: new Date(),
    });
    await recordChange(tx, actor, 'user', row.id, 'create', null, audited(row));
    return toUserDto(row);
  });
}

export async function getUser(db: DbOrTx, id: string) {
  const row = await repo.findUserById(db, id);
  if (!row) throw notFound('user');
  return toUserDto(row);
}

export async function listUsersPage(
  db: DbOrTx,
  q: { q?: string; role?: repo.UserRow['role']; active?: boolean; limit: number; cursor?: string },
) {
  const after = decodeCursor(q.cursor, 2) as [string, string] | null;
  const rows = await repo.listUsers(db, { ...q, after });
  const page = toPage(rows, q.limit, (u) => [u.createdAt.toISOString(), u.id]);
  return { items: page.items.map(toUserDto), nextCursor: page.nextCursor };
}

export async function updateUserByAdmin(db: Db, actor: Actor, id: string, input: UpdateUserInput) {
  return db.transaction(async (tx) => {
    const before = await repo.findUserById(tx, id);
    if (!before) throw notFound('user');
    const losesAdmin =
      before.role === 'admin' &&
      before.active &&
      (input.active === false || (input.role && input.role !== 'admin'));
    if (losesAdmin && (await repo.countActiveAdmins(tx)) <= 1) {
      throw new AppError('VALIDATION_FAILED', {
        fields: { [input.active === false ? 'active' : 'role']: 'user.lastAdmin' },
      });
    }
    const { version, ...patch } = input;
    const after = await repo.updateUserVersioned(tx, id, version, patch);
    if (!after) throw await staleWrite('user', () => repo.findUserById(tx, id), toUserDto);
    await recordChange(tx, actor, 'user', id, 'update', audited(before), audited(after));
    return toUserDto(after);
  });
}

/** An administrator sets a new password; it also unlocks the account and must be changed at next login. */
export async function resetPassword(db: Db, actor: Actor, id: string, newPassword: string) {
  const target = await repo.findUserById(db, id);
  if (!target) throw notFound('user');
  assertPasswordAcceptable(newPassword, target.email, 'newPassword');
  const passwordHash = await hashPassword(newPassword);
  await db.transaction(async (tx) => {
    const after = await repo.updateUser(tx, id, {
      passwordHash,
      mustChangePassword: true,
      failedLoginCount: 0,
      lockedUntil: null,
      passwordChangedAt: new Date(),
    });
    await recordChange(tx, actor, 'user', id, 'update', audited(target), audited(after));
  });
}

export async function changeOwnPassword(db: Db, actor: Actor, currentPassword: string, newPassword: string) {
  const me = actor.id ? await repo.findUserById(db, actor.id) : undefined;
  if (!me) throw new AppError('UNAUTHENTICATED');
  if (!(await verifyPassword(me.passwordHash, currentPassword))) {
    throw new AppError('VALIDATION_FAILED', { fields: { currentPassword: 'password.wrongCurrent' } });
  }
  if (currentPassword === newPassword) {
    throw new AppError('VALIDATION_FAILED', { fields: { newPassword: 'password.sameAsOld' } });
  }
  assertPasswordAcceptable(newPassword, me.email, 'newPassword');
  const passwordHash = await hashPassword(newPassword);
  await db.transaction(async (tx) => {
    const after = await repo.updateUser(tx, me.id, {
      passwordHash,
      mustChangePassword: false,
      passwordChangedAt: new Date(),
    });
    await recordChange(tx, actor, 'user', me.id, 'update', audited(me), audited(after));
  });
}

export async function updateProfile(
  db: Db,
  actor: Actor,
  patch: { name?: string; locale?: repo.UserRow['locale'] },
) {
  if (!actor.id) throw new AppError('UNAUTHENTICATED');
  return db.transaction(async (tx) => {
    const before = await repo.findUserById(tx, actor.id!);
    if (!before) throw new AppError('UNAUTHENTICATED');
    const after = await repo.updateUser(tx, before.id, patch);
    await recordChange(tx, actor, 'user', before.id, 'update', audited(before), audited(after));
    return toUserDto(after);
  });
}
