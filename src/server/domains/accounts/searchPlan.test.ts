import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/db.js';
import { type Database, openDatabase } from '../../db/client.js';
import { executePrepared } from '../../db/prepared.js';
import { accountListQuerySchema } from './listQuery.js';
import { accountListStatement, listAccountRows } from './listRepo.js';
import { bigrams } from './searchGrams.js';
import { FEW_MATCHES, type SearchStatistics, searchPlanFor, searchStatistics } from './searchPlan.js';

const statistics = (
  accounts: Partial<SearchStatistics['accounts']>,
  contacts: Partial<SearchStatistics['contacts']> = {},
): SearchStatistics => ({
  accounts: { rows: 100_000, analysed: true, common: new Map(), ...accounts },
  contacts: { rows: 300_000, analysed: true, common: new Map(), ...contacts },
});

describe('the plan of a search', () => {
  it('is the generic one when the statistics show that few rows can match', () => {
    // 德化 is in 0.4 % of 100,000 names: 400 rows at most, whatever 化工 and 凯德 add
    const stats = statistics({
      common: new Map([
        ['凯德', 0.04],
        ['德化', 0.004],
        ['化工', 0.1],
      ]),
    });
    expect(searchPlanFor(stats, ['凯德', '德化', '化工'])).toBe('generic');
    // a gram PostgreSQL does not list is rarer than any it lists
    expect(searchPlanFor(stats, ['未见'])).toBe('generic');
  });

  it('is made for the values when every gram is common on either side', () => {
    const names = statistics({
      common: new Map([
        ['有限', 1],
        ['公司', 1],
        ['上海', 0.067],
      ]),
    });
    expect(searchPlanFor(names, ['有限', '公司'])).toBe('custom');
    expect(searchPlanFor(names, ['上海'])).toBe('custom');
    // just at the bound: still few
    const bound = FEW_MATCHES / 100_000;
    expect(searchPlanFor(statistics({ common: new Map([['上海', bound]]) }), ['上海'])).toBe('generic');
    // a frequent surname among the contacts
    expect(searchPlanFor(statistics({}, { common: new Map([['王伟', 0.05]]) }), ['王伟'])).toBe('custom');
  });

  it('is made for the values when nothing is known: one character, or a large table not yet analysed', () => {
    expect(searchPlanFor(statistics({}), [])).toBe('custom');
    expect(searchPlanFor(statistics({ analysed: false, rows: 50_000 }), ['凯德'])).toBe('custom');
    expect(searchPlanFor(statistics({ analysed: false, rows: -1 }), ['凯德'])).toBe('custom');
    expect(searchPlanFor(statistics({ analysed: false, rows: 40 }), ['凯德'])).toBe('generic');
  });
});

describe('the statistics of a real database', () => {
  let database: Database;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    const t = await createTestDatabase();
    drop = t.drop;
    database = openDatabase(t.url, 2);
    // 3,000 names with 物流 and 有限公司, one of them also with 罕见
    await database.db.execute(sql`
      INSERT INTO accounts (code, name_zh, status, tier, tags, transport_needs, normalized_names, updated_at)
      SELECT 'S' || lpad(i::text, 7, '0'), CASE WHEN i = 77 THEN '罕见物流有限公司' ELSE '通用物流有限公司' || i END,
             'active', 'general', '{}', '{"modes":[],"lanes":[]}', '{}', now() - (i || ' minutes')::interval
        FROM generate_series(1, 3000) AS i`);
    await database.db.execute(sql`ANALYZE accounts`);
    await database.db.execute(sql`ANALYZE contacts`);
  });
  afterAll(async () => {
    await database.close();
    await drop();
  });

  it('reads the frequencies PostgreSQL keeps of the grams', async () => {
    const stats = await searchStatistics(database.db, Date.now() + 3_600_000);
    expect(stats.accounts.analysed).toBe(true);
    expect(stats.accounts.rows).toBe(3000);
    expect(stats.accounts.common.get('物流')).toBe(1);
    expect(stats.accounts.common.has('罕见')).toBe(false);
    expect(searchPlanFor(stats, bigrams('有限公司'))).toBe('custom');
    expect(searchPlanFor(stats, bigrams('罕见物流'))).toBe('generic');
  });

  it('answers a search the same on either plan', async () => {
    for (const term of ['罕见物流', '物流有限', '通用物流有限公司12']) {
      const q = accountListQuerySchema.parse({ q: term, limit: 20 });
      const rows = await listAccountRows(database.db, q, null, null);
      const statement = accountListStatement(q, null, null);
      expect(rows.length).toBeGreaterThan(0);
      for (let i = 0; i < 7; i++) {
        // past the first calls, where PostgreSQL would still plan per call anyway
        expect(await executePrepared(database.db, statement, 'generic')).toEqual(rows);
        expect(await executePrepared(database.db, statement, 'custom')).toEqual(rows);
      }
    }
  });
});
