/**
 * Enforces the authorization matrix (access.ts) for every /api request, and refuses to start a server with a
 * route the matrix does not know.
 *
 * The check runs at preValidation: after authentication (onRequest) and body parsing, before the schema
 * validates, so a caller who may not use a route gets 401/403 rather than a hint about its fields, and a
 * venue named in the body can be checked. Services check the same again where they load rows.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { AppError } from '../errors.ts';
import { belongsTo, callerOf, type Principal } from '../modules/auth/principal.ts';
import { accessFor, routeKey, type Caller, type RouteAccess, type VenueSource } from './access.ts';
import { venueOf } from './venue-of.ts';

const CALLER_NAMES: Record<Caller, string> = {
  admin: 'admin',
  coordinator: 'coordinator',
  referee: 'referee',
  kiosk: 'kiosk',
  display: 'display screen',
  member: 'member',
};

/** Throws at registration: a route under /api needs its row in the matrix before it can be served. */
export function requireAccessEntries(app: FastifyInstance): void {
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/')) return;
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      if (!accessFor(method, route.url)) {
        throw new Error(`${routeKey(method, route.url)} has no entry in server/http/access.ts: say who may call it before serving it.`);
      }
    }
  });
}

export function enforceAccess(app: FastifyInstance, db: Kysely<DB>): void {
  app.addHook('preValidation', async (request) => {
    const url = request.routeOptions.url;
    if (!url?.startsWith('/api/')) return;
    const access = accessFor(request.method, url);
    // Unreachable (requireAccessEntries refused such routes at start), but never fail open.
    if (!access) throw new AppError('forbidden', 'This route has no access rule.');
    await check(db, access, request);
  });
}

async function check(db: Kysely<DB>, access: RouteAccess, request: FastifyRequest): Promise<void> {
  if (access.allow === 'anyone') return;
  if (access.feedKey && typeof (request.query as Record<string, unknown> | undefined)?.key === 'string') return; // the service checks the link (calendar-links/service.ts linkForFeed)
  const principal = request.principal;
  if (!principal) throw new AppError('unauthenticated', 'Please sign in (or pair this device) first.');
  const caller = callerOf(principal);
  if (!access.allow.includes(caller)) throw refusal(principal, access.allow);
  // Admins belong to every venue: no need to look up which one a row is in.
  if (principal.kind === 'user' && principal.role === 'admin') return;
  const venueId = await venueIn(db, access.venue, request);
  if (venueId !== null && !belongsTo(principal, venueId)) {
    throw new AppError('forbidden', principal.kind === 'device' ? 'This device belongs to another venue.' : 'You do not look after this venue.');
  }
}

function refusal(principal: Principal, allowed: readonly Caller[]): AppError {
  if (principal.kind === 'device') {
    return new AppError('forbidden', `A ${CALLER_NAMES[principal.deviceKind]} may not do this; ask a member of staff.`);
  }
  const who = allowed.filter((c) => c !== 'kiosk' && c !== 'display').map((c) => CALLER_NAMES[c]);
  return new AppError('forbidden', `Only ${who.join(' or ')} accounts may do this.`);
}

/** The venue the request acts on, or null when the route names none (or names a row that does not exist). */
async function venueIn(db: Kysely<DB>, source: VenueSource, request: FastifyRequest): Promise<string | null> {
  if (source === null) return null;
  const container = { params: request.params, query: request.query, body: request.body }[source.in];
  const value = container && typeof container === 'object' ? (container as Record<string, unknown>)[source.field] : undefined;
  if ('resource' in source) return venueOf(db, source.resource, value);
  // A missing or malformed venue id is the schema's to refuse (400); an optional one means "all of mine".
  return typeof value === 'string' && value !== '' ? value : null;
}
