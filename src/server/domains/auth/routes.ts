import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { permissionsOf } from '../../../shared/permissions.js';
import { changePasswordSchema, updateProfileSchema, userDtoSchema } from '../../../shared/users.js';
import { SESSION_COOKIE } from '../../http/auth.js';
import type { AppDeps } from '../../http/deps.js';
import { AppError } from '../../lib/errors.js';
import { toUserDto } from '../users/presenter.js';
import { changeOwnPassword, updateProfile } from '../users/service.js';
import { endOtherSessions, login, logout } from './service.js';

const sessionDto = z.object({ user: userDtoSchema, csrfToken: z.string(), permissions: z.array(z.string()) });

export const authRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { database, config }) => {
  const db = database.db;

  app.post(
    '/auth/login',
    {
      config: { permission: 'public' },
      schema: {
        tags: ['auth'],
        summary: 'Sign in with email and password; sets the session cookie',
        body: z.strictObject({
          email: z.string().trim().max(254).pipe(z.email()),
          password: z.string().min(1).max(200),
        }),
        response: { 200: sessionDto },
      },
    },
    async (req, reply) => {
      const r = await login(db, config, { ...req.body, ip: req.ip, userAgent: req.headers['user-agent'] });
      reply.setCookie(SESSION_COOKIE, r.token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: req.protocol === 'https',
      });
      return { user: r.user, csrfToken: r.csrfToken, permissions: permissionsOf(r.user.role) };
    },
  );

  app.post(
    '/auth/logout',
    { config: { permission: 'profile' }, schema: { tags: ['auth'], summary: 'End the current session' } },
    async (req, reply) => {
      if (req.session) {
        await logout(db, req.session.id);
        app.sessionCache.forget(req.session.id);
      }
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send();
    },
  );

  app.get(
    '/auth/me',
    {
      config: { permission: 'profile' },
      schema: { tags: ['auth'], summary: 'The signed-in user', response: { 200: sessionDto } },
    },
    async (req) => {
      if (!req.session) throw new AppError('UNAUTHENTICATED');
      const user = toUserDto(req.session.user);
      return { user, csrfToken: req.session.csrfToken, permissions: permissionsOf(user.role) };
    },
  );

  app.patch(
    '/auth/me',
    {
      config: { permission: 'profile' },
      schema: {
        tags: ['auth'],
        summary: 'Change own name or language',
        body: updateProfileSchema,
        response: { 200: z.object({ user: userDtoSchema }) },
      },
    },
    async (req) => {
      const user = await updateProfile(db, req.actor, req.body);
      app.sessionCache.forgetUser(user.id);
      return { user };
    },
  );

  app.post(
    '/auth/password',
    {
      config: { permission: 'profile' },
      schema: { tags: ['auth'], summary: 'Change own password', body: changePasswordSchema },
    },
    async (req, reply) => {
      await changeOwnPassword(db, req.actor, req.body.currentPassword, req.body.newPassword);
      if (req.actor.id) {
        await endOtherSessions(db, req.actor.id, req.session?.id ?? null);
        app.sessionCache.forgetUser(req.actor.id);
      }
      return reply.status(204).send();
    },
  );
};
