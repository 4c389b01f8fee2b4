import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { errorResponses, IdParams, wrap } from '../../http/schemas.ts';
import {
  CreateRoomBody,
  CreateVenueBody,
  RoomSchema,
  UpdateRoomBody,
  UpdateVenueBody,
  VenueSchema,
} from './schemas.ts';
import * as service from './service.ts';

export const venueRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const db = app.database.db;

  app.get('/venues', { schema: { response: { 200: wrap('venues', Type.Array(VenueSchema)), ...errorResponses } } }, async (request) => ({
    venues: await service.listVenues(db, request.principal),
  }));

  app.post(
    '/venues',
    { schema: { body: CreateVenueBody, response: { 201: wrap('venue', VenueSchema), ...errorResponses } } },
    async (request, reply) => {
      const venue = await service.createVenue(db, request.body, app.config.defaultTimezone);
      return reply.status(201).send({ venue });
    },
  );

  app.get(
    '/venues/:venueId',
    { schema: { params: IdParams('venueId'), response: { 200: wrap('venue', VenueSchema), ...errorResponses } } },
    async (request) => ({ venue: await service.getVenue(db, request.principal, request.params.venueId) }),
  );

  app.patch(
    '/venues/:venueId',
    { schema: { params: IdParams('venueId'), body: UpdateVenueBody, response: { 200: wrap('venue', VenueSchema), ...errorResponses } } },
    async (request) => ({ venue: await service.updateVenue(db, request.params.venueId, request.body) }),
  );

  app.get(
    '/venues/:venueId/rooms',
    { schema: { params: IdParams('venueId'), response: { 200: wrap('rooms', Type.Array(RoomSchema)), ...errorResponses } } },
    async (request) => ({ rooms: await service.listRooms(db, request.principal, request.params.venueId) }),
  );

  app.post(
    '/venues/:venueId/rooms',
    { schema: { params: IdParams('venueId'), body: CreateRoomBody, response: { 201: wrap('room', RoomSchema), ...errorResponses } } },
    async (request, reply) => {
      const room = await service.createRoom(db, request.principal, request.params.venueId, request.body);
      return reply.status(201).send({ room });
    },
  );

  app.patch(
    '/rooms/:roomId',
    { schema: { params: IdParams('roomId'), body: UpdateRoomBody, response: { 200: wrap('room', RoomSchema), ...errorResponses } } },
    async (request) => ({ room: await service.updateRoom(db, request.principal, request.params.roomId, request.body) }),
  );
};
