import { SHIPMENT_STATUSES, type ShipmentStatus } from '../../../shared/shipments';

export const isShipmentStatus = (v: string): v is ShipmentStatus =>
  (SHIPMENT_STATUSES as readonly string[]).includes(v);

/** Tag colour of a shipment status. */
export const STATUS_COLOR: Record<ShipmentStatus, string> = {
  booked: 'default',
  picked_up: 'processing',
  in_transit: 'processing',
  out_for_delivery: 'processing',
  delivered: 'success',
  exception: 'error',
  returned: 'warning',
  cancelled: 'default',
};
