import type { ShipmentRow } from './repo.js';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** A shipment as staff see it (the public tracking view has its own, smaller presenter). */
export function toShipmentDto(s: ShipmentRow) {
  return {
    id: s.id,
    waybill: s.waybill,
    accountId: s.accountId,
    agreementId: s.agreementId,
    carrierId: s.carrierId,
    mode: s.mode,
    origin: s.origin,
    destination: s.destination,
    status: s.status,
    bookedAt: s.bookedAt.toISOString(),
    pickedUpAt: iso(s.pickedUpAt),
    promisedAt: iso(s.promisedAt),
    promisedDate: s.promisedDate,
    deliveredAt: iso(s.deliveredAt),
    pieces: s.pieces,
    weightKg: s.weightKg,
    volumeM3: s.volumeM3,
    declaredValueCents: s.declaredValueCents,
    revenueCents: s.revenueCents,
    costCents: s.costCents,
    currency: s.currency,
    proofOfDelivery: s.proofOfDelivery,
    version: s.version,
    createdAt: s.createdAt.toISOString(),
    updatedAt: s.updatedAt.toISOString(),
  };
}
export type ShipmentDto = ReturnType<typeof toShipmentDto>;
