import { and, desc, eq, ilike, or, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { users } from './table.js';

export type UserRow = typeof users.$inferSelect;
export type NewUserRow = typeof users.$inferInsert;

export const findUserById = async (db: DbOrTx, id: string) =>
  (await db.select().from(users).where(eq(users.id, id)))[0];

export const findUserByEmail = async (db: DbOrTx, email: string) =>
  (await db.select().from(users).where(sql`lower(${users.email}) = ${email.toLowerCase()}`))[0];

export const insertUser = async (db: DbOrTx, row: NewUserRow) =>
  (await db.insert(users).values(row).returning())[0];

/** Updates only if the version still matches; returns undefined otherwise. */
export async function updateUserVersioned(
  db: DbOrTx,
  id: string,
  version: number,
  patch: Partial<NewUserRow>,
) {
  const [row] = await db
    .update(users)
    .set({ ...patch, version: sql`${users.version} + 1`, updatedAt: new Date() })
    .where(and(eq(users.id, id), eq(users.version, version)))
    .returning();
  return row;
}

/** Updates without a version check: for changes the system makes (login counters, password resets). */
export async function updateUser(db: DbOrTx, id: string, patch: Partial<NewUserRow>) {
  const [row] = await db
    .update(users)
    .set({ ...patch, version: sql`${users.version} + 1`, updatedAt: new Date() })
    .where(eq(users.id, id))
    .returning();
  return row;
}

export async function countActiveAdmins(db: DbOrTx): Promise<number> {
  const [r] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(users)
    .where(and(eq(users.role, 'admin'), eq(users.active, true)));
  return r.n;
}

export interface UserListQuery {
  q?: string;
  role?: UserRow['role'];
  active?: boolean;
  limit: number;
  after: [string, string] | null;
}

/** Newest first; keyset on (created_at, id). */
export async function listUsers(db: DbOrTx, query: UserListQuery) {
  const where: (SQL | undefined)[] = [];
  if (query.q) {
    const like = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(or(ilike(users.email, like), ilike(users.name, like)));
  }
  if (query.role) where.push(eq(users.role, query.role));
  if (query.active !== undefined) where.push(eq(users.active, query.active));
  if (query.after) {
    where.push(
      sql`(${users.createdAt}, ${users.id}) < (${query.after[0]}::timestamptz, ${query.after[1]}::uuid)`,
    );
  }
  return db
    .select()
    .from(users)
    .where(and(...where))
    .orderBy(desc(users.createdAt), desc(users.id))
    .limit(query.limit + 1);
}
