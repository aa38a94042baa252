import { headerGuesser, type MappingIssue } from './mapping.js';

/**
 * Columns of a shipment file (docs/shipment-import.md): one row is one waybill, with the fields of the
 * bulk API. Amounts are in currency units (yuan, two decimals at most), times ISO 8601 with an offset.
 */

export const SHIPMENT_IMPORT_TARGETS = [
  'waybill',
  'accountCode',
  'carrierCode',
  'mode',
  'origin',
  'destination',
  'status',
  'bookedAt',
  'pickedUpAt',
  'promisedAt',
  'promisedDate',
  'deliveredAt',
  'pieces',
  'weightKg',
  'volumeM3',
  'declaredValue',
  'revenue',
  'cost',
  'currency',
  'proofOfDelivery',
  'exceptions',
] as const;
export type ShipmentImportTarget = (typeof SHIPMENT_IMPORT_TARGETS)[number];

/** The time columns; every one of them must carry a time zone offset, the same in the whole file. */
export const SHIPMENT_TIME_TARGETS = ['bookedAt', 'pickedUpAt', 'promisedAt', 'deliveredAt'] as const;

const ALIAS_LISTS: Record<ShipmentImportTarget, string> = {
  waybill: '运单号|运单编号|单号|快递单号|waybill|waybillno|waybillnumber|trackingnumber',
  accountCode: '客户编码|客户代码|客户编号|accountcode|customercode|account',
  carrierCode: '承运商编码|承运商代码|承运商|carriercode|carrier',
  mode: '运输方式|业务类型|mode|transportmode',
  origin: '始发地|发货城市|起运地|出发地|origin|from',
  destination: '目的地|收货城市|到达地|destination|to',
  status: '状态|运单状态|status',
  bookedAt: '下单时间|托运时间|受理时间|bookedat|booked|bookingtime',
  pickedUpAt: '揽收时间|提货时间|取件时间|pickedupat|pickedup|pickuptime',
  promisedAt: '承诺送达时间|承诺时效|promisedat|promised|promisedtime',
  promisedDate: '承诺送达日期|promiseddate',
  deliveredAt: '签收时间|送达时间|妥投时间|deliveredat|delivered|deliverytime',
  pieces: '件数|pieces|packages',
  weightKg: '重量|重量kg|重量公斤|weight|weightkg',
  volumeM3: '体积|体积m3|体积立方米|volume|volumem3',
  declaredValue: '声明价值|声明价值元|保价金额|保价金额元|declaredvalue',
  revenue: '运费|运费元|运费收入|运费收入元|收入|收入元|revenue|freight',
  cost: '成本|成本元|运输成本|运输成本元|cost',
  currency: '币种|货币|currency',
  proofOfDelivery: '签收凭证|回单|proofofdelivery|pod',
  exceptions: '异常|异常类型|exceptions|exception',
};

export const { guessTarget: guessShipmentTarget, guessMapping: guessShipmentMapping } =
  headerGuesser<ShipmentImportTarget>(ALIAS_LISTS);

/** Without these a row cannot become a shipment. */
const REQUIRED: ShipmentImportTarget[] = [
  'waybill',
  'accountCode',
  'mode',
  'origin',
  'destination',
  'status',
  'bookedAt',
];

/** Something mapped, known targets only, each at most once, and every required field mapped. */
export function validateShipmentMapping(
  mapping: readonly { header: string; target: string | null }[],
): MappingIssue[] {
  const issues: MappingIssue[] = [];
  const byTarget = new Map<string, string[]>();
  for (const { header, target } of mapping) {
    if (target === null) continue;
    if (!(SHIPMENT_IMPORT_TARGETS as readonly string[]).includes(target)) {
      issues.push({ code: 'mapping.unknown_target', headers: [header], target });
      continue;
    }
    byTarget.set(target, [...(byTarget.get(target) ?? []), header]);
  }
  if (byTarget.size === 0) return [...issues, { code: 'mapping.nothing_mapped' }];
  for (const [target, headers] of byTarget)
    if (headers.length > 1) issues.push({ code: 'mapping.duplicate_target', headers, target });
  for (const target of REQUIRED)
    if (!byTarget.has(target)) issues.push({ code: 'mapping.required_missing', target });
  return issues;
}
