import { z } from 'zod';
import { TRANSPORT_MODES } from './customers/labels.js';

export const SHIPMENT_STATUSES = [
  'booked',
  'picked_up',
  'in_transit',
  'out_for_delivery',
  'delivered',
  'exception',
  'returned',
  'cancelled',
] as const;
export type ShipmentStatus = (typeof SHIPMENT_STATUSES)[number];

/** The one list of transport modes (with its labels) lives with the customer vocabularies. */
export { TRANSPORT_MODES } from './customers/labels.js';

export const EXCEPTION_KINDS = ['delay', 'damage', 'loss', 'shortage', 'misdelivery'] as const;
/** Exceptions that make a delivered shipment count as not intact (DOMAIN.md §3). */
export const CARGO_ISSUES = ['damage', 'loss', 'shortage'] as const;

/** ISO 8601 with a time zone offset or Z: a time without one is ambiguous and refused. */
const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;
const YEAR_2000 = Date.UTC(2000, 0, 1);
/** Clock skew allowed between the sending system and this server. */
const SKEW_MS = 10 * 60_000;

const instant = z.string().max(40).regex(ISO_WITH_OFFSET, { message: 'time.offsetRequired' });
/** One parse of the time for every bound (a bulk row has four times: this runs millions of times). */
const boundedInstant = (allowFuture: boolean) =>
  instant.check((ctx) => {
    const t = Date.parse(ctx.value);
    const message = Number.isNaN(t)
      ? 'time.offsetRequired'
      : t < YEAR_2000
        ? 'time.before2000'
        : !allowFuture && t > Date.now() + SKEW_MS
          ? 'time.future'
          : null;
    if (message) ctx.issues.push({ code: 'custom', message, input: ctx.value });
  });
/** An event that has happened: not before 2000 and not in the future. */
export const pastInstant = boundedInstant(false);
/** A promise may lie in the future, but not before 2000. */
const promiseInstant = boundedInstant(true);
const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'date.format' })
  .refine((s) => s >= '2000-01-01', { message: 'time.before2000' });

const amount = z.number({ message: 'shipment.invalid' }).min(0, { message: 'shipment.negative' });
const cents = z.number({ message: 'shipment.invalid' }).int().min(0, { message: 'shipment.negative' });
const text = (max: number) => z.string().trim().min(1).max(max);

export const shipmentExceptionInputSchema = z.strictObject({
  kind: z.enum(EXCEPTION_KINDS),
  occurredAt: pastInstant.optional(),
  note: z.string().max(2000).optional(),
});

/** One shipment as a TMS/WMS sends it (single create and every row of a bulk upsert). */
export const shipmentInputSchema = z.strictObject({
  waybill: text(60),
  accountCode: text(60),
  carrierCode: text(40).optional(),
  mode: z.enum(TRANSPORT_MODES),
  origin: text(100),
  destination: text(100),
  status: z.enum(SHIPMENT_STATUSES),
  bookedAt: pastInstant,
  pickedUpAt: pastInstant.optional(),
  /** The promised delivery time; or only `promisedDate` when the agreement promises a day. */
  promisedAt: promiseInstant.optional(),
  promisedDate: day.optional(),
  deliveredAt: pastInstant.optional(),
  pieces: z.number().int().min(0, { message: 'shipment.negative' }).optional(),
  weightKg: amount.optional(),
  volumeM3: amount.optional(),
  declaredValueCents: cents.optional(),
  revenueCents: cents.optional(),
  costCents: cents.optional(),
  currency: z.string().length(3).optional(),
  proofOfDelivery: z.string().max(500).optional(),
  exceptions: z.array(shipmentExceptionInputSchema).max(10).optional(),
});
export type ShipmentInput = z.infer<typeof shipmentInputSchema>;

export const updateShipmentSchema = shipmentInputSchema
  .omit({ waybill: true, exceptions: true })
  .partial()
  .extend({ version: z.number().int().min(1) });
export type UpdateShipmentInput = z.infer<typeof updateShipmentSchema>;

export const bulkShipmentsSchema = z.strictObject({
  /** Rows are validated one by one so every bad row is reported with its index. */
  rows: z.array(z.unknown()).min(1).max(20_000),
  /** Store the valid rows and report the others; by default one bad row stores nothing. */
  skipInvalid: z.boolean().default(false),
});

export const trackingEventInputSchema = z.strictObject({
  occurredAt: pastInstant,
  statusCode: text(40),
  location: z.string().trim().max(200).optional(),
  description: z.string().trim().max(1000).optional(),
  source: z.string().trim().max(60).optional(),
});
export const bulkTrackingSchema = z.strictObject({
  events: z.array(z.unknown()).min(1).max(50_000),
  skipInvalid: z.boolean().default(false),
});
export const bulkTrackingRowSchema = trackingEventInputSchema.extend({ waybill: text(60) });

/** A rejected row: which one, which field, why (a message key), and the localised message. */
export interface RowError {
  index: number;
  field: string;
  code: string;
  message?: string;
}

export const rowErrorSchema = z.object({
  index: z.number(),
  field: z.string(),
  code: z.string(),
  message: z.string().optional(),
});

export const bulkResultSchema = z.object({
  received: z.number(),
  inserted: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  rejected: z.number(),
  errors: z.array(rowErrorSchema),
});
