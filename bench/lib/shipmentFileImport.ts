/**
 * The shipment file import of issue 4, end to end through the import job services (upload → read and
 * validate every row → check codes against the database → one transaction of set-based upserts with
 * audit entries), beside psql's \copy of the same CSV into a bare table of text columns in the same
 * run, then the same file again in upsert mode (every row unchanged: nothing written).
 * Expects accounts B1…B<accounts> and carriers CAR1…CAR20 (the shipments bench's base data).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Database } from '../../src/server/db/client.js';
import { uploadImport } from '../../src/server/domains/imports/jobService.js';
import * as jobs from '../../src/server/domains/imports/jobsRepo.js';
import type { ImportMode } from '../../src/server/domains/imports/jobsTable.js';
import { runJob } from '../../src/server/domains/imports/runner.js';
import { systemActor } from '../../src/server/lib/actor.js';
import { SHIPMENT_FILE_HEADER, shipmentFileRow } from '../../test/shipmentFiles.js';
import type { Metric } from './results.js';

const ORIGINS = ['上海', '深圳', '广州', '北京', '成都', '武汉', '西安', '宁波'];
const DESTINATIONS = ['北京', '上海', '成都', '重庆', '杭州', '天津'];
const MODES = ['road_ftl', 'road_ltl', 'express', 'air', 'sea', 'rail'];

/** The stored columns a file fills (the rest keep their defaults). */
const STORED =
  'waybill, account_id, carrier_id, mode, origin, destination, status, booked_at, picked_up_at, promised_at, promised_date, delivered_at, pieces, weight_kg, volume_m3, declared_value_cents, revenue_cents, cost_cents, currency, proof_of_delivery';

const at = (ms: number) => `${new Date(ms + 8 * 3_600_000).toISOString().slice(0, 19)}+08:00`;

export function shipmentCsv(rows: number, accounts: number): string {
  const lines = [SHIPMENT_FILE_HEADER.join(',')];
  const start = Date.UTC(2025, 0, 1);
  for (let i = 0; i < rows; i++) {
    const booked = start + (i % 300) * 86_400_000 + (i % 86_400) * 1000;
    const row = shipmentFileRow(`F${String(i).padStart(10, '0')}`, {
      account: `B${1 + ((i * 7919) % accounts)}`,
      carrier: `CAR${1 + (i % 20)}`,
      mode: MODES[i % 6],
      origin: ORIGINS[i % 8],
      destination: DESTINATIONS[(i >> 3) % 6],
      status: 'delivered',
      booked: at(booked),
      picked: at(booked + 6 * 3_600_000),
      promised: at(booked + 3 * 86_400_000),
      delivered: at(booked + 6 * 3_600_000 + ((i * 37) % 110) * 3_600_000),
      pieces: String(1 + (i % 9)),
      weight: (10 + (i % 1000) / 10).toFixed(1),
      revenue: (100 + (i % 500)).toFixed(2),
      cost: (70 + (i % 400)).toFixed(2),
    });
    lines.push(row.join(','));
  }
  return `${lines.join('\n')}\n`;
}

