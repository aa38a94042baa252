import { loadConfig } from '../server/config.js';
import { type Database, openDatabase } from '../server/db/client.js';
import { migrateDatabase } from '../server/db/migrate.js';
import { openConfiguredDatabase } from '../server/db/open.js';

/** Runs `work` on the configured database (DATABASE_URL, or the embedded one), migrated first. */
export async function withDatabase<T>(work: (database: Database) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const target = await openConfiguredDatabase(config);
  try {
    await migrateDatabase(target.url);
    const database = openDatabase(target.url, 4);
    try {
      return await work(database);
    } finally {
      await database.close();
    }
  } finally {
    await target.stop();
  }
}
