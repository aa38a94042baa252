import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../http/deps.js';
import { exportCsv, exportXlsx } from './export.js';
import { accountListQuerySchema } from './listQuery.js';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const accountExportRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { database }) => {
  app.get(
    '/accounts/export',
    {
      config: { permission: 'accounts.export' },
      schema: {
        tags: ['accounts'],
        summary: 'Export the filtered account list (same filters as GET /accounts) as CSV or XLSX, streamed',
        querystring: accountListQuerySchema.extend({ format: z.enum(['csv', 'xlsx']).default('csv') }),
      },
    },
    async (req, reply) => {
      const { format, limit: _limit, cursor: _cursor, ...q } = req.query;
      const { actor } = req;
      const stamp = new Date().toISOString().slice(0, 10);
      const name = `${actor.locale === 'zh-CN' ? '客户' : 'accounts'}-${stamp}.${format}`;
      reply.header(
        'content-disposition',
        `attachment; filename="accounts-${stamp}.${format}"; filename*=UTF-8''${encodeURIComponent(name)}`,
      );
      if (format === 'xlsx') {
        reply.header('content-type', XLSX_TYPE);
        return reply.send(exportXlsx(database.db, q, actor.id, actor.locale));
      }
      reply.header('content-type', 'text/csv; charset=utf-8');
      return reply.send(exportCsv(database.db, q, actor.id, actor.locale));
    },
  );
};
