/**
 * Customer master benchmark, import part: a generated 100,000-row account CSV (one contact per row)
 * imported end to end through the import job services (upload → validate every row → check against the
 * database → one transaction of set-based writes with audit entries), beside psql's \copy of the same
 * file into a bare table of text columns in the same run. Then the same file again in upsert mode
 * (every row unchanged: nothing written). On a fresh database of the PostgreSQL at BENCH_PG_URL
 * (default 127.0.0.1:5432), dropped afterwards.
 */
import { execFile, execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { openDatabase } from '../src/server/db/client.js';
import { migrateDatabase } from '../src/server/db/migrate.js';
import { uploadImport } from '../src/server/domains/imports/jobService.js';
import * as jobs from '../src/server/domains/imports/jobsRepo.js';
import { runJob } from '../src/server/domains/imports/runner.js';
import { ensureOrganization } from '../src/server/domains/organization/service.js';
import { createUser } from '../src/server/domains/users/service.js';
import { type Actor, systemActor } from '../src/server/lib/actor.js';
import { completeCreditCode } from '../src/shared/customers/creditCode.js';
import { writeResult } from './lib/results.js';

const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 100_000);
const ADMIN_URL = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const CITIES = [
  ['上海', '上海'],
  ['广东', '深圳'],
  ['浙江', '杭州'],
  ['江苏', '苏州'],
  ['四川', '成都'],
  ['湖北', '武汉'],
];
const TIERS = ['战略客户', '重点客户', '一般客户'];
const WORDS = [
  '顺达',
  '恒通',
  '远航',
  '华运',
  '鑫源',
  '天成',
  '安捷',
  '宏图',
  '汇丰',
  '瑞驰',
  '联合',
  '中储',
];
const HEADER = [
  '客户编码',
  '客户名称',
  '统一社会信用代码',
  '行业',
  '省份',
  '城市',
  '客户等级',
  '标签',
  '账期',
  '运输方式',
  '主要线路',
  '负责人邮箱',
  '联系人',
  '职务',
  '手机',
  '邮箱',
];

const quote = (c: string) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);

