/**
 * Who is asking: a signed-in user (session cookie) or a paired device (bearer token).
 * Access rules of docs/api.md live here, as plain functions both HTTP routes and socket topics call.
 */
import type { DeviceKind, Role } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';

export interface UserPrincipal {
  kind: 'user';
  userId: string;
  username: string;
  role: Role;
  /** Venues a coordinator or referee is assigned to; admins may act on every venue. */
  venueIds: readonly string[];
  sessionId: string;
}

export interface DevicePrincipal {
  kind: 'device';
  deviceId: string;
  deviceKind: DeviceKind;
  venueId: string;
  name: string;
}

export type Principal = UserPrincipal | DevicePrincipal;

/**
 * Whether a venue is one of the caller's: every venue for admins; the venues assigned to a coordinator or
 * referee (a referee assigned to none referees city-wide); a device's own venue.
 */
export function belongsTo(principal: Principal, venueId: string): boolean {
  if (principal.kind === 'device') return principal.venueId === venueId;
  if (principal.role === 'admin') return true;
  if (principal.role === 'referee' && principal.venueIds.length === 0) return true;
  return principal.venueIds.includes(venueId);
}

export function canReadVenue(principal: Principal, venueId: string): boolean {
  return belongsTo(principal, venueId);
}

/** Change rooms, devices, bookings, check-ins and tournaments of a venue. */
export function canManageVenue(principal: Principal, venueId: string): boolean {
  if (principal.kind === 'device') return false;
  return (principal.role === 'admin' || principal.role === 'coordinator') && belongsTo(principal, venueId);
}

/** The name the access table (server/http/access.ts) knows a caller by: a user's role or a device's kind. */
export function callerOf(principal: Principal): Role | DeviceKind {
  return principal.kind === 'user' ? principal.role : principal.deviceKind;
}

export function requirePrincipal(principal: Principal | null): Principal {
  if (!principal) throw new AppError('unauthenticated', 'Please sign in (or pair this device) first.');
  return principal;
}

export function requireUser(principal: Principal | null, roles?: readonly Role[]): UserPrincipal {
  const p = requirePrincipal(principal);
  if (p.kind !== 'user') throw new AppError('forbidden', 'This device may not do this; sign in as a member of staff.');
  if (roles && !roles.includes(p.role)) {
    throw new AppError('forbidden', `Only ${roles.join(' or ')} accounts may do this.`);
  }
  return p;
}

export function requireAdmin(principal: Principal | null): UserPrincipal {
  return requireUser(principal, ['admin']);
}

export function requireVenueManager(principal: Principal | null, venueId: string): UserPrincipal {
  const user = requireUser(principal);
  if (!canManageVenue(user, venueId)) throw new AppError('forbidden', 'You do not manage this venue.');
  return user;
}
