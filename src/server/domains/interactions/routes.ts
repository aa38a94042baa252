import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import '../../../shared/servicedesk/messages.js';
import { TASK_STATUSES } from '../../../shared/servicedesk/enums.js';
import {
  accountTasksBodySchema,
  interactionBodySchema,
  interactionDtoSchema,
  taskBodySchema,
  taskDtoSchema,
  taskUpdateSchema,
} from '../../../shared/servicedesk/interactionSchemas.js';
import type { AppDeps } from '../../http/deps.js';
import { systemClock } from '../../lib/clock.js';
import { accountListQuerySchema } from '../accounts/listQuery.js';
import { createAccountTasks } from './accountTasks.js';
import { createTask, listInteractions, listTasks, logInteraction, myDay, updateTask } from './service.js';

const tags = ['interactions'];
const idParams = z.object({ id: z.uuid() });

export const interactionsRoutes: FastifyPluginAsyncZod<AppDeps> = async (
  app,
  { database, clock = systemClock },
) => {
  const db = database.db;

  app.post(
    '/interactions',
    {
      config: { permission: 'interactions.write' },
      schema: {
        tags,
        summary: 'Log an interaction (call, email, SMS, WeChat, visit, meeting, chat, portal)',
        body: interactionBodySchema,
        response: { 201: interactionDtoSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await logInteraction(db, req.actor, clock.now(), req.body)),
  );

  app.get(
    '/accounts/:id/interactions',
    {
      config: { permission: 'accounts.read' },
      schema: {
        tags,
        summary: "An account's interactions, newest first",
        params: idParams,
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) }),
        response: { 200: z.object({ items: z.array(interactionDtoSchema) }) },
      },
    },
    async (req) => ({ items: await listInteractions(db, req.params.id, req.query.limit) }),
  );

  app.post(
    '/tasks',
    {
      config: { permission: 'tasks.write' },
      schema: {
        tags: ['tasks'],
        summary: 'Create a follow-up task or return visit',
        body: taskBodySchema,
        response: { 201: taskDtoSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await createTask(db, req.actor, clock.now(), req.body)),
  );

  app.post(
    '/tasks/for-accounts',
    {
      config: { permission: 'tasks.write' },
      schema: {
        tags: ['tasks'],
        summary:
          'A task for every account of a list: the filters of GET /accounts in the query string (e.g. an analytics segment)',
        querystring: accountListQuerySchema,
        body: accountTasksBodySchema,
        response: { 201: z.object({ created: z.number() }) },
      },
    },
    async (req, reply) => {
      const { limit: _limit, cursor: _cursor, ...q } = req.query;
      return reply.status(201).send(await createAccountTasks(db, req.actor, clock.now(), q, req.body));
    },
  );

  app.put(
    '/tasks/:id',
    {
      config: { permission: 'tasks.write' },
      schema: {
        tags: ['tasks'],
        summary: 'Edit, complete or cancel a task (with the version read)',
        params: idParams,
        body: taskUpdateSchema,
        response: { 200: taskDtoSchema },
      },
    },
    async (req) => updateTask(db, req.actor, clock.now(), req.params.id, req.body),
  );

  app.get(
    '/tasks',
    {
      config: { permission: 'tickets.read' },
      schema: {
        tags: ['tasks'],
        summary: 'Tasks by assignee, account, status and due window (the calendar view)',
        querystring: z.object({
          assigneeId: z.union([z.uuid(), z.literal('me')]).optional(),
          accountId: z.uuid().optional(),
          status: z.enum(TASK_STATUSES).optional(),
          from: z.iso.datetime({ offset: true }).optional(),
          to: z.iso.datetime({ offset: true }).optional(),
        }),
        response: { 200: z.object({ items: z.array(taskDtoSchema) }) },
      },
    },
    async (req) => {
      const q = req.query;
      return {
        items: await listTasks(
          db,
          {
            assigneeId: q.assigneeId === 'me' ? (req.actor.id ?? undefined) : q.assigneeId,
            accountId: q.accountId,
            status: q.status,
            from: q.from ? new Date(q.from) : undefined,
            to: q.to ? new Date(q.to) : undefined,
          },
          clock.now(),
        ),
      };
    },
  );

  app.get(
    '/tasks/my-day',
    {
      config: { permission: 'notifications' },
      schema: {
        tags: ['tasks'],
        summary: 'My open tasks: overdue and due within the next 24 hours',
        response: { 200: z.object({ items: z.array(taskDtoSchema) }) },
      },
    },
    async (req) => {
      const now = clock.now();
      return { items: await myDay(db, req.actor.id as string, now, new Date(now.getTime() + 86_400_000)) };
    },
  );
};
