import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { can, type Permission } from '../../../shared/permissions.js';
import type { AppDeps } from '../../http/deps.js';
import { AppError } from '../../lib/errors.js';
import { pageQuerySchema, pageSchema } from '../../lib/pagination.js';
import { searchAudit } from './service.js';

export const auditEntryDtoSchema = z.object({
  id: z.number(),
  at: z.string(),
  actorKind: z.enum(['user', 'api_key', 'system']),
  actorId: z.string().nullable(),
  actorLabel: z.string(),
  ip: z.string().nullable(),
  requestId: z.string().nullable(),
  entity: z.string(),
  entityId: z.string(),
  action: z.enum(['create', 'update', 'delete']),
  changes: z.record(z.string(), z.object({ before: z.unknown(), after: z.unknown() })),
});

/** Reading a record's history needs the right to read that record; domains add their entities here. */
export const AUDIT_ENTITY_READ: Record<string, Permission> = {
  user: 'users.read',
  apiKey: 'apikeys.manage',
  organization: 'org.read',
  account: 'accounts.read',
  contact: 'accounts.read',
  note: 'accounts.read',
  partner: 'partners.read',
  qualification: 'partners.read',
  partnerContact: 'partners.read',
  contract: 'partners.read',
  evaluation: 'partners.read',
  shipment: 'shipments.read',
  shipmentBatch: 'shipments.read',
  ticketAttachment: 'tickets.read',
  ticketKnowledgeLink: 'tickets.read',
  knowledgeArticle: 'knowledge.read',
};

const present = (page: Awaited<ReturnType<typeof searchAudit>>) => ({
  items: page.items.map((e) => ({ ...e, at: e.at.toISOString() })),
  nextCursor: page.nextCursor,
});

export const auditRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { database }) => {
  const db = database.db;
  const tags = ['audit'];
  const action = z.enum(['create', 'update', 'delete']);

  app.get(
    '/audit',
    {
      config: { permission: 'audit.search' },
      schema: {
        tags,
        summary: 'Search the audit log (administrators)',
        querystring: pageQuerySchema.extend({
          entity: z.string().max(50).optional(),
          entityId: z.string().max(100).optional(),
          actorId: z.string().uuid().optional(),
          action: action.optional(),
          from: z.coerce.date().optional(),
          to: z.coerce.date().optional(),
        }),
        response: { 200: pageSchema(auditEntryDtoSchema) },
      },
    },
    async (req) => present(await searchAudit(db, req.query)),
  );

  app.get(
    '/audit/:entity/:entityId',
    {
      config: { permission: 'audit.record' },
      schema: {
        tags,
        summary: "One record's history",
        params: z.object({ entity: z.string().max(50), entityId: z.string().max(100) }),
        querystring: pageQuerySchema,
        response: { 200: pageSchema(auditEntryDtoSchema) },
      },
    },
    async (req) => {
      const needed = AUDIT_ENTITY_READ[req.params.entity];
      if (!needed) throw new AppError('NOT_FOUND', { params: { entity: 'record' } });
      if (!can(req.actor.role, needed)) throw new AppError('FORBIDDEN');
      return present(await searchAudit(db, { ...req.query, ...req.params }));
    },
  );
};
