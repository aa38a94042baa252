import { sql } from 'drizzle-orm';
import {
  boolean,
  index,
  integer,
  jsonb,
  pgSequence,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { TransportNeeds } from '../../../shared/customers/accountSchemas.js';
import { editableColumns, tstz } from '../../db/columns.js';
import { users } from '../users/table.js';

/** What the search box matches, lower-cased (a generated column may not use another one, hence the text twice). */
const ACCOUNT_SEARCH_TEXT =
  "lower(code || ' ' || coalesce(name_zh, '') || ' ' || coalesce(name_en, '') || ' ' || coalesce(credit_code, ''))";
const CONTACT_SEARCH_TEXT =
  "lower(name || ' ' || coalesce(mobile, '') || ' ' || coalesce(phone, '') || ' ' || coalesce(email, '') || ' ' || coalesce(wechat_id, ''))";

/** Numbers for codes of accounts created without one (C000001, C000002, …). */
export const accountCodeSeq = pgSequence('account_code_seq', { startWith: 1 });

export const accounts = pgTable(
  'accounts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull(),
    nameZh: text('name_zh'),
    nameEn: text('name_en'),
    creditCode: text('credit_code'),
    industry: text('industry'),
    size: text('size'),
    province: text('province'),
    city: text('city'),
    address: text('address'),
    source: text('source'),
    ownerId: uuid('owner_id').references(() => users.id, { onDelete: 'set null' }),
    status: text('status').notNull().default('prospect'),
    tier: text('tier').notNull().default('general'),
    lifecycleStage: text('lifecycle_stage'),
    tags: text('tags').array().notNull().default(sql`'{}'`),
    creditTermsDays: integer('credit_terms_days'),
    transportNeeds: jsonb('transport_needs').$type<TransportNeeds>().notNull(),
    /** Free-text service requirements (packaging, time windows, documents…). */
    requirements: text('requirements'),
    /** The company names normalised for duplicate detection (legal forms and punctuation removed). */
    normalizedNames: text('normalized_names').array().notNull().default(sql`'{}'`),
    /** Lower-cased code, names and credit code: what the search box matches. */
    searchText: text('search_text').generatedAlwaysAs(sql.raw(ACCOUNT_SEARCH_TEXT)),
    /**
     * Every two-character piece of search_text, GIN-indexed: finds partial matches of two or more
     * characters. Bulk writers compute it (searchGrams.ts); otherwise a trigger fills it in SQL.
     */
    searchGrams: text('search_grams').array(),
    archivedAt: tstz('archived_at'),
    /** Set when this account was merged into another (the survivor); such an account stays archived. */
    mergedIntoId: uuid('merged_into_id'),
    createdBy: uuid('created_by'),
    ...editableColumns(),
  },
  (t) => [
    uniqueIndex('accounts_code_key').on(sql`lower(${t.code})`),
    index('accounts_created_idx').on(t.createdAt, t.id),
    index('accounts_updated_idx').on(t.updatedAt, t.id),
    index('accounts_name_idx').on(sql`coalesce(${t.nameZh}, ${t.nameEn})`, t.id),
    index('accounts_owner_idx').on(t.ownerId),
    index('accounts_status_idx').on(t.status),
    index('accounts_tier_idx').on(t.tier),
    index('accounts_province_city_idx').on(t.province, t.city),
    index('accounts_industry_idx').on(t.industry),
    index('accounts_tags_idx').using('gin', t.tags),
    index('accounts_credit_code_idx').on(t.creditCode),
    index('accounts_normalized_names_idx').using('gin', t.normalizedNames),
    index('accounts_search_grams_idx').using('gin', t.searchGrams),
  ],
);

export const contacts = pgTable(
  'contacts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    name: text('name').notNull(),
    title: text('title'),
    mobile: text('mobile'),
    phone: text('phone'),
    email: text('email'),
    wechatId: text('wechat_id'),
    preferredChannel: text('preferred_channel'),
    isPrimary: boolean('is_primary').notNull().default(false),
    portalAccess: boolean('portal_access').notNull().default(false),
    searchText: text('search_text').generatedAlwaysAs(sql.raw(CONTACT_SEARCH_TEXT)),
    /** As the account's: computed by bulk writers, else by a trigger. */
    searchGrams: text('search_grams').array(),
    archivedAt: tstz('archived_at'),
    ...editableColumns(),
  },
  (t) => [
    // an account's contacts in `ORDER BY is_primary DESC, created_at` order: the primary contact of the
    // list, the export and survey dispatch is the first entry, read without a sort
    index('contacts_account_primary_idx').on(t.accountId, t.isPrimary.desc().nullsFirst(), t.createdAt),
    index('contacts_mobile_idx').on(t.mobile),
    index('contacts_email_domain_idx').on(sql`split_part(${t.email}, '@', 2)`),
    index('contacts_search_grams_idx').using('gin', t.searchGrams),
  ],
);

/** A user's saved list view: filters, sort and columns under a name. */
export const savedViews = pgTable(
  'saved_views',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    list: text('list').notNull(),
    name: text('name').notNull(),
    query: jsonb('query').$type<Record<string, unknown>>().notNull(),
    ...editableColumns(),
  },
  (t) => [uniqueIndex('saved_views_user_list_name_key').on(t.userId, t.list, t.name)],
);

/** Notes on an account (the 360° page's notes tab). */
export const accountNotes = pgTable(
  'account_notes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    body: text('body').notNull(),
    ...editableColumns(),
  },
  (t) => [index('account_notes_account_idx').on(t.accountId, t.createdAt)],
);

/** Pairs a person judged "not the same customer": the duplicates screen no longer proposes them. */
export const duplicateDismissals = pgTable(
  'duplicate_dismissals',
  {
    /** The smaller id of the pair. */
    accountA: uuid('account_a').notNull(),
    accountB: uuid('account_b').notNull(),
    dismissedBy: uuid('dismissed_by'),
    dismissedAt: tstz('dismissed_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('duplicate_dismissals_pair_key').on(t.accountA, t.accountB)],
);
