import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { SharedRateLimiter } from '../../http/shared-rate-limiter.ts';
import { SESSION_COOKIE } from '../../http/authenticate.ts';
import { errorResponses, wrap } from '../../http/schemas.ts';
import { requireStaffOrDevice, requireUser } from './principal.ts';
import { ChangePasswordBody, LoginBody, MeResponse, UserSchema } from './schemas.ts';
import * as service from './service.ts';
import { getVenue } from '../venues/service.ts';

const TEN_MINUTES = 10 * 60 * 1000;

export const authRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const db = app.database.db;
  const limits: service.LoginLimits = {
    byAddress: new SharedRateLimiter(db, 'login-address', 30, TEN_MINUTES),
    byUsername: new SharedRateLimiter(db, 'login-user', 10, TEN_MINUTES),
    passwordByUser: new SharedRateLimiter(db, 'password-user', 10, TEN_MINUTES),
    passwordByAddress: new SharedRateLimiter(db, 'password-address', 30, TEN_MINUTES),
  };

  app.post(
    '/auth/login',
    { schema: { body: LoginBody, response: { 200: wrap('user', UserSchema), ...errorResponses } } },
    async (request, reply) => {
      const { user, token, expiresAt } = await service.login(db, limits, request.body, request.ip, request.cookies[SESSION_COOKIE]);
      reply.setCookie(SESSION_COOKIE, token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: request.protocol === 'https',
        expires: expiresAt,
      });
      request.log.info({ userId: user.id }, 'signed in');
      return { user };
    },
  );

  app.post('/auth/logout', { schema: { response: { 204: Type.Null(), ...errorResponses } } }, async (request, reply) => {
    const principal = request.principal;
    if (principal?.kind === 'user') await service.logout(db, principal.sessionId);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send(null);
  });

  app.post(
    '/auth/password',
    { schema: { body: ChangePasswordBody, response: { 204: Type.Null(), ...errorResponses } } },
    async (request, reply) => {
      const user = requireUser(request.principal);
      await service.changePassword(db, limits, user, request.body, request.ip);
      request.log.info({ userId: user.userId }, 'password changed; other sessions revoked');
      return reply.status(204).send(null);
    },
  );

  app.post('/auth/logout-all', { schema: { response: { 204: Type.Null(), ...errorResponses } } }, async (request, reply) => {
    const user = requireUser(request.principal);
    await service.logoutEverywhere(db, user.userId);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    request.log.info({ userId: user.userId }, 'signed out everywhere');
    return reply.status(204).send(null);
  });

  app.get('/auth/me', { schema: { response: { 200: MeResponse, ...errorResponses } } }, async (request) => {
    const principal = requireStaffOrDevice(request.principal);
    if (principal.kind === 'user') {
      const { userId: id, username, role, venueIds } = principal;
      return { user: { id, username, role, venueIds: [...venueIds] } };
    }
    const venue = await getVenue(db, principal, principal.venueId);
    return {
      device: { id: principal.deviceId, kind: principal.deviceKind, venueId: principal.venueId, name: principal.name, venue },
    };
  });
};
