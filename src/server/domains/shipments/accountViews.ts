import { sql } from 'drizzle-orm';
import { ACCOUNT_REFERENCES } from '../accounts/merge.js';
import { ACCOUNT_FIGURE_SOURCES, TIMELINE_SOURCES } from '../accounts/timeline.js';

let registered = false;

/**
 * What shipments add to the account 360°: a timeline source (booked and delivered shipments),
 * header figures (shipments in the last 90 days, on-time rate of the last 90 days, last shipment),
 * and the table a merge moves to the surviving account.
 */
export function registerShipmentAccountViews(): void {
  if (registered) return;
  registered = true;
  ACCOUNT_REFERENCES.push({ table: 'shipments', column: 'account_id' });
  ACCOUNT_REFERENCES.push({ table: 'account_service_targets', column: 'account_id', onePerAccount: true });

  TIMELINE_SOURCES.shipments = async (db, accountId, before, limit) => {
    const { rows } = await db.execute<{
      id: string;
      at: Date;
      waybill: string;
      status: string;
      origin: string;
      destination: string;
      late: boolean | null;
    }>(sql`
      SELECT id, coalesce(delivered_at, booked_at) AS at, waybill, status, origin, destination,
             CASE WHEN delivered_at IS NOT NULL AND promised_at IS NOT NULL THEN delivered_at > promised_at END AS late
        FROM shipments
       WHERE account_id = ${accountId} AND coalesce(delivered_at, booked_at) <= ${before}
       ORDER BY coalesce(delivered_at, booked_at) DESC
       LIMIT ${limit}`);
    return rows.map((r) => ({
      key: `shipments:${r.id}`,
      at: new Date(r.at),
      source: 'shipments',
      kind: `shipment.${r.status}`,
      actorLabel: null,
      data: {
        shipmentId: r.id,
        waybill: r.waybill,
        status: r.status,
        origin: r.origin,
        destination: r.destination,
        late: r.late,
      },
    }));
  };

  ACCOUNT_FIGURE_SOURCES.push(async (db, accountId) => {
    const { rows } = await db.execute<{
      shipments90d: number;
      onTime90d: number | null;
      lastShipmentAt: string | null;
    }>(sql`
      SELECT count(*)::int AS "shipments90d",
             round(100.0 * count(*) FILTER (WHERE delivered_at <= promised_at)
                   / nullif(count(*) FILTER (WHERE delivered_at IS NOT NULL AND promised_at IS NOT NULL), 0), 1)::float AS "onTime90d",
             (SELECT max(booked_at) FROM shipments WHERE account_id = ${accountId})::text AS "lastShipmentAt"
        FROM shipments
       WHERE account_id = ${accountId} AND status <> 'cancelled' AND booked_at >= now() - interval '90 days'`);
    return rows[0];
  });
}
