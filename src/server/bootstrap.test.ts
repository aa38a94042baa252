import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/db.js';
import { bootstrap } from './bootstrap.js';
import { loadConfig } from './config.js';
import { type Database, openDatabase } from './db/client.js';

let database: Database;
let drop: () => Promise<void>;
beforeEach(async () => {
  const t = await createTestDatabase();
  drop = t.drop;
  database = openDatabase(t.url, 3);
});
afterEach(async () => {
  await database.close();
  await drop();
});

const count = async (table: string) =>
  (await database.db.execute<{ n: number }>(sql.raw(`SELECT count(*)::int AS n FROM ${table}`))).rows[0].n;

describe('first start', () => {
  it('honours LOGICRM_EMPTY: only the administrator, no demo company', async () => {
    const config = loadConfig({
      LOGICRM_EMPTY: '1',
      ADMIN_EMAIL: 'boss@first.test',
      ADMIN_PASSWORD: 'first-start-pw-1',
    });
    const result = await bootstrap(database.db, config, config.LOGICRM_EMPTY, () => {});
    expect(result).toMatchObject({
      demoLoaded: false,
      admin: { email: 'boss@first.test', generated: false },
    });
    expect(await count('users')).toBe(1);
    expect(await count('accounts')).toBe(0);
    // a second start finds users and does nothing
    expect(await bootstrap(database.db, config, false, () => {})).toEqual({ demoLoaded: false });
    expect(await count('accounts')).toBe(0);
  });

  it('keeps the administrator when the demo load is interrupted', async () => {
    const config = loadConfig({ ADMIN_EMAIL: 'boss@first.test', ADMIN_PASSWORD: 'first-start-pw-1' });
    const interrupted = () => {
      throw new Error('stopped while loading the demo');
    };
    await expect(bootstrap(database.db, config, false, interrupted)).rejects.toThrow('stopped');
    const { rows } = await database.db.execute<{ email: string }>(
      sql`SELECT email FROM users WHERE role = 'admin'`,
    );
    expect(rows.map((r) => r.email)).toEqual(['boss@first.test']);
  });
});
