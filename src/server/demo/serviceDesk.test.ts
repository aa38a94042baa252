import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/db.js';
import { type Database, openDatabase } from '../db/client.js';
import { loadDemo } from './index.js';

let database: Database;
let drop: () => Promise<void>;
beforeAll(async () => {
  const t = await createTestDatabase();
  drop = t.drop;
  database = openDatabase(t.url, 5);
});
afterAll(async () => {
  await database.close();
  await drop();
});

describe('demo service desk', () => {
  it('loads tickets in every stage, interactions and tasks consistent with the accounts', async () => {
    await loadDemo(database.db);
    const { rows } = await database.db.execute<{ status: string; n: number }>(
      sql`SELECT status, count(*)::int AS n FROM tickets GROUP BY 1`,
    );
    const by = Object.fromEntries(rows.map((r) => [r.status, r.n]));
    expect(Object.values(by).reduce((a, b) => a + b, 0)).toBe(30);
    expect(by.closed).toBeGreaterThan(0);
    expect(by.resolved).toBeGreaterThan(0);
    const [orphans] = (
      await database.db.execute<{ n: number }>(
        sql`SELECT count(*)::int AS n FROM interactions i LEFT JOIN accounts a ON a.id = i.account_id WHERE a.id IS NULL`,
      )
    ).rows;
    expect(orphans.n).toBe(0);
    const [tasks] = (await database.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM tasks`))
      .rows;
    expect(tasks.n).toBeGreaterThan(0);
    const [kb] = (
      await database.db.execute<{ articles: number; links: number; foreign: number }>(
        sql`SELECT (SELECT count(*) FROM knowledge_articles WHERE status = 'published')::int AS articles,
          (SELECT count(*) FROM ticket_knowledge_links)::int AS links,
          (SELECT count(*) FROM ticket_knowledge_links l JOIN tickets t ON t.id = l.ticket_id
             JOIN knowledge_articles k ON k.id = l.article_id WHERE k.category <> t.category)::int AS foreign`,
      )
    ).rows;
    expect(kb.articles).toBe(5);
    expect(kb.links).toBeGreaterThan(0);
    expect(kb.foreign).toBe(0);
  }, 120_000);
});
