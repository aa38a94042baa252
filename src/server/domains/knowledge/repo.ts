import { and, desc, eq, getTableColumns, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { articleListQuerySchema } from '../../../shared/servicedesk/knowledgeSchemas.js';
import type { DbOrTx } from '../../db/client.js';
import { decodeCursor, toPage } from '../../lib/pagination.js';
import { knowledgeArticles, ticketKnowledgeLinks } from './table.js';

export type ArticleRow = Omit<typeof knowledgeArticles.$inferSelect, 'searchText' | 'searchGrams'>;
const { searchText: _t, searchGrams: _g, ...ARTICLE } = getTableColumns(knowledgeArticles);
type ListQuery = z.output<typeof articleListQuerySchema>;

export const findArticle = async (db: DbOrTx, id: string, lock = false): Promise<ArticleRow | undefined> => {
  const q = db.select(ARTICLE).from(knowledgeArticles).where(eq(knowledgeArticles.id, id));
  return (await (lock ? q.for('update') : q))[0];
};

/**
 * Articles, most recently updated first, keyset-paged. The search matches part of a word in either
 * language: the GIN index of two-character grams finds candidates (two Chinese characters are
 * enough, which trigrams cannot do) and LIKE confirms the exact substring.
 */
export async function listArticles(db: DbOrTx, q: ListQuery, publishedOnly: boolean) {
  const where: SQL[] = [];
  if (publishedOnly) where.push(eq(knowledgeArticles.status, 'published'));
  else if (q.status) where.push(eq(knowledgeArticles.status, q.status));
  if (q.category) where.push(eq(knowledgeArticles.category, q.category));
  if (q.tag) where.push(sql`${knowledgeArticles.tags} @> ARRAY[${q.tag}]::text[]`);
  if (q.q) {
    const term = q.q.toLowerCase();
    const like = `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(
      sql`${knowledgeArticles.searchGrams} @> logicrm_bigrams(${term}) AND ${knowledgeArticles.searchText} LIKE ${like}`,
    );
  }
  const after = decodeCursor(q.cursor, 2);
  if (after)
    where.push(
      sql`(${knowledgeArticles.updatedAt}, ${knowledgeArticles.id}) < (${String(after[0])}::timestamptz, ${String(after[1])}::uuid)`,
    );
  const rows = await db
    .select(ARTICLE)
    .from(knowledgeArticles)
    .where(and(...where))
    .orderBy(desc(knowledgeArticles.updatedAt), desc(knowledgeArticles.id))
    .limit(q.limit + 1);
  return toPage(rows, q.limit, (r) => [r.updatedAt.toISOString(), r.id]);
}

export async function insertArticle(db: DbOrTx, values: typeof knowledgeArticles.$inferInsert) {
  const [row] = await db.insert(knowledgeArticles).values(values).returning(ARTICLE);
  return row;
}

export async function updateArticle(
  db: DbOrTx,
  id: string,
  patch: Partial<typeof knowledgeArticles.$inferInsert>,
) {
  const [row] = await db
    .update(knowledgeArticles)
    .set({ ...patch, version: sql`${knowledgeArticles.version} + 1` })
    .where(eq(knowledgeArticles.id, id))
    .returning(ARTICLE);
  return row;
}

export async function linkedArticles(db: DbOrTx, ticketId: string) {
  return db
    .select({
      article: ARTICLE,
      linkedBy: ticketKnowledgeLinks.linkedBy,
      linkedAt: ticketKnowledgeLinks.linkedAt,
    })
    .from(ticketKnowledgeLinks)
    .innerJoin(knowledgeArticles, eq(knowledgeArticles.id, ticketKnowledgeLinks.articleId))
    .where(eq(ticketKnowledgeLinks.ticketId, ticketId))
    .orderBy(ticketKnowledgeLinks.linkedAt);
}

/** Links once; false when the link already existed. */
export async function insertLink(
  db: DbOrTx,
  ticketId: string,
  articleId: string,
  by: string | null,
  at: Date,
) {
  const rows = await db
    .insert(ticketKnowledgeLinks)
    .values({ ticketId, articleId, linkedBy: by, linkedAt: at })
    .onConflictDoNothing()
    .returning({ ticketId: ticketKnowledgeLinks.ticketId });
  return rows.length > 0;
}

export async function deleteLink(db: DbOrTx, ticketId: string, articleId: string) {
  const rows = await db
    .delete(ticketKnowledgeLinks)
    .where(and(eq(ticketKnowledgeLinks.ticketId, ticketId), eq(ticketKnowledgeLinks.articleId, articleId)))
    .returning({ ticketId: ticketKnowledgeLinks.ticketId });
  return rows.length > 0;
}
