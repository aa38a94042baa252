/**
 * Shipments benchmark on the machine's PostgreSQL (BENCH_DATABASE_URL, default 127.0.0.1:5432), by
 * default at the scale: 2,000,000 shipments, 10,000,000 tracking events, 100,000 accounts.
 * SHIPMENTS_BENCH_SCALE=small runs 200,000 / 1,000,000 / 10,000 for a quick look; each figure can be
 * set alone (SHIPMENTS_BENCH_SHIPMENTS, …_ACCOUNTS, …_EVENTS_PER, …_BULK_BATCHES), and
 * …_IMPORT_ROWS (default 1,000,000; 0 leaves it out) adds the CSV file import beside COPY of the file.
 * Base data is generated in SQL (lib/shipmentBaseData.ts); the bulk API, the dashboard's KPI queries,
 * the account service-quality tab and the carrier lane comparison are then timed through app.inject
 * (in-process: no socket, the database work is what is measured). The raw-row KPI query (no rollups)
 * is timed once in the same run as the baseline. Results are merged into bench/results/shipments.json
 * (the file-import figures written by another run are kept).
 * For iterating on queries, SHIPMENTS_BENCH_KEEP=1 keeps the database and SHIPMENTS_BENCH_REUSE=<name>
 * times the queries again on a kept one (migrated to the current code, no base data, no bulk upsert);
 * such a run only prints its figures and leaves the results file alone.
 */
import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import pg from 'pg';
import { percentile, writeResult } from './lib/results.js';
import { generateBaseData } from './lib/shipmentBaseData.js';
import { benchShipmentFileImport } from './lib/shipmentFileImport.js';

const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const SMALL = process.env.SHIPMENTS_BENCH_SCALE === 'small';
const SHIPMENTS = Number(process.env.SHIPMENTS_BENCH_SHIPMENTS ?? (SMALL ? 200_000 : 2_000_000));
const ACCOUNTS = Number(process.env.SHIPMENTS_BENCH_ACCOUNTS ?? (SMALL ? 10_000 : 100_000));
const EVENTS_PER = Number(process.env.SHIPMENTS_BENCH_EVENTS_PER ?? 5);
const BULK_BATCHES = Number(process.env.SHIPMENTS_BENCH_BULK_BATCHES ?? (SMALL ? 10 : 20));
const BULK_SIZE = 5000;
const REUSE = process.env.SHIPMENTS_BENCH_REUSE;
/** Rows of the CSV file import (issue 4 asks for 1,000,000); 0 leaves it out. */
const IMPORT_ROWS = Number(process.env.SHIPMENTS_BENCH_IMPORT_ROWS ?? 1_000_000);

const withDb = (url: string, name: string) => {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
};

const row = (i: number, version: number) => ({
  waybill: `BULK${String(i).padStart(9, '0')}`,
  accountCode: `B${1 + (i % ACCOUNTS)}`,
  carrierCode: `CAR${1 + (i % 20)}`,
  mode: 'road_ltl',
  origin: '上海',
  destination: '北京',
  status: 'delivered',
  bookedAt: new Date(Date.UTC(2026, 0, 1) + (i % 300) * 86_400_000).toISOString(),
  pickedUpAt: new Date(Date.UTC(2026, 0, 1) + (i % 300) * 86_400_000 + 3_600_000).toISOString(),
  promisedAt: new Date(Date.UTC(2026, 0, 4) + (i % 300) * 86_400_000).toISOString(),
  deliveredAt: new Date(Date.UTC(2026, 0, 3) + (i % 300) * 86_400_000).toISOString(),
  weightKg: 10 + (i % 100) + version,
  revenueCents: 20_000,
  costCents: 15_000,
});

type Timer = (url: string) => Promise<number>;

/** `runs` timings of one GET in a row; the first of them warms the cache like a real dashboard's. */
async function timings(time: Timer, url: string, runs: number) {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) out.push(await time(url));
  return out;
}

const ms = (v: number) => Number(v.toFixed(1));
const p50 = (v: number[]) => ms(percentile(v, 0.5));
const p99 = (v: number[]) => ms(percentile(v, 0.99));

