import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/db.js';
import { type Database, openDatabase } from '../../db/client.js';
import { bigramsLiteral, searchTerm } from './listRepo.js';

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
