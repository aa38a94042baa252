import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { PARTNER_KINDS, type PartnerKind, type ScoreWeights } from '../../../shared/partners.js';
import { editableColumns, tstz } from '../../db/columns.js';

/** Carriers, warehouses, customs brokers and last-mile firms the company works with. */
export const partners = pgTable(
  'partners',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull(),
    kind: text('kind').$type<PartnerKind>().notNull(),
    nameZh: text('name_zh'),
    nameEn: text('name_en'),
    modes: text('modes').array().notNull().default(sql`'{}'`),
    /** active, suspended, exited (退出). */
    status: text('status').$type<'active' | 'suspended' | 'exited'>().notNull().default('active'),
    /** Raised by two consecutive D grades; cleared by a better evaluation. */
    exitWarning: boolean('exit_warning').notNull().default(false),
    grade: text('grade'),
    notes: text('notes'),
    ...editableColumns(),
  },
  (t) => [
    uniqueIndex('partners_code_key').on(sql`lower(${t.code})`),
    index('partners_kind_idx').on(t.kind, t.code),
    check('partners_kind_check', sql.raw(`kind IN (${PARTNER_KINDS.map((k) => `'${k}'`).join(',')})`)),
  ],
);

const partnerRef = () =>
  uuid('partner_id')
    .notNull()
    .references(() => partners.id, { onDelete: 'cascade' });

/** Licences and certificates (road transport licence, ISO 9001, …) with their expiry dates. */
export const partnerQualifications = pgTable(
  'partner_qualifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnerId: partnerRef(),
    kind: text('kind').notNull(),
    number: text('number'),
    issuedOn: date('issued_on'),
    expiresOn: date('expires_on'),
    ...editableColumns(),
  },
  (t) => [index('partner_qualifications_partner_idx').on(t.partnerId), index().on(t.expiresOn)],
);

export const partnerContacts = pgTable(
  'partner_contacts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnerId: partnerRef(),
    name: text('name').notNull(),
    title: text('title'),
    mobile: text('mobile'),
    email: text('email'),
    isPrimary: boolean('is_primary').notNull().default(false),
    ...editableColumns(),
  },
  (t) => [index('partner_contacts_partner_idx').on(t.partnerId)],
);

export const partnerContracts = pgTable(
  'partner_contracts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnerId: partnerRef(),
    number: text('number').notNull(),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on'),
    terms: text('terms'),
    ...editableColumns(),
  },
  (t) => [index('partner_contracts_partner_idx').on(t.partnerId)],
);

/** One periodic evaluation (scorecard) of a partner: KPI inputs, manual ratings, score and grade. */
export const partnerEvaluations = pgTable(
  'partner_evaluations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnerId: partnerRef(),
    periodKind: text('period_kind').$type<'month' | 'quarter'>().notNull(),
    periodStart: date('period_start').notNull(),
    periodEnd: date('period_end').notNull(),
    deliveredShipments: integer('delivered_shipments').notNull(),
    onTimeRate: numeric('on_time_rate', { mode: 'number' }),
    intactRate: numeric('intact_rate', { mode: 'number' }),
    /** Manual ratings on 1–5, turned into 0–100 indices as (r − 1) / 4 × 100. */
    serviceRating: integer('service_rating').notNull(),
    priceRating: integer('price_rating').notNull(),
    weights: jsonb('weights').$type<ScoreWeights>().notNull(),
    score: numeric('score', { mode: 'number' }).notNull(),
    grade: text('grade').notNull(),
    exitWarning: boolean('exit_warning').notNull(),
    evaluatedBy: text('evaluated_by'),
    evaluatedAt: tstz('evaluated_at').notNull().defaultNow(),
    ...editableColumns(),
  },
  (t) => [uniqueIndex('partner_evaluations_period_key').on(t.partnerId, t.periodKind, t.periodStart)],
);
