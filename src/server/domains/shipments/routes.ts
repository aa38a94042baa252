import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import '../../../shared/i18n/logisticsMessages.js';
import { calendarDate } from '../../../shared/partners.js';
import {
  bulkResultSchema,
  bulkShipmentsSchema,
  bulkTrackingSchema,
  SHIPMENT_STATUSES,
  shipmentInputSchema,
  TRANSPORT_MODES,
  trackingEventInputSchema,
  updateShipmentSchema,
} from '../../../shared/shipments.js';
import type { AppDeps } from '../../http/deps.js';
import { pageQuerySchema } from '../../lib/pagination.js';
import {
  createShipment,
  getShipment,
  listShipmentsPage,
  updateShipment,
  upsertShipmentBatch,
} from './service.js';
import { addTrackingEvent, addTrackingEvents } from './tracking.js';

const idParams = z.object({ id: z.string().uuid() });
/** Bulk ingestion accepts large batches; anything beyond this is refused before parsing (413). */
export const BULK_BODY_LIMIT = 20 * 1024 * 1024;

export const shipmentsRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { database }) => {
  const db = database.db;
  const tags = ['shipments'];

  app.get(
    '/shipments',
    {
      config: { permission: 'shipments.read' },
      schema: {
        tags,
        summary: 'List shipments, newest booking first; waybill matches by prefix',
        querystring: pageQuerySchema.extend({
          accountId: z.string().uuid().optional(),
          carrierId: z.string().uuid().optional(),
          status: z.enum(SHIPMENT_STATUSES).optional(),
          waybill: z.string().trim().max(60).optional(),
          mode: z.enum(TRANSPORT_MODES).optional(),
          origin: z.string().max(100).optional(),
          destination: z.string().max(100).optional(),
          from: calendarDate.optional(),
          to: calendarDate.optional(),
          dateField: z.enum(['booked', 'delivered']).default('booked'),
          outcome: z.enum(['late', 'onTime', 'cargoIssue']).optional(),
          rule: z.enum(['timestamp', 'date']).optional(),
        }),
      },
    },
    async (req) => listShipmentsPage(db, req.query),
  );

  app.post(
    '/shipments',
    {
      config: { permission: 'shipments.write' },
      schema: { tags, summary: 'Create one shipment', body: shipmentInputSchema },
    },
    async (req, reply) => reply.status(201).send(await createShipment(db, req.actor, req.body)),
  );

  app.post(
    '/shipments/bulk',
    {
      config: { permission: 'shipments.write' },
      bodyLimit: BULK_BODY_LIMIT,
      schema: {
        tags,
        summary: 'Upsert shipments by waybill (idempotent; one transaction; per-row errors)',
        body: bulkShipmentsSchema,
        response: { 200: bulkResultSchema },
      },
    },
    async (req) => upsertShipmentBatch(db, req.actor, req.body.rows, req.body.skipInvalid),
  );

  app.get(
    '/shipments/:id',
    {
      config: { permission: 'shipments.read' },
      schema: { tags, summary: 'One shipment with its timeline and exceptions', params: idParams },
    },
    async (req) => getShipment(db, req.params.id),
  );

  app.patch(
    '/shipments/:id',
    {
      config: { permission: 'shipments.write' },
      schema: {
        tags,
        summary: 'Edit a shipment (optimistic locking by version)',
        params: idParams,
        body: updateShipmentSchema,
      },
    },
    async (req) => updateShipment(db, req.actor, req.params.id, req.body),
  );

  app.post(
    '/shipments/:id/events',
    {
      config: { permission: 'shipments.write' },
      schema: { tags, summary: 'Add one tracking event', params: idParams, body: trackingEventInputSchema },
    },
    async (req, reply) =>
      reply.status(201).send(await addTrackingEvent(db, req.actor, req.params.id, req.body)),
  );

  app.post(
    '/tracking-events/bulk',
    {
      config: { permission: 'shipments.write' },
      bodyLimit: BULK_BODY_LIMIT,
      schema: {
        tags,
        summary: 'Add tracking events by waybill (re-sent events are ignored; per-row errors)',
        body: bulkTrackingSchema,
      },
    },
    async (req) => addTrackingEvents(db, req.actor, req.body.events, req.body.skipInvalid),
  );
};
