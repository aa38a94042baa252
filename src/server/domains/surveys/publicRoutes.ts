import rateLimit from '@fastify/rate-limit';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { translate } from '../../../shared/i18n/messages.js';
import { LOCALES, type Locale } from '../../../shared/organization.js';
import { answersBodySchema } from '../../../shared/surveys/schemas.js';
import '../../../shared/surveys/messages.js';
import type { AppDeps } from '../../http/deps.js';
import { systemClock } from '../../lib/clock.js';
import { AppError } from '../../lib/errors.js';
import type { AnswerValue } from './answers.js';
import { answersFromForm, formPage, messagePage, unsubscribeForm } from './page.js';
import { answerSurvey, invitationLocale, publicSurvey, unsubscribe } from './responses.js';

const tokenParams = z.object({ token: z.string().trim().min(16).max(64) });
const pageParams = z.object({ token: z.string().max(100) });
const pageQuery = z.object({ lang: z.enum(LOCALES).optional() });
const statusSchema = z.object({ status: z.enum(['open', 'submitted']), alreadySubmitted: z.boolean() });

/**
 * The public side of surveys (no login, the personal token is the key): a JSON API under /api/v1 and
 * the response page at /s/<token>. Both count requests per client address (in this process's memory,
 * like public tracking): a flood from one address gets 429.
 */
export const publicSurveyRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  const { database, clock = systemClock } = deps;
  const db = database.db;
  const limit = { max: deps.config.SURVEY_MAX_PER_IP_PER_MINUTE, timeWindow: 60_000 };
  await app.register(rateLimit, { global: false });
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: 64 * 1024 },
    (_req, body, done) => done(null, new URLSearchParams(String(body))),
  );

  app.get(
    '/api/v1/public/surveys/:token',
    {
      config: { permission: 'public', rateLimit: limit },
      schema: {
        tags: ['surveys'],
        summary: 'A survey by its personal token: questions in both languages and answers saved so far',
        security: [],
        params: tokenParams,
      },
    },
    async (req) => publicSurvey(db, req.params.token, clock.now()),
  );

  for (const [method, url, submit] of [
    ['PUT', '/api/v1/public/surveys/:token', false],
    ['POST', '/api/v1/public/surveys/:token/submit', true],
  ] as const)
    app.route({
      method,
      url,
      config: { permission: 'public', rateLimit: limit },
      schema: {
        tags: ['surveys'],
        summary: submit
          ? 'Submit the answers (once; a second submit changes nothing)'
          : 'Save answers so far (partial; null clears an answer)',
        security: [],
        params: tokenParams,
        body: answersBodySchema,
        response: { 200: statusSchema },
      },
      handler: async (req) => answerSurvey(db, req.params.token, clock.now(), req.body.answers, submit),
    });

  const page = async (
    reply: FastifyReply,
    token: string,
    lang: Locale | undefined,
    form: URLSearchParams | null,
  ) => {
    reply.type('text/html; charset=utf-8').header('cache-control', 'no-store');
    let survey: Awaited<ReturnType<typeof publicSurvey>>;
    try {
      survey = await publicSurvey(db, token, clock.now());
    } catch (err) {
      const locale = lang ?? ((await invitationLocale(db, token)) as Locale | null) ?? 'zh-CN';
      if (err instanceof AppError && err.code === 'LINK_EXPIRED')
        return reply.status(410).send(messagePage(locale, 'surveyPage.expired'));
      if (err instanceof AppError && err.code === 'NOT_FOUND')
        return reply.status(404).send(messagePage(locale, 'surveyPage.invalid'));
      throw err;
    }
    const locale = lang ?? (survey.locale as Locale);
    if (survey.status === 'submitted') return reply.send(messagePage(locale, 'surveyPage.thanks'));
    const base = {
      token,
      locale,
      name: locale === 'zh-CN' ? survey.nameZh : survey.nameEn,
      waybill: survey.waybill,
      questions: survey.questions,
    };
    if (!form) return reply.send(formPage({ ...base, values: survey.answers, errors: {}, notice: null }));
    const values: Record<string, AnswerValue> = answersFromForm(survey.questions, form);
    const submit = form.get('action') !== 'save';
    try {
      const r = await answerSurvey(db, token, clock.now(), values, submit);
      if (r.status === 'submitted') return reply.send(messagePage(locale, 'surveyPage.thanks'));
      return reply.send(formPage({ ...base, values, errors: {}, notice: 'saved' }));
    } catch (err) {
      if (!(err instanceof AppError && err.code === 'VALIDATION_FAILED')) throw err;
      const errors = Object.fromEntries(
        Object.entries(err.details.fields ?? {}).map(([k, v]) => [k, translate(locale, v)]),
      );
      return reply.status(400).send(formPage({ ...base, values, errors, notice: null }));
    }
  };

  app.get(
    '/s/:token',
    { config: { rateLimit: limit }, schema: { hide: true, params: pageParams, querystring: pageQuery } },
    async (req, reply) => page(reply, req.params.token, req.query.lang, null),
  );
  app.post(
    '/s/:token',
    {
      config: { rateLimit: limit },
      schema: { hide: true, params: pageParams, querystring: pageQuery, body: z.instanceof(URLSearchParams) },
    },
    async (req, reply) => page(reply, req.params.token, req.query.lang, req.body),
  );

  const unsubscribePage = async (token: string, lang: Locale | undefined, confirm: boolean) => {
    const locale = lang ?? ((await invitationLocale(db, token)) as Locale | null) ?? 'zh-CN';
    if (!confirm) return { status: 200, html: unsubscribeForm(locale, token) };
    const ok = await unsubscribe(db, token, clock.now());
    return ok
      ? { status: 200, html: messagePage(locale, 'surveyPage.unsubscribed') }
      : { status: 404, html: messagePage(locale, 'surveyPage.invalid') };
  };
  for (const method of ['GET', 'POST'] as const)
    app.route({
      method,
      url: '/s/:token/unsubscribe',
      config: { rateLimit: limit },
      schema: { hide: true, params: pageParams, querystring: pageQuery },
      handler: async (req, reply) => {
        // GET asks (mail scanners follow links), POST records
        const r = await unsubscribePage(req.params.token, req.query.lang, method === 'POST');
        return reply.status(r.status).type('text/html; charset=utf-8').send(r.html);
      },
    });
};
