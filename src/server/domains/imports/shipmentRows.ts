import type { EXCEPTION_KINDS, SHIPMENT_STATUSES } from '../../../shared/shipments.js';
import { numberValue, splitList, vocabularyValue } from './cellValues.js';
import type { ColumnMapping } from './mapping.js';
import type { RowIssue } from './rowValidation.js';
import { SHIPMENT_TIME_TARGETS, type ShipmentImportTarget } from './shipmentMapping.js';
import type { TableRecord } from './table.js';

/**
 * Cells of a shipment file to the bulk API's shipment input, so the file goes through the same
 * validation as every other way in (shipments/validation.ts). What cannot be read is passed on as
 * written, so the schema's error names what the user wrote; problems only a file has (an amount with
 * more than two decimals, a time zone other than the rest of the file's) are reported here.
 */

const STATUS_LABELS: Record<string, (typeof SHIPMENT_STATUSES)[number]> = {
  已下单: 'booked',
  已受理: 'booked',
  已揽收: 'picked_up',
  已提货: 'picked_up',
  运输中: 'in_transit',
  在途: 'in_transit',
  派送中: 'out_for_delivery',
  已签收: 'delivered',
  已送达: 'delivered',
  异常: 'exception',
  已退回: 'returned',
  退回: 'returned',
  已取消: 'cancelled',
};
const EXCEPTION_LABELS: Record<string, (typeof EXCEPTION_KINDS)[number]> = {
  延误: 'delay',
  破损: 'damage',
  丢失: 'loss',
  短少: 'shortage',
  错送: 'misdelivery',
};

const key = (s: string) =>
  s
    .normalize('NFKC')
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
/**
 * A reading of a cell remembered by its text: a file repeats the few words of its status, mode and
 * exception columns on every row, and normalising them again each time was a tenth of the import's work.
 */
function remembered<T>(read: (cell: string) => T): (cell: string) => T {
  const seen = new Map<string, T>();
  return (cell) => {
    if (seen.has(cell)) return seen.get(cell) as T;
    const value = read(cell);
    if (seen.size < 1_000) seen.set(cell, value);
    return value;
  };
}

const statusValue = remembered((cell) => STATUS_LABELS[cell.trim()] ?? key(cell));
const modeValue = remembered((cell) => vocabularyValue('transportMode', cell));
const exceptionKinds = remembered((cell) =>
  splitList(cell).map((item) => EXCEPTION_LABELS[item] ?? key(item)),
);

