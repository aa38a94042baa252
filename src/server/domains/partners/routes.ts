import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import '../../../shared/i18n/logisticsMessages.js';
import {
  calendarDate,
  createPartnerSchema,
  PARTNER_CHILD_KINDS,
  PARTNER_CHILDREN,
  PARTNER_KINDS,
  partnerDtoSchema,
  scoreWeightsSchema,
  updatePartnerSchema,
} from '../../../shared/partners.js';
import type { AppDeps } from '../../http/deps.js';
import { pageQuerySchema, pageSchema } from '../../lib/pagination.js';
import { companySettings } from '../organization/settings.js';
import { compareCarriersOnLane, evaluatePartner, evaluationHistory } from './scorecards.js';
import {
  addPartnerChild,
  createPartner,
  getPartner,
  listExpiringQualifications,
  listPartnersPage,
  removePartnerChild,
  todayIn,
  updatePartner,
  updatePartnerChild,
} from './service.js';

const idParams = z.object({ id: z.string().uuid() });
const childParams = z.object({ id: z.string().uuid(), itemId: z.string().uuid() });
const warnQuery = z.object({ warnDays: z.coerce.number().int().min(0).max(365).default(30) });

export const partnersRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { database }) => {
  const db = database.db;
  const tags = ['partners'];
  const today = async () => todayIn((await companySettings(db)).timezone);

  app.get(
    '/partners',
    {
      config: { permission: 'partners.read' },
      schema: {
        tags,
        summary: 'List partners by code',
        querystring: pageQuerySchema.extend({
          kind: z.enum(PARTNER_KINDS).optional(),
          q: z.string().trim().max(100).optional(),
        }),
        response: { 200: pageSchema(partnerDtoSchema) },
      },
    },
    async (req) => listPartnersPage(db, req.query),
  );

  app.post(
    '/partners',
    {
      config: { permission: 'partners.manage' },
      schema: {
        tags,
        summary: 'Create a partner',
        body: createPartnerSchema,
        response: { 201: partnerDtoSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await createPartner(db, req.actor, req.body)),
  );

  app.get(
    '/partners/qualifications/expiring',
    {
      config: { permission: 'partners.read' },
      schema: {
        tags,
        summary: 'Qualifications expired or expiring within the warning window',
        querystring: warnQuery,
      },
    },
    async (req) => listExpiringQualifications(db, await today(), req.query.warnDays),
  );

  app.get(
    '/partners/:id',
    {
      config: { permission: 'partners.read' },
      schema: {
        tags,
        summary: 'One partner with qualifications (expiry state), contacts and contracts',
        params: idParams,
        querystring: warnQuery,
      },
    },
    async (req) => getPartner(db, req.params.id, await today(), req.query.warnDays),
  );

  app.patch(
    '/partners/:id',
    {
      config: { permission: 'partners.manage' },
      schema: {
        tags,
        summary: 'Edit a partner (optimistic locking by version)',
        params: idParams,
        body: updatePartnerSchema,
        response: { 200: partnerDtoSchema },
      },
    },
    async (req) => updatePartner(db, req.actor, req.params.id, req.body),
  );

  app.get(
    '/partners/lane-comparison',
    {
      config: { permission: 'partners.read' },
      schema: {
        tags,
        summary: 'Carriers on one lane side by side: KPIs for [from, to) and current grade',
        querystring: z.object({
          origin: z.string().trim().min(1).max(100),
          destination: z.string().trim().min(1).max(100),
          from: calendarDate,
          to: calendarDate,
        }),
      },
    },
    async (req) => compareCarriersOnLane(db, req.query),
  );

  app.get(
    '/partners/:id/evaluations',
    {
      config: { permission: 'partners.read' },
      schema: { tags, summary: 'Evaluation history, newest period first', params: idParams },
    },
    async (req) => evaluationHistory(db, req.params.id),
  );

  app.post(
    '/partners/:id/evaluations',
    {
      config: { permission: 'partners.manage' },
      schema: {
        tags,
        summary:
          'Evaluate a partner for a month or quarter (KPIs + manual ratings → score, grade, exit warning)',
        params: idParams,
        body: z.strictObject({
          periodKind: z.enum(['month', 'quarter']),
          periodStart: calendarDate,
          serviceRating: z.number().int().min(1).max(5),
          priceRating: z.number().int().min(1).max(5),
          weights: scoreWeightsSchema.optional(),
        }),
      },
    },
    async (req, reply) =>
      reply.status(201).send(await evaluatePartner(db, req.actor, req.params.id, req.body)),
  );

  for (const kind of PARTNER_CHILD_KINDS) {
    const body = PARTNER_CHILDREN[kind];
    app.post(
      `/partners/:id/${kind}`,
      {
        config: { permission: 'partners.manage' },
        schema: { tags, summary: `Add one of the partner's ${kind}`, params: idParams, body },
      },
      async (req, reply) =>
        reply.status(201).send(await addPartnerChild(db, req.actor, req.params.id, kind, req.body)),
    );
    app.patch(
      `/partners/:id/${kind}/:itemId`,
      {
        config: { permission: 'partners.manage' },
        schema: {
          tags,
          summary: `Edit one of the partner's ${kind} (optimistic locking by version)`,
          params: childParams,
          body: body.partial().extend({ version: z.number().int().min(1) }),
        },
      },
      async (req) => updatePartnerChild(db, req.actor, req.params.id, kind, req.params.itemId, req.body),
    );
    app.delete(
      `/partners/:id/${kind}/:itemId`,
      {
        config: { permission: 'partners.manage' },
        schema: { tags, summary: `Remove one of the partner's ${kind}`, params: childParams },
      },
      async (req, reply) => {
        await removePartnerChild(db, req.actor, req.params.id, kind, req.params.itemId);
        return reply.status(204).send();
      },
    );
  }
};
