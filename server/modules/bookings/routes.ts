import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { errorResponses, IdParams, wrap } from '../../http/schemas.ts';
import * as calendarLinks from '../calendar-links/service.ts';
import { CalendarLinkInfoSchema, CalendarLinkSchema, CreateCalendarLinkBody, CreatedCalendarLinkSchema } from '../calendar-links/schemas.ts';
import { calendarFeed, type FeedTarget } from './calendar-feed.ts';
import * as closures from './closures.ts';
import {
  BookingSchema,
  CancelBookingQuery,
  CheckBookingBody,
  CheckResponse,
  ClosureSchema,
  CreateBookingBody,
  CreateBookingResponse,
  CreateClosureBody,
  ListBookingsQuery,
  ListClosuresQuery,
  UpdateBookingBody,
} from './schemas.ts';
import * as service from './service.ts';
import { updateBooking } from './update.ts';

/** A subscription link's token (base64url); the request log never shows it (server/app.ts redacts `key=`). */
const FeedQuery = Type.Object({ key: Type.Optional(Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' })) }, { additionalProperties: false });

export const bookingRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const db = app.database.db;

  app.get(
    '/bookings',
    { schema: { querystring: ListBookingsQuery, response: { 200: wrap('bookings', Type.Array(BookingSchema)), ...errorResponses } } },
    async (request) => ({ bookings: await service.listBookings(db, request.principal, request.query) }),
  );

  app.post(
    '/bookings',
    { schema: { body: CreateBookingBody, response: { 201: CreateBookingResponse, ...errorResponses } } },
    async (request, reply) => reply.status(201).send(await service.createBookings(db, request.principal, request.body)),
  );

  app.post(
    '/bookings/check',
    { schema: { body: CheckBookingBody, response: { 200: CheckResponse, ...errorResponses } } },
    async (request) => service.checkBooking(db, request.principal, request.body),
  );

  app.patch(
    '/bookings/:bookingId',
    {
      schema: {
        params: IdParams('bookingId'),
        body: UpdateBookingBody,
        response: { 200: Type.Object({ booking: BookingSchema, bookings: Type.Array(BookingSchema) }), ...errorResponses },
      },
    },
    async (request) => updateBooking(db, request.principal, request.params.bookingId, request.body),
  );

  app.delete(
    '/bookings/:bookingId',
    { schema: { params: IdParams('bookingId'), querystring: CancelBookingQuery, response: { 204: Type.Null(), ...errorResponses } } },
    async (request, reply) => {
      await service.cancelBooking(db, request.principal, request.params.bookingId, request.query);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/venues/:venueId/closures',
    { schema: { params: IdParams('venueId'), querystring: ListClosuresQuery, response: { 200: wrap('closures', Type.Array(ClosureSchema)), ...errorResponses } } },
    async (request) => ({ closures: await closures.listClosures(db, request.principal, request.params.venueId, request.query) }),
  );

  app.post(
    '/venues/:venueId/closures',
    {
      schema: {
        params: IdParams('venueId'),
        body: CreateClosureBody,
        response: { 201: Type.Object({ closure: ClosureSchema, cancelled: Type.Array(BookingSchema) }), ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await closures.createClosure(db, request.principal, request.params.venueId, request.body)),
  );

  app.delete(
    '/closures/:closureId',
    { schema: { params: IdParams('closureId'), response: { 204: Type.Null(), ...errorResponses } } },
    async (request, reply) => {
      await closures.deleteClosure(db, request.principal, request.params.closureId);
      return reply.status(204).send(null);
    },
  );

  const feeds: Array<{ path: string; param: 'roomId' | 'venueId'; kind: FeedTarget['kind'] }> = [
    { path: '/rooms/:roomId', param: 'roomId', kind: 'room' },
    { path: '/venues/:venueId', param: 'venueId', kind: 'venue' },
  ];
  for (const feed of feeds) {
    app.get(
      `${feed.path}/calendar.ics`,
      { schema: { params: IdParams(feed.param), querystring: FeedQuery } },
      async (request, reply) => {
        const id = (request.params as Record<string, string>)[feed.param]!;
        const body = await calendarFeed(db, request.principal, { kind: feed.kind, id }, request.query.key);
        return reply
          .type('text/calendar; charset=utf-8')
          .header('content-disposition', `inline; filename="${feed.kind}-${id}.ics"`)
          .header('cache-control', 'private, max-age=60')
          .send(body);
      },
    );
    // The caller's own links to this feed (never their tokens), and the feed's plain URL for signed-in use.
    app.get(
      `${feed.path}/calendar-link`,
      { schema: { params: IdParams(feed.param), response: { 200: CalendarLinkInfoSchema, ...errorResponses } } },
      async (request) => {
        const id = (request.params as Record<string, string>)[feed.param]!;
        return calendarLinks.linkInfo(db, request.principal, { kind: feed.kind, id });
      },
    );
    // A new subscription link: its token is in this answer and nowhere else, ever.
    app.post(
      `${feed.path}/calendar-link`,
      { schema: { params: IdParams(feed.param), body: CreateCalendarLinkBody, response: { 201: CreatedCalendarLinkSchema, ...errorResponses } } },
      async (request, reply) => {
        const id = (request.params as Record<string, string>)[feed.param]!;
        return reply.status(201).send(await calendarLinks.createLink(db, request.principal, { kind: feed.kind, id }, request.body));
      },
    );
  }

  app.get(
    '/calendar-links',
    { schema: { response: { 200: wrap('links', Type.Array(CalendarLinkSchema)), ...errorResponses } } },
    async (request) => ({ links: await calendarLinks.listOwnLinks(db, request.principal) }),
  );

  app.get(
    '/calendar-links/all',
    { schema: { response: { 200: wrap('links', Type.Array(CalendarLinkSchema)), ...errorResponses } } },
    async () => ({ links: await calendarLinks.listAllLinks(db) }),
  );

  app.delete(
    '/calendar-links/:linkId',
    { schema: { params: IdParams('linkId'), response: { 204: Type.Null(), ...errorResponses } } },
    async (request, reply) => {
      await calendarLinks.revokeLink(db, request.principal, request.params.linkId);
      return reply.status(204).send(null);
    },
  );
};
