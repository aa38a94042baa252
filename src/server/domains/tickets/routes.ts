import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import '../../../shared/servicedesk/messages.js';
import {
  compensationBodySchema,
  confirmationBodySchema,
  createTicketBodySchema,
  replyBodySchema,
  ticketDtoSchema,
  ticketEventDtoSchema,
  ticketListQuerySchema,
  transitionBodySchema,
  updateTicketBodySchema,
} from '../../../shared/servicedesk/ticketSchemas.js';
import type { AppDeps } from '../../http/deps.js';
import { systemClock } from '../../lib/clock.js';
import { notFound } from '../../lib/errors.js';
import { pageSchema } from '../../lib/pagination.js';
import { assignableStaff } from './assignees.js';
import { recordCustomerMessage, replyToTicket } from './conversation.js';
import { changeStatus, confirmResolution, setCompensation, updateTicket } from './lifecycle.js';
import { listTickets } from './list.js';
import * as repo from './repo.js';
import { getTicket, openTicket } from './service.js';

const tags = ['tickets'];
const idParams = z.object({ id: z.uuid() });

export const ticketsRoutes: FastifyPluginAsyncZod<AppDeps> = async (
  app,
  { database, clock = systemClock },
) => {
  const db = database.db;
  const r200 = { 200: ticketDtoSchema };

  app.get(
    '/service-desk/assignees',
    {
      config: { permission: 'tickets.write' },
      schema: {
        tags,
        summary:
          'Whom you may give a ticket to: anyone active on the desk for managers, else yourself and your teams',
        response: {
          200: z.object({ items: z.array(z.object({ id: z.string(), name: z.string(), role: z.string() })) }),
        },
      },
    },
    async (req) => ({ items: await assignableStaff(db, req.actor) }),
  );

  app.get(
    '/tickets',
    {
      config: { permission: 'tickets.read' },
      schema: {
        tags,
        summary: 'List tickets with filters (keyset-paged, newest first)',
        querystring: ticketListQuerySchema,
        response: { 200: pageSchema(ticketDtoSchema) },
      },
    },
    async (req) => listTickets(db, req.query, req.actor.id, clock.now()),
  );

  app.post(
    '/tickets',
    {
      config: { permission: 'tickets.write' },
      schema: {
        tags,
        summary:
          'Open a ticket (complaint, inquiry, claim, suggestion); assignment rules and SLA clocks apply',
        body: createTicketBodySchema,
        response: { 201: ticketDtoSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await openTicket(db, req.actor, clock.now(), req.body)),
  );

  app.get(
    '/tickets/:id',
    {
      config: { permission: 'tickets.read' },
      schema: { tags, summary: 'One ticket with its live SLA clocks', params: idParams, response: r200 },
    },
    async (req) => getTicket(db, req.params.id, clock.now()),
  );

  app.put(
    '/tickets/:id',
    {
      config: { permission: 'tickets.write' },
      schema: {
        tags,
        summary: 'Edit a ticket (with the version read; 409 on a stale write)',
        params: idParams,
        body: updateTicketBodySchema,
        response: r200,
      },
    },
    async (req) => updateTicket(db, req.actor, clock.now(), req.params.id, req.body),
  );

  app.get(
    '/tickets/:id/events',
    {
      config: { permission: 'tickets.read' },
      schema: {
        tags,
        summary: 'The full history and conversation of a ticket, oldest first',
        params: idParams,
        response: { 200: z.object({ items: z.array(ticketEventDtoSchema) }) },
      },
    },
    async (req) => {
      if (!(await repo.findTicket(db, req.params.id))) throw notFound('ticket');
      const rows = await repo.listEvents(db, req.params.id);
      return { items: rows.map((e) => ({ ...e, at: e.at.toISOString() })) };
    },
  );

  app.post(
    '/tickets/:id/replies',
    {
      config: { permission: 'tickets.write' },
      schema: {
        tags,
        summary:
          'Reply to the customer or add an internal note (no version needed: concurrent replies are all kept)',
        params: idParams,
        body: replyBodySchema,
        response: { 201: z.object({ eventId: z.number().int(), ticket: ticketDtoSchema }) },
      },
    },
    async (req, reply) => {
      const now = clock.now();
      const r = await replyToTicket(db, req.actor, now, req.params.id, req.body);
      return reply.status(201).send({ ...r, ticket: await getTicket(db, req.params.id, now) });
    },
  );

  app.post(
    '/tickets/:id/customer-messages',
    {
      config: { permission: 'tickets.write' },
      schema: {
        tags,
        summary: 'Log what the customer said; resumes a clock waiting on the customer',
        params: idParams,
        body: z.strictObject({ body: z.string().trim().min(1).max(20_000) }),
        response: { 201: z.object({ eventId: z.number().int(), ticket: ticketDtoSchema }) },
      },
    },
    async (req, reply) => {
      const now = clock.now();
      const r = await recordCustomerMessage(db, req.actor, now, req.params.id, req.body.body);
      return reply.status(201).send({ ...r, ticket: await getTicket(db, req.params.id, now) });
    },
  );

  app.post(
    '/tickets/:id/status',
    {
      config: { permission: 'tickets.write' },
      schema: {
        tags,
        summary: 'Change the status along the allowed transitions (409 INVALID_TRANSITION otherwise)',
        params: idParams,
        body: transitionBodySchema,
        response: r200,
      },
    },
    async (req) => changeStatus(db, req.actor, clock.now(), req.params.id, req.body),
  );

  app.post(
    '/tickets/:id/compensation',
    {
      config: { permission: 'tickets.write' },
      schema: {
        tags,
        summary: "Set the compensation; above the shipments' declared value only a manager may",
        params: idParams,
        body: compensationBodySchema,
        response: r200,
      },
    },
    async (req) =>
      setCompensation(db, req.actor, clock.now(), req.params.id, req.body.version, req.body.amountCents),
  );

  app.post(
    '/tickets/:id/confirmation',
    {
      config: { permission: 'tickets.write' },
      schema: {
        tags,
        summary: "Record the customer's answer to the resolution (accepted closes, refused reopens)",
        params: idParams,
        body: confirmationBodySchema,
        response: r200,
      },
    },
    async (req) => confirmResolution(db, req.actor, clock.now(), req.params.id, req.body),
  );
};
