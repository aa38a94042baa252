import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import '../../../shared/i18n/logisticsMessages.js';
import { calendarDate } from '../../../shared/partners.js';
import type { AppDeps } from '../../http/deps.js';
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
    async (req) => shipmentKpis(database.db, req.query),
  );
};
