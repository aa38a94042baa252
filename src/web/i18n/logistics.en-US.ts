/** English texts of the shipments, tracking, service-quality and partner screens. */
export const logisticsEnUS = {
  shipmentStatus: {
    booked: 'Booked',
    picked_up: 'Picked up',
    in_transit: 'In transit',
    out_for_delivery: 'Out for delivery',
    delivered: 'Delivered',
    exception: 'Exception',
    returned: 'Returned',
    cancelled: 'Cancelled',
  },
  track: {
    title: 'Track your shipment',
    waybill: 'Waybill {{waybill}}',
    route: 'From {{origin}} to {{destination}}',
    promised: 'Expected delivery',
    delivered: 'Delivered',
    timeline: 'Tracking history',
    noEvents: 'No tracking events yet.',
    notFound: 'No shipment with waybill {{waybill}} was found.',
    notFoundHint: 'Check the number on your receipt and try again.',
    tooMany: 'Too many look-ups from your network. Please wait a minute and try again.',
    searchPlaceholder: 'Waybill number',
    searchButton: 'Track',
  },
};
