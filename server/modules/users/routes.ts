import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { errorResponses, IdParams, wrap } from '../../http/schemas.ts';
import { auditRoutes } from '../audit/routes.ts';
import { UserSchema } from '../auth/schemas.ts';
import { CreateUserBody, UpdateUserBody, UserListItem } from './schemas.ts';
import * as service from './service.ts';

export const userRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const db = app.database.db;

  app.get('/users', { schema: { response: { 200: wrap('users', Type.Array(UserListItem)), ...errorResponses } } }, async () => ({
    users: await service.listUsers(db),
  }));

  app.post(
    '/users',
    { schema: { body: CreateUserBody, response: { 201: wrap('user', UserSchema), ...errorResponses } } },
    async (request, reply) => reply.status(201).send({ user: await service.createUser(db, request.principal, request.body) }),
  );

  app.patch(
    '/users/:userId',
    { schema: { params: IdParams('userId'), body: UpdateUserBody, response: { 200: wrap('user', UserListItem), ...errorResponses } } },
    async (request) => ({ user: await service.updateUser(db, request.principal, request.params.userId, request.body) }),
  );

  // The audit log is administration like the accounts are; registered here so that server/app.ts (whose
  // list of modules belongs to the lead) need not change. Its routes are /api/audit….
  await app.register(auditRoutes);
};
