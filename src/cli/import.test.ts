import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAccount, creditCode } from '../../test/accountFactory.js';
import { createTestDatabase } from '../../test/db.js';
import { buildUser } from '../../test/factories.js';
import { gbkCsv, utf8Csv } from '../../test/importFiles.js';
import { type Database, openDatabase } from '../server/db/client.js';
import { runImportCommand } from './import.js';

const dir = mkdtempSync(join(tmpdir(), 'logicrm-import-'));
let database: Database;
let url: string;
let drop: () => Promise<void>;
beforeAll(async () => {
  ({ url, drop } = await createTestDatabase());
  database = openDatabase(url, 4);
});
afterAll(async () => {
  await database.close();
  await drop();
  rmSync(dir, { recursive: true, force: true });
});

const HEADER = ['客户编码', '客户名称', '统一社会信用代码', '联系人', '手机'];
const row = (n: number, credit = creditCode(700 + n)) => [
  `CLI${n}`,
  `命令行导入${n}有限公司`,
  credit,
  `联系人${n}`,
  `1371234${String(n).padStart(4, '0')}`,
];
const quiet = { write: () => {} };

describe('logicrm import accounts', () => {
  it('dry-runs, writes the report next to the file, then imports as a manager', async () => {
    const manager = await buildUser(database.db, 'manager');
    const file = join(dir, 'gbk.csv');
    writeFileSync(file, gbkCsv([HEADER, row(1), row(2, '91310000MA1FL0000X'), row(3)]));
    const dry = await runImportCommand(database.db, file, {
      mode: 'create_only',
      encoding: 'auto',
      dryRun: true,
      ...quiet,
    });
    expect(dry.summary).toMatchObject({
      status: 'validated',
      encoding: 'gb18030',
      counts: { total: 3, bad: 1 },
      report: `${file}.report.csv`,
    });
    expect(readFileSync(`${file}.report.csv`, 'utf8')).toMatch(/^\uFEFFLine,Column,Field/);
    const failed = await runImportCommand(database.db, file, {
      mode: 'create_only',
      encoding: 'gbk',
      as: manager.email,
      ...quiet,
    });
    expect(failed.summary).toMatchObject({ status: 'failed', counts: { created: 0 } });
    expect(failed.summary.failure).toContain('1 行存在错误');
    const done = await runImportCommand(database.db, file, {
      mode: 'skip_bad_rows',
      encoding: 'auto',
      as: manager.email,
      ...quiet,
    });
    expect(done.summary).toMatchObject({ status: 'done', counts: { created: 2, skipped: 1 } });
    const { rows } = await database.pool.query(
      `SELECT actor_label FROM audit_log WHERE entity = 'account' ORDER BY id DESC LIMIT 1`,
    );
    expect(rows[0].actor_label).toBe(manager.email);
  });

  it('refuses a sales rep', async () => {
    const sales = await buildUser(database.db, 'sales');
    const file = join(dir, 'one.csv');
    writeFileSync(file, gbkCsv([HEADER, row(9)]));
    await expect(
      runImportCommand(database.db, file, {
        mode: 'create_only',
        encoding: 'auto',
        as: sales.email,
        ...quiet,
      }),
    ).rejects.toThrow('may not import');
  });

  it('runs as a command: prints the counts as JSON, exit code 0', async () => {
    const file = join(dir, 'cmd.csv');
    writeFileSync(file, gbkCsv([HEADER, row(20), row(21)]));
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['bin/logicrm.js', 'import', 'accounts', file, '--mode', 'upsert'],
      {
        env: { ...process.env, DATABASE_URL: url, LOG_LEVEL: 'silent' },
      },
    );
    expect(JSON.parse(stdout)).toMatchObject({ status: 'done', mode: 'upsert', counts: { created: 2 } });
    const again = await promisify(execFile)(
      process.execPath,
      ['bin/logicrm.js', 'import', 'accounts', file, '--mode', 'upsert'],
      {
        env: { ...process.env, DATABASE_URL: url, LOG_LEVEL: 'silent' },
      },
    );
    expect(JSON.parse(again.stdout)).toMatchObject({ counts: { unchanged: 2 } });
  }, 60_000);
});

describe('logicrm import shipments', () => {
  const SHIPMENTS = ['waybill', 'accountCode', 'mode', 'origin', 'destination', 'status', 'bookedAt'];
  const shipment = (waybill: string, account = 'CLISHIP') => [
    waybill,
    account,
    'express',
    '上海',
    '成都',
    'booked',
    '2025-06-01T08:00:00+08:00',
  ];

  it('imports a shipment file as a command, and dry-runs one with an unknown account', async () => {
    await buildAccount(database.db, { code: 'CLISHIP' });
    const file = join(dir, 'waybills.csv');
    writeFileSync(file, utf8Csv([SHIPMENTS, shipment('CLI-W1'), shipment('CLI-W2')]));
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['bin/logicrm.js', 'import', 'shipments', file, '--mode', 'upsert'],
      { env: { ...process.env, DATABASE_URL: url, LOG_LEVEL: 'silent' } },
    );
    expect(JSON.parse(stdout)).toMatchObject({ kind: 'shipments', status: 'done', counts: { created: 2 } });

    const bad = join(dir, 'bad-waybills.csv');
    writeFileSync(bad, utf8Csv([SHIPMENTS, shipment('CLI-W3', 'NOSUCH')]));
    const dry = await runImportCommand(database.db, bad, {
      kind: 'shipments',
      mode: 'create_only',
      encoding: 'auto',
      dryRun: true,
      ...quiet,
    });
    expect(dry.summary).toMatchObject({ status: 'validated', counts: { total: 1, bad: 1 } });
    expect(readFileSync(`${bad}.report.csv`, 'utf8')).toContain('shipment.unknownAccount');
    const { rows } = await database.pool.query(`SELECT waybill FROM shipments ORDER BY waybill`);
    expect(rows.map((r) => r.waybill)).toEqual(['CLI-W1', 'CLI-W2']);
  }, 60_000);
});
