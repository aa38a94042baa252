import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  date,
  index,
  integer,
  numeric,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { SHIPMENT_STATUSES, type ShipmentStatus } from '../../../shared/shipments.js';
import { editableColumns, tstz } from '../../db/columns.js';
import { accounts } from '../accounts/table.js';
import { partners } from '../partners/table.js';

const money = (name: string) => bigint(name, { mode: 'number' });

/** A waybill (运单): what the TMS/WMS sends, keyed by waybill number. */
export const shipments = pgTable(
  'shipments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    waybill: text('waybill').notNull(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    /** The service agreement in force (linked once agreements exist). */
    agreementId: uuid('agreement_id'),
    carrierId: uuid('carrier_id').references(() => partners.id),
    mode: text('mode').notNull(),
    origin: text('origin').notNull(),
    destination: text('destination').notNull(),
    status: text('status').$type<ShipmentStatus>().notNull(),
    bookedAt: tstz('booked_at').notNull(),
    pickedUpAt: tstz('picked_up_at'),
    promisedAt: tstz('promised_at'),
    /** When only a promised day is known: compared as calendar dates in the company zone. */
    promisedDate: date('promised_date'),
    deliveredAt: tstz('delivered_at'),
    pieces: integer('pieces'),
    weightKg: numeric('weight_kg', { precision: 14, scale: 3, mode: 'number' }),
    volumeM3: numeric('volume_m3', { precision: 14, scale: 3, mode: 'number' }),
    declaredValueCents: money('declared_value_cents'),
    revenueCents: money('revenue_cents'),
    costCents: money('cost_cents'),
    currency: text('currency'),
    proofOfDelivery: text('proof_of_delivery'),
    ...editableColumns(),
  },
  (t) => [
    uniqueIndex('shipments_waybill_key').on(t.waybill),
    // one account's KPIs: deliveries and bookings in a period, read from the index alone where possible
    index('shipments_account_delivered_idx').on(t.accountId, t.deliveredAt),
    index('shipments_account_booked_idx').on(t.accountId, t.bookedAt),
    index('shipments_carrier_delivered_idx').on(t.carrierId, t.deliveredAt),
    index('shipments_delivered_idx').on(t.deliveredAt),
    index('shipments_booked_idx').on(t.bookedAt),
    index('shipments_lane_idx').on(t.origin, t.destination),
    check(
      'shipments_status_check',
      sql.raw(`status IN (${SHIPMENT_STATUSES.map((s) => `'${s}'`).join(',')})`),
    ),
  ],
);

/** A tracking event (物流轨迹); re-sending the same event (same time and code) changes nothing. */
export const trackingEvents = pgTable(
  'tracking_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    shipmentId: uuid('shipment_id')
      .notNull()
      .references(() => shipments.id, { onDelete: 'cascade' }),
    occurredAt: tstz('occurred_at').notNull(),
    statusCode: text('status_code').notNull(),
    location: text('location'),
    description: text('description'),
    source: text('source'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('tracking_events_key').on(t.shipmentId, t.occurredAt, t.statusCode)],
);

/** Delay, damage, loss, shortage or misdelivery; at most one of each kind per shipment. */
export const shipmentExceptions = pgTable(
  'shipment_exceptions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    shipmentId: uuid('shipment_id')
      .notNull()
      .references(() => shipments.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    occurredAt: tstz('occurred_at'),
    note: text('note'),
    ...editableColumns(),
  },
  (t) => [uniqueIndex('shipment_exceptions_key').on(t.shipmentId, t.kind)],
);
