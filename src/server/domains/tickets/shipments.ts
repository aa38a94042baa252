import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';

/**
 * Shipments live in another capability (and, until it is merged, may not exist at all): every
 * shipment-dependent figure goes through here and asks the database whether the table exists.
 */
export async function shipmentsTableExists(db: DbOrTx): Promise<boolean> {
  const { rows } = await db.execute<{ ok: boolean }>(
    sql`SELECT to_regclass('public.shipments') IS NOT NULL AS ok`,
  );
  return rows[0].ok;
}

/** The summed declared value (cents) of the shipments, or null when unknown (no table, no value). */
export async function declaredValueCents(db: DbOrTx, shipmentIds: string[]): Promise<number | null> {
  if (shipmentIds.length === 0 || !(await shipmentsTableExists(db))) return null;
  const { rows } = await db.execute<{ v: string | null }>(
    sql`SELECT sum(declared_value_cents)::text AS v FROM shipments WHERE id = ANY(${sql.param(shipmentIds)}::uuid[])`,
  );
  return rows[0].v === null ? null : Number(rows[0].v);
}

/** Shipments per category denominator: shipments created in [from, to), or null without the table. */
export async function shipmentCount(db: DbOrTx, from: Date, to: Date): Promise<number | null> {
  if (!(await shipmentsTableExists(db))) return null;
  const { rows } = await db.execute<{ n: number }>(
    sql`SELECT count(*)::int AS n FROM shipments WHERE created_at >= ${from} AND created_at < ${to}`,
  );
  return rows[0].n;
}
