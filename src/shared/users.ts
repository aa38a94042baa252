import { z } from 'zod';
import { LOCALES } from './organization.js';
import { ROLES } from './permissions.js';

export const userDtoSchema = z.object({
  id: z.string().uuid(),
  email: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  locale: z.enum(LOCALES),
  active: z.boolean(),
  accountId: z.string().uuid().nullable(),
  mustChangePassword: z.boolean(),
  lockedUntil: z.string().nullable(),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type UserDto = z.infer<typeof userDtoSchema>;

export const createUserSchema = z.strictObject({
  email: z.string().trim().toLowerCase().max(254).pipe(z.email()),
  name: z.string().trim().min(1).max(100),
  role: z.enum(ROLES),
  locale: z.enum(LOCALES).optional(),
  password: z.string().max(200),
  accountId: z.string().uuid().optional(),
});
export type CreateUserInput = z.infer<typeof createUserSchema>;

export const updateUserSchema = z.strictObject({
  version: z.number().int().min(1),
  name: z.string().trim().min(1).max(100).optional(),
  role: z.enum(ROLES).optional(),
  locale: z.enum(LOCALES).optional(),
  active: z.boolean().optional(),
});
export type UpdateUserInput = z.infer<typeof updateUserSchema>;

export const updateProfileSchema = z.strictObject({
  name: z.string().trim().min(1).max(100).optional(),
  locale: z.enum(LOCALES).optional(),
});

export const changePasswordSchema = z.strictObject({
  currentPassword: z.string().min(1).max(200),
  newPassword: z.string().max(200),
});

export const resetPasswordSchema = z.strictObject({ newPassword: z.string().max(200) });
