import { and, asc, desc, eq, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { copyFrom, copyLines, copyTextArray, copyValue, withConnection } from '../../db/copy.js';
import type { OnTimeRule } from '../kpi/formulas.js';
import { onTime } from '../kpi/repo.js';
import { shipmentExceptions, shipments, trackingEvents } from './table.js';
import type { ResolvedShipment } from './validation.js';

export type ShipmentRow = typeof shipments.$inferSelect;

/** Column name → SQL type of the upsert's JSON records; the order is the insert column order. */
const COLUMNS: [string, string][] = [
  ['waybill', 'text'],
  ['account_id', 'uuid'],
  ['carrier_id', 'uuid'],
  ['mode', 'text'],
  ['origin', 'text'],
  ['destination', 'text'],
  ['status', 'text'],
  ['booked_at', 'timestamptz'],
  ['picked_up_at', 'timestamptz'],
  ['promised_at', 'timestamptz'],
  ['promised_date', 'date'],
  ['delivered_at', 'timestamptz'],
  ['pieces', 'integer'],
  ['weight_kg', 'numeric'],
  ['volume_m3', 'numeric'],
  ['declared_value_cents', 'bigint'],
  ['revenue_cents', 'bigint'],
  ['cost_cents', 'bigint'],
  ['currency', 'text'],
  ['proof_of_delivery', 'text'],
];

export function toRecord(r: ResolvedShipment): Record<string, unknown> {
  const i = r.input;
  return {
    waybill: i.waybill,
    account_id: r.accountId,
    carrier_id: r.carrierId,
    mode: i.mode,
    origin: i.origin,
    destination: i.destination,
    status: i.status,
    booked_at: i.bookedAt,
    picked_up_at: i.pickedUpAt ?? null,
    promised_at: i.promisedAt ?? null,
    promised_date: i.promisedDate ?? null,
    delivered_at: i.deliveredAt ?? null,
    pieces: i.pieces ?? null,
    weight_kg: i.weightKg ?? null,
    volume_m3: i.volumeM3 ?? null,
    declared_value_cents: i.declaredValueCents ?? null,
    revenue_cents: i.revenueCents ?? null,
    cost_cents: i.costCents ?? null,
    currency: i.currency ?? null,
    proof_of_delivery: i.proofOfDelivery ?? null,
  };
}

const names = COLUMNS.map(([c]) => c).join(', ');
const recordType = COLUMNS.map(([c, t]) => `${c} ${t}`).join(', ');
const updated = COLUMNS.slice(1).map(([c]) => c);
// json, not jsonb: the records are read once, and parsing into jsonb first costs a third more
const FROM_JSON = `json_to_recordset($1::json) AS r(${recordType})`;
/** Staged records of one large write (stageShipments): a temporary table, dropped at commit. */
const STAGE = 'pg_temp.shipment_stage';

const upsertFrom = (source: string) => `
  INSERT INTO shipments (${names})
  SELECT ${names} FROM ${source}
  ON CONFLICT (waybill) DO UPDATE SET
    ${updated.map((c) => `${c} = EXCLUDED.${c}`).join(', ')},
    version = shipments.version + 1, updated_at = now()
  WHERE (${updated.map((c) => `shipments.${c}`).join(', ')})
    IS DISTINCT FROM (${updated.map((c) => `EXCLUDED.${c}`).join(', ')})
  RETURNING id, waybill, (xmax = 0) AS inserted`;

/** New waybills only (checked by the caller): a plain insert, cheaper than the upsert's conflict check. */
const insertFrom = (source: string) => `
  INSERT INTO shipments (${names})
  SELECT ${names} FROM ${source}
  RETURNING id, waybill, true AS inserted`;

export type Written = { id: string; waybill: string; inserted: boolean };

/**
 * Inserts new waybills and updates those whose data changed; rows equal to what is stored are not
 * touched (no version bump), so re-sending a batch changes nothing. Returns only the rows written.
 */
export async function upsertShipments(db: DbOrTx, records: Record<string, unknown>[]) {
  return (await db.execute<Written>(withJson(upsertFrom(FROM_JSON), records))).rows;
}

/**
 * More records than one statement should carry are staged first (a temporary table, dropped at commit),
 * then written by one statement (writeStagedShipments), so the KPI rollup triggers run once over all of
 * them. Per-chunk statements made the triggers update the same rollup rows again and again within the
 * one transaction, each time leaving another row version to step over: a 100,000-row write took about
 * twice the database time in 5,000-row statements. The stage is filled by COPY with the lines of
 * shipmentStageLine (made as the COPY asks for them: `lines` may be a generator).
 */
export async function stageShipments(db: DbOrTx, lines: Iterable<string>) {
  await db.execute(sql.raw(`DROP TABLE IF EXISTS ${STAGE}`));
  await db.execute(
    sql.raw(`CREATE TEMP TABLE shipment_stage (${recordType}, exception_kinds text[]) ON COMMIT DROP`),
  );
  await withConnection(db, (client) =>
    copyFrom(
      client,
      `COPY ${STAGE} FROM STDIN`,
      copyLines(lines, (line) => line),
    ),
  );
}

/** One record (toRecord) and its exception kinds as a line of COPY's text format for the stage. */
export function shipmentStageLine(record: Record<string, unknown>, exceptionKinds: readonly string[]) {
  const cells = COLUMNS.map(([c]) => copyValue(record[c], c));
  cells.push(copyTextArray(exceptionKinds.length ? exceptionKinds : null));
  return cells.join('\t');
}

/**
 * Writes the staged records by one statement (upsertShipments' rules); the stage goes at commit. With
 * `newOnly` the caller has checked that no waybill exists: one that does fails the statement.
 */
export async function writeStagedShipments(db: DbOrTx, options: { newOnly?: boolean } = {}) {
  const statement = options.newOnly ? insertFrom(STAGE) : upsertFrom(STAGE);
  return (await db.execute<Written>(sql.raw(statement))).rows;
}

/** The staged exception kinds (file import) upserted as EXCEPTIONS_UPSERT does; returns the shipments touched. */
export async function upsertStagedExceptions(db: DbOrTx) {
  const source = `(SELECT st.waybill, k.kind, NULL::timestamptz AS occurred_at, NULL::text AS note
    FROM ${STAGE} st CROSS JOIN LATERAL unnest(st.exception_kinds) AS k(kind)) e`;
  return (await db.execute<ExceptionsWritten>(sql.raw(exceptionsUpsert(source)))).rows;
}

/** The shipments whose exceptions a statement wrote, with their waybills (for the audit). */
export type ExceptionsWritten = { shipment_id: string; waybill: string };

const exceptionsUpsert = (source: string) => `
  WITH written AS (
  INSERT INTO shipment_exceptions (shipment_id, kind, occurred_at, note)
  SELECT s.id, e.kind, e.occurred_at, e.note
  FROM ${source}
  JOIN shipments s ON s.waybill = e.waybill
  ON CONFLICT (shipment_id, kind) DO UPDATE SET occurred_at = EXCLUDED.occurred_at, note = EXCLUDED.note,
    version = shipment_exceptions.version + 1, updated_at = now()
  WHERE (shipment_exceptions.occurred_at, shipment_exceptions.note)
    IS DISTINCT FROM (EXCLUDED.occurred_at, EXCLUDED.note)
  RETURNING shipment_id)
  SELECT w.shipment_id, s.waybill FROM written w JOIN shipments s ON s.id = w.shipment_id`;
const EXCEPTIONS_UPSERT = exceptionsUpsert(
  'jsonb_to_recordset($1::jsonb) AS e(waybill text, kind text, occurred_at timestamptz, note text)',
);

/** Exceptions are additive: listing one records or updates it; leaving one out removes nothing. */
export async function upsertExceptions(
  db: DbOrTx,
  rows: { waybill: string; kind: string; occurred_at: string | null; note: string | null }[],
) {
  if (rows.length === 0) return [];
  return (await db.execute<ExceptionsWritten>(withJson(EXCEPTIONS_UPSERT, rows))).rows;
}

/** The statement with its one `$1` bound to the records as a JSON parameter (never inlined). */
function withJson(statement: string, records: unknown[]): SQL {
  const [head, tail] = statement.split('$1');
  return sql`${sql.raw(head)}${JSON.stringify(records)}${sql.raw(tail)}`;
}

export const findShipment = async (db: DbOrTx, id: string) =>
  (await db.select().from(shipments).where(eq(shipments.id, id)))[0];

export const findShipmentByWaybill = async (db: DbOrTx, waybill: string) =>
  (await db.select().from(shipments).where(eq(shipments.waybill, waybill)))[0];

export async function findShipmentsByWaybills(db: DbOrTx, waybills: string[]) {
  if (waybills.length === 0) return [];
  return db
    .select()
    .from(shipments)
    .where(sql`${shipments.waybill} = ANY(${sql.param(waybills)}::text[])`);
}

export async function updateShipmentVersioned(
  db: DbOrTx,
  id: string,
  version: number,
  patch: Partial<typeof shipments.$inferInsert>,
) {
  const [row] = await db
    .update(shipments)
    .set({ ...patch, version: sql`${shipments.version} + 1`, updatedAt: new Date() })
    .where(and(eq(shipments.id, id), eq(shipments.version, version)))
    .returning();
  return row;
}

export const eventsOf = async (db: DbOrTx, shipmentId: string) =>
  db
    .select()
    .from(trackingEvents)
    .where(eq(trackingEvents.shipmentId, shipmentId))
    .orderBy(asc(trackingEvents.occurredAt), asc(trackingEvents.createdAt));

export const exceptionsOf = async (db: DbOrTx, shipmentId: string) =>
  db
    .select()
    .from(shipmentExceptions)
    .where(eq(shipmentExceptions.shipmentId, shipmentId))
    .orderBy(asc(shipmentExceptions.createdAt));

export interface ShipmentListQuery {
  accountId?: string;
  carrierId?: string;
  status?: string;
  waybill?: string;
  mode?: string;
  origin?: string;
  destination?: string;
  /** Calendar dates in the company zone, [from, to), on the booking or the delivery time. */
  from?: string;
  to?: string;
  dateField?: 'booked' | 'delivered';
  /** Delivered shipments judged late / on time under `rule`, or delivered with a cargo issue. */
  outcome?: 'late' | 'onTime' | 'cargoIssue';
  rule?: OnTimeRule;
  timeZone?: string;
  limit: number;
  after: [string, string] | null;
}

/** Newest booking first; keyset on (booked_at, id). */
export async function listShipments(db: DbOrTx, q: ShipmentListQuery) {
  const where: (SQL | undefined)[] = [];
  if (q.accountId) where.push(eq(shipments.accountId, q.accountId));
  if (q.carrierId) where.push(eq(shipments.carrierId, q.carrierId));
  if (q.status) where.push(eq(shipments.status, q.status as never));
  if (q.waybill)
    where.push(sql`${shipments.waybill} LIKE ${`${q.waybill.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`);
  if (q.mode) where.push(eq(shipments.mode, q.mode as never));
  if (q.origin) where.push(eq(shipments.origin, q.origin));
  if (q.destination) where.push(eq(shipments.destination, q.destination));
  const tz = q.timeZone ?? 'UTC';
  const dateCol = q.dateField === 'delivered' ? shipments.deliveredAt : shipments.bookedAt;
  if (q.from) where.push(sql`${dateCol} >= (${q.from}::date)::timestamp AT TIME ZONE ${tz}`);
  if (q.to) where.push(sql`${dateCol} < (${q.to}::date)::timestamp AT TIME ZONE ${tz}`);
  if (q.outcome === 'cargoIssue')
    where.push(
      sql`${shipments.status} = 'delivered' AND EXISTS (SELECT 1 FROM shipment_exceptions x WHERE x.shipment_id = ${shipments.id} AND x.kind IN ('damage', 'loss', 'shortage'))`,
    );
  else if (q.outcome) {
    const judged = onTime(q.rule ?? 'timestamp', tz, sql.raw('"shipments"'));
    where.push(sql`${shipments.status} = 'delivered' AND (${judged}) = ${q.outcome === 'onTime'}`);
  }
  if (q.after)
    where.push(
      sql`(${shipments.bookedAt}, ${shipments.id}) < (${q.after[0]}::timestamptz, ${q.after[1]}::uuid)`,
    );
  return db
    .select()
    .from(shipments)
    .where(and(...where))
    .orderBy(desc(shipments.bookedAt), desc(shipments.id))
    .limit(q.limit + 1);
}
