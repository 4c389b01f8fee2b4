import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../../errors.ts';
import { RateLimiter } from '../../http/rate-limiter.ts';
import { errorResponses, IdParams } from '../../http/schemas.ts';
import { LocalGuessBudget } from '../members/lookup-limits.ts';
import { getHeadcount } from './headcount.ts';
import { CheckInBody, CheckInResponse, HeadcountSchema, IdempotencyHeaders, VisitSchema, type CheckInInput } from './schemas.ts';
import * as service from './service.ts';

const MINUTE = 60_000;

export const checkinRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const db = app.database.db;
  // A flood guard, not a security boundary: a kiosk gone wrong (or a stolen token in a loop) must not crowd
  // out the other kiosks. Kept in memory, per process: a statement per check-in would cost the hot path.
  const { checkinLimitPerMinute, checkinLimitPerAddressPerMinute } = app.config;
  const byCaller = checkinLimitPerMinute > 0 ? new RateLimiter(checkinLimitPerMinute, MINUTE) : null;
  const byAddress = checkinLimitPerAddressPerMinute > 0 ? new RateLimiter(checkinLimitPerAddressPerMinute, MINUTE) : null;
  const guard = async (request: FastifyRequest) => {
    const p = request.principal;
    const caller = p ? (p.kind === 'device' ? `device:${p.deviceId}` : p.kind === 'member' ? `member:${p.memberId}` : `user:${p.userId}`) : null;
    const wait = Math.max(caller && byCaller ? byCaller.hit(caller) : 0, byAddress ? byAddress.hit(request.ip) : 0);
    if (wait) {
      throw new AppError('rate_limited', `Too many check-ins from this device or address; please wait ${wait} seconds. Nothing was recorded.`, { retryAfter: wait });
    }
  };

  // A kiosk's check-in by a card code that no member holds is a guess, like a look-up that finds nobody
  // (members/lookup-limits.ts, docs/security.md "Kiosk look-ups"): limited per kiosk, in memory (the hot path). Counted first, so a
  // kiosk sending more than 20 card check-ins at once is held back: kiosks send one at a time (the offline
  // queue too). Off with the flood guard (CHECKIN_LIMIT_PER_MINUTE=0: benchmarks, tests of concurrency).
  const cardGuesses = checkinLimitPerMinute > 0 ? new LocalGuessBudget() : null;
  const checkInGuessing = async (request: FastifyRequest<{ Body: CheckInInput }>, run: () => Promise<service.CheckInResult>) => {
    const p = request.principal;
    if (!cardGuesses || p?.kind !== 'device' || request.body.memberCode === undefined) return run();
    cardGuesses.takeOrRefuse(p.deviceId);
    try {
      const result = await run();
      cardGuesses.giveBack(p.deviceId);
      return result;
    } catch (error) {
      if (!(error instanceof AppError && error.code === 'member_not_found')) cardGuesses.giveBack(p.deviceId);
      throw error;
    }
  };

  app.post(
    '/checkins',
    { preHandler: guard, schema: { headers: IdempotencyHeaders, body: CheckInBody, response: { 200: CheckInResponse, 201: CheckInResponse, ...errorResponses } } },
    async (request, reply) => {
      const result = await checkInGuessing(request, () => service.checkIn(db, request.principal, request.headers['idempotency-key'], request.body));
      // A replay answers exactly as the first time did, so a retrying kiosk cannot tell them apart.
      return reply.status(201).header('idempotent-replayed', String(result.replayed)).send(result);
    },
  );

  app.post(
    '/checkins/:visitId/checkout',
    { schema: { params: IdParams('visitId'), response: { 200: Type.Object({ visit: VisitSchema, headcount: HeadcountSchema }), ...errorResponses } } },
    async (request) => service.checkOut(db, request.principal, request.params.visitId),
  );

  app.get(
    '/venues/:venueId/headcount',
    { schema: { params: IdParams('venueId'), response: { 200: HeadcountSchema, ...errorResponses } } },
    async (request) => getHeadcount(db, request.principal, request.params.venueId),
  );
};
