import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../http/deps.js';
import { AppError } from '../../lib/errors.js';
import { decodeCursor, encodeCursor } from '../../lib/pagination.js';
import { importEntity } from './entities.js';
import type { ImportKind } from './entity.js';
import { changeMapping, dryRun, loadJob, uploadImport } from './jobService.js';
import * as jobsRepo from './jobsRepo.js';
import { IMPORT_ISSUE_CAP } from './jobsRepo.js';
import { IMPORT_MODES } from './jobsTable.js';
import { IMPORT_TARGETS } from './mapping.js';
import { importIssueSchema, importJobSchema, toImportJobDto } from './presenter.js';
import { previewRows } from './preview.js';
import { localiseIssues, reportCsv } from './report.js';
import { startRun } from './runner.js';
import { SHIPMENT_IMPORT_TARGETS } from './shipmentMapping.js';

/** Upload bodies up to this size reach the service, which refuses files over MAX_IMPORT_BYTES with a message. */
export const UPLOAD_BODY_LIMIT = 50 * 1024 * 1024;
const ENCODINGS = ['auto', 'utf-8', 'gbk', 'gb2312', 'gb18030', 'utf-16le', 'utf-16be'] as const;

const idParams = z.object({ id: z.uuid() });
const modeBody = z.strictObject({ mode: z.enum(IMPORT_MODES).default('create_only') });
const tags = ['imports'];

