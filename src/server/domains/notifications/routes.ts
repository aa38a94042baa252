import { sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../http/deps.js';
import { systemClock } from '../../lib/clock.js';
import { pageQuerySchema, pageSchema } from '../../lib/pagination.js';
import { listNotifications, listOutbox, markRead, retryDead, unreadCount } from './service.js';
import { notificationPreferences } from './table.js';
import { NOTIFICATION_KINDS } from './templates.js';

const tags = ['notifications'];
const notificationSchema = z.object({
  id: z.string(),
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  data: z.record(z.string(), z.string()),
  readAt: z.string().nullable(),
  createdAt: z.string(),
});
const preferenceSchema = z.object({
  kind: z.enum(NOTIFICATION_KINDS as [string, ...string[]]),
  inApp: z.boolean(),
  email: z.boolean(),
});

export const notificationsRoutes: FastifyPluginAsyncZod<AppDeps> = async (
  app,
  { database, clock = systemClock },
) => {
  const db = database.db;

  app.get(
    '/notifications',
    {
      config: { permission: 'notifications' },
      schema: {
        tags,
        summary: 'My notifications, newest first',
        querystring: pageQuerySchema.extend({ unread: z.enum(['true', 'false']).optional() }),
        response: { 200: pageSchema(notificationSchema).extend({ unread: z.number().int() }) },
      },
    },
    async (req) => ({
      ...(await listNotifications(
        db,
        req.actor.id as string,
        req.query.limit,
        req.query.cursor,
        req.query.unread === 'true',
      )),
      unread: await unreadCount(db, req.actor.id as string),
    }),
  );

  app.get(
    '/notifications/unread-count',
    {
      config: { permission: 'notifications' },
      schema: {
        tags,
        summary: 'How many of my notifications are unread (the bell)',
        response: { 200: z.object({ unread: z.number().int() }) },
      },
    },
    async (req) => ({ unread: await unreadCount(db, req.actor.id as string) }),
  );

  app.post(
    '/notifications/read',
    {
      config: { permission: 'notifications' },
      schema: {
        tags,
        summary: 'Mark notifications read (the listed ids, or all)',
        body: z.strictObject({ ids: z.union([z.array(z.uuid()).max(500), z.literal('all')]) }),
        response: { 200: z.object({ marked: z.number().int(), unread: z.number().int() }) },
      },
    },
    async (req) => ({
      marked: await markRead(db, req.actor.id as string, req.body.ids, clock.now()),
      unread: await unreadCount(db, req.actor.id as string),
    }),
  );

  app.get(
    '/notifications/preferences',
    {
      config: { permission: 'notifications' },
      schema: {
        tags,
        summary: 'My channels per notification kind',
        response: { 200: z.object({ items: z.array(preferenceSchema) }) },
      },
    },
    async (req) => {
      const rows = await db
        .select()
        .from(notificationPreferences)
        .where(sql`${notificationPreferences.userId} = ${req.actor.id}`);
      return {
        items: NOTIFICATION_KINDS.map((kind) => {
          const r = rows.find((x) => x.kind === kind);
          return { kind, inApp: r?.inApp ?? true, email: r?.email ?? true };
        }),
      };
    },
  );

  app.put(
    '/notifications/preferences',
    {
      config: { permission: 'notifications' },
      schema: {
        tags,
        summary: 'Set my channels per notification kind',
        body: z.strictObject({ items: z.array(preferenceSchema).max(50) }),
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      const userId = req.actor.id as string;
      await db.transaction(async (tx) => {
        for (const p of req.body.items)
          await tx
            .insert(notificationPreferences)
            .values({ userId, ...p })
            .onConflictDoUpdate({
              target: [notificationPreferences.userId, notificationPreferences.kind],
              set: { inApp: p.inApp, email: p.email },
            });
      });
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/outbox',
    {
      config: { permission: 'outbox.read' },
      schema: {
        tags,
        summary:
          'Outgoing mail and SMS; status=dead lists the dead letters, status=logged the SMS only recorded (no SMS provider is connected)',
        querystring: z.object({
          status: z.enum(['pending', 'sent', 'dead', 'not_configured', 'logged']).optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
        }),
        response: {
          200: z.object({
            items: z.array(
              z.object({
                id: z.string(),
                channel: z.string(),
                recipient: z.string(),
                subject: z.string(),
                status: z.string(),
                attempts: z.number().int(),
                lastError: z.string().nullable(),
                nextAttemptAt: z.string(),
                createdAt: z.string(),
                sentAt: z.string().nullable(),
              }),
            ),
          }),
        },
      },
    },
    async (req) => ({
      items: (await listOutbox(db, req.query.status, req.query.limit)).map((m) => ({
        id: m.id,
        channel: m.channel,
        recipient: m.recipient,
        subject: m.subject,
        status: m.status,
        attempts: m.attempts,
        lastError: m.lastError,
        nextAttemptAt: m.nextAttemptAt.toISOString(),
        createdAt: m.createdAt.toISOString(),
        sentAt: m.sentAt?.toISOString() ?? null,
      })),
    }),
  );

  app.post(
    '/outbox/:id/retry',
    {
      config: { permission: 'outbox.read' },
      schema: {
        tags,
        summary: 'Send a dead (or not-configured) message again',
        params: z.object({ id: z.uuid() }),
        response: { 200: z.object({ retried: z.boolean() }) },
      },
    },
    async (req) => ({ retried: await retryDead(db, req.params.id, clock.now()) }),
  );
};