export async function run(): Promise<void> {
  const name = REUSE ?? `shipbench_ship_${randomBytes(4).toString('hex')}`;
  const loadAtStart = loadavg()[0];
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  if (!REUSE) await admin.query(`CREATE DATABASE "${name}"`);
  const url = withDb(ADMIN_URL, name);
  const log = (m: string) => console.log(`shipments bench: ${m}`);
  try {
    const { migrateDatabase } = await import('../src/server/db/migrate.js');
    await migrateDatabase(url);
    const { openDatabase } = await import('../src/server/db/client.js');
    const { loadConfig } = await import('../src/server/config.js');
    const { buildApp } = await import('../src/server/app.js');
    const { ensureOrganization } = await import('../src/server/domains/organization/service.js');
    const { createApiKey } = await import('../src/server/domains/apikeys/service.js');
    const { systemActor } = await import('../src/server/lib/actor.js');
    const { kpiRows } = await import('../src/server/domains/kpi/repo.js');
    const database = openDatabase(url, 10);
    const t0 = performance.now();
    const phases = REUSE
      ? { rowsSeconds: 0, indexesSeconds: 0, rollupsSeconds: 0, vacuumSeconds: 0 }
      : await generateBaseData(
          database.pool,
          { shipments: SHIPMENTS, accounts: ACCOUNTS, eventsPerShipment: EVENTS_PER },
          log,
        );
    const generatedSeconds = (performance.now() - t0) / 1000;
    await ensureOrganization(database.db, systemActor(), 'Bench Logistics');
    const { secret } = await createApiKey(database.db, systemActor(), { name: 'bench', role: 'service' });
    const headers = { authorization: `Bearer ${secret}` };
    const app = await buildApp(
      { database, config: loadConfig({ DATABASE_URL: url, LOG_LEVEL: 'silent' }) },
      { serveWeb: false },
    );
    await app.ready();

    const bulk = async (version: number) => {
      const t0 = performance.now();
      for (let b = 0; b < BULK_BATCHES; b++) {
        const rows = Array.from({ length: BULK_SIZE }, (_, i) => row(b * BULK_SIZE + i, version));
        const payload = JSON.stringify({ rows });
        const res = await app.inject({
          method: 'POST',
          url: '/api/v1/shipments/bulk',
          headers: { ...headers, 'content-type': 'application/json' },
          payload,
        });
        if (res.statusCode !== 200) throw new Error(`bulk ${res.statusCode}: ${res.body.slice(0, 300)}`);
      }
      return Math.round((BULK_BATCHES * BULK_SIZE) / ((performance.now() - t0) / 1000));
    };
    const insertRate = REUSE ? 0 : await bulk(0);
    const unchangedRate = REUSE ? 0 : await bulk(0);
    const updateRate = REUSE ? 0 : await bulk(1);
    log(`bulk: insert ${insertRate}/s, unchanged ${unchangedRate}/s, update ${updateRate}/s`);

    const to = new Date().toISOString().slice(0, 10);
    const from = new Date(Date.now() - 365 * 86_400_000).toISOString().slice(0, 10);
    const time: Timer = async (url) => {
      const t0 = performance.now();
      const res = await app.inject({ method: 'GET', url, headers });
      if (res.statusCode !== 200) throw new Error(`GET ${url} ${res.statusCode}: ${res.body.slice(0, 300)}`);
      return performance.now() - t0;
    };
    const kpi = `/api/v1/kpi/shipments?from=${from}&to=${to}`;
    const { rows: accounts } = await database.pool.query<{ id: string }>(
      'SELECT id FROM accounts ORDER BY hashtext(code) LIMIT 200',
    );
    const oneAccount: number[] = [];
    const accountTab: number[] = [];
    for (const a of accounts) {
      oneAccount.push(await time(`${kpi}&accountId=${a.id}&trend=month`));
      accountTab.push(
        await time(`/api/v1/accounts/${a.id}/service-quality?from=${from}&to=${to}&trend=month`),
      );
    }
    log(`one account p50 ${p50(oneAccount)} ms, service-quality tab p50 ${p50(accountTab)} ms`);
    // the dashboard page's three requests: the period's figures, the trend, the table by a cut
    const dashboard: number[] = [];
    for (let i = 0; i < 6; i++)
      dashboard.push(
        (await time(kpi)) + (await time(`${kpi}&trend=month`)) + (await time(`${kpi}&cut=carrier`)),
      );
    const company = {
      byMonth: await timings(time, `${kpi}&trend=month`, 6),
      byWeek: await timings(time, `${kpi}&trend=week`, 4),
      byCarrier: await timings(time, `${kpi}&cut=carrier`, 6),
      byLane: await timings(time, `${kpi}&cut=lane`, 6),
      byMode: await timings(time, `${kpi}&cut=mode`, 4),
      // the dashboard's table by account: a ranked page (kpi/ranking.ts), beside every account at once
      byAccountPage: await timings(time, `${kpi}&cut=account&sort=volume&limit=20`, 4),
      byAccountLatePage: await timings(time, `${kpi}&cut=account&sort=late&order=desc&limit=20`, 4),
      byAccount: await timings(time, `${kpi}&cut=account`, 1),
      laneByMonth: await timings(time, `${kpi}&origin=${encodeURIComponent('上海')}&trend=month`, 4),
      laneComparison: await timings(
        time,
        `/api/v1/partners/lane-comparison?origin=${encodeURIComponent('上海')}&destination=${encodeURIComponent('北京')}&from=${from}&to=${to}`,
        6,
      ),
    };
    log(`company by month p50 ${p50(company.byMonth)} ms, by carrier ${p50(company.byCarrier)} ms`);
    // baseline in the same run: the same company query by month over raw rows, without the rollups
    const raw0 = performance.now();
    await kpiRows(database.db, {
      from,
      to,
      timeZone: 'Asia/Shanghai',
      rule: 'timestamp',
      cut: 'overall',
      trend: 'month',
    });
    const rawCompanyMs = performance.now() - raw0;
    await app.close();
    const fileImport = IMPORT_ROWS
      ? await benchShipmentFileImport(database, url, IMPORT_ROWS, ACCOUNTS, log)
      : [];
    await database.close();

    const scale = `${SHIPMENTS / 1e6}M shipments, ${(SHIPMENTS * EVENTS_PER) / 1e6}M events, ${ACCOUNTS / 1000}k accounts`;
    const pgVersion = (await admin.query('SHOW server_version')).rows[0].server_version;
    const co = (label: string, v: number[], aim?: string) => [
      { name: `KPI whole company, 12 months ${label}: p50`, value: p50(v), unit: 'ms' },
      {
        name: `KPI whole company, 12 months ${label}: max of ${v.length}`,
        value: ms(Math.max(...v)),
        unit: 'ms',
        aim,
      },
    ];
    // a run on a reused database (no base data, no bulk upsert) only prints its figures
    const report = REUSE
      ? (_area: string, _db: string, metrics: unknown) => log(JSON.stringify(metrics, null, 1))
      : writeResult;
    report(
      'shipments',
      `PostgreSQL ${pgVersion} (${ADMIN_URL.replace(/\/\/[^@]*@/, '//')})`,
      [
        { name: 'load_average_1min_at_start', value: loadAtStart, unit: 'load' },
        { name: `scale: ${scale}`, value: SHIPMENTS, unit: 'shipments' },
        {
          name: 'base data: rows generated in SQL with triggers off (INSERT … SELECT), context',
          value: Math.round(phases.rowsSeconds),
          unit: 's',
        },
        {
          name: 'base data: secondary indexes built after the load, context',
          value: Math.round(phases.indexesSeconds),
          unit: 's',
        },
        {
          name: 'base data: daily KPI rollups rebuilt set-based, context',
          value: Math.round(phases.rollupsSeconds),
          unit: 's',
        },
        {
          name: 'base data: whole generation incl. VACUUM ANALYZE, context',
          value: Math.round(generatedSeconds),
          unit: 's',
        },
        {
          name: `bulk API upsert, new waybills, ${BULK_BATCHES}×${BULK_SIZE} rows`,
          value: insertRate,
          unit: 'rows/s',
        },
        {
          name: 'bulk API upsert, same batches again (nothing changes)',
          value: unchangedRate,
          unit: 'rows/s',
        },
        { name: 'bulk API upsert, every row changed', value: updateRate, unit: 'rows/s' },
        {
          name: `KPI one account, 12 months by month (${accounts.length} accounts): p50`,
          value: p50(oneAccount),
          unit: 'ms',
        },
        { name: 'KPI one account, 12 months by month: p99', value: p99(oneAccount), unit: 'ms', aim: '< 50' },
        {
          name: 'account service-quality tab (period + trend + targets + complaints): p50',
          value: p50(accountTab),
          unit: 'ms',
        },
        { name: 'account service-quality tab: p99', value: p99(accountTab), unit: 'ms', aim: '< 50' },
        {
          name: `dashboard page, whole company 12 months (overall + by month + by carrier, ${scale}): p50`,
          value: p50(dashboard),
          unit: 'ms',
        },
        {
          name: 'dashboard page, whole company 12 months: max of 6',
          value: ms(Math.max(...dashboard)),
          unit: 'ms',
          aim: '< 1000',
        },
        ...co('by month', company.byMonth, '< 1000'),
        ...co('by week', company.byWeek, '< 1000'),
        ...co('by carrier', company.byCarrier, '< 1000'),
        ...co('by lane', company.byLane, '< 1000'),
        ...co('by mode', company.byMode, '< 1000'),
        ...co('by account, first page of 20 ranked by volume', company.byAccountPage),
        ...co('by account, first page of 20 ranked by late deliveries', company.byAccountLatePage),
        ...co('baseline: by account, every account a row (unpaged), same run', company.byAccount),
        ...co('one origin by month', company.laneByMonth, '< 1000'),
        ...co('carriers on one lane (partner lane comparison)', company.laneComparison, '< 1000'),
        {
          name: 'baseline: whole company 12 months by month over raw rows (no rollups), same run',
          value: ms(rawCompanyMs),
          unit: 'ms',
        },
        ...fileImport,
        { name: 'load_average_1min_at_end', value: loadavg()[0], unit: 'load' },
      ],
      { merge: true },
    );
  } finally {
    if (process.env.SHIPMENTS_BENCH_KEEP || REUSE) log(`kept database ${name}`);
    else await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  }
}
