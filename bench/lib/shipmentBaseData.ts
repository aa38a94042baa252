/**
 * Base data of the shipments benchmark, generated in SQL the way a restore loads a dump: the rows
 * first (INSERT … SELECT generate_series, with triggers off for the session), then the indexes, then
 * the daily KPI rollups rebuilt set-based by the product's own logicrm_rebuild_shipment_kpis.
 * Accounts B1…B<accounts>, carriers CAR1…CAR20, 8 × 6 lanes, 6 modes; bookings over the last 400
 * days, transit times in minutes spread at random over 0 … 110 h after pick-up (like real TMS stamps, nearly every shipment its own minute), 1 % of deliveries damaged.
 */
import type pg from 'pg';

export interface BaseDataScale {
  shipments: number;
  accounts: number;
  eventsPerShipment: number;
}

/** Seconds per phase, for the note (context, not aims). */
export interface BaseDataTimings {
  rowsSeconds: number;
  indexesSeconds: number;
  rollupsSeconds: number;
  vacuumSeconds: number;
}

const TABLES = ['shipments', 'tracking_events', 'shipment_exceptions'];

export async function generateBaseData(
  pool: pg.Pool,
  scale: BaseDataScale,
  log: (m: string) => void,
): Promise<BaseDataTimings> {
  const c = await pool.connect();
  const clock = () => {
    const t0 = performance.now();
    return () => (performance.now() - t0) / 1000;
  };
  try {
    await c.query('SET jit = off');
    await c.query("SET maintenance_work_mem = '512MB'");
    await c.query("SET work_mem = '256MB'");
    // the secondary indexes go and come back after the load, as pg_restore creates them after the data
    const { rows: indexes } = await c.query<{ name: string; def: string }>(
      `SELECT i.relname AS name, pg_get_indexdef(x.indexrelid) AS def
       FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
       WHERE t.relname = ANY($1) AND NOT x.indisprimary
         AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = x.indexrelid)`,
      [TABLES],
    );
    for (const i of indexes) await c.query(`DROP INDEX "${i.name}"`);
    // pg_restore --disable-triggers: neither the rollup triggers nor the foreign-key checks fire
    await c.query('SET session_replication_role = replica');
    let done = clock();
    await c.query(`INSERT INTO accounts (code, name_zh, transport_needs, normalized_names)
      SELECT 'B' || g, '基准客户' || g, '{"modes":[],"lanes":[]}', '{}'
      FROM generate_series(1, ${scale.accounts}) g`);
    await c.query(`INSERT INTO partners (code, kind, name_zh)
      SELECT 'CAR' || g, 'carrier', '承运商' || g FROM generate_series(1, 20) g`);
    // numbered lookups: indexing a large array per row would detoast it every time
    await c.query(
      'CREATE TEMP TABLE bench_acc AS SELECT row_number() OVER (ORDER BY code)::int AS n, id FROM accounts',
    );
    await c.query('CREATE UNIQUE INDEX ON bench_acc (n)');
    await c.query(
      'CREATE TEMP TABLE bench_car AS SELECT row_number() OVER (ORDER BY code)::int AS n, id FROM partners',
    );
    await c.query(`
      INSERT INTO shipments (waybill, account_id, carrier_id, mode, origin, destination, status, booked_at,
        picked_up_at, promised_at, delivered_at, revenue_cents, cost_cents)
      SELECT 'S' || lpad(g::text, 10, '0'), acc.id, car.id,
        (ARRAY['road_ftl','road_ltl','express','air','sea','rail'])[1 + g % 6],
        (ARRAY['上海','深圳','广州','北京','成都','武汉','西安','宁波'])[1 + (g / 7) % 8],
        (ARRAY['北京','上海','成都','重庆','杭州','天津'])[1 + (g / 11) % 6],
        CASE WHEN x.delivered < now() THEN 'delivered' ELSE 'in_transit' END,
        x.booked, x.booked + interval '6 hours', x.booked + interval '3 days',
        CASE WHEN x.delivered < now() THEN x.delivered END,
        10000 + g % 50000, 7000 + g % 40000
      FROM generate_series(1, ${scale.shipments}) g
      JOIN bench_acc acc ON acc.n = 1 + ((g::bigint * 7919) % ${scale.accounts})::int
      JOIN bench_car car ON car.n = 1 + (g / 3) % 20
      CROSS JOIN LATERAL (SELECT now() - (g % 400) * interval '1 day' - (g % 86400) * interval '1 second' AS booked) b
      CROSS JOIN LATERAL (SELECT b.booked, b.booked + interval '6 hours'
        + ((hashint4(g::int) & 2147483647) % 6600) * interval '1 minute' AS delivered) x`);
    await c.query(`INSERT INTO shipment_exceptions (shipment_id, kind)
      SELECT id, 'damage' FROM shipments WHERE status = 'delivered' AND hashtext(waybill) % 100 = 0`);
    await c.query(`INSERT INTO tracking_events (shipment_id, occurred_at, status_code)
      SELECT s.id, s.booked_at + k * interval '5 hours',
        (ARRAY['picked_up','in_transit','out_for_delivery','in_transit','in_transit'])[1 + (k - 1) % 5]
      FROM shipments s, generate_series(1, ${scale.eventsPerShipment}) k`);
    await c.query('RESET session_replication_role');
    const rowsSeconds = done();
    log(`rows in ${rowsSeconds.toFixed(1)} s`);
    done = clock();
    for (const i of indexes) await c.query(i.def);
    const indexesSeconds = done();
    log(`${indexes.length} indexes in ${indexesSeconds.toFixed(1)} s`);
    done = clock();
    await c.query(
      'SELECT logicrm_rebuild_shipment_kpis((SELECT time_zone FROM shipment_kpi_rollup_state WHERE id = 1))',
    );
    const rollupsSeconds = done();
    log(`rollups rebuilt in ${rollupsSeconds.toFixed(1)} s`);
    done = clock();
    await c.query('VACUUM ANALYZE');
    const vacuumSeconds = done();
    log(`vacuum analyze in ${vacuumSeconds.toFixed(1)} s`);
    return { rowsSeconds, indexesSeconds, rollupsSeconds, vacuumSeconds };
  } finally {
    c.release();
  }
}
