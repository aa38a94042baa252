import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import '../../../shared/i18n/logisticsMessages.js';
import { calendarDate } from '../../../shared/partners.js';
import { putServiceTargetsSchema } from '../../../shared/serviceTargets.js';
import type { AppDeps } from '../../http/deps.js';
import { accountServiceQuality, putServiceTargets } from './accountQuality.js';
import { KPI_SORTS } from './ranking.js';
import { KPI_CUTS, KPI_TRENDS } from './repo.js';
import { shipmentKpis } from './service.js';

export const kpiQuerySchema = z.object({
  from: calendarDate,
  to: calendarDate,
  cut: z.enum(KPI_CUTS).default('overall'),
  trend: z.enum(KPI_TRENDS).default('none'),
  rule: z.enum(['timestamp', 'date']).optional(),
  accountId: z.string().uuid().optional(),
  carrierId: z.string().uuid().optional(),
  mode: z.string().max(40).optional(),
  origin: z.string().max(100).optional(),
  destination: z.string().max(100).optional(),
  /** With `limit`, a page of the cut's rows ranked by `sort` (and `total`, the cut's row count). */
  sort: z.enum(KPI_SORTS).optional(),
  order: z.enum(['asc', 'desc']).optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
  offset: z.coerce.number().int().min(0).max(10_000_000).optional(),
});

export const kpiRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { database }) => {
  app.get(
    '/kpi/shipments',
    {
      config: { permission: 'shipments.read' },
      schema: {
        tags: ['kpi'],
        summary:
          'Service-quality KPIs for [from, to) by overall, account, carrier, lane or mode, optionally by week or month',
        querystring: kpiQuerySchema,
      },
    },
    async (req) => {
      const { sort, order, limit, offset, ...query } = req.query;
      return shipmentKpis(database.db, {
        ...query,
        page: limit === undefined ? undefined : { sort, order, limit, offset },
      });
    },
  );

  app.get(
    '/accounts/:id/service-quality',
    {
      config: { permission: 'shipments.read' },
      schema: {
        tags: ['kpi'],
        summary:
          "One account's KPIs for [from, to) against its service targets (its own or its tier's), complaint rate, trend",
        params: z.object({ id: z.string().uuid() }),
        querystring: z.object({
          from: calendarDate,
          to: calendarDate,
          trend: z.enum(['week', 'month']).default('month'),
        }),
      },
    },
    async (req) => accountServiceQuality(database.db, req.params.id, req.query),
  );

  app.put(
    '/accounts/:id/service-targets',
    {
      config: { permission: 'accounts.write' },
      schema: {
        tags: ['kpi'],
        summary:
          "Set the account's own service targets (no version: create; with version: edit, 409 when stale)",
        params: z.object({ id: z.string().uuid() }),
        body: putServiceTargetsSchema,
      },
    },
    async (req) => putServiceTargets(database.db, req.actor, req.params.id, req.body),
  );
};