function generateCsv(ownerEmail: string): string {
  const lines = [HEADER.join(',')];
  for (let i = 0; i < ROWS; i++) {
    const [province, city] = CITIES[i % CITIES.length];
    const name = `${city}${WORDS[i % 12]}${WORDS[(i >> 4) % 12]}${i}号物流有限公司`;
    const credit = completeCreditCode(`91310000${String(10_000_000 + i).slice(-7)}0`);
    const row = [
      `B${String(i).padStart(7, '0')}`,
      name,
      credit,
      i % 3 ? '制造业' : '电子电器',
      province,
      city,
      TIERS[i % 3],
      i % 2 ? '冷链、VIP' : '',
      i % 2 ? '30天' : '',
      i % 2 ? '公路整车、快递' : '公路零担',
      i % 2 ? `${city}→北京; ${city}→成都` : '',
      i % 10 === 0 ? ownerEmail : '',
      `联系人${i}`,
      i % 2 ? '物流经理' : '',
      `13${String(100_000_000 + i).slice(-9)}`,
      `ops${i}@c${i}.example.cn`,
    ];
    lines.push(row.map(quote).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

const ACCOUNT_COLUMNS = `name_zh, name_en, credit_code, industry, size, province, city, address, source,
  owner_id, status, tier, lifecycle_stage, tags, credit_terms_days, transport_needs, normalized_names, search_grams, created_by`;
const CONTACT_COLUMNS =
  'name, title, mobile, phone, email, wechat_id, preferred_channel, is_primary, search_grams';
const AUDIT_COLUMNS =
  'actor_kind, actor_id, actor_label, ip, request_id, entity, entity_id, account_id, action, changes';

/**
 * What the database alone spends storing the import's rows: the imported accounts (new ids and codes),
 * their contacts and audit entries copied to temporary tables, then inserted again into the real tables
 * with INSERT … SELECT (every index, trigger and key as in the import, no Node, no parsing), timed, and
 * rolled back. The import can be no faster than this on the same machine in the same run.
 */
async function storeAgainInSql(pool: pg.Pool): Promise<number> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query(`CREATE TEMP TABLE again_accounts ON COMMIT DROP AS
      SELECT gen_random_uuid() AS new_id, a.* FROM accounts a`);
    await client.query(`CREATE TEMP TABLE again_contacts ON COMMIT DROP AS
      SELECT gen_random_uuid() AS new_id, n.new_id AS new_account_id, c.*
        FROM contacts c JOIN again_accounts n ON n.id = c.account_id`);
    await client.query(`CREATE TEMP TABLE again_audit ON COMMIT DROP AS SELECT * FROM audit_log`);
    const t0 = performance.now();
    await client.query(`INSERT INTO accounts (id, code, ${ACCOUNT_COLUMNS})
      SELECT new_id, 'again-' || code, ${ACCOUNT_COLUMNS} FROM again_accounts`);
    await client.query(`INSERT INTO contacts (id, account_id, ${CONTACT_COLUMNS})
      SELECT new_id, new_account_id, ${CONTACT_COLUMNS} FROM again_contacts`);
    await client.query(`INSERT INTO audit_log (${AUDIT_COLUMNS}) SELECT ${AUDIT_COLUMNS} FROM again_audit`);
    return performance.now() - t0;
  } finally {
    await client.query('ROLLBACK');
    client.release();
  }
}

export async function run(): Promise<void> {
  const loadAtStart = loadavg()[0];
  const branch = execFileSync('git', ['rev-parse', '--abbrev-ref', 'HEAD']).toString().trim();
  const name = `logicrm_bench_${branch.replace(/\W/g, '_')}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const dir = mkdtempSync(path.join(tmpdir(), 'logicrm-bench-import-'));
  try {
    await migrateDatabase(url.toString());
    const database = openDatabase(url.toString(), 10);
    const { db } = database;
    const version = (await database.pool.query('SHOW server_version')).rows[0].server_version as string;
    await ensureOrganization(db, systemActor(), 'Bench Logistics');
    const manager = await createUser(db, systemActor(), {
      email: 'bench-manager@logicrm.local',
      name: 'Bench Manager',
      role: 'manager',
      password: 'bench-password-123',
    });
    const actor: Actor = {
      ...systemActor(manager.email),
      kind: 'user',
      id: manager.id,
      role: 'manager',
      locale: 'zh-CN',
    };
    const text = generateCsv(manager.email);
    const file = path.join(dir, 'accounts.csv');
    writeFileSync(file, text);
    const bytes = Buffer.from(text);

    const importOnce = async (mode: 'create_only' | 'upsert') => {
      const t0 = performance.now();
      const id = await uploadImport(db, actor, { fileName: 'accounts.csv', encoding: 'auto', bytes });
      const t1 = performance.now();
      if (!(await jobs.claimJob(db, id, mode))) throw new Error('claim failed');
      const outcome = await runJob(db, actor, id, mode, (err) => console.error(err));
      const t2 = performance.now();
      if (outcome.status !== 'done')
        throw new Error(`import ${mode} failed: ${JSON.stringify(outcome.failure)}`);
      console.log(
        `import ${mode}: upload ${Math.round(t1 - t0)} ms, run ${Math.round(t2 - t1)} ms`,
        outcome.counts,
      );
      return { ms: t2 - t0, counts: outcome.counts };
    };
    const first = await importOnce('create_only');
    if (first.counts.created !== ROWS) throw new Error(`created ${first.counts.created} of ${ROWS}`);
    const again = await importOnce('upsert');
    if (again.counts.unchanged !== ROWS)
      throw new Error(`re-import changed ${ROWS - again.counts.unchanged} rows`);

    const floorMs = await storeAgainInSql(database.pool);

    await database.pool.query(
      `CREATE TABLE bare_accounts (${HEADER.map((_, i) => `c${i} text`).join(', ')})`,
    );
    const c0 = performance.now();
    await promisify(execFile)('psql', [
      url.toString(),
      '-q',
      '-c',
      `\\copy bare_accounts FROM '${file}' WITH (FORMAT csv, HEADER true)`,
    ]);
    const copyMs = performance.now() - c0;
    const copied = (await database.pool.query('SELECT count(*)::int AS n FROM bare_accounts')).rows[0].n;
    if (copied !== ROWS) throw new Error(`COPY stored ${copied} rows`);
    const audit = (await database.pool.query('SELECT count(*)::int AS n FROM audit_log')).rows[0].n;
    await database.close();

    const perSecond = (ms: number) => Math.round(ROWS / (ms / 1000));
    writeResult(
      'customers',
      `PostgreSQL ${version} (127.0.0.1:5432)`,
      [
        {
          name: `import ${ROWS}-row CSV end to end, create_only (accounts + contacts + audit)`,
          value: perSecond(first.ms),
          unit: 'rows/s',
          aim: '>= 10000',
        },
        { name: 'import end to end: wall time', value: Math.round(first.ms), unit: 'ms' },
        {
          name: `psql \\copy of the same CSV into a bare text table`,
          value: perSecond(copyMs),
          unit: 'rows/s',
        },
        { name: 'import / COPY throughput', value: Number((copyMs / first.ms).toFixed(3)), unit: 'ratio' },
        {
          name: 'the same accounts, contacts and audit rows INSERT … SELECT again into the real tables (indexes, triggers, keys; no Node), rolled back',
          value: perSecond(floorMs),
          unit: 'rows/s',
        },
        {
          name: 're-import of the same file, upsert (every row unchanged, nothing written)',
          value: perSecond(again.ms),
          unit: 'rows/s',
        },
        { name: 'audit entries written by the import (2 per row)', value: audit, unit: 'rows' },
        { name: 'import bench: load_average_1min_at_start', value: loadAtStart, unit: 'load' },
        { name: 'import bench: load_average_1min_at_end', value: loadavg()[0], unit: 'load' },
      ],
      { merge: true },
    ); // the list and search figures (customers-list.bench.ts) share the file
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  }
}
