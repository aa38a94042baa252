import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import '../../../shared/servicedesk/messages.js';
import {
  articleDtoSchema,
  articleListQuerySchema,
  createArticleBodySchema,
  linkArticleBodySchema,
  ticketArticleLinkDtoSchema,
  updateArticleBodySchema,
} from '../../../shared/servicedesk/knowledgeSchemas.js';
import type { AppDeps } from '../../http/deps.js';
import { systemClock } from '../../lib/clock.js';
import { pageSchema } from '../../lib/pagination.js';
import {
  createArticle,
  getArticle,
  linkArticle,
  listArticles,
  ticketArticles,
  unlinkArticle,
  updateArticle,
} from './service.js';

const tags = ['knowledge'];
const idParams = z.object({ id: z.uuid() });
const linksResponse = { 200: z.object({ items: z.array(ticketArticleLinkDtoSchema) }) };

export const knowledgeRoutes: FastifyPluginAsyncZod<AppDeps> = async (
  app,
  { database, clock = systemClock },
) => {
  const db = database.db;

  app.get(
    '/knowledge/articles',
    {
      config: { permission: 'knowledge.read' },
      schema: {
        tags,
        summary:
          'Knowledge-base articles, recently updated first; q matches part of a word (2 Chinese characters suffice)',
        querystring: articleListQuerySchema,
        response: { 200: pageSchema(articleDtoSchema) },
      },
    },
    async (req) => listArticles(db, req.actor, req.query),
  );

  app.post(
    '/knowledge/articles',
    {
      config: { permission: 'knowledge.write' },
      schema: {
        tags,
        summary: 'Write an article (bilingual; a body for every language with a title)',
        body: createArticleBodySchema,
        response: { 201: articleDtoSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await createArticle(db, req.actor, clock.now(), req.body)),
  );

  app.get(
    '/knowledge/articles/:id',
    {
      config: { permission: 'knowledge.read' },
      schema: { tags, summary: 'One article', params: idParams, response: { 200: articleDtoSchema } },
    },
    async (req) => getArticle(db, req.actor, req.params.id),
  );

  app.put(
    '/knowledge/articles/:id',
    {
      config: { permission: 'knowledge.write' },
      schema: {
        tags,
        summary: 'Edit or publish an article (with the version read; 409 on a stale write)',
        params: idParams,
        body: updateArticleBodySchema,
        response: { 200: articleDtoSchema },
      },
    },
    async (req) => updateArticle(db, req.actor, clock.now(), req.params.id, req.body),
  );

  app.get(
    '/tickets/:id/knowledge-links',
    {
      config: { permission: 'tickets.read' },
      schema: { tags, summary: 'Articles linked to a ticket', params: idParams, response: linksResponse },
    },
    async (req) => ({ items: await ticketArticles(db, req.params.id) }),
  );

  app.post(
    '/tickets/:id/knowledge-links',
    {
      config: { permission: 'tickets.write' },
      schema: {
        tags,
        summary: 'Link a published article to a ticket (linking twice changes nothing)',
        params: idParams,
        body: linkArticleBodySchema,
        response: linksResponse,
      },
    },
    async (req) => ({
      items: await linkArticle(db, req.actor, clock.now(), req.params.id, req.body.articleId),
    }),
  );

  app.delete(
    '/tickets/:id/knowledge-links/:articleId',
    {
      config: { permission: 'tickets.write' },
      schema: {
        tags,
        summary: 'Remove the link between a ticket and an article',
        params: idParams.extend({ articleId: z.uuid() }),
        response: linksResponse,
      },
    },
    async (req) => ({
      items: await unlinkArticle(db, req.actor, clock.now(), req.params.id, req.params.articleId),
    }),
  );
};
