/**
 * The shipment file import alone (issue 4), on a smaller database than the full shipments benchmark:
 * SHIPMENTS_IMPORT_BASE shipments (default 100,000) across SHIPMENTS_IMPORT_ACCOUNTS accounts (10,000)
 * generated in SQL, then a SHIPMENTS_IMPORT_ROWS-row CSV (default 200,000) imported end to end beside
 * psql's \copy of the same file (bench/lib/shipmentFileImport.ts). The metrics are merged into
 * bench/results/shipments.json, keeping the full benchmark's others.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import pg from 'pg';
import { openDatabase } from '../src/server/db/client.js';
import { migrateDatabase } from '../src/server/db/migrate.js';
import { writeResult } from './lib/results.js';
import { generateBaseData } from './lib/shipmentBaseData.js';
import { benchShipmentFileImport } from './lib/shipmentFileImport.js';

const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const BASE = Number(process.env.SHIPMENTS_IMPORT_BASE ?? 100_000);
const ACCOUNTS = Number(process.env.SHIPMENTS_IMPORT_ACCOUNTS ?? 10_000);
const ROWS = Number(process.env.SHIPMENTS_IMPORT_ROWS ?? 200_000);

export async function run(): Promise<void> {
  const loadAtStart = loadavg()[0];
  const branch = execFileSync('git', ['rev-parse', '--abbrev-ref', 'HEAD']).toString().trim();
  const name = `logicrm_bench_${branch.replace(/\W/g, '_')}_${randomBytes(3).toString('hex')}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const log = (m: string) => console.log(`shipments import bench: ${m}`);
  try {
    await migrateDatabase(url.toString());
    const database = openDatabase(url.toString(), 10);
    await generateBaseData(database.pool, { shipments: BASE, accounts: ACCOUNTS, eventsPerShipment: 1 }, log);
    const metrics = await benchShipmentFileImport(database, url.toString(), ROWS, ACCOUNTS, log);
    await database.close();
    const version = (await admin.query('SHOW server_version')).rows[0].server_version as string;
    const scale = `into ${BASE / 1000}k shipments, ${ACCOUNTS / 1000}k accounts`;
    writeResult(
      'shipments',
      `PostgreSQL ${version} (127.0.0.1:5432)`,
      [
        ...metrics.map((m) => ({ ...m, name: `${m.name} (${scale})` })),
        { name: 'file import bench: load_average_1min_at_start', value: loadAtStart, unit: 'load' },
        { name: 'file import bench: load_average_1min_at_end', value: loadavg()[0], unit: 'load' },
      ],
      { merge: true },
    );
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  }
}
