import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { SharedRateLimiter } from '../../http/shared-rate-limiter.ts';
import { errorResponses, IdParams, wrap } from '../../http/schemas.ts';
import {
  PAIRING_ADDRESS_WINDOW_MS,
  PAIRING_ATTEMPTS_PER_ADDRESS,
  PAIRING_FAILURES_PER_HOUR,
  PAIRING_SITE_WINDOW_MS,
  pairingStatus,
  pairWithLimits,
  resumePairing,
  type PairingLimits,
} from './pairing-limits.ts';
import { CreateDeviceBody, DeviceSchema, ListDevicesQuery, PairBody, PairingStatusSchema } from './schemas.ts';
import * as service from './service.ts';

export const deviceRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const db = app.database.db;
  // Eight digits are guessable only by brute force: cap attempts per address and, whatever the number of
  // addresses, wrong codes for the whole site (pairing-limits.ts), across every process.
  const pairingLimits: PairingLimits = {
    byAddress: new SharedRateLimiter(db, 'pairing-address', PAIRING_ATTEMPTS_PER_ADDRESS, PAIRING_ADDRESS_WINDOW_MS),
    site: new SharedRateLimiter(db, 'pairing-site', PAIRING_FAILURES_PER_HOUR, PAIRING_SITE_WINDOW_MS),
  };

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
      const paired = await pairWithLimits(db, pairingLimits, request.body.pairingCode, request.ip, app.config.defaultTimezone, request.log);
      request.log.info({ deviceId: paired.device.id }, 'device paired');
      return paired;
    },
  );

  app.get(
    '/devices/pairing-status',
    { schema: { response: { 200: wrap('pairing', PairingStatusSchema), ...errorResponses } } },
    async (request) => ({ pairing: await pairingStatus(db, pairingLimits, request.principal) }),
  );

  app.post(
    '/devices/pairing-status/resume',
    { schema: { response: { 200: wrap('pairing', PairingStatusSchema), ...errorResponses } } },
    async (request) => {
      const pairing = await resumePairing(db, pairingLimits, request.principal);
      request.log.warn('pairing resumed early by an admin');
      return { pairing };
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
