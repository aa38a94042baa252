import { sql } from 'drizzle-orm';
import { index, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import type { TicketCategory } from '../../../shared/servicedesk/enums.js';
import type { ArticleStatus } from '../../../shared/servicedesk/knowledgeSchemas.js';
import { editableColumns, tstz } from '../../db/columns.js';
import { tickets } from '../tickets/table.js';

const ARTICLE_SEARCH_TEXT = "lower(title_zh || ' ' || title_en || ' ' || body_zh || ' ' || body_en)";

/** Knowledge-base articles (知识库): answers agents reuse, in both languages. */
export const knowledgeArticles = pgTable(
  'knowledge_articles',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    titleZh: text('title_zh').notNull().default(''),
    titleEn: text('title_en').notNull().default(''),
    bodyZh: text('body_zh').notNull().default(''),
    bodyEn: text('body_en').notNull().default(''),
    /** The ticket category the article answers (delay, damage, billing…). */
    category: text('category').$type<TicketCategory>().notNull(),
    tags: text('tags').array().notNull().default(sql`'{}'`),
    status: text('status').$type<ArticleStatus>().notNull().default('draft'),
    publishedAt: tstz('published_at'),
    authorId: uuid('author_id'),
    updatedBy: uuid('updated_by'),
    /** Lower-cased titles and bodies in both languages: what the search box matches. */
    searchText: text('search_text').generatedAlwaysAs(sql.raw(ARTICLE_SEARCH_TEXT)),
    /** Every two-character piece of search_text, GIN-indexed: partial Chinese words match (as for accounts). */
    searchGrams: text('search_grams')
      .array()
      .generatedAlwaysAs(sql.raw(`logicrm_bigrams(${ARTICLE_SEARCH_TEXT})`)),
    ...editableColumns(),
  },
  (t) => [
    index('knowledge_articles_search_grams_idx').using('gin', t.searchGrams),
    index('knowledge_articles_tags_idx').using('gin', t.tags),
    index('knowledge_articles_updated_idx').on(t.updatedAt, t.id),
  ],
);

/** Articles linked to a ticket (the answer used, or to read before answering). */
export const ticketKnowledgeLinks = pgTable(
  'ticket_knowledge_links',
  {
    ticketId: uuid('ticket_id')
      .notNull()
      .references(() => tickets.id, { onDelete: 'cascade' }),
    articleId: uuid('article_id')
      .notNull()
      .references(() => knowledgeArticles.id, { onDelete: 'cascade' }),
    linkedBy: uuid('linked_by'),
    linkedAt: tstz('linked_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.ticketId, t.articleId] }),
    index('ticket_knowledge_links_article_idx').on(t.articleId),
  ],
);