export const importsRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { database }) => {
  const db = database.db;
  app.addContentTypeParser(
    [
      'application/octet-stream',
      'text/csv',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    ],
    { parseAs: 'buffer', bodyLimit: importEntity('shipments').limits.maxBytes },
    (_req, body, done) => done(null, body),
  );
  app.addHook('onReady', async () => {
    await jobsRepo.failStaleJobs(db, null);
  });

  const jobAnswer = async (req: { actor: Parameters<typeof loadJob>[1] }, id: string) =>
    toImportJobDto(await loadJob(db, req.actor, id), req.actor.locale);

  const upload = (kind: ImportKind, summary: string) => {
    const entity = importEntity(kind);
    const bodyLimit = Math.max(UPLOAD_BODY_LIMIT, entity.limits.maxBytes ?? 0);
    app.post(
      `/imports/${kind}`,
      {
        bodyLimit,
        config: { permission: entity.permission },
        schema: {
          tags,
          summary,
          querystring: z.object({
            filename: z.string().trim().min(1).max(255).default('import.csv'),
            encoding: z.enum(ENCODINGS).default('auto'),
          }),
          response: { 201: importJobSchema },
        },
      },
      async (req, reply) => {
        if (!Buffer.isBuffer(req.body)) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
        const id = await uploadImport(db, req.actor, {
          kind,
          fileName: req.query.filename,
          encoding: req.query.encoding,
          bytes: req.body,
        });
        return reply.status(201).send(await jobAnswer(req, id));
      },
    );
  };
  upload(
    'accounts',
    'Upload an account file (CSV or XLSX) as the raw request body (application/octet-stream)',
  );
  upload(
    'shipments',
    'Upload a shipment file (CSV or XLSX, docs/shipment-import.md) as the raw request body',
  );

  app.get(
    '/imports',
    {
      config: { permission: 'accounts.import' },
      schema: {
        tags,
        summary: 'My import jobs, newest first',
        querystring: z.object({
          limit: z.coerce.number().int().min(1).max(100).default(20),
          cursor: z.string().max(200).optional(),
        }),
        response: { 200: z.object({ items: z.array(importJobSchema), nextCursor: z.string().nullable() }) },
      },
    },
    async (req) => {
      const after = decodeCursor(req.query.cursor, 1);
      const rows = await jobsRepo.listJobs(
        db,
        req.actor.id,
        req.query.limit,
        after ? new Date(String(after[0])) : null,
      );
      const items = rows.slice(0, req.query.limit);
      const last = items[items.length - 1];
      return {
        items: items.map((j) => toImportJobDto(j, req.actor.locale)),
        nextCursor:
          rows.length > req.query.limit && last ? encodeCursor([last.createdAt.toISOString()]) : null,
      };
    },
  );

  app.get(
    '/imports/:id',
    {
      config: { permission: 'accounts.import' },
      schema: {
        tags,
        summary: 'An import job: status, progress, counts, file facts, mapping',
        params: idParams,
        response: { 200: importJobSchema },
      },
    },
    async (req) => jobAnswer(req, req.params.id),
  );

  app.get(
    '/imports/:id/preview',
    {
      config: { permission: 'accounts.import' },
      schema: {
        tags,
        summary:
          'The first data rows as read with the chosen encoding and header row (while the file is kept)',
        params: idParams,
        querystring: z.object({ rows: z.coerce.number().int().min(1).max(50).default(10) }),
        response: {
          200: z.object({
            header: z.array(z.string()),
            rows: z.array(z.object({ line: z.number(), cells: z.array(z.string()) })),
          }),
        },
      },
    },
    async (req) => previewRows(db, req.actor, req.params.id, req.query.rows),
  );

  app.put(
    '/imports/:id/mapping',
    {
      config: { permission: 'accounts.import' },
      schema: {
        tags,
        summary: 'Set column targets (remembered for this file layout), header row or encoding',
        params: idParams,
        body: z.strictObject({
          mapping: z
            .array(
              z.strictObject({
                column: z.number().int().min(0),
                target: z.enum([...IMPORT_TARGETS, ...SHIPMENT_IMPORT_TARGETS]).nullable(),
              }),
            )
            .max(500)
            .optional(),
          hasHeader: z.boolean().optional(),
          encoding: z.enum(ENCODINGS).optional(),
        }),
        response: { 200: importJobSchema },
      },
    },
    async (req) => {
      await changeMapping(db, req.actor, req.params.id, req.body);
      return jobAnswer(req, req.params.id);
    },
  );

  app.post(
    '/imports/:id/dry-run',
    {
      config: { permission: 'accounts.import' },
      schema: {
        tags,
        summary: 'Validate every row in the given mode and report each problem; nothing is stored',
        params: idParams,
        body: modeBody.extend({ limit: z.number().int().min(0).max(10_000).default(1_000) }),
        response: { 200: z.object({ job: importJobSchema, issues: z.array(importIssueSchema) }) },
      },
    },
    async (req) => {
      await dryRun(db, req.actor, req.params.id, req.body.mode);
      const issues = (await jobsRepo.jobIssues(db, req.params.id)).slice(0, req.body.limit);
      return { job: await jobAnswer(req, req.params.id), issues: localiseIssues(req.actor.locale, issues) };
    },
  );

  app.post(
    '/imports/:id/run',
    {
      config: { permission: 'accounts.import' },
      schema: {
        tags,
        summary: 'Start the import in the background; follow it with GET /imports/{id}',
        params: idParams,
        body: modeBody,
        response: { 202: importJobSchema },
      },
    },
    async (req, reply) => {
      await startRun(db, req.actor, req.params.id, req.body.mode, (err) =>
        req.log.error({ err }, 'import failed'),
      );
      return reply.status(202).send(await jobAnswer(req, req.params.id));
    },
  );

  app.get(
    '/imports/:id/report',
    {
      config: { permission: 'accounts.import' },
      schema: {
        tags,
        summary: 'The error report as CSV (line, column, field, severity, code, message)',
        params: idParams,
      },
    },
    async (req, reply) => {
      const job = await loadJob(db, req.actor, req.params.id);
      const issues = await jobsRepo.jobIssues(db, job.id);
      const csv = reportCsv(
        req.actor.locale,
        job.fileIssues,
        issues,
        job.issueCount > IMPORT_ISSUE_CAP ? { cap: IMPORT_ISSUE_CAP } : null,
      );
      const name = `${job.fileName.replace(/\.[^.]*$/, '')}-report.csv`;
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header(
          'content-disposition',
          `attachment; filename="report.csv"; filename*=UTF-8''${encodeURIComponent(name)}`,
        )
        .send(csv);
    },
  );
};
