import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { AppError } from '../../lib/errors.js';

/** The summed declared value (cents) of the shipments, or null when unknown (none linked, no value). */
export async function declaredValueCents(db: DbOrTx, shipmentIds: string[]): Promise<number | null> {
  if (shipmentIds.length === 0) return null;
  const { rows } = await db.execute<{ v: string | null }>(
    sql`SELECT sum(declared_value_cents)::text AS v FROM shipments WHERE id = ANY(${sql.param(shipmentIds)}::uuid[])`,
  );
  return rows[0].v === null ? null : Number(rows[0].v);
}

/**
 * The complaint-rate denominator (DOMAIN.md §3): shipments booked in [from, to) — when the customer
 * gave the shipment to us, not when the row reached LogiCRM (imports arrive late and in batches).
 */
export async function shipmentCount(db: DbOrTx, from: Date, to: Date): Promise<number> {
  const { rows } = await db.execute<{ n: number }>(
    sql`SELECT count(*)::int AS n FROM shipments WHERE booked_at >= ${from} AND booked_at < ${to}`,
  );
  return rows[0].n;
}

/** A ticket is about shipments of its own account: all of them exist and belong to it. */
export async function shipmentsOfAccount(db: DbOrTx, accountId: string, shipmentIds: string[]) {
  const ids = [...new Set(shipmentIds)];
  if (ids.length === 0) return true;
  const { rows } = await db.execute<{ n: number }>(
    sql`SELECT count(*)::int AS n FROM shipments WHERE id = ANY(${sql.param(ids)}::uuid[]) AND account_id = ${accountId}`,
  );
  return rows[0].n === ids.length;
}

export async function assertShipmentsOfAccount(db: DbOrTx, accountId: string, shipmentIds: string[]) {
  if (!(await shipmentsOfAccount(db, accountId, shipmentIds)))
    throw new AppError('VALIDATION_FAILED', { fields: { shipmentIds: 'ticket.shipmentNotOfAccount' } });
}
