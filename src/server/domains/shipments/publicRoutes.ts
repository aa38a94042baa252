import rateLimit from '@fastify/rate-limit';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import '../../../shared/i18n/logisticsMessages.js';
import type { AppDeps } from '../../http/deps.js';
import { trackWaybill } from './publicTracking.js';

/** Requests per minute per client IP on the public tracking route (guessing waybills gets slow). */
export const TRACKING_RATE_PER_MINUTE = 60;

const publicTrackingSchema = z.object({
  waybill: z.string(),
  status: z.string(),
  origin: z.string(),
  destination: z.string(),
  promisedAt: z.string().nullable(),
  promisedDate: z.string().nullable(),
  deliveredAt: z.string().nullable(),
  events: z.array(
    z.object({
      occurredAt: z.string(),
      statusCode: z.string(),
      location: z.string().nullable(),
      description: z.string().nullable(),
    }),
  ),
});

/**
 * The public tracking API (no login). The limiter keeps its counts in this process's memory: with
 * several API processes each allows the rate, which is acceptable for a brake on guessing.
 */
export const publicTrackingRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { database }) => {
  await app.register(rateLimit, { global: false });
  app.get(
    '/track/:waybill',
    {
      config: {
        permission: 'public',
        rateLimit: { max: TRACKING_RATE_PER_MINUTE, timeWindow: 60_000 },
      },
      schema: {
        tags: ['tracking'],
        summary: 'Public tracking by waybill: status and timeline only',
        security: [],
        params: z.object({ waybill: z.string().trim().min(1).max(60) }),
        response: { 200: publicTrackingSchema },
      },
    },
    async (req) => trackWaybill(database.db, req.params.waybill),
  );
};
