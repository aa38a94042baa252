import { bigserial, index, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { tstz } from '../../db/columns.js';

export type AuditChanges = Record<string, { before: unknown; after: unknown }>;

export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: tstz('at').notNull().defaultNow(),
    actorKind: text('actor_kind').$type<'user' | 'api_key' | 'system'>().notNull(),
    actorId: uuid('actor_id'),
    actorLabel: text('actor_label').notNull(),
    ip: text('ip'),
    requestId: text('request_id'),
    entity: text('entity').notNull(),
    entityId: text('entity_id').notNull(),
    /** The customer account the record belongs to, so the account's timeline can show it. */
    accountId: uuid('account_id'),
    action: text('action').$type<'create' | 'update' | 'delete'>().notNull(),
    changes: jsonb('changes').$type<AuditChanges>().notNull(),
  },
  (t) => [
    index('audit_entity_idx').on(t.entity, t.entityId, t.id),
    index('audit_actor_idx').on(t.actorId, t.id),
    index('audit_at_idx').on(t.at),
    index('audit_account_idx').on(t.accountId, t.id),
  ],
);
