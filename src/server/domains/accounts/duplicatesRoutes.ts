import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { accountDtoSchema } from '../../../shared/customers/accountDto.js';
import type { AppDeps } from '../../http/deps.js';
import { findDuplicatePairs } from './duplicatesRepo.js';
import { dismissDuplicate, mergeAccounts } from './merge.js';

const summary = z.object({
  id: z.string(),
  code: z.string(),
  nameZh: z.string().nullable(),
  nameEn: z.string().nullable(),
  archivedAt: z.string().nullable(),
});
const tags = ['duplicates'];

export const duplicatesRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { database }) => {
  const db = database.db;

  app.get(
    '/duplicates/accounts',
    {
      config: { permission: 'accounts.merge' },
      schema: {
        tags,
        summary: 'Candidate duplicate pairs with their evidence, strongest first',
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(500).default(100) }),
        response: {
          200: z.object({
            items: z.array(
              z.object({
                a: summary,
                b: summary,
                score: z.number(),
                evidence: z.array(
                  z.object({ kind: z.string(), value: z.unknown(), similarity: z.number().optional() }),
                ),
              }),
            ),
          }),
        },
      },
    },
    async (req) => ({ items: await findDuplicatePairs(db, req.query.limit) }),
  );

  app.post(
    '/duplicates/accounts/dismiss',
    {
      config: { permission: 'accounts.merge' },
      schema: {
        tags,
        summary: 'Mark a pair as two different customers',
        body: z.strictObject({ a: z.uuid(), b: z.uuid() }),
      },
    },
    async (req, reply) => {
      await dismissDuplicate(db, req.actor, req.body.a, req.body.b);
      return reply.status(204).send();
    },
  );

  app.post(
    '/accounts/:id/merge',
    {
      config: { permission: 'accounts.merge' },
      schema: {
        tags,
        summary: 'Merge another account into this one (final; everything linked moves here)',
        params: z.object({ id: z.uuid() }),
        body: z.strictObject({
          loserId: z.uuid(),
          survivorVersion: z.number().int().min(1),
          loserVersion: z.number().int().min(1),
        }),
        response: { 200: z.object({ survivor: accountDtoSchema, moved: z.record(z.string(), z.number()) }) },
      },
    },
    async (req) =>
      mergeAccounts(db, req.actor, req.params.id, req.body.loserId, {
        survivor: req.body.survivorVersion,
        loser: req.body.loserVersion,
      }),
  );
};
