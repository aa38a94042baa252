import { and, asc, eq, gt, ilike, lte, or, type SQL, sql } from 'drizzle-orm';
import type { PartnerChildKind, PartnerKind } from '../../../shared/partners.js';
import type { DbOrTx } from '../../db/client.js';
import { partnerContacts, partnerContracts, partnerQualifications, partners } from './table.js';

export type PartnerRow = typeof partners.$inferSelect;
export type NewPartnerRow = typeof partners.$inferInsert;

export const CHILD_TABLES = {
  qualifications: partnerQualifications,
  contacts: partnerContacts,
  contracts: partnerContracts,
} as const;
type ChildTable = (typeof CHILD_TABLES)[PartnerChildKind];
export type ChildRow = Record<string, unknown> & { id: string; partnerId: string; version: number };

export const findPartner = async (db: DbOrTx, id: string) =>
  (await db.select().from(partners).where(eq(partners.id, id)))[0];

export const findPartnerByCode = async (db: DbOrTx, code: string) =>
  (await db.select().from(partners).where(sql`lower(${partners.code}) = ${code.toLowerCase()}`))[0];

/** Partners by code (case-insensitive), for resolving the codes of a shipment batch at once. */
export async function partnerIdsByCode(db: DbOrTx, codes: string[]): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const rows = await db
    .select({ id: partners.id, code: partners.code })
    .from(partners)
    .where(sql`lower(${partners.code}) = ANY(${sql.param(codes.map((c) => c.toLowerCase()))}::text[])`);
  return new Map(rows.map((r) => [r.code.toLowerCase(), r.id]));
}

export const insertPartner = async (db: DbOrTx, row: NewPartnerRow) =>
  (await db.insert(partners).values(row).returning())[0];

export async function updatePartnerVersioned(
  db: DbOrTx,
  id: string,
  version: number | null,
  patch: Partial<NewPartnerRow>,
) {
  const [row] = await db
    .update(partners)
    .set({ ...patch, version: sql`${partners.version} + 1`, updatedAt: new Date() })
    .where(and(eq(partners.id, id), version === null ? undefined : eq(partners.version, version)))
    .returning();
  return row;
}

export async function listPartners(
  db: DbOrTx,
  q: { kind?: PartnerKind; q?: string; limit: number; after: string | null },
) {
  const where: (SQL | undefined)[] = [];
  if (q.kind) where.push(eq(partners.kind, q.kind));
  if (q.q) {
    const like = `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(or(ilike(partners.code, like), ilike(partners.nameZh, like), ilike(partners.nameEn, like)));
  }
  if (q.after) where.push(gt(partners.code, q.after));
  return db
    .select()
    .from(partners)
    .where(and(...where))
    .orderBy(asc(partners.code))
    .limit(q.limit + 1);
}

// The three child tables share id, partner_id and version: one set of helpers serves them all.
const t = (kind: PartnerChildKind) => CHILD_TABLES[kind] as typeof partnerContacts & ChildTable;

export const listChildren = async (db: DbOrTx, kind: PartnerChildKind, partnerId: string) =>
  (await db
    .select()
    .from(t(kind))
    .where(eq(t(kind).partnerId, partnerId))
    .orderBy(asc(t(kind).createdAt))) as unknown as ChildRow[];

export const findChild = async (db: DbOrTx, kind: PartnerChildKind, partnerId: string, id: string) =>
  (
    (await db
      .select()
      .from(t(kind))
      .where(and(eq(t(kind).id, id), eq(t(kind).partnerId, partnerId)))) as unknown as ChildRow[]
  )[0];

export const insertChild = async (db: DbOrTx, kind: PartnerChildKind, row: Record<string, unknown>) =>
  (
    (await db
      .insert(t(kind))
      .values(row as never)
      .returning()) as unknown as ChildRow[]
  )[0];

export async function updateChildVersioned(
  db: DbOrTx,
  kind: PartnerChildKind,
  id: string,
  version: number,
  patch: Record<string, unknown>,
) {
  const [row] = (await db
    .update(t(kind))
    .set({ ...(patch as object), version: sql`${t(kind).version} + 1`, updatedAt: new Date() })
    .where(and(eq(t(kind).id, id), eq(t(kind).version, version)))
    .returning()) as unknown as ChildRow[];
  return row;
}

export const deleteChild = async (db: DbOrTx, kind: PartnerChildKind, id: string) =>
  db.delete(t(kind)).where(eq(t(kind).id, id));

/** Qualifications expiring on or before `until` (already expired ones included), soonest first. */
export const expiringQualifications = async (db: DbOrTx, until: string) =>
  db
    .select({
      q: partnerQualifications,
      partnerCode: partners.code,
      nameZh: partners.nameZh,
      nameEn: partners.nameEn,
    })
    .from(partnerQualifications)
    .innerJoin(partners, eq(partners.id, partnerQualifications.partnerId))
    .where(lte(partnerQualifications.expiresOn, until))
    .orderBy(asc(partnerQualifications.expiresOn));
