import { randomUUID } from 'node:crypto';
import type { RowError, ShipmentInput, UpdateShipmentInput } from '../../../shared/shipments.js';
import type { Db, DbOrTx } from '../../db/client.js';
import { withoutJit } from '../../db/jit.js';
import { staleWrite } from '../../db/versioned.js';
import type { Actor } from '../../lib/actor.js';
import { AppError, notFound } from '../../lib/errors.js';
import { decodeCursor, toPage } from '../../lib/pagination.js';
import { accountIdsByCode } from '../accounts/repo.js';
import { type AuditEntry, recordChange, recordChanges } from '../audit/service.js';
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
 * stored are not touched), their exceptions, and audit entries naming the waybills written
 * (recordShipmentBatches). Up to 5,000 rows go in one statement, more are staged and written by one
 * statement (repo.stageShipments).
 */
export async function writeShipments(tx: DbOrTx, actor: Actor, valid: readonly ResolvedShipment[]) {
  await withoutJit(tx);
  let written: repo.Written[];
  if (valid.length > WRITE_CHUNK) {
    // exceptions go below with their times and notes, as for fewer rows
    await repo.stageShipments(
      tx,
      valid.map((v) => repo.shipmentStageLine(repo.toRecord(v), [])),
    );
    written = await repo.writeStagedShipments(tx);
  } else written = await repo.upsertShipments(tx, valid.map(repo.toRecord));
  const exceptionsWritten: repo.ExceptionsWritten[] = [];
  for (let start = 0; start < valid.length; start += WRITE_CHUNK) {
    const exceptionRows = valid.slice(start, start + WRITE_CHUNK).flatMap((v) =>
      (v.input.exceptions ?? []).map((e) => ({
        waybill: v.input.waybill,
        kind: e.kind,
        occurred_at: e.occurredAt ?? null,
        note: e.note ?? null,
      })),
    );
    exceptionsWritten.push(...(await repo.upsertExceptions(tx, exceptionRows)));
  }
  return recordShipmentBatches(tx, actor, valid.length, written, exceptionsWritten);
}

const AUDIT_BATCH = 5_000;

/**
 * One audit entry per 5,000 shipments written: how many were new, how many changed (their row or
 * only their exceptions), and their waybills. Returns the write's counts.
 */
export async function recordShipmentBatches(
  tx: DbOrTx,
  actor: Actor,
  received: number,
  written: readonly repo.Written[],
  exceptionsWritten: readonly repo.ExceptionsWritten[],
) {
  const touched: repo.Written[] = [...written];
  const seen = new Set(written.map((w) => w.id));
  for (const e of exceptionsWritten)
    if (!seen.has(e.shipment_id)) {
      seen.add(e.shipment_id);
      touched.push({ id: e.shipment_id, waybill: e.waybill, inserted: false });
    }
  const entries: AuditEntry[] = [];
  for (let start = 0; start < touched.length; start += AUDIT_BATCH) {
    const part = touched.slice(start, start + AUDIT_BATCH);
    const inserted = part.filter((w) => w.inserted).length;
    entries.push({
      entity: 'shipmentBatch',
      entityId: randomUUID(),
      action: 'create',
      before: null,
      after: {
        inserted,
        updated: part.length - inserted,
        waybills: part.map((w) => w.waybill),
      },
    });
  }
  await recordChanges(tx, actor, entries);
  const inserted = written.filter((w) => w.inserted).length;
  const updated = touched.length - inserted;
  return { inserted, updated, unchanged: received - inserted - updated };
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
