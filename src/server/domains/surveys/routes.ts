import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { calendarDate } from '../../../shared/partners.js';
import {
  followUpOutcomeSchema,
  linkInvitationsSchema,
  surveySettingsSchema,
  templateBodySchema,
  templateDtoSchema,
  templateUpdateSchema,
  WEIGHT_METHODS,
} from '../../../shared/surveys/schemas.js';
import '../../../shared/surveys/messages.js';
import type { AppDeps } from '../../http/deps.js';
import { systemClock } from '../../lib/clock.js';
import { companySettings } from '../organization/settings.js';
import { listAccountSurveys } from './accountSurveys.js';
import { surveyResults } from './analysis.js';
import { SURVEY_CUTS } from './analysisRepo.js';
import { commentsQuerySchema, listComments } from './comments.js';
import { sendToAccounts } from './dispatch.js';
import { recordFollowUpOutcome } from './followUps.js';
import { getSurveySettings, linkInvitations, saveSurveySettings } from './invitations.js';
import { createTemplate, getTemplate, listTemplates, updateTemplate } from './templates.js';

const tags = ['surveys'];
const idParams = z.object({ id: z.uuid() });

export const surveyResultsQuerySchema = z.object({
  from: calendarDate,
  to: calendarDate,
  cut: z.enum(SURVEY_CUTS).default('overall'),
  weights: z.enum(WEIGHT_METHODS).default('equal'),
  rule: z.enum(['timestamp', 'date']).optional(),
  accountId: z.uuid().optional(),
  tier: z.enum(['strategic', 'key', 'general']).optional(),
  carrierId: z.uuid().optional(),
  mode: z.string().max(40).optional(),
  templateFamilyId: z.uuid().optional(),
});

export const surveysRoutes: FastifyPluginAsyncZod<AppDeps> = async (
  app,
  { database, config, clock = systemClock },
) => {
  const db = database.db;

  app.post(
    '/surveys/send',
    {
      config: { permission: 'surveys.send' },
      schema: {
        tags,
        summary:
          "Mail a survey to accounts' survey contacts now; contacts without email or unsubscribed are skipped with the reason",
        body: z.strictObject({
          accountIds: z.array(z.uuid()).min(1).max(1000),
          templateId: z.uuid().optional(),
        }),
      },
    },
    async (req) => sendToAccounts(db, req.actor, clock.now(), config.PUBLIC_URL, req.body),
  );

  app.get(
    '/survey-templates',
    {
      config: { permission: 'surveys.read' },
      schema: {
        tags,
        summary: 'Survey templates (current revisions)',
        response: { 200: z.object({ items: z.array(templateDtoSchema) }) },
      },
    },
    async () => ({ items: await listTemplates(db) }),
  );

  app.get(
    '/survey-templates/:id',
    {
      config: { permission: 'surveys.read' },
      schema: {
        tags,
        summary: 'One template revision',
        params: idParams,
        response: { 200: templateDtoSchema },
      },
    },
    async (req) => getTemplate(db, req.params.id),
  );

  app.post(
    '/survey-templates',
    {
      config: { permission: 'surveys.manage' },
      schema: {
        tags,
        summary: 'Create a survey template',
        body: templateBodySchema,
        response: { 201: templateDtoSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await createTemplate(db, req.actor, req.body)),
  );

  app.put(
    '/survey-templates/:id',
    {
      config: { permission: 'surveys.manage' },
      schema: {
        tags,
        summary: 'Edit a template; one in use gets a new revision (its answers keep the old one)',
        params: idParams,
        body: templateUpdateSchema,
        response: { 200: templateDtoSchema },
      },
    },
    async (req) => updateTemplate(db, req.actor, req.params.id, req.body),
  );

  app.get(
    '/survey-settings',
    {
      config: { permission: 'surveys.read' },
      schema: { tags, summary: 'Dispatch and follow-up rules (version 0: defaults, never saved)' },
    },
    async () => getSurveySettings(db),
  );

  app.put(
    '/survey-settings',
    {
      config: { permission: 'surveys.manage' },
      schema: {
        tags,
        summary: 'Replace the dispatch and follow-up rules (with the version read)',
        body: z.strictObject({ version: z.number().int().min(0), settings: surveySettingsSchema }),
      },
    },
    async (req) => saveSurveySettings(db, req.actor, req.body.version, req.body.settings),
  );

  app.post(
    '/survey-invitations/links',
    {
      config: { permission: 'surveys.send' },
      schema: {
        tags,
        summary: 'Personal survey links about shipments, for another channel (the tokens are returned once)',
        body: linkInvitationsSchema,
      },
    },
    async (req, reply) =>
      reply.status(201).send({ items: await linkInvitations(db, req.actor, clock.now(), req.body) }),
  );

  app.get(
    '/surveys/results',
    {
      config: { permission: 'surveys.read' },
      schema: {
        tags,
        summary: 'CSI (by weights method), dimensions, NPS, response rate and monthly trend, optionally cut',
        querystring: surveyResultsQuerySchema,
      },
    },
    async (req) => {
      const org = await companySettings(db);
      const { weights, rule, ...q } = req.query;
      return surveyResults(db, { ...q, timeZone: org.timezone, rule: rule ?? org.onTimeRule }, weights);
    },
  );

  app.get(
    '/surveys/comments',
    {
      config: { permission: 'surveys.read' },
      schema: {
        tags,
        summary:
          'Verbatim comments of the period, newest first, paged; filters: NPS group, a dimension rated ≤ 2, account, tier, text',
        querystring: commentsQuerySchema,
      },
    },
    async (req) => listComments(db, (await companySettings(db)).timezone, req.query),
  );

  app.put(
    '/survey-responses/:id/follow-up',
    {
      config: { permission: 'tasks.write' },
      schema: {
        tags,
        summary:
          'Record what came of the follow-up a low score opened (contacted, resolved, no answer; a note)',
        params: idParams,
        body: followUpOutcomeSchema,
      },
    },
    async (req) => recordFollowUpOutcome(db, req.actor, clock.now(), req.params.id, req.body),
  );

  app.get(
    '/accounts/:id/surveys',
    {
      config: { permission: 'surveys.read' },
      schema: {
        tags,
        summary: "An account's surveys, newest first, with their answers' NPS, mean rating and comments",
        params: idParams,
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) }),
      },
    },
    async (req) => ({ items: await listAccountSurveys(db, req.params.id, req.query.limit) }),
  );
};
