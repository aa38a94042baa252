/**
 * Loads the Olist subset (../shared/data/olist/subset_bravida_8135_orders) as shipments through the
 * public bulk API, the way a TMS would:
 *
 *   node --import tsx examples/load-olist.ts http://127.0.0.1:3000 lcrm_… [ACCOUNT_CODE]
 *
 * The API key needs a role with `shipments.write` (admin, manager, service); the account (default
 * OLIST: from the logistics company's view Olist is the customer) must exist. Set the organisation
 * time zone to `Etc/GMT+3` to see calendar dates as Olist's (see docs/shipments.md).
 *
 * Mapping: purchase → booked, carrier hand-over → picked up, customer delivery → delivered,
 * estimated delivery date → promised (its 00:00:00); lane = seller state → customer state;
 * revenue = freight charged. Olist times carry no zone: they are read as UTC−03:00.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';

export const OLIST_DIR = new URL('../../shared/data/olist/subset_bravida_8135_orders/', import.meta.url);

const STATUS: Record<string, string> = {
  delivered: 'delivered',
  shipped: 'in_transit',
  canceled: 'cancelled',
  unavailable: 'cancelled',
  invoiced: 'booked',
  processing: 'booked',
  created: 'booked',
  approved: 'booked',
};

const read = (dir: URL, file: string) =>
  parse(readFileSync(new URL(file, dir)), { columns: true, skip_empty_lines: true }) as Record<
    string,
    string
  >[];

/** "2017-07-09 21:57:05" (Brazil, no zone) → ISO 8601 with the −03:00 offset the API requires. */
const brazil = (s: string) => (s ? `${s.replace(' ', 'T')}-03:00` : undefined);

export function readOlistShipments(dir: URL = OLIST_DIR, accountCode = 'OLIST'): Record<string, unknown>[] {
  const customers = new Map(read(dir, 'olist_customers_dataset.csv').map((c) => [c.customer_id, c]));
  const sellers = new Map(read(dir, 'olist_sellers_dataset.csv').map((s) => [s.seller_id, s]));
  const items = new Map<string, { seller: string; freight: number }>();
  for (const it of read(dir, 'olist_order_items_dataset.csv')) {
    const prev = items.get(it.order_id);
    const freight = Math.round(Number(it.freight_value) * 100);
    items.set(it.order_id, { seller: prev?.seller ?? it.seller_id, freight: (prev?.freight ?? 0) + freight });
  }
  return read(dir, 'olist_orders_dataset.csv').map((o) => {
    const item = items.get(o.order_id);
    return {
      waybill: `OLIST-${o.order_id}`,
      accountCode,
      mode: 'express',
      origin: `BR-${(item && sellers.get(item.seller)?.seller_state) || 'NA'}`,
      destination: `BR-${customers.get(o.customer_id)?.customer_state || 'NA'}`,
      status: STATUS[o.order_status] ?? 'booked',
      bookedAt: brazil(o.order_purchase_timestamp),
      pickedUpAt: brazil(o.order_delivered_carrier_date),
      deliveredAt: brazil(o.order_delivered_customer_date),
      promisedAt: brazil(o.order_estimated_delivery_date),
      revenueCents: item?.freight,
      currency: 'BRL',
    };
  });
}

export interface LoadReport {
  sent: number;
  inserted: number;
  updated: number;
  unchanged: number;
  /** Orders whose carrier hand-over is after delivery or before purchase: loaded without it. */
  withoutPickup: string[];
  /** Rows the API refused even so (waybill and reason). */
  refused: { waybill: string; code: string }[];
}

type Send = (body: unknown) => Promise<{ status: number; json: () => Promise<unknown> }>;
type BulkAnswer = {
  inserted: number;
  updated: number;
  unchanged: number;
  errors: { index: number; field: string; code: string }[];
};
const PICKUP_SEQUENCE = new Set(['shipment.deliveredBeforePickup', 'shipment.pickupBeforeBooking']);

/**
 * Sends the rows in batches to POST /api/v1/shipments/bulk with skipInvalid. The API rejects
 * impossible sequences; where only the hand-over time is impossible the row is sent again without
 * it (and listed in the report), so the delivery and promise — what on-time is judged on — stay.
 */
export async function loadOlist(
  send: Send,
  rows: Record<string, unknown>[],
  batchSize = 2000,
): Promise<LoadReport> {
  const report: LoadReport = {
    sent: rows.length,
    inserted: 0,
    updated: 0,
    unchanged: 0,
    withoutPickup: [],
    refused: [],
  };
  const post = async (batch: Record<string, unknown>[]) => {
    const res = await send({ rows: batch, skipInvalid: true });
    if (res.status !== 200)
      throw new Error(`bulk upsert answered ${res.status}: ${JSON.stringify(await res.json())}`);
    const body = (await res.json()) as BulkAnswer;
    report.inserted += body.inserted;
    report.updated += body.updated;
    report.unchanged += body.unchanged;
    return body.errors;
  };
  for (let i = 0; i < rows.length; i += batchSize) {
    const batch = rows.slice(i, i + batchSize);
    const errors = await post(batch);
    const retry = new Map<number, Record<string, unknown>>();
    for (const e of errors) {
      const row = batch[e.index];
      if (PICKUP_SEQUENCE.has(e.code) && row.pickedUpAt)
        retry.set(e.index, { ...row, pickedUpAt: undefined });
      else report.refused.push({ waybill: String(row.waybill), code: e.code });
    }
    if (retry.size) {
      const again = [...retry.values()];
      for (const e of await post(again))
        report.refused.push({ waybill: String(again[e.index].waybill), code: e.code });
      report.withoutPickup.push(...again.map((r) => String(r.waybill)));
    }
  }
  return report;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [baseUrl, apiKey, accountCode = 'OLIST'] = process.argv.slice(2);
  if (!baseUrl || !apiKey) {
    console.error('usage: node --import tsx examples/load-olist.ts <server URL> <API key> [account code]');
    process.exit(2);
  }
  const send: Send = (body) =>
    fetch(`${baseUrl.replace(/\/$/, '')}/api/v1/shipments/bulk`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` },
      body: JSON.stringify(body),
    });
  const report = await loadOlist(send, readOlistShipments(OLIST_DIR, accountCode));
  console.log(JSON.stringify(report, null, 2));
}
