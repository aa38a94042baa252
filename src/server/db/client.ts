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

export function openDatabase(url: string, max = 10): Database {
  // custom plans for named prepared statements too: see executePrepared (db/prepared.ts)
  const pool = new pg.Pool({ connectionString: url, max, options: '-c plan_cache_mode=force_custom_plan' });
  pool.on('error', () => {
    // idle client errors (server restart) are reported on next use; do not crash the process
  });
  const db = drizzle(pool, { schema });
  return { db, pool, close: () => pool.end() };
}

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
