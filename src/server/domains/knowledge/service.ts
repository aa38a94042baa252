import type { z } from 'zod';
import { can } from '../../../shared/permissions.js';
import type {
  ArticleDto,
  articleListQuerySchema,
  createArticleBodySchema,
  updateArticleBodySchema,
} from '../../../shared/servicedesk/knowledgeSchemas.js';
import type { Db, DbOrTx } from '../../db/client.js';
import type { Actor } from '../../lib/actor.js';
import { AppError, notFound } from '../../lib/errors.js';
import { recordChange } from '../audit/service.js';
import { addTicketEvent, findTicket } from '../tickets/index.js';
import * as repo from './repo.js';

type CreateBody = z.output<typeof createArticleBodySchema>;
type UpdateBody = z.output<typeof updateArticleBodySchema>;

const iso = (d: Date | null) => (d ? d.toISOString() : null);
export const toArticleDto = ({ updatedBy: _u, ...a }: repo.ArticleRow): ArticleDto => ({
  ...a,
  publishedAt: iso(a.publishedAt),
  createdAt: a.createdAt.toISOString(),
  updatedAt: a.updatedAt.toISOString(),
});
const audited = ({ createdAt: _c, updatedAt: _u, version: _v, ...a }: repo.ArticleRow) => a;

/** Drafts are for those who write articles; everyone else sees published ones only. */
const writes = (actor: Actor) => can(actor.role, 'knowledge.write');

export async function listArticles(db: DbOrTx, actor: Actor, q: z.output<typeof articleListQuerySchema>) {
  const page = await repo.listArticles(db, q, !writes(actor));
  return { items: page.items.map(toArticleDto), nextCursor: page.nextCursor };
}

export async function getArticle(db: DbOrTx, actor: Actor, id: string) {
  const a = await repo.findArticle(db, id);
  if (!a || (a.status !== 'published' && !writes(actor))) throw notFound('article');
  return toArticleDto(a);
}

export async function createArticle(db: Db, actor: Actor, now: Date, body: CreateBody) {
  return db.transaction(async (tx) => {
    const a = await repo.insertArticle(tx, {
      ...body,
      publishedAt: body.status === 'published' ? now : null,
      authorId: actor.id,
      updatedBy: actor.id,
      createdAt: now,
      updatedAt: now,
    });
    await recordChange(tx, actor, 'knowledgeArticle', a.id, 'create', null, audited(a));
    return toArticleDto(a);
  });
}

/** Saves an edit made on the version read; a stale version gets 409 with the article as it is now. */
export async function updateArticle(db: Db, actor: Actor, now: Date, id: string, body: UpdateBody) {
  return db.transaction(async (tx) => {
    const before = await repo.findArticle(tx, id, true);
    if (!before) throw notFound('article');
    if (before.version !== body.version)
      throw new AppError('VERSION_CONFLICT', {
        params: { entity: 'article' },
        current: toArticleDto(before),
      });
    const { version: _v, ...fields } = body;
    const publishedAt =
      fields.status === 'published' ? (before.status === 'published' ? before.publishedAt : now) : null;
    const after = await repo.updateArticle(tx, id, {
      ...fields,
      publishedAt,
      updatedBy: actor.id,
      updatedAt: now,
    });
    await recordChange(tx, actor, 'knowledgeArticle', id, 'update', audited(before), audited(after));
    return toArticleDto(after);
  });
}

async function assertTicket(db: DbOrTx, ticketId: string) {
  if (!(await findTicket(db, ticketId))) throw notFound('ticket');
}

export async function ticketArticles(db: DbOrTx, ticketId: string) {
  await assertTicket(db, ticketId);
  const rows = await repo.linkedArticles(db, ticketId);
  return rows.map((r) => ({
    article: toArticleDto(r.article),
    linkedBy: r.linkedBy,
    linkedAt: r.linkedAt.toISOString(),
  }));
}

/** Links a published article to a ticket (once); the ticket's history and the audit log record it. */
export async function linkArticle(db: Db, actor: Actor, now: Date, ticketId: string, articleId: string) {
  return db.transaction(async (tx) => {
    await assertTicket(tx, ticketId);
    const a = await repo.findArticle(tx, articleId);
    if (a?.status !== 'published')
      throw new AppError('VALIDATION_FAILED', { fields: { articleId: 'knowledge.notPublished' } });
    if (await repo.insertLink(tx, ticketId, articleId, actor.id, now)) {
      await addTicketEvent(tx, {
        ticketId,
        at: now,
        type: 'knowledge_linked',
        actorId: actor.id,
        actorLabel: actor.label,
        internal: true,
        data: { articleId, titleZh: a.titleZh, titleEn: a.titleEn },
      });
      await recordChange(tx, actor, 'ticketKnowledgeLink', `${ticketId}:${articleId}`, 'create', null, {
        ticketId,
        articleId,
      });
    }
    return ticketArticles(tx, ticketId);
  });
}

export async function unlinkArticle(db: Db, actor: Actor, now: Date, ticketId: string, articleId: string) {
  return db.transaction(async (tx) => {
    await assertTicket(tx, ticketId);
    if (!(await repo.deleteLink(tx, ticketId, articleId))) throw notFound('article');
    await addTicketEvent(tx, {
      ticketId,
      at: now,
      type: 'knowledge_unlinked',
      actorId: actor.id,
      actorLabel: actor.label,
      internal: true,
      data: { articleId },
    });
    await recordChange(
      tx,
      actor,
      'ticketKnowledgeLink',
      `${ticketId}:${articleId}`,
      'delete',
      { ticketId, articleId },
      null,
    );
    return ticketArticles(tx, ticketId);
  });
}
