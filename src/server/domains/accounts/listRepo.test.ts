import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/db.js';
import { type Database, openDatabase } from '../../db/client.js';
import { executePrepared } from '../../db/prepared.js';
import { accountListQuerySchema } from './listQuery.js';
import { bigramsLiteral, listAccountRows, searchTerm } from './listRepo.js';

let database: Database;
let drop: () => Promise<void>;
beforeAll(async () => {
  const t = await createTestDatabase();
  drop = t.drop;
  database = openDatabase(t.url, 2);
});
afterAll(async () => {
  await database.close();
  await drop();
});

describe('search grams', () => {
  it('are exactly what the indexed SQL function makes of the term', async () => {
    const terms = [
      '凯德化工',
      'ab',
      'abab',
      'x',
      '',
      'say "hi"',
      'back\\slash',
      'a,b{c}',
      '🚚货运',
      '138 1234-5678',
    ];
    for (const raw of terms) {
      const term = searchTerm(raw);
      const { rows } = await database.db.execute<{ same: boolean }>(
        sql`SELECT (SELECT array_agg(g ORDER BY g) FROM unnest(logicrm_bigrams(${term})) g)
                 IS NOT DISTINCT FROM (SELECT array_agg(g ORDER BY g) FROM unnest(${bigramsLiteral(term)}::text[]) g) AS same`,
      );
      expect(rows[0].same, raw).toBe(true);
    }
  });
});

describe('the list query as a prepared statement', () => {
  it('runs on connections that plan it for each call’s values, unlike every other statement', async () => {
    // a generic plan of the search was measured at 13 ms for a common term instead of 0.9 ms; on the
    // connections that write, the same setting would plan every foreign-key check again for each row
    const mode = sql`SELECT current_setting('plan_cache_mode') AS mode`;
    expect(await executePrepared(database.db, mode)).toEqual([{ mode: 'force_custom_plan' }]);
    expect(await executePrepared(database.db, mode, 'generic')).toEqual([{ mode: 'force_generic_plan' }]);
    expect((await database.db.execute<{ mode: string }>(mode)).rows).toEqual([{ mode: 'auto' }]);
    await database.db.transaction(async (tx) => {
      expect(await executePrepared(tx, mode)).toEqual([{ mode: 'auto' }]);
      expect(await executePrepared(tx, mode, 'generic')).toEqual([{ mode: 'auto' }]);
    });
  });

  it('answers each call with its own values after the statement is cached', async () => {
    const query = (q: string) => accountListQuerySchema.parse({ q });
    for (let i = 0; i < 8; i++) {
      const rows = await listAccountRows(database.db, query(`没有${i}`), null, null);
      expect(rows).toEqual([]);
    }
    await database.db.execute(sql`
      INSERT INTO accounts (code, name_zh, status, tier, tags, transport_needs, normalized_names)
      VALUES ('P0000001', '预备语句物流', 'active', 'general', '{}', '{"modes":[],"lanes":[]}', '{}')`);
    const rows = await listAccountRows(database.db, query('预备语句'), null, null);
    expect(rows.map((r) => r.code)).toEqual(['P0000001']);
  });
});
