import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { organizationSettingsSchema } from '../../../shared/organization.js';
import type { AppDeps } from '../../http/deps.js';
import { notFound } from '../../lib/errors.js';
import { getOrganization, organizationDtoSchema, toOrganizationDto, updateOrganization } from './service.js';

export const organizationRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { database }) => {
  const db = database.db;
  const tags = ['organization'];

  app.get(
    '/organization',
    {
      config: { permission: 'org.read' },
      schema: { tags, summary: 'The company and its settings', response: { 200: organizationDtoSchema } },
    },
    async () => {
      const org = await getOrganization(db);
      if (!org) throw notFound('organization');
      return toOrganizationDto(org);
    },
  );

  app.patch(
    '/organization',
    {
      config: { permission: 'org.manage' },
      schema: {
        tags,
        summary: 'Edit the company name or settings',
        body: z.strictObject({
          version: z.number().int().min(1),
          name: z.string().trim().min(1).max(200).optional(),
          settings: organizationSettingsSchema.partial().optional(),
        }),
        response: { 200: organizationDtoSchema },
      },
    },
    async (req) => updateOrganization(db, req.actor, req.body),
  );
};
