import { asc, eq, sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import '../../../shared/servicedesk/messages.js';
import {
  calendarBodySchema,
  calendarDtoSchema,
  slaPolicyBodySchema,
  slaPolicyDtoSchema,
} from '../../../shared/servicedesk/slaSchemas.js';
import { staleWrite } from '../../db/versioned.js';
import type { AppDeps } from '../../http/deps.js';
import { notFound } from '../../lib/errors.js';
import { recordChange } from '../audit/service.js';
import { assertAssignee } from '../tickets/assignees.js';
import { accountServiceAgents } from '../tickets/table.js';
import { createCalendar, importHolidays, listCalendars, updateCalendar } from './calendars.js';
import { slaPolicies, teams } from './table.js';

const tags = ['sla'];
const idParams = z.object({ id: z.uuid() });
const teamBody = z.strictObject({
  name: z.string().trim().min(1).max(100),
  calendarId: z.uuid(),
  leadId: z.uuid().nullable().default(null),
  managerId: z.uuid().nullable().default(null),
  memberIds: z.array(z.uuid()).max(200).default([]),
});
const teamDto = teamBody.extend({ id: z.string(), version: z.number().int() });
const toTeam = (t: typeof teams.$inferSelect) => ({
  id: t.id,
  name: t.name,
  calendarId: t.calendarId,
  leadId: t.leadId,
  managerId: t.managerId,
  memberIds: t.memberIds,
  version: t.version,
});

export const slaRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { database }) => {
  const db = database.db;

  app.get(
    '/business-calendars',
    {
      config: { permission: 'tickets.read' },
      schema: {
        tags,
        summary: 'Business calendars (working hours, holidays, make-up days)',
        response: { 200: z.object({ items: z.array(calendarDtoSchema) }) },
      },
    },
    async () => ({
      items: await listCalendars(db),
    }),
  );

  app.post(
    '/business-calendars',
    {
      config: { permission: 'sla.manage' },
      schema: {
        tags,
        summary: 'Create a business calendar',
        body: calendarBodySchema,
        response: { 201: calendarDtoSchema },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await db.transaction((tx) => createCalendar(tx, req.actor, req.body))),
  );

  app.put(
    '/business-calendars/:id',
    {
      config: { permission: 'sla.manage' },
      schema: {
        tags,
        summary: 'Edit a business calendar (applies to deadlines computed from now on)',
        params: idParams,
        body: calendarBodySchema.extend({ version: z.number().int().min(1) }),
        response: { 200: calendarDtoSchema },
      },
    },
    async (req) => {
      const { version, ...body } = req.body;
      return db.transaction((tx) => updateCalendar(tx, req.actor, req.params.id, version, body));
    },
  );

  app.post(
    '/business-calendars/:id/holidays/import',
    {
      config: { permission: 'sla.manage' },
      schema: {
        tags,
        summary:
          'Import holidays and make-up days: CSV lines "2025-10-01,holiday" / "2025-10-11,workday" or a JSON list [{date,type}]',
        params: idParams,
        body: z.strictObject({ version: z.number().int().min(1), content: z.string().min(1).max(200_000) }),
        response: { 200: z.object({ calendar: calendarDtoSchema, imported: z.number().int() }) },
      },
    },
    async (req) =>
      db.transaction((tx) =>
        importHolidays(tx, req.actor, req.params.id, req.body.version, req.body.content),
      ),
  );

  app.get(
    '/sla-policies',
    {
      config: { permission: 'tickets.read' },
      schema: {
        tags,
        summary: 'SLA targets per tier × severity (business minutes)',
        response: { 200: z.object({ items: z.array(slaPolicyDtoSchema) }) },
      },
    },
    async () => ({
      items: (
        await db.select().from(slaPolicies).orderBy(asc(slaPolicies.tier), asc(slaPolicies.severity))
      ).map((p) => ({
        id: p.id,
        tier: p.tier as 'key',
        severity: p.severity as 'low',
        firstResponseMinutes: p.firstResponseMinutes,
        resolutionMinutes: p.resolutionMinutes,
        warnPercent: p.warnPercent,
        version: p.version,
      })),
    }),
  );

  app.put(
    '/sla-policies',
    {
      config: { permission: 'sla.manage' },
      schema: {
        tags,
        summary: 'Set the targets of one tier × severity (new tickets use them)',
        body: slaPolicyBodySchema,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      const b = req.body;
      await db.transaction(async (tx) => {
        const [before] = await tx
          .select()
          .from(slaPolicies)
          .where(sql`${slaPolicies.tier} = ${b.tier} AND ${slaPolicies.severity} = ${b.severity}`);
        const [after] = await tx
          .insert(slaPolicies)
          .values(b)
          .onConflictDoUpdate({
            target: [slaPolicies.tier, slaPolicies.severity],
            set: { ...b, version: sql`${slaPolicies.version} + 1`, updatedAt: new Date() },
          })
          .returning();
        await recordChange(
          tx,
          req.actor,
          'slaPolicy',
          after.id,
          before ? 'update' : 'create',
          before ?? null,
          after,
        );
      });
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/teams',
    {
      config: { permission: 'tickets.read' },
      schema: {
        tags,
        summary: 'Service-desk teams',
        response: { 200: z.object({ items: z.array(teamDto) }) },
      },
    },
    async () => ({
      items: (await db.select().from(teams).orderBy(asc(teams.name))).map(toTeam),
    }),
  );

  app.post(
    '/teams',
    {
      config: { permission: 'tickets.manage' },
      schema: { tags, summary: 'Create a team', body: teamBody, response: { 201: teamDto } },
    },
    async (req, reply) => {
      for (const [f, id] of [
        ['leadId', req.body.leadId],
        ['managerId', req.body.managerId],
      ] as const)
        await assertAssignee(db, id, f);
      const [t] = await db.insert(teams).values(req.body).returning();
      return reply.status(201).send(toTeam(t));
    },
  );

  app.put(
    '/teams/:id',
    {
      config: { permission: 'tickets.manage' },
      schema: {
        tags,
        summary: 'Edit a team (members in round-robin order)',
        params: idParams,
        body: teamBody.extend({ version: z.number().int().min(1) }),
        response: { 200: teamDto },
      },
    },
    async (req) => {
      const { version, ...b } = req.body;
      for (const [f, id] of [
        ['leadId', b.leadId],
        ['managerId', b.managerId],
      ] as const)
        await assertAssignee(db, id, f);
      const [t] = await db
        .update(teams)
        .set({ ...b, version: sql`${teams.version} + 1`, updatedAt: new Date() })
        .where(sql`${teams.id} = ${req.params.id} AND ${teams.version} = ${version}`)
        .returning();
      if (!t)
        throw await staleWrite(
          'team',
          async () => (await db.select().from(teams).where(eq(teams.id, req.params.id)))[0],
          toTeam,
        );
      return toTeam(t);
    },
  );

  app.put(
    '/accounts/:id/service-agent',
    {
      config: { permission: 'tickets.manage' },
      schema: {
        tags,
        summary: "Set (or clear with null) the account's dedicated agent; its tickets go to them",
        params: idParams,
        body: z.strictObject({ agentId: z.uuid().nullable(), teamId: z.uuid().nullable().default(null) }),
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      const { rows } = await db.execute(sql`SELECT 1 FROM accounts WHERE id = ${req.params.id}`);
      if (!rows.length) throw notFound('account');
      if (!req.body.agentId)
        await db.delete(accountServiceAgents).where(eq(accountServiceAgents.accountId, req.params.id));
      else {
        await assertAssignee(db, req.body.agentId, 'agentId');
        const v = { accountId: req.params.id, agentId: req.body.agentId, teamId: req.body.teamId };
        await db
          .insert(accountServiceAgents)
          .values(v)
          .onConflictDoUpdate({ target: accountServiceAgents.accountId, set: v });
      }
      return reply.status(204).send(null);
    },
  );
};
