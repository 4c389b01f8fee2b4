import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { errorResponses, IdParams } from '../../http/schemas.ts';
import { getHeadcount } from './headcount.ts';
import { CheckInBody, CheckInResponse, HeadcountSchema, IdempotencyHeaders, VisitSchema } from './schemas.ts';
import * as service from './service.ts';

export const checkinRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const db = app.database.db;

  app.post(
    '/checkins',
    { schema: { headers: IdempotencyHeaders, body: CheckInBody, response: { 200: CheckInResponse, 201: CheckInResponse, ...errorResponses } } },
    async (request, reply) => {
      const result = await service.checkIn(db, request.principal, request.headers['idempotency-key'], request.body);
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
