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

/** Per root handle, the handle whose connections plan every prepared statement per call (plannedReads). */
const plannedHandles = new WeakMap<Db, Db>();

export function openDatabase(url: string, max = 10): Database {
  const pool = new pg.Pool({ connectionString: url, max });
  // The hot reads that run as named prepared statements (db/prepared.ts) get connections of their own
  // where every plan is made for the call's values. Not the main pool: with that setting on every
  // connection, each row's foreign-key check and each trigger statement was planned again per call —
  // a 200,000-row insert into shipments took 1.6–1.7 times as long (measured both ways, same database).
  const plannedPool = new pg.Pool({
    connectionString: url,
    max,
    options: '-c plan_cache_mode=force_custom_plan',
  });
  for (const p of [pool, plannedPool])
    p.on('error', () => {
      // idle client errors (server restart) are reported on next use; do not crash the process
    });
  const db = drizzle(pool, { schema });
  plannedHandles.set(db, drizzle(plannedPool, { schema }));
  return { db, pool, close: () => Promise.all([pool.end(), plannedPool.end()]).then(() => {}) };
}

/**
 * The handle for a hot read planned per call: the root handle's planned-reads pool, or — inside a
 * transaction, which must stay on its own connection — the transaction itself.
 */
export const plannedReads = (db: DbOrTx): DbOrTx => plannedHandles.get(db as Db) ?? db;

/**
 * A transaction on one pooled client, for what needs the client itself (COPY FROM STDIN, db/copy.ts)
 * beside Drizzle queries on the same connection. Rolled back when `fn` throws.
 */
export async function clientTransaction<T>(
  db: Db,
  fn: (client: pg.PoolClient, tx: NodePgDatabase<typeof schema>) => Promise<T>,
): Promise<T> {
  const client = await db.$client.connect();
  try {
    await client.query('BEGIN');
    const out = await fn(client, drizzle(client, { schema }));
    await client.query('COMMIT');
    return out;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    throw err;
  } finally {
    client.release();
  }
}
