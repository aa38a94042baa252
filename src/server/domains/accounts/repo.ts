import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { accountCodeSeq, accounts, contacts } from './table.js';

export type AccountRow = typeof accounts.$inferSelect;
export type NewAccountRow = typeof accounts.$inferInsert;
export type ContactRow = typeof contacts.$inferSelect;
export type NewContactRow = typeof contacts.$inferInsert;

export const findAccount = async (db: DbOrTx, id: string) =>
  (await db.select().from(accounts).where(eq(accounts.id, id)))[0];

export const findAccountByCode = async (db: DbOrTx, code: string) =>
  (await db.select().from(accounts).where(sql`lower(${accounts.code}) = ${code.toLowerCase()}`))[0];

/** The next free generated code (C000001 …), skipping codes someone typed or imported. */
export async function nextAccountCode(db: DbOrTx): Promise<string> {
  for (;;) {
    const [{ n }] = (await db.execute<{ n: number }>(sql`SELECT nextval(${accountCodeSeq.seqName}) AS n`))
      .rows;
    const code = `C${String(n).padStart(6, '0')}`;
    if (!(await findAccountByCode(db, code))) return code;
  }
}

export const insertAccount = async (db: DbOrTx, row: NewAccountRow) =>
  (await db.insert(accounts).values(row).returning())[0];

export async function updateAccountVersioned(
  db: DbOrTx,
  id: string,
  version: number,
  patch: Partial<NewAccountRow>,
) {
  const [row] = await db
    .update(accounts)
    .set({ ...patch, version: sql`${accounts.version} + 1`, updatedAt: new Date() })
    .where(and(eq(accounts.id, id), eq(accounts.version, version)))
    .returning();
  return row;
}

export const listContacts = (db: DbOrTx, accountId: string, includeArchived = false) =>
  db
    .select()
    .from(contacts)
    .where(
      includeArchived
        ? eq(contacts.accountId, accountId)
        : and(eq(contacts.accountId, accountId), isNull(contacts.archivedAt)),
    )
    .orderBy(sql`${contacts.isPrimary} DESC`, asc(contacts.createdAt));

export const findContact = async (db: DbOrTx, id: string) =>
  (await db.select().from(contacts).where(eq(contacts.id, id)))[0];

export const insertContacts = async (db: DbOrTx, rows: NewContactRow[]) =>
  rows.length ? db.insert(contacts).values(rows).returning() : [];

export async function updateContactVersioned(
  db: DbOrTx,
  id: string,
  version: number,
  patch: Partial<NewContactRow>,
) {
  const [row] = await db
    .update(contacts)
    .set({ ...patch, version: sql`${contacts.version} + 1`, updatedAt: new Date() })
    .where(and(eq(contacts.id, id), eq(contacts.version, version)))
    .returning();
  return row;
}

/** Only one primary contact per account: making one primary clears the others. */
export async function clearPrimary(db: DbOrTx, accountId: string, exceptId: string | null) {
  await db
    .update(contacts)
    .set({ isPrimary: false, version: sql`${contacts.version} + 1`, updatedAt: new Date() })
    .where(
      and(
        eq(contacts.accountId, accountId),
        eq(contacts.isPrimary, true),
        exceptId ? sql`${contacts.id} <> ${exceptId}` : undefined,
      ),
    );
}

/** Ids of the accounts with these codes (any case), keyed by lower-cased code: how other domains link by code. */
export async function accountIdsByCode(db: DbOrTx, codes: string[]): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const rows = await db
    .select({ id: accounts.id, code: accounts.code })
    .from(accounts)
    .where(sql`lower(${accounts.code}) = ANY(${sql.param(codes.map((c) => c.toLowerCase()))}::text[])`);
  return new Map(rows.map((r) => [r.code.toLowerCase(), r.id]));
}
