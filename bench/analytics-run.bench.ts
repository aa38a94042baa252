/**
 * A full analytics run on the machine's PostgreSQL (fresh database): read shipments, fit BG/NBD and
 * Gamma-Gamma, score and classify every account, write the snapshot. Scale by ANALYTICS_RUN_ACCOUNTS
 * (default 100,000) and ANALYTICS_RUN_SHIPMENTS (2,000,000); the metric names state the scale used.
 * Shipments are drawn per account from the BG/NBD story (Gamma rates, Beta dropout), so the models fit.
 */

import os from 'node:os';
import { gammaDraw, seededRandom } from '../src/analytics/index.js';
import { openDatabase } from '../src/server/db/client.js';
import { runNow } from '../src/server/domains/analytics/runService.js';
import { ensureOrganization } from '../src/server/domains/organization/service.js';
import { systemActor } from '../src/server/lib/actor.js';
import { createBenchDatabase } from './lib/benchDatabase.js';
import { writeResult } from './lib/results.js';
import { compareSnapshotWrites } from './lib/snapshotWrites.js';

const ACCOUNTS = Number(process.env.ANALYTICS_RUN_ACCOUNTS ?? 100_000);
const SHIPMENTS = Number(process.env.ANALYTICS_RUN_SHIPMENTS ?? 2_000_000);
const DAY_MS = 86_400_000;

/**
 * Accounts and BG/NBD-shaped shipment histories: λ ~ Gamma(r, α) per day, dropout p ~ Beta(0.8, 12) after
 * each shipment, first shipment spread over the last 420 days. With these rates about 20 shipments per
 * account are drawn (2.02M for 100,000 accounts; a Beta(0.8, 4) dropout stopped at 1.17M).
 */
export async function generateShipments(database: ReturnType<typeof openDatabase>) {
  await database.pool.query(`INSERT INTO accounts (code, name_zh, transport_needs, normalized_names)
      SELECT 'B' || g, '基准客户' || g, '{"modes":[],"lanes":[]}', '{}' FROM generate_series(1, ${ACCOUNTS}) g`);
  const ids = (await database.pool.query<{ id: string }>('SELECT id FROM accounts ORDER BY code')).rows.map(
    (r) => r.id,
  );
  const rand = seededRandom(7);
  const r = 0.8;
  const meanLambda = SHIPMENTS / ACCOUNTS / 70;
  const now = Date.now();
  let waybill = 0;
  let batch: [string, string, number, number][] = [];
  const flush = async () => {
    if (!batch.length) return;
    await database.pool.query(
      `INSERT INTO shipments (waybill, account_id, mode, origin, destination, status, booked_at, revenue_cents, cost_cents)
         SELECT w, a, 'road_ftl', '上海', '北京', 'delivered', to_timestamp(t / 1000.0), rev, (rev * 0.7)::bigint
           FROM unnest($1::text[], $2::uuid[], $3::float8[], $4::bigint[]) AS u(w, a, t, rev)`,
      [batch.map((b) => b[0]), batch.map((b) => b[1]), batch.map((b) => b[2]), batch.map((b) => b[3])],
    );
    batch = [];
  };
  for (const id of ids) {
    const lambda = (gammaDraw(r, rand) / r) * meanLambda;
    const ga = gammaDraw(0.8, rand);
    const p = ga / (ga + gammaDraw(12, rand));
    const spend = 5000 + 40000 * gammaDraw(2, rand);
    let day = 420 * rand();
    for (;;) {
      batch.push([`S${++waybill}`, id, now - day * DAY_MS, Math.round(spend * (0.5 + rand()))]);
      if (rand() < p) break;
      day -= -Math.log(rand()) / lambda;
      if (day < 0) break;
    }
    if (batch.length >= 20_000) await flush();
  }
  await flush();
  await database.pool.query('VACUUM ANALYZE shipments');
}

export async function run() {
  const bench = await createBenchDatabase('bench_analytics_anal');
  const database = openDatabase(bench.url, 4);
  try {
    await ensureOrganization(database.db, systemActor(), 'Bench Logistics');
    const t0 = Date.now();
    await generateShipments(database);
    const generateSeconds = (Date.now() - t0) / 1000;
    const { rows } = await database.pool.query(
      'SELECT count(*)::int AS s, count(DISTINCT account_id)::int AS a FROM shipments',
    );

    const loadAtStart = os.loadavg()[0];
    let peak = process.memoryUsage().rss;
    const baseline = peak;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 20);
    const t1 = performance.now();
    const result = await runNow(database.db, 'manual', systemActor('bench'));
    const seconds = (performance.now() - t1) / 1000;
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage().rss);
    if (result?.status !== 'succeeded') throw new Error(`run failed: ${result?.error}`);
    const writes = await compareSnapshotWrites(database.pool, result.id);
    const loadAtEnd = os.loadavg()[0];
    const scale = `${Math.round(ACCOUNTS / 1000)}k_accounts_${(rows[0].s / 1e6).toFixed(2)}m_shipments`;
    const diag = result.diagnostics as {
      bgNbd: { iterations: number };
      distinctHistories: number;
      timings?: Record<string, number>;
    };
    const phases = Object.entries(diag.timings ?? {}).map(([phase, s]) => ({
      name: `full_run_phase_${phase}_${scale}`,
      value: s,
      unit: 's',
    }));
    writeResult(
      'analytics',
      bench.label,
      [
        { name: `full_run_${scale}`, value: Number(seconds.toFixed(2)), unit: 's', aim: '< 15 s' },
        { name: `full_run_peak_rss_${scale}`, value: Math.round(peak / 2 ** 20), unit: 'MiB' },
        { name: `full_run_rss_growth_${scale}`, value: Math.round((peak - baseline) / 2 ** 20), unit: 'MiB' },
        {
          name: `full_run_accounts_segmented_${scale}`,
          value: result.counts?.segmented ?? 0,
          unit: 'accounts',
        },
        { name: `full_run_shipments_in_db_${scale}`, value: rows[0].s, unit: 'shipments' },
        { name: `full_run_bgnbd_iterations_${scale}`, value: diag.bgNbd.iterations, unit: 'iterations' },
        { name: `full_run_distinct_histories_${scale}`, value: diag.distinctHistories, unit: 'histories' },
        { name: `full_run_data_generation_${scale}`, value: Number(generateSeconds.toFixed(1)), unit: 's' },
        ...phases,
        {
          name: `snapshot_write_copy_${scale}`,
          value: Number(writes.copy.toFixed(2)),
          unit: 's (COPY FROM STDIN, text built in Node included; rolled back; same minute as the next)',
        },
        {
          name: `snapshot_write_json_baseline_${scale}`,
          value: Number(writes.json.toFixed(2)),
          unit: 's (the previous way: JSON documents through json_populate_recordset; rolled back)',
        },
        {
          name: `full_run_load_average_1min_at_start_${scale}`,
          value: loadAtStart,
          unit: 'processes (2 cores)',
        },
        { name: `full_run_load_average_1min_at_end_${scale}`, value: loadAtEnd, unit: 'processes (2 cores)' },
      ],
      { merge: true },
    );
  } finally {
    await database.close();
    await bench.drop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
