/**
 * Service desk (issue 5): SLA sweep over the open tickets, the service-desk dashboard, and the ticket
 * list with filters under 50 connections, on PostgreSQL (BENCH_DATABASE_URL, default the machine's
 * 127.0.0.1:5432). Scale: SD_TICKETS tickets (default 200,000, 20,000 of them open) and
 * SD_EVENTS_PER_TICKET events each (default 10 → 2,000,000); metric names state the scale used.
 * The data is generated in SQL in a throw-away database, dropped at the end (kept with
 * SD_KEEP_DATABASE=1, to EXPLAIN the queries on it; drop it yourself then).
 */
import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import pg from 'pg';
import { buildApp } from '../src/server/app.js';
import { loadConfig } from '../src/server/config.js';
import { openDatabase } from '../src/server/db/client.js';
import { migrateDatabase } from '../src/server/db/migrate.js';
import { runSlaSweep } from '../src/server/domains/sla/sweep.js';
import { serviceDeskKpis } from '../src/server/domains/tickets/kpis.js';
import { createUser } from '../src/server/domains/users/service.js';
import { systemActor } from '../src/server/lib/actor.js';
import { load } from './lib/load.js';
import { type Metric, percentile, writeResult } from './lib/results.js';

const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const TICKETS = Number(process.env.SD_TICKETS ?? 200_000);
const OPEN = Math.min(20_000, Math.floor(TICKETS / 2));
const EVENTS_PER = Number(process.env.SD_EVENTS_PER_TICKET ?? 10);

const withDb = (url: string, name: string) => {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
};
const round2 = (v: number) => Math.round(v * 100) / 100;
const k = (n: number) => (n >= 1000 ? `${n / 1000}k` : String(n));

/**
 * Bulk load as a restore would: foreign-key triggers off (the generated rows are consistent by
 * construction) and the secondary indexes of the two big tables built once after the rows are in,
 * from their own definitions, rather than maintained row by row.
 */
export async function seed(db: pg.Client, now: Date) {
  await db.query(`SET session_replication_role = replica; SET maintenance_work_mem = '256MB'`);
  const { rows: indexes } = await db.query<{ name: string; def: string }>(
    `SELECT indexname AS name, indexdef AS def FROM pg_indexes
     WHERE tablename IN ('tickets', 'ticket_events') AND indexname NOT LIKE '%_pkey'`,
  );
  for (const i of indexes) await db.query(`DROP INDEX "${i.name}"`);
  await db.query(`
    INSERT INTO users (email, name, role, password_hash)
    SELECT 'agent' || g || '@bench.test', 'Agent ' || g, 'service', 'x' FROM generate_series(1, 20) g;
    UPDATE teams SET member_ids = (SELECT array_agg(id) FROM users WHERE role = 'service'),
      lead_id = (SELECT id FROM users WHERE role = 'service' LIMIT 1);
    INSERT INTO accounts (code, name_zh, status, tier, transport_needs)
    SELECT 'B' || g, '基准客户' || g, 'active', (ARRAY['strategic','key','general'])[1 + g % 3], '{"modes":[],"lanes":[]}'
    FROM generate_series(1, 2000) g;`);
  // open tickets have deadlines spread around "now": some past warning, some breached, most running
  await db.query(
    `
    WITH a AS (SELECT array_agg(id) ids FROM accounts), u AS (SELECT array_agg(id) ids FROM users WHERE role = 'service'),
         tm AS (SELECT id FROM teams LIMIT 1)
    INSERT INTO tickets (number, kind, category, severity, status, subject, account_id, channel, team_id, assignee_id,
      first_response_target, resolution_target, first_response_at, resolved_at, closed_at, root_cause,
      first_response_due_at, first_response_warn_at, resolution_due_at, resolution_warn_at, sla_started_at, created_at, updated_at)
    SELECT 'B' || lpad(g::text, 7, '0'),
      (ARRAY['complaint','inquiry','claim','suggestion'])[1 + g % 4],
      (ARRAY['delay','damage','loss','wrong_delivery','billing','service_attitude','tracking_information','other'])[1 + g % 8],
      (ARRAY['low','medium','high','critical'])[1 + g % 4],
      CASE WHEN g <= $2 THEN (ARRAY['new','acknowledged','investigating','reopened'])[1 + g % 4] ELSE 'closed' END,
      '基准工单 ' || g, a.ids[1 + g % 2000], 'phone', tm.id, u.ids[1 + g % 20],
      120, 1440,
      CASE WHEN g % 4 = 0 AND g <= $2 THEN NULL ELSE c + make_interval(mins => 5 + g % 300) END,
      CASE WHEN g > $2 THEN c + make_interval(mins => 60 + g % 5000) END,
      CASE WHEN g > $2 THEN c + make_interval(mins => 90 + g % 5000) END,
      CASE WHEN g > $2 THEN (ARRAY['中转站积压','装卸操作不当','分拣错误','地址录入错误','承运商接口中断'])[1 + g % 5] END,
      $1::timestamptz + make_interval(mins => (g % 600) - 120), $1::timestamptz + make_interval(mins => (g % 600) - 150),
      $1::timestamptz + make_interval(mins => (g % 3000) - 300), $1::timestamptz + make_interval(mins => (g % 3000) - 600),
      c, c, c
    FROM generate_series(1, $3) g, a, u, tm,
      LATERAL (SELECT $1::timestamptz - make_interval(mins => g % 86400) AS c) t`,
    [now, OPEN, TICKETS],
  );
  await db.query('INSERT INTO ticket_sla_clocks (ticket_id) SELECT id FROM tickets');
  await db.query(
    `INSERT INTO ticket_events (ticket_id, at, type, actor_label, body)
     SELECT t.id, t.created_at + make_interval(mins => e * 7), (ARRAY['created','reply','note','status','customer_message'])[1 + e % 5], 'bench', '事件 ' || e
     FROM tickets t, generate_series(0, $1 - 1) e`,
    [EVENTS_PER],
  );
  for (const i of indexes) await db.query(i.def);
  await db.query('SET session_replication_role = DEFAULT');
  // what autovacuum does after a bulk load: statistics and the visibility map (index-only scans)
  await db.query('VACUUM ANALYZE');
}

