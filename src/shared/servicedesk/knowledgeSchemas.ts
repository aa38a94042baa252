import { z } from 'zod';
import { TICKET_CATEGORIES } from './enums.js';

export const ARTICLE_STATUSES = ['draft', 'published'] as const;
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number];

const text = (max: number) => z.string().trim().max(max);

const articleFields = {
  titleZh: text(200).default(''),
  titleEn: text(200).default(''),
  bodyZh: text(100_000).default(''),
  bodyEn: text(100_000).default(''),
  category: z.enum(TICKET_CATEGORIES),
  tags: z.array(z.string().trim().min(1).max(40)).max(20).default([]),
  status: z.enum(ARTICLE_STATUSES).default('draft'),
};

type ArticleText = { titleZh: string; titleEn: string; bodyZh: string; bodyEn: string };

/** A title in at least one language, and a body for every language that has a title. */
function checkLanguages(a: ArticleText, ctx: z.RefinementCtx) {
  if (!a.titleZh && !a.titleEn)
    ctx.addIssue({ code: 'custom', path: ['titleZh'], message: 'knowledge.titleRequired' });
  if (a.titleZh && !a.bodyZh)
    ctx.addIssue({ code: 'custom', path: ['bodyZh'], message: 'knowledge.bodyRequired' });
  if (a.titleEn && !a.bodyEn)
    ctx.addIssue({ code: 'custom', path: ['bodyEn'], message: 'knowledge.bodyRequired' });
}

export const createArticleBodySchema = z.strictObject(articleFields).superRefine(checkLanguages);

export const updateArticleBodySchema = z
  .strictObject({ ...articleFields, version: z.number().int().min(1) })
  .superRefine(checkLanguages);

export const articleListQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(500).optional(),
  /** Part of a word in either language; two Chinese characters are enough. */
  q: z.string().trim().max(100).optional(),
  category: z.enum(TICKET_CATEGORIES).optional(),
  status: z.enum(ARTICLE_STATUSES).optional(),
  tag: z.string().trim().max(40).optional(),
});

export const articleDtoSchema = z.object({
  id: z.string(),
  titleZh: z.string(),
  titleEn: z.string(),
  bodyZh: z.string(),
  bodyEn: z.string(),
  category: z.enum(TICKET_CATEGORIES),
  tags: z.array(z.string()),
  status: z.enum(ARTICLE_STATUSES),
  publishedAt: z.string().nullable(),
  authorId: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type ArticleDto = z.infer<typeof articleDtoSchema>;

export const ticketArticleLinkDtoSchema = z.object({
  article: articleDtoSchema,
  linkedBy: z.string().nullable(),
  linkedAt: z.string(),
});
export type TicketArticleLinkDto = z.infer<typeof ticketArticleLinkDtoSchema>;

export const linkArticleBodySchema = z.strictObject({ articleId: z.uuid() });
