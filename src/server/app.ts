import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { contactsRoutes } from './domains/accounts/contactsRoutes.js';
import { duplicatesRoutes } from './domains/accounts/duplicatesRoutes.js';
import { accountExportRoutes } from './domains/accounts/exportRoutes.js';
import { accountsRoutes } from './domains/accounts/routes.js';
import { analyticsRoutes } from './domains/analytics/index.js';
import { apiKeysRoutes } from './domains/apikeys/routes.js';
import { auditRoutes } from './domains/audit/routes.js';
import { authRoutes } from './domains/auth/routes.js';
import { importsRoutes } from './domains/imports/routes.js';
import { interactionsRoutes } from './domains/interactions/index.js';
import { knowledgeRoutes } from './domains/knowledge/index.js';
import { kpiRoutes } from './domains/kpi/routes.js';
import { notificationsRoutes } from './domains/notifications/index.js';
import { organizationRoutes } from './domains/organization/routes.js';
import { partnersRoutes } from './domains/partners/routes.js';
import { registerShipmentAccountViews } from './domains/shipments/accountViews.js';
import { publicTrackingRoutes } from './domains/shipments/publicRoutes.js';
import { shipmentsRoutes } from './domains/shipments/routes.js';
import { slaRoutes } from './domains/sla/routes.js';
import { publicSurveyRoutes, surveysRoutes } from './domains/surveys/index.js';
import {
  kpiRoutes as serviceDeskKpiRoutes,
  ticketAttachmentsRoutes,
  ticketsRoutes,
} from './domains/tickets/index.js';
import { usersRoutes } from './domains/users/routes.js';
import { savedViewsRoutes } from './domains/views/routes.js';
import { registerAccessControl } from './http/auth.js';
import type { AppDeps } from './http/deps.js';
import { registerErrorHandler, sendNotFound } from './http/errorHandler.js';
import { WEB_ROOT } from './paths.js';

const REQUEST_ID = /^[\w.-]{1,64}$/;

export interface BuildOptions {
  logger?: FastifyBaseLogger;
  /** Serve the built web app (off in API tests). */
  serveWeb?: boolean;
}

/** Redact secrets from every log line: passwords, cookies, tokens never reach the logs. */
export const LOG_REDACT = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.newPassword',
  '*.currentPassword',
];

export async function buildApp(deps: AppDeps, options: BuildOptions = {}): Promise<FastifyInstance> {
  registerShipmentAccountViews();
  const app = Fastify({
    ...(options.logger ? { loggerInstance: options.logger } : { logger: false }),
    bodyLimit: 1024 * 1024,
    trustProxy: deps.config.TRUST_PROXY,
    genReqId: (req) => {
      const incoming = req.headers['x-request-id'];
      return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    },
    ajv: { customOptions: { removeAdditional: false } },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onSend', async (req, reply) => {
    reply.header('x-request-id', req.id);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('x-frame-options', 'DENY');
    reply.header('referrer-policy', 'same-origin');
  });

  await app.register(cookie);
  registerErrorHandler(app);
  registerAccessControl(app, deps.database, deps.config.SESSION_CACHE_MS);

  await app.register(swagger, {
    openapi: {
      info: {
        title: 'LogiCRM API',
        version: '1',
        description: 'REST API of LogiCRM. Errors: {error:{code,message,fields}}.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'logicrm_session' },
          apiKey: {
            type: 'http',
            scheme: 'bearer',
            description: 'An API key (lcrm_…) created by an administrator',
          },
        },
      },
      security: [{ session: [] }, { apiKey: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  app.get('/api/health', { schema: { hide: true } }, async () => {
    await deps.database.pool.query('SELECT 1');
    return { status: 'ok' };
  });

  await app.register(
    async (api) => {
      for (const routes of [
        authRoutes,
        usersRoutes,
        apiKeysRoutes,
        auditRoutes,
        organizationRoutes,
        accountsRoutes,
        contactsRoutes,
        duplicatesRoutes,
        savedViewsRoutes,
        partnersRoutes,
        shipmentsRoutes,
        kpiRoutes,
        analyticsRoutes,
        publicTrackingRoutes,
        importsRoutes,
        accountExportRoutes,
        ticketsRoutes,
        ticketAttachmentsRoutes,
        knowledgeRoutes,
        serviceDeskKpiRoutes,
        slaRoutes,
        notificationsRoutes,
        interactionsRoutes,
        surveysRoutes,
      ]) {
        await api.register(routes, deps);
      }
    },
    { prefix: '/api/v1' },
  );
  // the survey response page (/s/<token>) and its JSON API (/api/v1/public/surveys)
  await app.register(publicSurveyRoutes, deps);

  const web = options.serveWeb !== false && existsSync(WEB_ROOT);
  if (web) await app.register(fastifyStatic, { root: WEB_ROOT, wildcard: false });
  // The web app routes in the browser: any other GET outside /api gets its index.html.
  app.setNotFoundHandler((req, reply) => {
    if (web && req.method === 'GET' && !req.url.startsWith('/api')) return reply.sendFile('index.html');
    return sendNotFound(req, reply);
  });
  return app;
}
