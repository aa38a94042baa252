import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import '../../../shared/i18n/analyticsMessages.js';
import {
  LIFECYCLE_STAGES,
  tierBodySchema,
  updateAnalyticsSettingsSchema,
  VALUE_QUADRANTS,
} from '../../../shared/analytics.js';
import type { AppDeps } from '../../http/deps.js';
import { pageQuerySchema } from '../../lib/pagination.js';
import { accountSegments, listSegments, MOVEMENT_DIMENSIONS, movements, overview } from './queries.js';
import { getRun, latestRun, listRuns, resolveRun, startRun, toRunDto } from './runService.js';
import { getAnalyticsSettings, updateAnalyticsSettings } from './settingsService.js';
import { setAccountTier } from './tier.js';

const runRef = z.union([z.literal('latest'), z.string().uuid()]);
const idParams = z.object({ id: z.string().uuid() });

export const analyticsRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { database }) => {
  const db = database.db;
  const tags = ['analytics'];

  app.post(
    '/analytics/runs',
    {
      config: { permission: 'analytics.run' },
      schema: { tags, summary: 'Start a run now, in the background (409 while one is running)' },
    },
    async (req, reply) => reply.status(202).send(toRunDto(await startRun(db, req.actor))),
  );

  app.get(
    '/analytics/runs',
    {
      config: { permission: 'analytics.read' },
      schema: {
        tags,
        summary: 'Runs, newest first',
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) }),
      },
    },
    async (req) => ({ items: (await listRuns(db, req.query.limit)).map(toRunDto) }),
  );

  app.get(
    '/analytics/runs/:id',
    {
      config: { permission: 'analytics.read' },
      schema: {
        tags,
        summary: 'One run: status, progress, settings, model parameters, fit',
        params: idParams,
      },
    },
    async (req) => toRunDto(await getRun(db, req.params.id)),
  );

  app.get(
    '/analytics/segments',
    {
      config: { permission: 'analytics.read' },
      schema: {
        tags,
        summary: 'Accounts of a run with their segments and reasons, highest churn risk first',
        querystring: pageQuerySchema.extend({
          run: runRef.default('latest'),
          abc: z.enum(['A', 'B', 'C']).optional(),
          rfm: z.string().max(40).optional(),
          stage: z.enum(LIFECYCLE_STAGES).optional(),
          quadrant: z.enum(VALUE_QUADRANTS).optional(),
          riskMin: z.coerce.number().int().min(0).max(100).optional(),
        }),
      },
    },
    async (req) => listSegments(db, await resolveRun(db, req.query.run), req.query),
  );

  app.get(
    '/analytics/overview',
    {
      config: { permission: 'analytics.read' },
      schema: {
        tags,
        summary: 'ABC counts, RFM grid, value matrix, lifecycle funnel and Pareto curve of a run',
        querystring: z.object({ run: runRef.default('latest') }),
      },
    },
    async (req) => overview(db, await resolveRun(db, req.query.run)),
  );

  app.get(
    '/analytics/movements',
    {
      config: { permission: 'analytics.read' },
      schema: {
        tags,
        summary: 'How many accounts moved between segments from one run to another',
        querystring: z.object({
          from: z.string().uuid(),
          to: runRef.default('latest'),
          by: z.enum(Object.keys(MOVEMENT_DIMENSIONS) as [keyof typeof MOVEMENT_DIMENSIONS]).default('rfm'),
        }),
      },
    },
    async (req) =>
      movements(db, await resolveRun(db, req.query.from), await resolveRun(db, req.query.to), req.query.by),
  );

  app.get(
    '/analytics/accounts/:id',
    {
      config: { permission: 'analytics.read' },
      schema: {
        tags,
        summary: "An account's segments, scores and reasons in the current snapshot, and its last runs",
        params: idParams,
      },
    },
    async (req) => accountSegments(db, await latestRun(db), req.params.id),
  );

  app.get(
    '/analytics/settings',
    { config: { permission: 'analytics.read' }, schema: { tags, summary: 'Analytics settings and version' } },
    async () => getAnalyticsSettings(db),
  );

  app.put(
    '/analytics/settings',
    {
      config: { permission: 'org.manage' },
      schema: {
        tags,
        summary: 'Change the analytics settings (admins; optimistic locking by version; audited)',
        body: updateAnalyticsSettingsSchema,
      },
    },
    async (req) => updateAnalyticsSettings(db, req.actor, req.body),
  );

  app.post(
    '/accounts/:id/tier',
    {
      config: { permission: 'accounts.tier' },
      schema: {
        tags,
        summary: 'Accept the suggested service tier or override it with a reason (audited)',
        params: idParams,
        body: tierBodySchema,
      },
    },
    async (req) => setAccountTier(db, req.actor, req.params.id, req.body),
  );
};
