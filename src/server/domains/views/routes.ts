import { and, asc, eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../http/deps.js';
import { AppError, notFound } from '../../lib/errors.js';
import { savedViews } from '../accounts/table.js';

/** Lists that have saved views; later lists (tickets, shipments) add their names. */
export const SAVED_VIEW_LISTS = ['accounts', 'tickets'] as const;

const viewDto = z.object({
  id: z.string(),
  list: z.string(),
  name: z.string(),
  query: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
});
const present = (v: typeof savedViews.$inferSelect) => ({
  id: v.id,
  list: v.list,
  name: v.name,
  query: v.query,
  createdAt: v.createdAt.toISOString(),
});

/** A user's own saved filters and sorts of a list; nobody sees another user's views. */
export const savedViewsRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { database }) => {
  const db = database.db;
  const tags = ['saved views'];

  app.get(
    '/saved-views',
    {
      config: { permission: 'profile' },
      schema: {
        tags,
        summary: 'My saved views of a list',
        querystring: z.object({ list: z.enum(SAVED_VIEW_LISTS) }),
        response: { 200: z.object({ items: z.array(viewDto) }) },
      },
    },
    async (req) => {
      const rows = await db
        .select()
        .from(savedViews)
        .where(and(eq(savedViews.userId, req.actor.id!), eq(savedViews.list, req.query.list)))
        .orderBy(asc(savedViews.name));
      return { items: rows.map(present) };
    },
  );

  app.post(
    '/saved-views',
    {
      config: { permission: 'profile' },
      schema: {
        tags,
        summary: 'Save the current filters and sort under a name (same name replaces)',
        body: z.strictObject({
          list: z.enum(SAVED_VIEW_LISTS),
          name: z.string().trim().min(1).max(60),
          query: z.record(z.string(), z.unknown()),
        }),
        response: { 201: viewDto },
      },
    },
    async (req, reply) => {
      if (!req.actor.id || req.actor.kind !== 'user') throw new AppError('FORBIDDEN');
      if (JSON.stringify(req.body.query).length > 4000)
        throw new AppError('VALIDATION_FAILED', { fields: { query: 'view.tooLarge' } });
      const [row] = await db
        .insert(savedViews)
        .values({ userId: req.actor.id, list: req.body.list, name: req.body.name, query: req.body.query })
        .onConflictDoUpdate({
          target: [savedViews.userId, savedViews.list, savedViews.name],
          set: { query: req.body.query, updatedAt: new Date() },
        })
        .returning();
      return reply.status(201).send(present(row));
    },
  );

  app.delete(
    '/saved-views/:id',
    {
      config: { permission: 'profile' },
      schema: { tags, summary: 'Delete one of my saved views', params: z.object({ id: z.uuid() }) },
    },
    async (req, reply) => {
      const deleted = await db
        .delete(savedViews)
        .where(
          and(
            eq(savedViews.id, req.params.id),
            eq(savedViews.userId, req.actor.id ?? '00000000-0000-0000-0000-000000000000'),
          ),
        )
        .returning();
      if (deleted.length === 0) throw notFound('record');
      return reply.status(204).send();
    },
  );
};
