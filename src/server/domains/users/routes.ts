import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ROLES } from '../../../shared/permissions.js';
import {
  createUserSchema,
  resetPasswordSchema,
  updateUserSchema,
  userDtoSchema,
} from '../../../shared/users.js';
import type { AppDeps } from '../../http/deps.js';
import { pageQuerySchema, pageSchema } from '../../lib/pagination.js';
import { endOtherSessions } from '../auth/service.js';
import { createUser, getUser, listUsersPage, resetPassword, updateUserByAdmin } from './service.js';

const idParams = z.object({ id: z.string().uuid() });

export const usersRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { database }) => {
  const db = database.db;
  const tags = ['users'];

  app.get(
    '/users',
    {
      config: { permission: 'users.read' },
      schema: {
        tags,
        summary: 'List users, newest first',
        querystring: pageQuerySchema.extend({
          q: z.string().trim().max(100).optional(),
          role: z.enum(ROLES).optional(),
          active: z
            .enum(['true', 'false'])
            .transform((v) => v === 'true')
            .optional(),
        }),
        response: { 200: pageSchema(userDtoSchema) },
      },
    },
    async (req) => listUsersPage(db, req.query),
  );

  app.post(
    '/users',
    {
      config: { permission: 'users.manage' },
      schema: { tags, summary: 'Create a user', body: createUserSchema, response: { 201: userDtoSchema } },
    },
    async (req, reply) => reply.status(201).send(await createUser(db, req.actor, req.body)),
  );

  app.get(
    '/users/:id',
    {
      config: { permission: 'users.read' },
      schema: { tags, summary: 'One user', params: idParams, response: { 200: userDtoSchema } },
    },
    async (req) => getUser(db, req.params.id),
  );

  app.patch(
    '/users/:id',
    {
      config: { permission: 'users.manage' },
      schema: {
        tags,
        summary: 'Edit a user (optimistic locking by version)',
        params: idParams,
        body: updateUserSchema,
        response: { 200: userDtoSchema },
      },
    },
    async (req) => {
      const user = await updateUserByAdmin(db, req.actor, req.params.id, req.body);
      if (!user.active) await endOtherSessions(db, user.id, null);
      app.sessionCache.forgetUser(user.id);
      return user;
    },
  );

  app.post(
    '/users/:id/reset-password',
    {
      config: { permission: 'users.manage' },
      schema: {
        tags,
        summary: 'Set a new password (unlocks; must be changed at next sign-in)',
        params: idParams,
        body: resetPasswordSchema,
      },
    },
    async (req, reply) => {
      await resetPassword(db, req.actor, req.params.id, req.body.newPassword);
      await endOtherSessions(db, req.params.id, null);
      app.sessionCache.forgetUser(req.params.id);
      return reply.status(204).send();
    },
  );
};
