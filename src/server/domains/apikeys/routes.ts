import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ROLES } from '../../../shared/permissions.js';
import type { AppDeps } from '../../http/deps.js';
import { apiKeyDtoSchema, createApiKey, listApiKeys, revokeApiKey } from './service.js';

export const apiKeysRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { database }) => {
  const db = database.db;
  const tags = ['api-keys'];
  const config = { permission: 'apikeys.manage' as const };

  app.get(
    '/api-keys',
    {
      config,
      schema: {
        tags,
        summary: 'List API keys',
        response: { 200: z.object({ items: z.array(apiKeyDtoSchema) }) },
      },
    },
    async () => listApiKeys(db),
  );

  app.post(
    '/api-keys',
    {
      config,
      schema: {
        tags,
        summary: 'Create an API key; the secret is shown only in this response',
        body: z.strictObject({
          name: z.string().trim().min(1).max(100),
          role: z.enum(ROLES).exclude(['portal']),
        }),
        response: { 201: z.object({ apiKey: apiKeyDtoSchema, secret: z.string() }) },
      },
    },
    async (req, reply) => reply.status(201).send(await createApiKey(db, req.actor, req.body)),
  );

  app.delete(
    '/api-keys/:id',
    { config, schema: { tags, summary: 'Revoke an API key', params: z.object({ id: z.string().uuid() }) } },
    async (req, reply) => {
      await revokeApiKey(db, req.actor, req.params.id);
      return reply.status(204).send();
    },
  );
};
