import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { errorResponses, IdParams, wrap } from '../../http/schemas.ts';
import { CreateMemberBody, ListMembersQuery, MemberSchema, UpdateMemberBody } from './schemas.ts';
import * as service from './service.ts';
import { importMembers } from './import-service.ts';
import { KioskLookupLimits } from './lookup-limits.ts';
import { AppError } from '../../errors.ts';

/** A ledger of thousands of members is a few hundred KB; allow room, but not unbounded. */
const IMPORT_LIMIT_BYTES = 5 * 1024 * 1024;

const RowErrorSchema = Type.Object({ field: Type.String(), message: Type.String(), messageZh: Type.String() });
const LineMemberSchema = Type.Object({ line: Type.Integer(), id: Type.String(), name: Type.String() });
const ImportReportSchema = Type.Object({
  encoding: Type.String(),
  delimiter: Type.String(),
  ignoredColumns: Type.Array(Type.String()),
  created: Type.Array(LineMemberSchema),
  updated: Type.Array(Type.Object({ line: Type.Integer(), id: Type.String(), name: Type.String(), fields: Type.Array(Type.String()) })),
  unchanged: Type.Array(LineMemberSchema),
  refused: Type.Array(
    Type.Object({ line: Type.Integer(), errors: Type.Array(RowErrorSchema), raw: Type.Optional(Type.Record(Type.String(), Type.String())) }),
  ),
});

export const memberRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const db = app.database.db;
  // Kiosks' look-ups, limited per kiosk across every process (lookup-limits.ts).
  const kioskLimits = new KioskLookupLimits(db);

  // The file arrives as it was saved: bytes, decoded by the importer (UTF-8 with or without BOM, GB18030, UTF-16).
  app.addContentTypeParser(['text/csv', 'text/plain', 'application/octet-stream', 'application/vnd.ms-excel'], { parseAs: 'buffer', bodyLimit: IMPORT_LIMIT_BYTES }, (_request, body, done) =>
    done(null, body),
  );

  app.post(
    '/members/import',
    { bodyLimit: IMPORT_LIMIT_BYTES, schema: { response: { 200: ImportReportSchema, ...errorResponses } } },
    async (request) => {
      if (!Buffer.isBuffer(request.body)) {
        throw new AppError('unsupported_media_type', 'Send the CSV file itself with Content-Type: text/csv.');
      }
      return importMembers(db, request.principal, request.body);
    },
  );

  app.get(
    '/members',
    {
      schema: {
        querystring: ListMembersQuery,
        response: { 200: Type.Object({ members: Type.Array(MemberSchema), total: Type.Optional(Type.Integer()) }), ...errorResponses },
      },
    },
    async (request) => service.listMembers(db, request.principal, request.query, kioskLimits),
  );

  app.post(
    '/members',
    { schema: { body: CreateMemberBody, response: { 201: wrap('member', MemberSchema), ...errorResponses } } },
    async (request, reply) => reply.status(201).send({ member: await service.createMember(db, request.principal, request.body) }),
  );

  app.get(
    '/members/:memberId',
    { schema: { params: IdParams('memberId'), response: { 200: wrap('member', MemberSchema), ...errorResponses } } },
    async (request) => ({ member: await service.getMember(db, request.principal, request.params.memberId) }),
  );

  app.patch(
    '/members/:memberId',
    { schema: { params: IdParams('memberId'), body: UpdateMemberBody, response: { 200: wrap('member', MemberSchema), ...errorResponses } } },
    async (request) => ({ member: await service.updateMember(db, request.principal, request.params.memberId, request.body) }),
  );
  app.delete(
    '/members/:memberId',
    { schema: { params: IdParams('memberId'), response: { 204: Type.Null(), ...errorResponses } } },
    async (request, reply) => {
      await service.removeMember(db, request.principal, request.params.memberId);
      return reply.status(204).send(null);
    },
  );
};
