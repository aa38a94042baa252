import type { TicketCategory } from '../../../shared/servicedesk/enums';
import type { ShipmentDetailDto } from '../shipments/api';
import type { TicketPreset } from './NewTicketDialog';

/** The complaint category a shipment exception points to. */
const CATEGORY_OF_EXCEPTION: Record<string, TicketCategory> = {
  delay: 'delay',
  damage: 'damage',
  loss: 'loss',
  shortage: 'loss',
  misdelivery: 'wrong_delivery',
};

/** A late delivery: after the promised time, or else after the promised day (UTC date of delivery). */
function deliveredLate(s: ShipmentDetailDto): boolean {
  if (!s.deliveredAt) return !!s.promisedAt && s.promisedAt < new Date().toISOString();
  if (s.promisedAt) return s.deliveredAt > s.promisedAt;
  return !!s.promisedDate && s.deliveredAt.slice(0, 10) > s.promisedDate;
}

/** A complaint about one shipment: its account, the shipment linked, the category its record suggests. */
export function complaintPreset(s: ShipmentDetailDto, subject: string): TicketPreset {
  const fromException = s.exceptions.map((x) => CATEGORY_OF_EXCEPTION[x.kind]).find(Boolean);
  return {
    kind: 'complaint',
    category: deliveredLate(s) ? 'delay' : (fromException ?? 'other'),
    subject,
    accountId: s.accountId,
    shipmentIds: [s.id],
    waybill: s.waybill,
  };
}
