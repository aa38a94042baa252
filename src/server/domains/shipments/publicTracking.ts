import type { DbOrTx } from '../../db/client.js';
import { notFound } from '../../lib/errors.js';
import * as repo from './repo.js';

/**
 * What anyone holding a waybill number may see: status, route and timeline — what the recipient
 * already knows. No account, prices, weights, declared value or internal ids.
 */
export async function trackWaybill(db: DbOrTx, waybill: string) {
  const s = await repo.findShipmentByWaybill(db, waybill);
  if (!s) throw notFound('shipment');
  const events = await repo.eventsOf(db, s.id);
  return {
    waybill: s.waybill,
    status: s.status,
    origin: s.origin,
    destination: s.destination,
    promisedAt: s.promisedAt?.toISOString() ?? null,
    promisedDate: s.promisedDate,
    deliveredAt: s.deliveredAt?.toISOString() ?? null,
    events: events.map((e) => ({
      occurredAt: e.occurredAt.toISOString(),
      statusCode: e.statusCode,
      location: e.location,
      description: e.description,
    })),
  };
}
