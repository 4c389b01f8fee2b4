/**
 * Member PINs and member sessions (docs/api.md "Senior-university enrolment", the member routes; docs/security.md
 * "Member PINs"). Registered under /api; the access table (http/access.ts) has said who may call each route
 * before a handler runs.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { AppError } from '../../errors.ts';
import { MEMBER_SESSION_COOKIE, SESSION_COOKIE } from '../../http/authenticate.ts';
import { logout as endStaffSession } from '../auth/service.ts';
import { errorResponses, IdParams } from '../../http/schemas.ts';
import { SharedRateLimiter } from '../../http/shared-rate-limiter.ts';
import { startMemberSessionExpiryJob } from './expiry.ts';
import { MemberLoginBody, MemberResponse, PinResponse } from './schemas.ts';
import * as service from './service.ts';

const TEN_MINUTES = 10 * 60 * 1000;
const DAY = 24 * 60 * 60 * 1000;

export interface MemberAuthOptions {
  /** Start the sweep of lapsed member sessions (expiry.ts) with the app; tests run it themselves. */
  backgroundJobs: boolean;
}

/** A PIN or a session cookie must not be kept by a browser's or a proxy's cache. */
const noStore = (reply: FastifyReply) => reply.header('cache-control', 'no-store');

/**
 * One browser, one identity: a member signing in on a browser that holds a staff session ends that session.
 * The staff cookie is read before the member's (http/authenticate.ts), so the phone pages would otherwise go
 * on acting as the member of staff, not as the member who just signed in. Only after a right PIN, and never
 * from another site (the sign-in routes' Origin check).
 */
async function endStaffSessionOf(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  const principal = request.principal;
  if (principal?.kind === 'user') {
    await endStaffSession(request.server.database.db, principal.sessionId);
    request.log.info({ userId: principal.userId }, 'staff session ended by a member signing in on the same browser');
  }
  if (request.cookies[SESSION_COOKIE] !== undefined) reply.clearCookie(SESSION_COOKIE, { path: '/' });
}

export const memberAuthRoutes: FastifyPluginAsyncTypebox<MemberAuthOptions> = async (app, options) => {
  const db = app.database.db;
  const limits: service.MemberLoginLimits = {
    byAddress: new SharedRateLimiter(db, 'member-login-address', 30, TEN_MINUTES),
    byMemberNo: new SharedRateLimiter(db, 'member-login-no', 10, TEN_MINUTES),
    byMemberNoDaily: new SharedRateLimiter(db, 'member-login-no-day', 30, DAY),
  };

  app.post(
    '/members/:memberId/pin',
    { schema: { params: IdParams('memberId'), response: { 200: PinResponse, ...errorResponses } } },
    async (request, reply) => {
      const pin = await service.issuePin(db, limits, request.principal, request.params.memberId);
      request.log.info({ memberId: request.params.memberId }, 'member PIN issued; their sessions ended');
      noStore(reply);
      return { pin };
    },
  );

  app.post(
    '/member-auth/login',
    { schema: { body: MemberLoginBody, response: { 200: MemberResponse, ...errorResponses } } },
    async (request, reply) => {
      const { member, token, expiresAt } = await service.login(db, limits, request.body, request.ip, request.cookies[MEMBER_SESSION_COOKIE]);
      await endStaffSessionOf(request, reply);
      reply.setCookie(MEMBER_SESSION_COOKIE, token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: request.protocol === 'https',
        expires: expiresAt,
      });
      noStore(reply);
      request.log.info({ memberId: member.id }, 'member signed in');
      return { member };
    },
  );

  // The cookie itself, not the principal: a browser that also holds a staff cookie is acted for as staff, and
  // signing the member out must still end the member's session.
  app.post('/member-auth/logout', { schema: { response: { 204: Type.Null(), ...errorResponses } } }, async (request, reply) => {
    const token = request.cookies[MEMBER_SESSION_COOKIE];
    if (token) await service.logout(db, token);
    reply.clearCookie(MEMBER_SESSION_COOKIE, { path: '/' });
    return reply.status(204).send(null);
  });

  app.get('/member-auth/me', { schema: { response: { 200: MemberResponse, ...errorResponses } } }, async (request) => {
    const principal = request.principal;
    // The access table admits members only; this narrows the type and never fails open.
    if (principal?.kind !== 'member') throw new AppError('forbidden', 'Only members signed in on the phone pages may ask this.');
    return { member: { id: principal.memberId, name: principal.name } };
  });

  if (options.backgroundJobs) {
    let stop: (() => void) | null = null;
    app.addHook('onReady', async () => {
      stop = startMemberSessionExpiryJob(db, app.log);
    });
    app.addHook('onClose', async () => stop?.());
  }
};
