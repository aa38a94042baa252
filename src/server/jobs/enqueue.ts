import { type SQL, sql } from 'drizzle-orm';
import PgBoss from 'pg-boss';
import type { DbOrTx } from '../db/client.js';
import { JOB_SCHEMA, type JobName } from './names.js';

/**
 * Sends jobs through pg-boss but on the caller's transaction: the job exists exactly when the change
 * that caused it commits (no outbox table to drain, no lost or phantom jobs). This sender is never
 * started; it only builds pg-boss's insert, which runs on the adapter below.
 */
const sender = new PgBoss({
  schema: JOB_SCHEMA,
  db: {
    executeSql: () => {
      throw new Error('enqueue() must pass a transaction');
    },
  },
});

/** pg-boss's `$n` placeholders → a drizzle SQL with the same values bound. */
function toSql(text: string, values: unknown[] = []): SQL {
  const parts = text.split(/\$(\d+)/);
  return sql.join(
    parts.map((p, i) => (i % 2 === 1 ? sql.param(values[Number(p) - 1]) : sql.raw(p))),
    sql.raw(''),
  );
}

export function transactionAdapter(tx: DbOrTx) {
  return {
    executeSql: async (text: string, values?: unknown[]) => {
      const r = await tx.execute(toSql(text, values));
      return { rows: r.rows };
    },
  };
}

export async function enqueue(
  tx: DbOrTx,
  name: JobName,
  data: object = {},
  options: PgBoss.SendOptions = {},
): Promise<string | null> {
  return sender.send(name, data, { ...options, db: transactionAdapter(tx) });
}
