import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/db.js';
import { type Database, openDatabase } from '../../db/client.js';
import * as bulk from './bulk.js';
import { accountFieldRow } from './fieldRow.js';
import * as repo from './repo.js';
import { bigrams } from './searchGrams.js';
import { accounts, contacts } from './table.js';

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

/** Accounts (or contacts) whose stored grams are not, as a set, what logicrm_bigrams makes of search_text. */
const wrongGrams = async (table: 'accounts' | 'contacts') => {
  const { rows } = await database.db.execute<{ id: string }>(sql`
    SELECT id FROM ${sql.identifier(table)}
     WHERE search_grams IS NULL
        OR NOT (search_grams @> logicrm_bigrams(search_text) AND logicrm_bigrams(search_text) @> search_grams)`);
  return rows.map((r) => r.id);
};

const fields = (nameZh: string, nameEn: string | null = null) =>
  accountFieldRow({
    nameZh,
    nameEn: nameEn ?? undefined,
    creditCode: '91310000MA1FL8X37K',
    status: 'prospect',
    tier: 'general',
    tags: [],
    transportNeeds: { modes: [], lanes: [] },
  });

describe('search grams computed in the app', () => {
  it('cuts a text into its distinct two-character pieces, by code point', () => {
    expect(bigrams('abab')).toEqual(['ab', 'ba']);
    expect(bigrams('x')).toEqual([]);
    expect(bigrams('🚚货运')).toEqual(['🚚货', '货运']);
  });

  it('bulk writers store what the SQL function makes of the searched text', async () => {
    const id = randomUUID();
    await bulk.insertAccounts(database.db, [
      { ...fields('上海凯德化工物流有限公司', 'Kaide Chemical LOGISTICS'), id, code: 'GR-1' },
    ]);
    await bulk.insertContacts(database.db, [
      {
        id: randomUUID(),
        accountId: id,
        name: '王 Fang',
        title: null,
        mobile: '+8613812345678',
        phone: null,
        email: 'Wang.Fang@Kaide.example',
        wechatId: 'wf_88',
        preferredChannel: null,
        isPrimary: true,
      },
    ]);
    expect(await wrongGrams('accounts')).toEqual([]);
    expect(await wrongGrams('contacts')).toEqual([]);
    const [stored] = await database.db.select().from(accounts).where(eq(accounts.id, id));
    await bulk.updateAccounts(database.db, [
      { ...fields('杭州远航货运有限公司'), id, code: 'GR-1', version: stored.version },
    ]);
    expect(await wrongGrams('accounts')).toEqual([]);
  });

  it('other writers get them from the trigger, on insert and when the searched text changes', async () => {
    const account = await repo.insertAccount(database.db, { ...fields('成都天成冷链'), code: 'GR-2' });
    expect(account.searchGrams).toContain('天成');
    const [contact] = await repo.insertContacts(database.db, [
      { accountId: account.id, name: '李雷', mobile: '+8613900000000' },
    ]);
    expect(contact.searchGrams).toContain('李雷');
    await repo.updateAccountVersioned(database.db, account.id, account.version, { nameZh: '武汉恒通' });
    await database.db.update(contacts).set({ name: '韩梅梅' }).where(eq(contacts.id, contact.id));
    const [after] = await database.db.select().from(accounts).where(eq(accounts.id, account.id));
    expect(after.searchGrams).toContain('恒通');
    expect(after.searchGrams).not.toContain('天成');
    expect(await wrongGrams('accounts')).toEqual([]);
    expect(await wrongGrams('contacts')).toEqual([]);
    // a change elsewhere keeps the grams as they are
    await database.db.update(accounts).set({ city: '武汉' }).where(eq(accounts.id, account.id));
    expect(await wrongGrams('accounts')).toEqual([]);
  });
});
