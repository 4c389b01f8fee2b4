import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { errorResponses, wrap } from '../../http/schemas.ts';
import { UserSchema } from '../auth/schemas.ts';
import { CreateUserBody, UserListItem } from './schemas.ts';
import * as service from './service.ts';

export const userRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const db = app.database.db;

  app.get('/users', { schema: { response: { 200: wrap('users', Type.Array(UserListItem)), ...errorResponses } } }, async (request) => ({
    users: await service.listUsers(db, request.principal),
  }));

  app.post(
    '/users',
    { schema: { body: CreateUserBody, response: { 201: wrap('user', UserSchema), ...errorResponses } } },
    async (request, reply) => reply.status(201).send({ user: await service.createUser(db, request.principal, request.body) }),
  );
};
