import type { z } from 'zod';
import { type RowError, type ShipmentInput, shipmentInputSchema } from '../../../shared/shipments.js';

/** The times of a shipment whose order is checked: booked ≤ picked up ≤ delivered. */
export interface ShipmentTimes {
  bookedAt: Date;
  pickedUpAt: Date | null;
  deliveredAt: Date | null;
}

/**
 * Impossible sequences are rejected, never "fixed": the field named is the later event that
 * claims to have happened too early. Equal times are allowed (systems often stamp them together).
 */
export function sequenceErrors(t: ShipmentTimes): { field: string; code: string }[] {
  const errors: { field: string; code: string }[] = [];
  if (t.pickedUpAt && t.pickedUpAt < t.bookedAt)
    errors.push({ field: 'pickedUpAt', code: 'shipment.pickupBeforeBooking' });
  if (t.deliveredAt && t.deliveredAt < t.bookedAt)
    errors.push({ field: 'deliveredAt', code: 'shipment.deliveredBeforeBooking' });
  else if (t.deliveredAt && t.pickedUpAt && t.deliveredAt < t.pickedUpAt)
    errors.push({ field: 'deliveredAt', code: 'shipment.deliveredBeforePickup' });
  return errors;
}

/** zod issue → our row error code: our own message keys as they are, the rest as invalid/required. */
export function issueToRowError(index: number, issue: z.core.$ZodIssue, input: unknown): RowError {
  const field = issue.path.join('.') || '_';
  if (issue.message.includes('.') && /^[a-z]+\.[A-Za-z0-9]+$/.test(issue.message))
    return { index, field, code: issue.message };
  if (issue.code === 'unrecognized_keys')
    return { index, field: issue.keys.join(','), code: 'shipment.invalid' };
  let value: unknown = input;
  for (const p of issue.path) value = (value as Record<PropertyKey, unknown> | undefined)?.[p as string];
  return { index, field, code: value === undefined ? 'shipment.required' : 'shipment.invalid' };
}

export interface ResolvedShipment {
  index: number;
  input: ShipmentInput;
  accountId: string;
  carrierId: string | null;
}

/**
 * Validates a batch row by row: shape, duplicates within the batch, unknown account and carrier
 * codes (looked up through the maps: lower-cased code → id) and time sequences. Every problem of
 * every row is reported.
 */
export function validateShipmentRows(
  rows: unknown[],
  accounts: Map<string, string>,
  carriers: Map<string, string>,
): { valid: ResolvedShipment[]; errors: RowError[] } {
  const errors: RowError[] = [];
  const parsed: { index: number; input: ShipmentInput }[] = [];
  rows.forEach((row, index) => {
    const r = shipmentInputSchema.safeParse(row);
    if (r.success) parsed.push({ index, input: r.data });
    else for (const issue of r.error.issues) errors.push(issueToRowError(index, issue, row));
  });
  const seen = new Map<string, number>();
  for (const p of parsed) seen.set(p.input.waybill, (seen.get(p.input.waybill) ?? 0) + 1);
  const valid: ResolvedShipment[] = [];
  for (const { index, input } of parsed) {
    const rowErrors: RowError[] = [];
    if ((seen.get(input.waybill) ?? 0) > 1)
      rowErrors.push({ index, field: 'waybill', code: 'shipment.duplicateWaybill' });
    const accountId = accounts.get(input.accountCode.toLowerCase());
    if (!accountId) rowErrors.push({ index, field: 'accountCode', code: 'shipment.unknownAccount' });
    const carrierId = input.carrierCode ? carriers.get(input.carrierCode.toLowerCase()) : null;
    if (carrierId === undefined)
      rowErrors.push({ index, field: 'carrierCode', code: 'shipment.unknownCarrier' });
    const times = {
      bookedAt: new Date(input.bookedAt),
      pickedUpAt: input.pickedUpAt ? new Date(input.pickedUpAt) : null,
      deliveredAt: input.deliveredAt ? new Date(input.deliveredAt) : null,
    };
    for (const e of sequenceErrors(times)) rowErrors.push({ index, ...e });
    if (rowErrors.length) errors.push(...rowErrors);
    else valid.push({ index, input, accountId: accountId!, carrierId: carrierId ?? null });
  }
  errors.sort((a, b) => a.index - b.index);
  return { valid, errors };
}
