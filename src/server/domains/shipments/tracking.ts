import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { bulkTrackingRowSchema, type RowError, SHIPMENT_STATUSES } from '../../../shared/shipments.js';
import type { Db, DbOrTx } from '../../db/client.js';
import { withoutJit } from '../../db/jit.js';
import type { Actor } from '../../lib/actor.js';
import { AppError } from '../../lib/errors.js';
import { recordChange } from '../audit/service.js';
import * as repo from './repo.js';
import { issueToRowError } from './validation.js';

type EventRow = ReturnType<typeof bulkTrackingRowSchema.parse>;

/**
 * Checks events against their shipment and each other. Rejected (never reordered or "fixed"): an
 * event before the booking, a delivery event before the pick-up, a pick-up after the delivery.
 * Events arriving out of order are fine: the timeline is sorted by event time.
 */
export function checkEvents(
  events: { index: number; e: EventRow }[],
  shipments: Map<string, Pick<repo.ShipmentRow, 'bookedAt' | 'pickedUpAt' | 'deliveredAt'>>,
): RowError[] {
  const errors: RowError[] = [];
  const earliestPickup = new Map<string, number>();
  for (const { e } of events) {
    if (e.statusCode !== 'picked_up') continue;
    const t = Date.parse(e.occurredAt);
    earliestPickup.set(e.waybill, Math.min(t, earliestPickup.get(e.waybill) ?? t));
  }
  for (const { index, e } of events) {
    const s = shipments.get(e.waybill);
    if (!s) {
      errors.push({ index, field: 'waybill', code: 'tracking.unknownWaybill' });
      continue;
    }
    const t = Date.parse(e.occurredAt);
    const pickup = Math.min(s.pickedUpAt?.getTime() ?? Infinity, earliestPickup.get(e.waybill) ?? Infinity);
    if (t < s.bookedAt.getTime()) errors.push({ index, field: 'occurredAt', code: 'tracking.beforeBooking' });
    else if (e.statusCode === 'delivered' && t < pickup)
      errors.push({ index, field: 'occurredAt', code: 'tracking.deliveredBeforePickup' });
    else if (e.statusCode === 'picked_up' && s.deliveredAt && t > s.deliveredAt.getTime())
      errors.push({ index, field: 'occurredAt', code: 'shipment.deliveredBeforePickup' });
  }
  return errors;
}

const STATUS_LIST = sql.raw(SHIPMENT_STATUSES.map((s) => `'${s}'`).join(','));

/**
 * After new events: the status follows the latest event (by event time) that names a shipment
 * status; pick-up and delivery times are taken from events only where the shipment has none.
 */
async function deriveFromEvents(db: DbOrTx, shipmentIds: string[]) {
  await db.execute(sql`
    UPDATE shipments s SET
      status = coalesce(latest.status_code, s.status),
      picked_up_at = coalesce(s.picked_up_at, firsts.picked_up),
      delivered_at = coalesce(s.delivered_at, firsts.delivered),
      version = s.version + 1, updated_at = now()
    FROM unnest(${sql.param(shipmentIds)}::uuid[]) AS ids(id)
    LEFT JOIN LATERAL (
      SELECT status_code FROM tracking_events e
      WHERE e.shipment_id = ids.id AND e.status_code IN (${STATUS_LIST})
      ORDER BY e.occurred_at DESC LIMIT 1) latest ON true
    LEFT JOIN LATERAL (
      SELECT min(occurred_at) FILTER (WHERE status_code = 'picked_up') AS picked_up,
             min(occurred_at) FILTER (WHERE status_code = 'delivered') AS delivered
      FROM tracking_events e WHERE e.shipment_id = ids.id) firsts ON true
    WHERE s.id = ids.id AND (s.status, s.picked_up_at, s.delivered_at) IS DISTINCT FROM
      (coalesce(latest.status_code, s.status), coalesce(s.picked_up_at, firsts.picked_up),
       coalesce(s.delivered_at, firsts.delivered))`);
}

/** Adds tracking events in one transaction; re-sent events (same shipment, time and code) are ignored. */
export async function addTrackingEvents(db: Db, actor: Actor, rows: unknown[], skipInvalid: boolean) {
  return db.transaction(async (tx) => {
    await withoutJit(tx);
    const errors: RowError[] = [];
    const parsed: { index: number; e: EventRow }[] = [];
    rows.forEach((row, index) => {
      const r = bulkTrackingRowSchema.safeParse(row);
      if (r.success) parsed.push({ index, e: r.data });
      else for (const issue of r.error.issues) errors.push(issueToRowError(index, issue, row));
    });
    const found = await repo.findShipmentsByWaybills(tx, [...new Set(parsed.map((p) => p.e.waybill))]);
    const byWaybill = new Map(found.map((s) => [s.waybill, s]));
    errors.push(...checkEvents(parsed, byWaybill));
    errors.sort((a, b) => a.index - b.index);
    if (errors.length && !skipInvalid) throw new AppError('VALIDATION_FAILED', { rows: errors });
    const bad = new Set(errors.map((e) => e.index));
    const records = parsed
      .filter((p) => !bad.has(p.index))
      .map(({ e }) => ({
        shipment_id: byWaybill.get(e.waybill)!.id,
        occurred_at: e.occurredAt,
        status_code: e.statusCode,
        location: e.location ?? null,
        description: e.description ?? null,
        source: e.source ?? null,
      }));
    let inserted: { shipment_id: string }[] = [];
    if (records.length) {
      const res = await tx.execute<{ shipment_id: string }>(sql`
        INSERT INTO tracking_events (shipment_id, occurred_at, status_code, location, description, source)
        SELECT shipment_id, occurred_at, status_code, location, description, source
        FROM jsonb_to_recordset(${JSON.stringify(records)}::jsonb) AS r(shipment_id uuid,
          occurred_at timestamptz, status_code text, location text, description text, source text)
        ON CONFLICT (shipment_id, occurred_at, status_code) DO NOTHING
        RETURNING shipment_id`);
      inserted = res.rows;
    }
    const touched = [...new Set(inserted.map((r) => r.shipment_id))];
    if (touched.length) {
      await deriveFromEvents(tx, touched);
      await recordChange(tx, actor, 'shipmentBatch', randomUUID(), 'create', null, {
        trackingEvents: inserted.length,
        shipments: touched.length,
      });
    }
    return {
      received: rows.length,
      inserted: inserted.length,
      unchanged: records.length - inserted.length,
      rejected: bad.size,
      errors,
    };
  });
}

/** One event for one shipment: the bulk path with a single row, its row errors turned into field errors. */
export async function addTrackingEvent(
  db: Db,
  actor: Actor,
  shipmentId: string,
  event: Record<string, unknown>,
) {
  const s = await repo.findShipment(db, shipmentId);
  if (!s) throw new AppError('NOT_FOUND', { params: { entity: 'shipment' } });
  try {
    return await addTrackingEvents(db, actor, [{ ...event, waybill: s.waybill }], false);
  } catch (err) {
    if (err instanceof AppError && err.details.rows)
      throw new AppError('VALIDATION_FAILED', {
        fields: Object.fromEntries(err.details.rows.map((r) => [r.field, r.code])),
      });
    throw err;
  }
}