export async function benchShipmentFileImport(
  database: Database,
  url: string,
  rows: number,
  accounts: number,
  log: (m: string) => void,
): Promise<Metric[]> {
  const dir = mkdtempSync(path.join(tmpdir(), 'logicrm-bench-shipments-'));
  try {
    const text = shipmentCsv(rows, accounts);
    const file = path.join(dir, 'shipments.csv');
    writeFileSync(file, text);
    const bytes = Buffer.from(text);
    const actor = systemActor('bench');
    const importOnce = async (mode: ImportMode) => {
      const t0 = performance.now();
      const id = await uploadImport(database.db, actor, {
        kind: 'shipments',
        fileName: 'shipments.csv',
        encoding: 'auto',
        bytes,
      });
      if (!(await jobs.claimJob(database.db, id, mode))) throw new Error('claim failed');
      const outcome = await runJob(database.db, actor, id, mode, (err) => console.error(err));
      const ms = performance.now() - t0;
      if (outcome.status !== 'done') throw new Error(`import ${mode}: ${JSON.stringify(outcome.failure)}`);
      log(`file import ${mode}: ${Math.round(ms)} ms ${JSON.stringify(outcome.counts)}`);
      return { ms, counts: outcome.counts };
    };
    const first = await importOnce('create_only');
    if (first.counts.created !== rows) throw new Error(`created ${first.counts.created} of ${rows}`);
    const again = await importOnce('upsert');
    if (again.counts.unchanged !== rows)
      throw new Error(`re-import changed ${rows - again.counts.unchanged}`);

    // the database's own cost of storing those rows: the same 200k rows (new waybills) inserted by one
    // INSERT … SELECT from a plain table — indexes, foreign keys, KPI rollup triggers — and rolled back
    const floor = await database.pool.connect();
    const insertFloor = async (rollups: boolean) => {
      // a rolled-back insert leaves dead index entries under the same waybills (the next insert would
      // step over them in every unique check), and autovacuum would otherwise start on the rows the
      // import just wrote in the middle of a measurement: each one starts from a vacuumed database
      await floor.query('VACUUM ANALYZE');
      await floor.query('BEGIN');
      await floor.query('SET LOCAL jit = off');
      if (!rollups) await floor.query('ALTER TABLE shipments DISABLE TRIGGER shipments_kpi_insert');
      const f0 = performance.now();
      await floor.query(`INSERT INTO shipments (${STORED}) SELECT ${STORED} FROM floor_rows`);
      const ms = performance.now() - f0;
      await floor.query('ROLLBACK');
      return ms;
    };
    let floorMs: number;
    let bareFloorMs: number;
    try {
      await floor.query(
        `CREATE TEMP TABLE floor_rows AS SELECT ${STORED} FROM shipments WHERE waybill LIKE 'F%'`,
      );
      await floor.query(`UPDATE floor_rows SET waybill = 'G' || substr(waybill, 2)`);
      floorMs = await insertFloor(true);
      bareFloorMs = await insertFloor(false);
      await floor.query('DROP TABLE floor_rows');
    } finally {
      floor.release();
    }
    log(`insert floor: ${Math.round(floorMs)} ms, without the rollup trigger ${Math.round(bareFloorMs)} ms`);

    await database.pool.query(
      `CREATE TABLE bare_shipments (${SHIPMENT_FILE_HEADER.map((_, i) => `c${i} text`).join(', ')})`,
    );
    const c0 = performance.now();
    await promisify(execFile)('psql', [
      url,
      '-q',
      '-c',
      `\\copy bare_shipments FROM '${file}' WITH (FORMAT csv, HEADER true)`,
    ]);
    const copyMs = performance.now() - c0;
    const copied = (await database.pool.query('SELECT count(*)::int AS n FROM bare_shipments')).rows[0].n;
    if (copied !== rows) throw new Error(`COPY stored ${copied} rows`);
    await database.pool.query('DROP TABLE bare_shipments');
    const perSecond = (ms: number) => Math.round(rows / (ms / 1000));
    return [
      {
        name: `CSV file import of ${rows} shipments end to end, create_only (validation, upsert, audit)`,
        value: perSecond(first.ms),
        unit: 'rows/s',
        aim: '>= 50000',
      },
      { name: 'CSV file import: wall time', value: Math.round(first.ms), unit: 'ms' },
      {
        name: 'psql \\copy of the same CSV into a bare text table',
        value: perSecond(copyMs),
        unit: 'rows/s',
      },
      {
        name: 'file import / COPY throughput',
        value: Number((copyMs / first.ms).toFixed(3)),
        unit: 'ratio',
        aim: '>= 0.2',
      },
      {
        name: 'floor: the same rows INSERT … SELECT from a plain table into shipments (indexes, foreign keys, KPI rollup triggers), same run',
        value: perSecond(floorMs),
        unit: 'rows/s',
      },
      {
        name: 'floor without the KPI rollup trigger (indexes and foreign keys only), same run',
        value: perSecond(bareFloorMs),
        unit: 'rows/s',
      },
      {
        name: 'file import / that insert floor',
        value: Number((floorMs / first.ms).toFixed(3)),
        unit: 'ratio',
      },
      {
        name: 're-import of the same file, upsert (every row unchanged, nothing written)',
        value: perSecond(again.ms),
        unit: 'rows/s',
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
