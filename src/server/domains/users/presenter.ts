import type { UserDto } from '../../../shared/users.js';
import type { UserRow } from './repo.js';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** What leaves the server about a user: never the password hash or login counters. */
export function toUserDto(u: UserRow): UserDto {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role,
    locale: u.locale,
    active: u.active,
    accountId: u.accountId,
    mustChangePassword: u.mustChangePassword,
    lockedUntil: u.lockedUntil && u.lockedUntil > new Date() ? u.lockedUntil.toISOString() : null,
    lastLoginAt: iso(u.lastLoginAt),
    createdAt: u.createdAt.toISOString(),
    updatedAt: u.updatedAt.toISOString(),
    version: u.version,
  };
}
