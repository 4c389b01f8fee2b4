/**
 * Resolves who is calling each /api request (device bearer token, staff session cookie or member session
 * cookie) into `request.principal`, and refuses cross-site writes: a state-changing request carrying either
 * session cookie with an Origin that is not this server's is answered 403 (docs/api.md). Requests without
 * Origin (scripts, curl) pass; SameSite=Lax on the cookies covers what old browsers do without Origin.
 */
import fp from 'fastify-plugin';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { AppError } from '../errors.ts';
import type { Principal } from '../modules/auth/principal.ts';
import { SESSION_IDLE_MS, SESSION_TOUCH_MS } from '../modules/auth/expiry.ts';
import { findSessionPrincipal, touchSession } from '../modules/auth/queries.ts';
import { hashSecret } from '../modules/auth/tokens.ts';
import { findDeviceByToken, touchDevice } from '../modules/devices/queries.ts';
import { MEMBER_SESSION_IDLE_MS, MEMBER_SESSION_TOUCH_MS } from '../modules/member-auth/expiry.ts';
import { findMemberSession, touchMemberSession } from '../modules/member-auth/queries.ts';
import { accessFor } from './access.ts';
import { DeviceCache } from './device-cache.ts';

export const SESSION_COOKIE = 'centre_ops_session';
/**
 * Members' own cookie (member-auth/routes.ts), apart from staff's: a member's session has its own table,
 * lifetime and rights, and signing one out never touches the other.
 */
export const MEMBER_SESSION_COOKIE = 'member_session';
/** The routes that sign someone in: cross-site requests to them are refused even without a cookie (login CSRF). */
const SIGN_IN_ROUTES = new Set(['/api/auth/login', '/api/member-auth/login']);
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
  }
  interface FastifyInstance {
    /** Paired devices by token for a short while (device-cache.ts); revocation forgets them. */
    deviceCache: DeviceCache;
  }
}

export function bearerToken(header: string | undefined): string | null {
  const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  return match?.[1] ?? null;
}

/**
 * "Last seen" for the device list. The UPDATE itself writes at most once a minute (touchDevice), but a busy
 * kiosk would still send it on every request; remembering here when this process last sent it spares the
 * database a statement per check-in. Bounded: forgotten entries only cost one more UPDATE.
 */
const lastTouched = new Map<string, number>();
function touchAtMostEveryMinute(db: Kysely<DB>, deviceId: string): void {
  const now = Date.now();
  if (now - (lastTouched.get(deviceId) ?? 0) < 60_000) return;
  if (lastTouched.size > 10_000) lastTouched.clear();
  lastTouched.set(deviceId, now);
  void touchDevice(db, deviceId).catch(() => lastTouched.delete(deviceId));
}

/**
 * Shared by HTTP and socket.io: a bearer token, else a live staff session, else a live member session, else
 * nobody. Staff before members: a desk computer signed in to the staff pages stays staff whatever member
 * cookie it also holds (and member sign-in refuses such a browser: member-auth/routes.ts).
 */
export async function resolvePrincipal(
  db: Kysely<DB>,
  credentials: { token: string | null; sessionToken: string | null; memberSessionToken?: string | null },
  devices?: DeviceCache,
): Promise<Principal | null> {
  if (credentials.token) {
    const tokenHash = hashSecret(credentials.token);
    const cached = devices?.get(tokenHash);
    if (cached) {
      touchAtMostEveryMinute(db, cached.deviceId);
      return cached;
    }
    const device = await findDeviceByToken(db, tokenHash);
    if (!device) throw new AppError('unauthenticated', 'This device is not paired; ask staff for a pairing code.');
    if (device.revokedAt) {
      throw new AppError('unauthenticated', 'This device was unpaired by staff; ask them for a new pairing code.', { revoked: true });
    }
    touchAtMostEveryMinute(db, device.id);
    const principal = { kind: 'device' as const, deviceId: device.id, deviceKind: device.kind, venueId: device.venueId, name: device.name };
    devices?.set(tokenHash, principal);
    return principal;
  }
  if (credentials.sessionToken) {
    const row = await findSessionPrincipal(db, hashSecret(credentials.sessionToken), SESSION_IDLE_MS);
    if (row) {
      const { lastUsedAt, ...principal } = row;
      if (Date.now() - lastUsedAt.getTime() > SESSION_TOUCH_MS) void touchSession(db, row.sessionId, SESSION_TOUCH_MS).catch(() => undefined);
      return { kind: 'user', ...principal };
    }
  }
  if (credentials.memberSessionToken) {
    const row = await findMemberSession(db, hashSecret(credentials.memberSessionToken), MEMBER_SESSION_IDLE_MS);
    if (row) {
      if (Date.now() - row.lastSeenAt.getTime() > MEMBER_SESSION_TOUCH_MS) void touchMemberSession(db, row.sessionId, MEMBER_SESSION_TOUCH_MS).catch(() => undefined);
      return { kind: 'member', memberId: row.memberId, name: row.name, sessionId: row.sessionId };
    }
  }
  return null;
}

/**
 * Whether a browser's Origin names another site than the Host it sent the request to. Default ports are
 * normalised away ("http://localhost" and "localhost:80" are the same site). No Origin: not a browser's
 * cross-site request.
 */
export function isForeignOrigin(origin: string | undefined, host: string | undefined): boolean {
  if (!origin) return false;
  try {
    const from = new URL(origin);
    return !host || from.host !== new URL(`${from.protocol}//${host}`).host;
  } catch {
    return true;
  }
}

export const authenticate = fp(
  async (app: FastifyInstance, options: { db: Kysely<DB> }) => {
    app.decorateRequest('principal', null);
    app.decorate('deviceCache', new DeviceCache());
    app.addHook('onRequest', async (request) => {
      // The matched route, never the raw URL: "/api/auth/login?x=1" is the login route too, and a comparison
      // of raw URLs would let a query string (or any spelling the router also accepts) skip the check below.
      const route = request.routeOptions.url;
      if (!route?.startsWith('/api/')) return;
      const sessionToken = request.cookies[SESSION_COOKIE] ?? null;
      const memberSessionToken = request.cookies[MEMBER_SESSION_COOKIE] ?? null;
      // Signing in from another site is refused too (login CSRF would sign a victim into the attacker's account).
      const cookieBound = sessionToken !== null || memberSessionToken !== null || SIGN_IN_ROUTES.has(route);
      if (cookieBound && !SAFE_METHODS.has(request.method) && isForeignOrigin(request.headers.origin, request.headers.host)) {
        throw new AppError('forbidden', 'This request came from another web site and was refused.');
      }
      const credentials = { token: bearerToken(request.headers.authorization), sessionToken, memberSessionToken };
      // Routes anyone may call (access.ts): a stale or revoked token sent along must not get in the way.
      if (accessFor(request.method, route)?.allow === 'anyone') {
        request.principal = await resolvePrincipal(options.db, credentials, app.deviceCache).catch(() => null);
        return;
      }
      request.principal = await resolvePrincipal(options.db, credentials, app.deviceCache);
    });
  },
  { name: 'authenticate', dependencies: ['@fastify/cookie'] },
);