export async function run(): Promise<void> {
  const name = `lcrm_bench_desk_${randomBytes(3).toString('hex')}`;
  const loadAtStart = loadavg()[0];
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  const url = withDb(ADMIN_URL, name);
  const scale = `${k(TICKETS)} tickets, ${k(TICKETS * EVENTS_PER)} events`;
  try {
    await migrateDatabase(url);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const now = new Date();
    const t0 = Date.now();
    await seed(client, now);
    const seedMs = Date.now() - t0;
    const version = (await client.query('SHOW server_version')).rows[0].server_version;
    await client.end();

    const database = openDatabase(url, 60);
    const first = Date.now();
    const swept = await runSlaSweep(database.db, now);
    const sweepFirst = Date.now() - first;
    const steadyRuns: number[] = [];
    for (let i = 1; i <= 5; i++) {
      const s = Date.now();
      await runSlaSweep(database.db, new Date(now.getTime() + i * 1000));
      steadyRuns.push(Date.now() - s);
    }
    const dash: number[] = [];
    for (let i = 0; i < 30; i++) {
      const s = performance.now();
      await serviceDeskKpis(database.db, new Date(now.getTime() - 30 * 86_400_000), now, now);
      dash.push(performance.now() - s);
    }

    const config = loadConfig({
      DATABASE_URL: url,
      LOG_LEVEL: 'silent',
      SESSION_CACHE_MS: '2000',
      JOBS: 'off',
    });
    const app = await buildApp({ database, config }, { serveWeb: false });
    const user = await createUser(database.db, systemActor('bench'), {
      email: 'bench-manager@bench.test',
      name: 'M',
      role: 'manager',
      password: 'bench-password-123',
    });
    const login = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: user.email, password: 'bench-password-123' },
    });
    const cookie = `logicrm_session=${login.cookies.find((c) => c.name === 'logicrm_session')?.value}`;
    const address = await app.listen({ port: 0, host: '127.0.0.1' });
    const list = await load(`${address}/api/v1/tickets?open=true&category=delay&limit=50`, {
      connections: 50,
      seconds: 10,
      headers: { cookie },
    });
    await app.close();
    await database.close();

    const metrics: Metric[] = [
      { name: 'load_average_1min_at_start', value: round2(loadAtStart), unit: 'processes (2-core machine)' },
      { name: `seed (${scale}, in SQL)`, value: seedMs, unit: 'ms' },
      {
        name: `SLA sweep, first run over ${k(OPEN)} open tickets (${swept.warned} warned, ${swept.escalated} escalated + notified)`,
        value: sweepFirst,
        unit: 'ms',
        aim: '< 2000',
      },
      {
        name: `SLA sweep, steady state over ${k(OPEN)} open tickets: median of 5`,
        value: Math.round(percentile(steadyRuns, 0.5)),
        unit: 'ms',
        aim: '< 2000',
      },
      {
        name: `service-desk dashboard (${scale}): p50`,
        value: Math.round(percentile(dash, 0.5)),
        unit: 'ms',
        aim: '< 500',
      },
      {
        name: `service-desk dashboard (${scale}): p99 of 30`,
        value: Math.round(percentile(dash, 0.99)),
        unit: 'ms',
        aim: '< 500',
      },
      {
        name: `GET /tickets?open&category (${scale}), 50 connections: throughput`,
        value: list.requestsPerSecond,
        unit: 'req/s',
      },
      { name: 'GET /tickets with filters: p99', value: list.p99, unit: 'ms' },
      {
        name: 'GET /tickets with filters: errors + non-2xx',
        value: list.errors + list.non2xx,
        unit: 'count',
      },
      { name: 'load_average_1min_at_end', value: round2(loadavg()[0]), unit: 'processes (2-core machine)' },
    ];
    writeResult('service-desk', `PostgreSQL ${version} (external, 127.0.0.1)`, metrics);
  } finally {
    if (process.env.SD_KEEP_DATABASE) console.log(`kept ${name} (drop it when done)`);
    else await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  }
}
