import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../http/deps.js';
import { systemClock } from '../../lib/clock.js';
import { serviceDeskKpis } from './kpis.js';

const minutes = z.object({ median: z.number().nullable(), p90: z.number().nullable() });
const kpiSchema = z.object({
  period: z.object({ from: z.string(), to: z.string() }),
  open: z.object({
    total: z.number().int(),
    byStatus: z.record(z.string(), z.number()),
    byAge: z.record(z.string(), z.number()),
  }),
  firstResponseMinutes: minutes,
  resolutionMinutes: minutes,
  slaCompliance: z.object({ closed: z.number().int(), met: z.number().int(), rate: z.number().nullable() }),
  complaints: z.object({
    shipments: z.number().int().nullable(),
    byCategory: z.array(
      z.object({
        category: z.string(),
        complaints: z.number().int(),
        per1000Shipments: z.number().nullable(),
      }),
    ),
  }),
  pareto: z.array(z.object({ cause: z.string(), count: z.number().int(), cumulativeShare: z.number() })),
  agents: z.array(
    z.object({
      agentId: z.string(),
      name: z.string(),
      open: z.number().int(),
      breachedOpen: z.number().int(),
      resolved: z.number().int(),
    }),
  ),
});

export const kpiRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { database, clock = systemClock }) => {
  app.get(
    '/service-desk/kpis',
    {
      config: { permission: 'tickets.read' },
      schema: {
        tags: ['tickets'],
        summary:
          'Service-desk dashboard over [from, to) (default: the last 30 days); ages are open since, in days',
        querystring: z.object({
          from: z.iso.datetime({ offset: true }).optional(),
          to: z.iso.datetime({ offset: true }).optional(),
        }),
        response: { 200: kpiSchema },
      },
    },
    async (req) => {
      const now = clock.now();
      const to = req.query.to ? new Date(req.query.to) : now;
      const from = req.query.from ? new Date(req.query.from) : new Date(to.getTime() - 30 * 86_400_000);
      return serviceDeskKpis(database.db, from, to, now);
    },
  );
};
