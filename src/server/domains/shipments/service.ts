import { randomUUID } from 'node:crypto';
import type { RowError, ShipmentInput, UpdateShipmentInput } from '../../../shared/shipments.js';
import type { Db, DbOrTx } from '../../db/client.js';
import { withoutJit } from '../../db/jit.js';
import { staleWrite } from '../../db/versioned.js';
import type { Actor } from '../../lib/actor.js';
import { AppError, notFound } from '../../lib/errors.js';
import { decodeCursor, toPage } from '../../lib/pagination.js';
import { accountIdsByCode } from '../accounts/repo.js';
import { recordChange } from '../audit/service.js';
import { companySettings } from '../organization/settings.js';
import { partnerIdsByCode } from '../partners/index.js';
import { toShipmentDto } from './presenter.js';
import * as repo from './repo.js';
import { type ResolvedShipment, sequenceErrors, validateShipmentRows } from './validation.js';

const WRITE_CHUNK = 5_000;

export interface BulkResult {
  received: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  errors: RowError[];
}

const codesOf = (rows: unknown[], key: 'accountCode' | 'carrierCode') => [
  ...new Set(
    rows
      .map((r) => (r && typeof r === 'object' ? (r as Record<string, unknown>)[key] : undefined))
      .filter((c): c is string => typeof c === 'string')
      .map((c) => c.trim()),
  ),
];

/**
 * Bulk upsert by waybill in one transaction. Without `skipInvalid` any bad row stores nothing and
 * the rows come back in a 400; with it the valid rows are stored and the bad ones reported.
 * Bulk rows carry the full state of a shipment (fields left out become empty); no version check —
 * the sending TMS is the source of truth. Audit entries record the waybills changed (writeShipments).
 */
export async function upsertShipmentBatch(
  db: Db,
  actor: Actor,
  rows: unknown[],
  skipInvalid: boolean,
): Promise<BulkResult> {
  return db.transaction(async (tx) => {
    await withoutJit(tx);
    // one after the other: a transaction's connection runs one query at a time
    const accounts = await accountIdsByCode(tx, codesOf(rows, 'accountCode'));
    const carriers = await partnerIdsByCode(tx, codesOf(rows, 'carrierCode'));
    const { valid, errors } = validateShipmentRows(rows, accounts, carriers);
    if (errors.length && !skipInvalid) throw new AppError('VALIDATION_FAILED', { rows: errors });
    const { inserted, updated, unchanged } = await writeShipments(tx, actor, valid);
    const rejected = new Set(errors.map((e) => e.index)).size;
    return { received: rows.length, inserted, updated, unchanged, rejected, errors };
  });
}

/**
 * Stores validated shipments in the caller's transaction: upsert by waybill (rows equal to what is
 * stored are not touched), their exceptions, and one audit entry per 5,000 rows naming the waybills
 * written. The bulk API and the file import both write through here: up to 5,000 rows in one
 * statement, more staged and written by one statement (repo.upsertShipmentsStaged). `newOnly`: the
 * caller checked that no waybill exists (a plain insert; one that appeared since fails the transaction).
 */
export async function writeShipments(
  tx: DbOrTx,
  actor: Actor,
  valid: readonly ResolvedShipment[],
  options: { newOnly?: boolean; onProgress?: (done: number) => Promise<void> } = {},
) {
  await withoutJit(tx);
  const records = valid.map(repo.toRecord);
  const staged = valid.length > WRITE_CHUNK;
  // progress: staging is the first half of a staged write, the rest the second
  const half = async (done: number) => options.onProgress?.(Math.round(done / 2));
  const written = staged
    ? await repo.upsertShipmentsStaged(tx, records, { ...options, chunk: WRITE_CHUNK, onStaged: half })
    : await repo.upsertShipments(tx, records, options);
  const writtenByWaybill = new Map(written.map((w) => [w.waybill, w]));
  let inserted = 0;
  let updated = 0;
  for (let start = 0; start < valid.length; start += WRITE_CHUNK) {
    const part = valid.slice(start, start + WRITE_CHUNK);
    const partWritten = part.flatMap((v) => writtenByWaybill.get(v.input.waybill) ?? []);
    const exceptionRows = part.flatMap((v) =>
      (v.input.exceptions ?? []).map((e) => ({
        waybill: v.input.waybill,
        kind: e.kind,
        occurred_at: e.occurredAt ?? null,
        note: e.note ?? null,
      })),
    );
    const exceptionsWritten = await repo.upsertExceptions(tx, exceptionRows);
    const partInserted = partWritten.filter((w) => w.inserted).length;
    const touched = new Set([
      ...partWritten.map((w) => w.id),
      ...exceptionsWritten.map((e) => e.shipment_id),
    ]);
    if (touched.size > 0) {
      await recordChange(tx, actor, 'shipmentBatch', randomUUID(), 'create', null, {
        inserted: partInserted,
        updated: touched.size - partInserted,
        waybills: partWritten.map((w) => w.waybill),
      });
    }
    inserted += partInserted;
    updated += touched.size - partInserted;
    const done = start + part.length;
    await options.onProgress?.(staged ? Math.round((valid.length + done) / 2) : done);
  }
  return { inserted, updated, unchanged: valid.length - inserted - updated };
}

