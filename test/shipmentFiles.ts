/**
 * Rows of a shipment file (issue 4's documented column format, Chinese headers): the file import's
 * tests and its benchmark build their files with these, so both read the same layout.
 */

export const SHIPMENT_FILE_HEADER = [
  '运单号',
  '客户编码',
  '承运商编码',
  '运输方式',
  '始发地',
  '目的地',
  '状态',
  '下单时间',
  '揽收时间',
  '承诺送达时间',
  '签收时间',
  '件数',
  '重量(kg)',
  '运费(元)',
  '成本(元)',
  '异常',
] as const;

export type ShipmentFileCells = Partial<
  Record<
    | 'account'
    | 'carrier'
    | 'mode'
    | 'origin'
    | 'destination'
    | 'status'
    | 'booked'
    | 'picked'
    | 'promised'
    | 'delivered'
    | 'pieces'
    | 'weight'
    | 'revenue'
    | 'cost'
    | 'exceptions',
    string
  >
>;

/** One row in SHIPMENT_FILE_HEADER's order: a delivered, on-time LTL shipment unless told otherwise. */
export const shipmentFileRow = (waybill: string, c: ShipmentFileCells = {}): string[] => [
  waybill,
  c.account ?? 'shipimp',
  c.carrier ?? 'SF',
  c.mode ?? '公路零担',
  c.origin ?? '上海',
  c.destination ?? '北京',
  c.status ?? '已签收',
  c.booked ?? '2025-03-01 09:00+08:00',
  c.picked ?? '2025-03-01 15:00:00+08:00',
  c.promised ?? '2025-03-04 18:00+08:00',
  c.delivered ?? '2025-03-04 10:00+08:00',
  c.pieces ?? '1',
  c.weight ?? '12.5',
  c.revenue ?? '300.50',
  c.cost ?? '',
  c.exceptions ?? '',
];
