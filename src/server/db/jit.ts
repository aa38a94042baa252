import { sql } from 'drizzle-orm';
import type { DbOrTx } from './client.js';

/**
 * Turns PostgreSQL's JIT off for the rest of the current transaction. Its cost model switches JIT
 * on for large aggregates and batch upserts, and compiling then takes seconds (measured: 2.2 s of a
 * 2.8 s KPI query over 50k shipments) while the query itself needs milliseconds.
 */
export async function withoutJit(tx: DbOrTx): Promise<void> {
  await tx.execute(sql`SET LOCAL jit = off`);
}
