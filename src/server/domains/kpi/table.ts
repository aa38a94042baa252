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
  // also an index on (day, minutes) INCLUDE (…), hand-written in migration 0020 (kpi/cube.ts reads it)
  (t) => [
    unique('shipment_transit_daily_key')
      .on(t.day, t.carrierId, t.origin, t.destination, t.mode, t.minutes)
      .nullsNotDistinct(),
  ],
);

/**
 * The cube: the same measures summed per slice (a set of dimensions: overall, carrier, mode, origin,
 * lane, carrier_lane) per week and month of the company zone, dimensions outside the slice left null.
 * A company query sums a few hundred of these rows instead of a row per shipment (kpi/cube.ts); the
 * days at a period's edges still come from shipment_kpi_daily_totals.
 */
const cubeKey = () => ({
  slice: text('slice').notNull(),
  grain: text('grain').notNull(),
  period: date('period').notNull(),
  carrierId: uuid('carrier_id'),
  origin: text('origin'),
  destination: text('destination'),
  mode: text('mode'),
});

/** Keys lead with the lane so that one lane's carriers (carrier_lane) are one index range. */
export const shipmentKpiCube = pgTable('shipment_kpi_cube', { ...cubeKey(), ...measures() }, (t) => [
  unique('shipment_kpi_cube_key')
    .on(t.slice, t.grain, t.period, t.origin, t.destination, t.mode, t.carrierId)
    .nullsNotDistinct(),
]);

/**
 * Transit times per cube cell counted by whole hour (floor(minutes / 60)): locates the hour holding
 * each rank the median and P90 need; the minutes inside that one hour are then read from
 * shipment_transit_daily through its (day, minutes) index, so the percentiles stay exact.
 */
export const shipmentTransitCube = pgTable(
  'shipment_transit_cube',
  { ...cubeKey(), hour: integer('hour').notNull(), shipments: integer('shipments').notNull() },
  (t) => [
    unique('shipment_transit_cube_key')
      .on(t.slice, t.grain, t.period, t.origin, t.destination, t.mode, t.carrierId, t.hour)
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
