import type { OrganizationSettings } from '../../shared/organization';
import type { Permission, Role } from '../../shared/permissions';

export type { OrganizationSettings, Permission, Role };
export type Locale = 'zh-CN' | 'en-US';

export interface UserDto {
  id: string;
  email: string;
  name: string;
  role: Role;
  locale: Locale;
  active: boolean;
  accountId: string | null;
  mustChangePassword: boolean;
  lockedUntil: string | null;
  lastLoginAt: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface SessionDto {
  user: UserDto;
  csrfToken: string;
  permissions: Permission[];
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface ApiKeyDto {
  id: string;
  name: string;
  role: Role;
  prefix: string;
  createdAt: string;
  createdBy: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface CreatedApiKey {
  apiKey: ApiKeyDto;
  secret: string;
}

export type AuditAction = 'create' | 'update' | 'delete';

export interface AuditEntryDto {
  id: string;
  at: string;
  actorKind: 'user' | 'api_key' | 'system';
  actorId: string | null;
  actorLabel: string | null;
  ip: string | null;
  requestId: string | null;
  entity: string;
  entityId: string;
  action: AuditAction;
  changes: Record<string, { before: unknown; after: unknown }>;
}

export interface OrganizationDto {
  id: string;
  name: string;
  settings: OrganizationSettings;
  version: number;
  createdAt: string;
  updatedAt: string;
}
