/**
 * Report routes (docs/api.md "Reports"). JSON by default; `Accept: text/csv` or `format=csv` answers
 * the same figures as CSV, and the XLSX media type or `format=xlsx` as an Excel workbook (export.ts).
 * The list of members not seen lately holds names and phones: exporting it is for admins (docs/security.md
 * "Audit log and privacy"); coordinators read it on the page.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../errors.ts';
import { errorResponses } from '../../http/schemas.ts';
import { XLSX_MEDIA_TYPE } from '../../lib/xlsx.ts';
import { listVenues } from '../venues/queries.ts';
import { absentMembersTable, exportFile, tournamentsTable, visitsTable, type ExportFormat, type ExportTable } from './export.ts';
import {
  AbsentMembersQuery,
  AbsentMembersSchema,
  TournamentsReportQuery,
  TournamentsReportSchema,
  VisitsReportQuery,
  VisitsReportSchema,
  YearlyReportQuery,
  YearlyReportSchema,
} from './schemas.ts';
import { inEnglish } from './export-en.ts';
import { roomZones } from './queries.ts';
import * as service from './service.ts';

/** The file asked for, by `format` or else by the Accept header; null for JSON. */
function exportFormat(request: FastifyRequest, format: string | undefined): ExportFormat | null {
  if (format !== undefined) return format === 'csv' || format === 'xlsx' ? format : null;
  const accept = request.headers.accept ?? '';
  if (accept.includes(XLSX_MEDIA_TYPE)) return 'xlsx';
  return /\btext\/csv\b/i.test(accept) ? 'csv' : null;
}

function sendExport<T>(reply: FastifyReply, name: string, table: ExportTable<T>, format: ExportFormat, lang: string | undefined) {
  const body = exportFile(lang === 'en' ? inEnglish(table) : table, format);
  return reply
    .header('content-type', format === 'csv' ? 'text/csv; charset=utf-8' : XLSX_MEDIA_TYPE)
    .header('content-disposition', `attachment; filename="${name}.${format}"`)
    .send(typeof body === 'string' ? body : Buffer.from(body));
}

const fileName = (kind: string, from: string, to: string) => `${kind}-${from.slice(0, 10)}-${to.slice(0, 10)}`;

export const reportRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const db = app.database.db;

  app.get(
    '/reports/visits',
    { schema: { querystring: VisitsReportQuery, response: { 200: VisitsReportSchema, ...errorResponses } } },
    async (request, reply) => {
      const report = await service.visitsReport(db, request.principal, request.query);
      const { from, to } = request.query;
      const format = exportFormat(request, request.query.format);
      if (!format) return report;
      const zones = await roomZones(db, report.rows.flatMap((r) => (r.roomId ? [r.roomId] : [])));
      return sendExport(reply, fileName(`visits-by-${report.groupBy}`, from, to), visitsTable(report, (roomId) => (roomId && zones.get(roomId)) || 'UTC'), format, request.query.lang);
    },
  );

  app.get(
    '/reports/tournaments',
    { schema: { querystring: TournamentsReportQuery, response: { 200: TournamentsReportSchema, ...errorResponses } } },
    async (request, reply) => {
      const report = await service.tournamentsReport(db, request.principal, request.query);
      const { from, to } = request.query;
      const format = exportFormat(request, request.query.format);
      return format ? sendExport(reply, fileName('tournaments', from, to), tournamentsTable(report), format, request.query.lang) : report;
    },
  );

  app.get(
    '/reports/yearly',
    { schema: { querystring: YearlyReportQuery, response: { 200: YearlyReportSchema, ...errorResponses } } },
    async (request) => service.yearlyReport(db, request.principal, request.query),
  );

  app.get(
    '/reports/absent-members',
    { schema: { querystring: AbsentMembersQuery, response: { 200: AbsentMembersSchema, ...errorResponses } } },
    async (request, reply) => {
      const format = exportFormat(request, request.query.format);
      const p = request.principal;
      if (format && !(p?.kind === 'user' && p.role === 'admin')) {
        throw new AppError('forbidden', 'Only admins may export a list of members; coordinators can read and print it on the reports page.');
      }
      const report = await service.absentMembersReport(db, request.principal, request.query);
      if (!format) return report;
      const venues = new Map((await listVenues(db, [...new Set(report.members.map((m) => m.lastVenueId))])).map((v) => [v.id, v]));
      return sendExport(reply, `absent-members-${request.query.weeks}-weeks`, absentMembersTable(report, venues), format, request.query.lang);
    },
  );
};