/** "2026-03-01 08:00+0800", "2026/3/1T08:00:00Z" → ISO 8601; anything else as written. */
const TIME =
  /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})[T\s]+(\d{1,2}):(\d{2})(:\d{2}(?:\.\d{1,9})?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;
const pad = (s: string) => s.padStart(2, '0');
const ASCII = /^[\x20-\x7e]*$/;

/** Already ISO 8601 with a numeric offset, as most systems export: nothing to rewrite. */
const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/;

export function timeValue(cell: string): { iso: string; offset: string | null } {
  if (ISO_WITH_OFFSET.test(cell)) return { iso: cell, offset: cell.slice(-6) };
  const text = (ASCII.test(cell) ? cell : cell.normalize('NFKC')).trim();
  const m = TIME.exec(text);
  if (!m) return { iso: text, offset: null };
  const [, y, mo, d, h, mi, s = ':00', zone] = m;
  const offset = !zone
    ? null
    : zone.toUpperCase() === 'Z'
      ? '+00:00'
      : `${zone.slice(0, 3)}:${zone.slice(-2)}`;
  return { iso: `${y}-${pad(mo)}-${pad(d)}T${pad(h)}:${mi}${s}${offset ?? ''}`, offset };
}

/** "2026/3/1" → 2026-03-01; anything else as written. */
function dateValue(cell: string): string {
  const m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(cell.trim());
  return m ? `${m[1]}-${pad(m[2])}-${pad(m[3])}` : cell.trim();
}

const WEIGHT_UNIT = /\s*(kg|公斤|千克)$/i;
const VOLUME_UNIT = /\s*(m3|m³|cbm|方|立方米)$/i;
const MONEY_UNIT = /\s*(元|rmb|cny)$/i;

export interface ShipmentCells {
  line: number;
  /** The bulk API's input for the row (shipmentInputSchema). */
  input: Record<string, unknown>;
  /** Errors found while reading the cells, before the schema. */
  errors: RowIssue[];
  /** The time zone offset of each time cell that has one. */
  offsets: [ShipmentImportTarget, string][];
}

const TEXT_TARGETS = [
  'waybill',
  'accountCode',
  'carrierCode',
  'origin',
  'destination',
  'proofOfDelivery',
] as const;
const NUMBER_TARGETS = [
  ['pieces', 'pieces', undefined],
  ['weightKg', 'weightKg', WEIGHT_UNIT],
  ['volumeM3', 'volumeM3', VOLUME_UNIT],
] as const;
const MONEY_TARGETS = [
  ['declaredValue', 'declaredValueCents'],
  ['revenue', 'revenueCents'],
  ['cost', 'costCents'],
] as const;

/** The column of each mapped target. */
export type ShipmentColumns = ReadonlyMap<ShipmentImportTarget, ColumnMapping<string>>;

/** One record to shipment input. */
export function readShipmentCells(record: TableRecord, columnOf: ShipmentColumns): ShipmentCells {
  const cells = record.cells;
  const cell = (t: ShipmentImportTarget) => {
    const m = columnOf.get(t);
    return m ? (cells[m.column] ?? '') : '';
  };
  const input: Record<string, unknown> = {};
  const errors: RowIssue[] = [];
  const offsets: [ShipmentImportTarget, string][] = [];
  const fail = (t: ShipmentImportTarget, code: string) =>
    errors.push({ line: record.line, column: columnOf.get(t)?.header ?? null, field: t, code });
  for (const t of TEXT_TARGETS) {
    const v = cell(t).trim();
    if (v) input[t] = v;
  }
  const currency = cell('currency').trim();
  if (currency) input.currency = currency.toUpperCase();
  const mode = cell('mode');
  if (mode) input.mode = modeValue(mode);
  const status = cell('status');
  if (status.trim()) input.status = statusValue(status);
  for (const t of SHIPMENT_TIME_TARGETS) {
    const c = cell(t);
    if (!c.trim()) continue;
    const { iso, offset } = timeValue(c);
    input[t] = iso;
    if (offset) offsets.push([t, offset]);
  }
  const promised = cell('promisedDate');
  if (promised.trim()) input.promisedDate = dateValue(promised);
  for (const [t, field, unit] of NUMBER_TARGETS) {
    const c = cell(t);
    if (!c) continue;
    const v = numberValue(c, unit);
    if (!v.ok) fail(t, v.code);
    else if (v.value !== undefined) input[field] = v.value;
  }
  for (const [t, field] of MONEY_TARGETS) {
    const c = cell(t);
    if (!c) continue;
    const v = numberValue(c, MONEY_UNIT);
    if (!v.ok) fail(t, v.code);
    else if (v.value !== undefined) {
      const cents = Math.round(v.value * 100);
      if (Math.abs(cents - v.value * 100) > 1e-6) fail(t, 'import.money_decimals');
      else input[field] = cents;
    }
  }
  const exceptions = cell('exceptions');
  if (exceptions) {
    const kinds = exceptionKinds(exceptions);
    if (kinds.length) input.exceptions = kinds.map((kind) => ({ kind }));
  }
  return { line: record.line, input, errors, offsets };
}

/**
 * The file's time zone is the offset most of its times carry; a time with another offset is an error
 * on its row (a file mixing zones is usually two exports pasted together, and a guess would be wrong).
 */
export function mixedZoneErrors(
  rows: readonly Pick<ShipmentCells, 'line' | 'offsets'>[],
  columnOf: ReadonlyMap<ShipmentImportTarget, ColumnMapping<string>>,
): RowIssue[] {
  const counts = new Map<string, number>();
  for (const r of rows) for (const [, o] of r.offsets) counts.set(o, (counts.get(o) ?? 0) + 1);
  if (counts.size < 2) return [];
  const fileOffset = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0][0];
  const errors: RowIssue[] = [];
  for (const r of rows)
    for (const [t, offset] of r.offsets)
      if (offset !== fileOffset)
        errors.push({
          line: r.line,
          column: columnOf.get(t)?.header ?? null,
          field: t,
          code: 'import.time_zone_mixed',
          params: { offset, fileOffset },
        });
  return errors;
}
