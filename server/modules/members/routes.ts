import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { errorResponses, IdParams, wrap } from '../../http/schemas.ts';
import { CreateMemberBody, ListMembersQuery, MemberSchema, UpdateMemberBody } from './schemas.ts';
import * as service from './service.ts';

export const memberRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const db = app.database.db;

  app.get(
    '/members',
    { schema: { querystring: ListMembersQuery, response: { 200: wrap('members', Type.Array(MemberSchema)), ...errorResponses } } },
    async (request) => ({ members: await service.listMembers(db, request.principal, request.query) }),
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
};
