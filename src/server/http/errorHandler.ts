import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { hasMessage, translate } from '../../shared/i18n/messages.js';
import type { Locale } from '../../shared/organization.js';
import { AppError } from '../lib/errors.js';
import { requestLocale } from './locale.js';

const zodLocales: Record<Locale, (issue: never) => string | undefined> = {
  'zh-CN': z.locales.zhCN().localeError as never,
  'en-US': z.locales.en().localeError as never,
};

type Issue = { code: string; path: (string | number)[]; message: string; keys?: string[] } & Record<
  string,
  unknown
>;

/** Field path → localised message, from zod issues; custom messages are our own message keys. */
export function fieldsFromIssues(issues: Issue[], locale: Locale): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of issues) {
    // our schemas use message keys (custom checks and custom errors of built-in checks alike)
    const params = {
      ...(issue.params as Record<string, string | number> | undefined),
      maximum: issue.maximum as number,
      minimum: issue.minimum as number,
    };
    const msg = hasMessage(issue.message)
      ? translate(locale, issue.message, params)
      : (zodLocales[locale](issue as never) ?? issue.message);
    if (issue.code === 'unrecognized_keys' && issue.keys) {
      for (const key of issue.keys) fields[[...issue.path, key].join('.')] = msg;
    } else {
      const key = issue.path.join('.') || '_';
      fields[key] ??= msg;
    }
  }
  return fields;
}

function send(reply: FastifyReply, error: AppError, locale: Locale, requestId: string) {
  const params = { requestId, ...error.details.params };
  const fields = error.details.fields
    ? Object.fromEntries(
        Object.entries(error.details.fields).map(([k, v]) => [
          k,
          hasMessage(v) ? translate(locale, v, params) : v,
        ]),
      )
    : undefined;
  return reply.status(error.status).send({
    error: {
      code: error.code,
      message: translate(locale, error.code, params),
      ...(fields ? { fields } : {}),
      ...(error.details.rows
        ? { rows: error.details.rows.map((r) => ({ ...r, message: translate(locale, r.code, params) })) }
        : {}),
      ...(error.details.current !== undefined ? { current: error.details.current } : {}),
    },
  });
}

/** The body limit of the route called (routes such as bulk ingestion raise the 1 MB default). */
const bodyLimit = (req: FastifyRequest) =>
  `${Math.round((req.routeOptions.bodyLimit ?? 1024 * 1024) / (1024 * 1024))} MB`;

/** Maps every error to `{error:{code,message,fields}}` in the caller's language. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    const locale = requestLocale(req, req.actor?.locale ?? 'zh-CN');
    if (err instanceof AppError) return send(reply, err, locale, req.id);
    if (hasZodFastifySchemaValidationErrors(err)) {
      const issues = err.validation.map((v) => ({
        ...v.params,
        code: v.keyword,
        path: v.instancePath.split('/').filter(Boolean),
        message: v.message,
      })) as Issue[];
      return send(
        reply,
        new AppError('VALIDATION_FAILED', { fields: fieldsFromIssues(issues, locale) }),
        locale,
        req.id,
      );
    }
    switch (err.code) {
      case 'FST_ERR_CTP_INVALID_JSON_BODY':
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
        return send(reply, new AppError('INVALID_JSON'), locale, req.id);
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
        return send(
          reply,
          new AppError('BODY_TOO_LARGE', { params: { limit: bodyLimit(req) } }),
          locale,
          req.id,
        );
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
        return send(reply, new AppError('UNSUPPORTED_MEDIA_TYPE'), locale, req.id);
    }
    if (err.statusCode === 429) return send(reply, new AppError('RATE_LIMITED'), locale, req.id);
    if (err instanceof SyntaxError && err.statusCode === 400)
      return send(reply, new AppError('INVALID_JSON'), locale, req.id);
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      req.log.info({ err }, 'client error');
      const code =
        err.statusCode === 404
          ? 'NOT_FOUND'
          : err.statusCode === 413
            ? 'BODY_TOO_LARGE'
            : 'VALIDATION_FAILED';
      return send(
        reply,
        new AppError(code, { params: { entity: 'record', limit: bodyLimit(req) } }),
        locale,
        req.id,
      );
    }
    req.log.error({ err }, 'unhandled error');
    return send(reply, new AppError('INTERNAL'), locale, req.id);
  });
}

export function sendNotFound(req: FastifyRequest, reply: FastifyReply) {
  const locale = requestLocale(req, 'zh-CN');
  return send(reply, new AppError('NOT_FOUND', { params: { entity: 'record' } }), locale, req.id);
}
