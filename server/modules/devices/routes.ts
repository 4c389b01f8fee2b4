import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { AppError } from '../../errors.ts';
import { SharedRateLimiter } from '../../http/shared-rate-limiter.ts';
import { errorResponses, IdParams, wrap } from '../../http/schemas.ts';
import { CreateDeviceBody, DeviceSchema, ListDevicesQuery, PairBody } from './schemas.ts';
import * as service from './service.ts';

export const deviceRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const db = app.database.db;
  // Eight digits are guessable only by brute force: cap attempts per address, across every process.
  const pairingLimit = new SharedRateLimiter(db, 'pairing-address', 20, 10 * 60 * 1000);

  app.get(
    '/devices',
    { schema: { querystring: ListDevicesQuery, response: { 200: wrap('devices', Type.Array(DeviceSchema)), ...errorResponses } } },
    async (request) => ({ devices: await service.listDevices(db, request.principal, request.query.venueId) }),
  );

  app.post(
    '/devices',
    {
      schema: {
        body: CreateDeviceBody,
        response: { 201: Type.Object({ device: DeviceSchema, pairingCode: Type.String() }), ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await service.createDevice(db, request.principal, request.body)),
  );

  app.post(
    '/devices/pair',
    { schema: { body: PairBody, response: { 200: Type.Object({ token: Type.String(), device: DeviceSchema }), ...errorResponses } } },
    async (request) => {
      const wait = await pairingLimit.hit(request.ip);
      if (wait) throw new AppError('rate_limited', `Too many pairing attempts; please wait ${wait} seconds.`, { retryAfter: wait });
      const paired = await service.pairDevice(db, request.body.pairingCode);
      request.log.info({ deviceId: paired.device.id }, 'device paired');
      return paired;
    },
  );

  app.delete(
    '/devices/:deviceId',
    { schema: { params: IdParams('deviceId'), response: { 204: Type.Null(), ...errorResponses } } },
    async (request, reply) => {
      await service.revokeDevice(db, request.principal, request.params.deviceId);
      // This process forgets it now; the others when the device.revoked event reaches them (milliseconds).
      app.deviceCache.forgetDevice(request.params.deviceId);
      return reply.status(204).send(null);
    },
  );
};
