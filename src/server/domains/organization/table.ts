import { jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import type { OrganizationSettings } from '../../../shared/organization.js';
import { editableColumns } from '../../db/columns.js';

export const organizations = pgTable('organizations', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  settings: jsonb('settings').$type<OrganizationSettings>().notNull(),
  ...editableColumns(),
});
