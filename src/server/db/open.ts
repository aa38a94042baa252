import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../config.js';
import { startEmbeddedDatabase } from './embedded.js';

export interface DatabaseTarget {
  url: string;
  kind: 'external' | 'embedded';
  /** True on the very first start of an embedded database. */
  created: boolean;
  /** Stops the embedded server if this process started it. */
  stop: () => Promise<void>;
}

function runningEmbeddedUrl(config: Config): string | null {
  const dir = path.resolve(config.DATA_DIR, 'pg');
  const pidFile = path.join(dir, 'postmaster.pid');
  if (!existsSync(pidFile)) return null;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  try {
    process.kill(pid, 0);
  } catch {
    return null;
  }
  const password = readFileSync(path.resolve(config.DATA_DIR, 'pg-password'), 'utf8').trim();
  return `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${config.EMBEDDED_PG_PORT}/logicrm`;
}

/**
 * DATABASE_URL when set; otherwise the embedded PostgreSQL under DATA_DIR — joined if another
 * LogiCRM process (the server, when the CLI runs) already started it, started here if not.
 */
export async function openConfiguredDatabase(
  config: Config,
  log: (m: string) => void = () => {},
): Promise<DatabaseTarget> {
  if (config.DATABASE_URL)
    return { url: config.DATABASE_URL, kind: 'external', created: false, stop: async () => {} };
  const running = runningEmbeddedUrl(config);
  if (running) return { url: running, kind: 'embedded', created: false, stop: async () => {} };
  const e = await startEmbeddedDatabase(config.DATA_DIR, config.EMBEDDED_PG_PORT, log);
  return { url: e.url, kind: 'embedded', created: e.created, stop: e.stop };
}
