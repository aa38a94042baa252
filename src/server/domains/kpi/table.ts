import { bigint, date, integer, jsonb, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core';
import type { ServiceTargets } from '../../../shared/serviceTargets.js';
import { editableColumns } from '../../db/columns.js';
import { accounts } from '../accounts/table.js';

/**
 * Daily KPI rollups. Delivery measures count on the day of delivery, volume and money on the day of
 * booking (the same split as the raw query). Kept by statement triggers on shipments and
 * shipment_exceptions (hand-written SQL in migrations 0008 and 0011), so every write path — API,
 * import, tracking, merges — updates them in the same transaction.
 */
const measures = () => ({
  delivered: integer('delivered').notNull().default(0),
  onTimeTs: integer('on_time_ts').notNull().default(0),
  judgedTs: integer('judged_ts').notNull().default(0),
  onTimeDate: integer('on_time_date').notNull().default(0),
  judgedDate: integer('judged_date').notNull().default(0),
  cargoIssues: integer('cargo_issues').notNull().default(0),
  volume: integer('volume').notNull().default(0),
  revenueCents: bigint('revenue_cents', { mode: 'number' }).notNull().default(0),
  costCents: bigint('cost_cents', { mode: 'number' }).notNull().default(0),
});

/**
 * The measures per local day × carrier × lane × mode (no account: with many accounts a per-account
 * rollup has about two rows per shipment, and one account's KPIs read its own rows through the
 * shipments' account indexes instead).
 */
export const shipmentKpiDailyTotals = pgTable(
  'shipment_kpi_daily_totals',
  {
    day: date('day').notNull(),
    carrierId: uuid('carrier_id'),
    origin: text('origin').notNull(),
    destination: text('destination').notNull(),
    mode: text('mode').notNull(),
    ...measures(),
  },
  (t) => [
    unique('shipment_kpi_daily_totals_key')
      .on(t.day, t.carrierId, t.origin, t.destination, t.mode)
      .nullsNotDistinct(),
  ],
);

/**
 * Transit times of delivered shipments in whole minutes, counted per local delivery day × carrier ×
 * lane × mode: enough for the exact median and P90 of any cut but the account (which reads raw rows).
 */
export const shipmentTransitDaily = pgTable(
  'shipment_transit_daily',
  {
    day: date('day').notNull(),
    carrierId: uuid('carrier_id'),
    origin: text('origin').notNull(),
    destination: text('destination').notNull(),
    mode: text('mode').notNull(),
    minutes: integer('minutes').notNull(),
    shipments: integer('shipments').notNull(),
  },
  (t) => [
    unique('shipment_transit_daily_key')
      .on(t.day, t.carrierId, t.origin, t.destination, t.mode, t.minutes)
      .nullsNotDistinct(),
  ],
);

/** The zone the rollup's days were cut in; a change of company zone rebuilds it. One row (id 1). */
export const shipmentKpiRollupState = pgTable('shipment_kpi_rollup_state', {
  id: integer('id').primaryKey(),
  timeZone: text('time_zone').notNull(),
});

/** An account's own service targets (shared/serviceTargets.ts); without a row the tier's defaults apply. */
export const accountServiceTargets = pgTable('account_service_targets', {
  accountId: uuid('account_id')
    .primaryKey()
    .references(() => accounts.id, { onDelete: 'cascade' }),
  targets: jsonb('targets').$type<ServiceTargets>().notNull(),
  ...editableColumns(),
});
