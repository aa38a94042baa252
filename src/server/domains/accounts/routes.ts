import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  accountDtoSchema,
  accountListItemSchema,
  contactDtoSchema,
  createAccountBodySchema,
  duplicateCandidateSchema,
  updateAccountBodySchema,
  versionBodySchema,
} from '../../../shared/customers/accountDto.js';
import { duplicateKeys } from '../../../shared/customers/duplicates.js';
import '../../../shared/customers/messages.js';
import type { AppDeps } from '../../http/deps.js';
import { presentedJson } from '../../http/presentedJson.js';
import { decodeCursor, pageQuerySchema, pageSchema, toPage } from '../../lib/pagination.js';
import { listAccountContacts } from './contactsService.js';
import { findDuplicateCandidates } from './duplicatesRepo.js';
import { accountListQuerySchema } from './listQuery.js';
import { listAccountRows } from './listRepo.js';
import { addNote } from './notes.js';
import { toAccountListItem } from './presenter.js';
import { changeOwner, createAccount, getAccount, setArchived, updateAccount } from './service.js';
import { accountFigures, accountTimeline, TIMELINE_SOURCES } from './timeline.js';

const idParams = z.object({ id: z.uuid() });
const tags = ['accounts'];

export const accountsRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { database }) => {
  const db = database.db;

  app.get(
    '/accounts',
    {
      config: { permission: 'accounts.read' },
      schema: {
        tags,
        summary: 'List and search accounts (keyset-paged)',
        querystring: accountListQuerySchema,
        response: { 200: pageSchema(accountListItemSchema) },
      },
      serializerCompiler: presentedJson,
    },
    async (req) => {
      const after = decodeCursor(req.query.cursor, 2) as [string | number, string] | null;
      const rows = await listAccountRows(db, req.query, req.actor.id, after);
      const page = toPage(rows, req.query.limit, (r) => [r.sortKey ?? '', r.id]);
      return { items: page.items.map(toAccountListItem), nextCursor: page.nextCursor };
    },
  );

  app.post(
    '/accounts',
    {
      config: { permission: 'accounts.write' },
      schema: {
        tags,
        summary: 'Create an account with its contacts; the answer lists likely duplicates',
        body: createAccountBodySchema,
        response: {
          201: z.object({
            account: accountDtoSchema,
            contacts: z.array(contactDtoSchema),
            possibleDuplicates: z.array(duplicateCandidateSchema),
          }),
        },
      },
    },
    async (req, reply) => reply.status(201).send(await createAccount(db, req.actor, req.body)),
  );

  app.post(
    '/accounts/duplicate-check',
    {
      config: { permission: 'accounts.read' },
      schema: {
        tags,
        summary: 'Accounts that look like the one being entered',
        body: z.strictObject({
          nameZh: z.string().max(200).optional(),
          nameEn: z.string().max(200).optional(),
          creditCode: z.string().max(40).optional(),
          phones: z.array(z.string().max(40)).max(50).default([]),
          emails: z.array(z.string().max(254)).max(50).default([]),
          excludeId: z.uuid().optional(),
        }),
        response: { 200: z.object({ candidates: z.array(duplicateCandidateSchema) }) },
      },
    },
    async (req) => ({
      candidates: await findDuplicateCandidates(db, duplicateKeys(req.body), req.body.excludeId ?? null),
    }),
  );

  app.get(
    '/accounts/:id',
    {
      config: { permission: 'accounts.read' },
      schema: {
        tags,
        summary: 'One account with its contacts and key figures (the 360° header)',
        params: idParams,
        response: {
          200: z.object({
            account: accountDtoSchema,
            contacts: z.array(contactDtoSchema),
            figures: z.record(z.string(), z.union([z.number(), z.string(), z.null()])),
          }),
        },
      },
    },
    async (req) => ({
      account: await getAccount(db, req.params.id),
      contacts: await listAccountContacts(db, req.params.id, false),
      figures: await accountFigures(db, req.params.id),
    }),
  );

  app.put(
    '/accounts/:id',
    {
      config: { permission: 'accounts.write' },
      schema: {
        tags,
        summary: 'Edit an account (the whole form, with the version it was read at)',
        params: idParams,
        body: updateAccountBodySchema,
        response: { 200: accountDtoSchema },
      },
    },
    async (req) => updateAccount(db, req.actor, req.params.id, req.body),
  );

  for (const [action, archived] of [
    ['archive', true],
    ['restore', false],
  ] as const) {
    app.post(
      `/accounts/:id/${action}`,
      {
        config: { permission: 'accounts.write' },
        schema: {
          tags,
          summary: archived ? 'Archive an account' : 'Restore an archived account',
          params: idParams,
          body: versionBodySchema,
          response: { 200: accountDtoSchema },
        },
      },
      async (req) => setArchived(db, req.actor, req.params.id, req.body.version, archived),
    );
  }

  app.post(
    '/accounts/:id/owner',
    {
      config: { permission: 'accounts.assign' },
      schema: {
        tags,
        summary: 'Give the account to another owner (audited)',
        params: idParams,
        body: z.strictObject({ version: z.number().int().min(1), ownerId: z.uuid().nullable() }),
        response: { 200: accountDtoSchema },
      },
    },
    async (req) => changeOwner(db, req.actor, req.params.id, req.body.version, req.body.ownerId),
  );

  app.get(
    '/accounts/:id/timeline',
    {
      config: { permission: 'accounts.read' },
      schema: {
        tags,
        summary: 'The activity timeline of an account, newest first',
        params: idParams,
        querystring: pageQuerySchema.extend({
          source: z.union([z.string(), z.array(z.string())]).optional(),
        }),
        response: {
          200: pageSchema(
            z.object({
              key: z.string(),
              at: z.string(),
              source: z.string(),
              kind: z.string(),
              actorLabel: z.string().nullable(),
              data: z.record(z.string(), z.unknown()),
            }),
          ),
        },
      },
    },
    async (req) => {
      await getAccount(db, req.params.id);
      const cursor = decodeCursor(req.query.cursor, 2);
      const sources = req.query.source ? [req.query.source].flat() : undefined;
      return accountTimeline(db, req.params.id, {
        limit: req.query.limit,
        before: cursor ? { at: new Date(String(cursor[0])), key: String(cursor[1]) } : undefined,
        sources,
      });
    },
  );

  app.get(
    '/accounts/timeline-sources',
    {
      config: { permission: 'accounts.read' },
      schema: {
        tags,
        summary: 'Timeline sources',
        response: { 200: z.object({ sources: z.array(z.string()) }) },
      },
    },
    async () => ({
      sources: Object.keys(TIMELINE_SOURCES),
    }),
  );

  app.post(
    '/accounts/:id/notes',
    {
      config: { permission: 'contacts.write' },
      schema: {
        tags,
        summary: 'Add a note to the account',
        params: idParams,
        body: z.strictObject({ body: z.string().trim().min(1).max(10_000) }),
        response: { 201: z.object({ id: z.string() }) },
      },
    },
    async (req, reply) => reply.status(201).send(await addNote(db, req.actor, req.params.id, req.body.body)),
  );
};
