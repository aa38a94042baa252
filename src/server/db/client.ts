import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import * as schema from './schema.js';

export type Db = NodePgDatabase<typeof schema> & { $client: pg.Pool };
/** A database handle or a transaction on it: services accept either. */
export type DbOrTx = Db | Parameters<Parameters<Db['transaction']>[0]>[0];

export interface Database {
  db: Db;
  pool: pg.Pool;
  close: () => Promise<void>;
}

// timestamptz → Date, bigint counts → number (our counts never exceed 2^53)
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));

/** How a prepared read is planned: for each call's values, or once for any values (plannedReads). */
export type PlanMode = 'custom' | 'generic';

/** Per root handle, the handles whose connections plan prepared statements one way (plannedReads). */
const plannedHandles = new WeakMap<Db, Record<PlanMode, Db>>();

export function openDatabase(url: string, max = 10): Database {
  const pool = new pg.Pool({ connectionString: url, max });
  // The hot reads that run as named prepared statements (db/prepared.ts) get connections of their own,
  // where every plan is made either for the call's values or once for all values. Not the main pool:
  // with per-call planning on every connection, each row's foreign-key check and each trigger
  // statement was planned again per call — a 200,000-row insert into shipments took 1.6–1.7 times as
  // long (measured both ways, same database). A pool opens connections only when first used.
  const readPool = (mode: string) =>
    new pg.Pool({ connectionString: url, max, options: `-c plan_cache_mode=force_${mode}_plan` });
  const customPool = readPool('custom');
  const genericPool = readPool('generic');
  const pools = [pool, customPool, genericPool];
  for (const p of pools)
    p.on('error', () => {
      // idle client errors (server restart) are reported on next use; do not crash the process
    });
  const db = drizzle(pool, { schema });
  plannedHandles.set(db, {
    custom: drizzle(customPool, { schema }),
    generic: drizzle(genericPool, { schema }),
  });
  return { db, pool, close: () => Promise.all(pools.map((p) => p.end())).then(() => {}) };
}

/**
 * The handle for a hot read planned `mode`-wise: the root handle's pool for that, or — inside a
 * transaction, which must stay on its own connection — the transaction itself (planned as
 * PostgreSQL chooses: the same answers, only possibly slower).
 */
export const plannedReads = (db: DbOrTx, mode: PlanMode = 'custom'): DbOrTx =>
  plannedHandles.get(db as Db)?.[mode] ?? db;
