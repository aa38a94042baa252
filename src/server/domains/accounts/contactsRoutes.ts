import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  contactBodySchema,
  contactDtoSchema,
  updateContactBodySchema,
  versionBodySchema,
} from '../../../shared/customers/accountDto.js';
import type { AppDeps } from '../../http/deps.js';
import { addContact, listAccountContacts, setContactArchived, updateContact } from './contactsService.js';

const idParams = z.object({ id: z.uuid() });
const tags = ['contacts'];

export const contactsRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { database }) => {
  const db = database.db;

  app.get(
    '/accounts/:id/contacts',
    {
      config: { permission: 'accounts.read' },
      schema: {
        tags,
        summary: "An account's contacts, primary first",
        params: idParams,
        querystring: z.object({ archived: z.enum(['true', 'false']).default('false') }),
        response: { 200: z.object({ items: z.array(contactDtoSchema) }) },
      },
    },
    async (req) => ({ items: await listAccountContacts(db, req.params.id, req.query.archived === 'true') }),
  );

  app.post(
    '/accounts/:id/contacts',
    {
      config: { permission: 'contacts.write' },
      schema: {
        tags,
        summary: 'Add a contact',
        params: idParams,
        body: contactBodySchema,
        response: { 201: contactDtoSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await addContact(db, req.actor, req.params.id, req.body)),
  );

  app.put(
    '/contacts/:id',
    {
      config: { permission: 'contacts.write' },
      schema: {
        tags,
        summary: 'Edit a contact',
        params: idParams,
        body: updateContactBodySchema,
        response: { 200: contactDtoSchema },
      },
    },
    async (req) => updateContact(db, req.actor, req.params.id, req.body.version, req.body.contact),
  );

  for (const [action, archived] of [
    ['archive', true],
    ['restore', false],
  ] as const) {
    app.post(
      `/contacts/:id/${action}`,
      {
        config: { permission: 'contacts.write' },
        schema: {
          tags,
          summary: `${action} a contact`,
          params: idParams,
          body: versionBodySchema,
          response: { 200: contactDtoSchema },
        },
      },
      async (req) => setContactArchived(db, req.actor, req.params.id, req.body.version, archived),
    );
  }
};
