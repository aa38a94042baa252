import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import '../../../shared/servicedesk/messages.js';
import {
  attachmentDtoSchema,
  attachmentUploadQuerySchema,
} from '../../../shared/servicedesk/attachmentSchemas.js';
import type { AppDeps } from '../../http/deps.js';
import { systemClock } from '../../lib/clock.js';
import { attachmentDisposition } from '../../lib/contentDisposition.js';
import { AppError } from '../../lib/errors.js';
import { assertAttachmentSize, attachFile, listAttachments, readAttachment } from './attachments.js';

const tags = ['tickets'];
const idParams = z.object({ id: z.uuid() });

/**
 * Ticket attachments. The file is the raw request body (application/octet-stream) with its name in
 * the query, as for imports: no multipart parser needed, and the size is known before reading.
 */
export const ticketAttachmentsRoutes: FastifyPluginAsyncZod<AppDeps> = async (
  app,
  { database, config, clock = systemClock },
) => {
  const db = database.db;
  const maxBytes = config.ATTACHMENT_MAX_BYTES;
  app.addContentTypeParser(
    'application/octet-stream',
    { parseAs: 'buffer', bodyLimit: maxBytes },
    (_req, body, done) => done(null, body),
  );

  app.post(
    '/tickets/:id/attachments',
    {
      bodyLimit: maxBytes,
      config: { permission: 'tickets.write' },
      // after authentication (a root onRequest hook), before a byte of an oversized file is read
      onRequest: async (req) => {
        const length = Number(req.headers['content-length']);
        if (Number.isFinite(length)) assertAttachmentSize(length, maxBytes);
      },
      schema: {
        tags,
        summary:
          'Attach a file (raw body, application/octet-stream) to a ticket or to one of its replies/notes; PDF, images, Office documents, text/CSV only, checked by content',
        params: idParams,
        querystring: attachmentUploadQuerySchema,
        response: { 201: attachmentDtoSchema },
      },
    },
    async (req, reply) => {
      if (!Buffer.isBuffer(req.body)) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
      const dto = await attachFile(
        db,
        req.actor,
        clock.now(),
        req.params.id,
        { ...req.query, bytes: req.body },
        maxBytes,
      );
      return reply.status(201).send(dto);
    },
  );

  app.get(
    '/tickets/:id/attachments',
    {
      config: { permission: 'tickets.read' },
      schema: {
        tags,
        summary: "A ticket's attachments, newest first (without their content)",
        params: idParams,
        response: { 200: z.object({ items: z.array(attachmentDtoSchema) }) },
      },
    },
    async (req) => ({ items: await listAttachments(db, req.actor, req.params.id) }),
  );

  app.get(
    '/tickets/:id/attachments/:attachmentId',
    {
      config: { permission: 'tickets.read' },
      schema: {
        tags,
        summary: 'Download an attachment (always as a download, never rendered by the browser)',
        params: idParams.extend({ attachmentId: z.uuid() }),
      },
    },
    async (req, reply) => {
      const a = await readAttachment(db, req.actor, req.params.id, req.params.attachmentId);
      return reply
        .header('content-type', a.contentType)
        .header('content-disposition', attachmentDisposition(a.fileName))
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .header('cache-control', 'private, no-store')
        .send(a.content);
    },
  );
};