const fieldErrors = (errors: RowError[]) =>
  new AppError('VALIDATION_FAILED', { fields: Object.fromEntries(errors.map((e) => [e.field, e.code])) });

export async function createShipment(db: Db, actor: Actor, input: ShipmentInput) {
  return db.transaction(async (tx) => {
    if (await repo.findShipmentByWaybill(tx, input.waybill)) {
      throw new AppError('ALREADY_EXISTS', {
        params: { entity: 'shipment', field: 'waybill' },
        fields: { waybill: 'shipment.waybillTaken' },
      });
    }
    const accounts = await accountIdsByCode(tx, [input.accountCode]);
    const carriers = await partnerIdsByCode(tx, input.carrierCode ? [input.carrierCode] : []);
    const { valid, errors } = validateShipmentRows([input], accounts, carriers);
    if (errors.length) throw fieldErrors(errors);
    const [w] = await repo.upsertShipments(tx, valid.map(repo.toRecord));
    await repo.upsertExceptions(
      tx,
      (input.exceptions ?? []).map((e) => ({
        waybill: input.waybill,
        kind: e.kind,
        occurred_at: e.occurredAt ?? null,
        note: e.note ?? null,
      })),
    );
    const row = (await repo.findShipment(tx, w.id))!;
    // not tied to the account: its timeline shows shipments through their own source (accountViews.ts),
    // an audit entry there would list every shipment twice
    await recordChange(tx, actor, 'shipment', row.id, 'create', null, row);
    return toShipmentDto(row);
  });
}

const at = (s: string | null | undefined) => (s === undefined ? undefined : s === null ? null : new Date(s));

/** Edits a shipment with optimistic locking; the merged record must still be in a possible order. */
export async function updateShipment(db: Db, actor: Actor, id: string, input: UpdateShipmentInput) {
  return db.transaction(async (tx) => {
    const before = await repo.findShipment(tx, id);
    if (!before) throw notFound('shipment');
    const { version, accountCode, carrierCode, bookedAt, pickedUpAt, promisedAt, deliveredAt, ...rest } =
      input;
    const errors: RowError[] = [];
    const patch: Parameters<typeof repo.updateShipmentVersioned>[3] = {
      ...rest,
      bookedAt: at(bookedAt) ?? undefined,
      pickedUpAt: at(pickedUpAt),
      promisedAt: at(promisedAt),
      deliveredAt: at(deliveredAt),
    };
    if (accountCode) {
      patch.accountId = (await accountIdsByCode(tx, [accountCode])).get(accountCode.toLowerCase());
      if (!patch.accountId) errors.push({ index: 0, field: 'accountCode', code: 'shipment.unknownAccount' });
    }
    if (carrierCode) {
      patch.carrierId = (await partnerIdsByCode(tx, [carrierCode])).get(carrierCode.toLowerCase());
      if (!patch.carrierId) errors.push({ index: 0, field: 'carrierCode', code: 'shipment.unknownCarrier' });
    }
    const merged = {
      ...before,
      ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)),
    };
    for (const e of sequenceErrors(merged as repo.ShipmentRow)) errors.push({ index: 0, ...e });
    if (errors.length) throw fieldErrors(errors);
    const after = await repo.updateShipmentVersioned(tx, id, version, patch);
    if (!after) throw await staleWrite('shipment', () => repo.findShipment(tx, id), toShipmentDto);
    await recordChange(tx, actor, 'shipment', id, 'update', before, after);
    return toShipmentDto(after);
  });
}

/** A shipment with its tracking timeline (ordered by event time, not arrival) and exceptions. */
export async function getShipment(db: DbOrTx, id: string) {
  const s = await repo.findShipment(db, id);
  if (!s) throw notFound('shipment');
  const [events, exceptions] = await Promise.all([repo.eventsOf(db, id), repo.exceptionsOf(db, id)]);
  return {
    ...toShipmentDto(s),
    events: events.map((e) => ({
      id: e.id,
      occurredAt: e.occurredAt.toISOString(),
      statusCode: e.statusCode,
      location: e.location,
      description: e.description,
      source: e.source,
    })),
    exceptions: exceptions.map((x) => ({
      id: x.id,
      kind: x.kind,
      occurredAt: x.occurredAt?.toISOString() ?? null,
      note: x.note,
    })),
  };
}

export async function listShipmentsPage(
  db: DbOrTx,
  q: Omit<repo.ShipmentListQuery, 'after'> & { cursor?: string },
) {
  const after = decodeCursor(q.cursor, 2) as [string, string] | null;
  // Dates and the on-time rule are the company's, as on the dashboard the list is drilled from.
  const needsSettings = q.from || q.to || q.outcome;
  const settings = needsSettings ? await companySettings(db) : null;
  const rows = await repo.listShipments(db, {
    ...q,
    timeZone: settings?.timezone,
    rule: q.rule ?? settings?.onTimeRule,
    after,
  });
  const page = toPage(rows, q.limit, (s) => [s.bookedAt.toISOString(), s.id]);
  return { items: page.items.map(toShipmentDto), nextCursor: page.nextCursor };
}
