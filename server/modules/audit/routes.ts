import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { errorResponses } from '../../http/schemas.ts';
import { AuditPage, AuditQuery, type AuditQueryInput } from './schemas.ts';
import * as service from './service.ts';

/** CSV when asked for by `?format=csv` or by an Accept header that names text/csv (and JSON is not asked). */
function wantsCsv(query: AuditQueryInput, accept: string | undefined): boolean {
  if (query.format) return query.format === 'csv';
  return !!accept && /\btext\/csv\b/i.test(accept) && !/\bapplication\/json\b/i.test(accept);
}

export const auditRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const db = app.database.db;
  const timeZone = app.config.defaultTimezone;

  app.get(
    '/audit',
    {
      schema: {
        querystring: AuditQuery,
        response: { 200: Type.Union([AuditPage, Type.String({ description: 'text/csv (UTF-8 with BOM)' })]), ...errorResponses },
      },
    },
    async (request, reply) => {
      if (!wantsCsv(request.query, request.headers.accept)) return service.listAudit(db, request.query, timeZone);
      const csv = await service.exportAuditCsv(db, request.query, timeZone);
      const stamp = new Date().toISOString().slice(0, 10).replace(/-/g, '');
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="audit-log-${stamp}.csv"`)
        .header('cache-control', 'no-store')
        .send(csv);
    },
  );
};
