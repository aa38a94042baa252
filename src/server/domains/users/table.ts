import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { ROLES, type Role } from '../../../shared/permissions.js';
import { editableColumns, tstz } from '../../db/columns.js';

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    role: text('role').$type<Role>().notNull(),
    locale: text('locale').$type<'zh-CN' | 'en-US'>().notNull().default('zh-CN'),
    active: boolean('active').notNull().default(true),
    passwordHash: text('password_hash').notNull(),
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    failedLoginCount: integer('failed_login_count').notNull().default(0),
    lockedUntil: tstz('locked_until'),
    lastLoginAt: tstz('last_login_at'),
    passwordChangedAt: tstz('password_changed_at'),
    /** For portal users: the customer account whose contact they are (linked once accounts exist). */
    accountId: uuid('account_id'),
    ...editableColumns(),
  },
  (t) => [
    uniqueIndex('users_email_key').on(sql`lower(${t.email})`),
    index('users_role_idx').on(t.role),
    check('users_role_check', sql.raw(`role IN (${ROLES.map((r) => `'${r}'`).join(',')})`)),
  ],
);
