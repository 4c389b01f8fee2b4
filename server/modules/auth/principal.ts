/**
 * Who is asking: a signed-in user (session cookie), a paired device (bearer token) or a member signed in on
 * the phone pages with their PIN (member session cookie), and whether a venue is theirs. Who may call a route at all (signed in or not, which roles and device kinds) is decided once, by
 * the access table (server/http/access.ts), before any handler runs, so services check no roles. What they
 * keep are the row-level checks these functions make: the venue of the row they load (or the venue asked
 * about) is one of the caller's. Those hold however a service is reached, and give it the user it records.
 */
import type { DeviceKind, Role } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import type { Caller } from '../../http/access.ts';

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

/**
 * A member (one of the centre's elderly members, not staff) signed in on the phone pages with member number
 * and PIN (server/modules/member-auth). They act only on their own rows: the enrolment services check that
 * the member a request names is `memberId`.
 */
export interface MemberPrincipal {
  kind: 'member';
  memberId: string;
  name: string;
  sessionId: string;
}

export type Principal = UserPrincipal | DevicePrincipal | MemberPrincipal;

/**
 * Whether a venue is one of the caller's: every venue for admins; the venues assigned to a coordinator or
 * referee (a referee assigned to none referees city-wide); a device's own venue; every venue for a member,
 * as members are one city-wide ledger and may enrol at any centre (what they may do there, and only for
 * themselves, is the access table's and the services' to say).
 */
export function belongsTo(principal: Principal, venueId: string): boolean {
  if (principal.kind === 'member') return true;
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
  if (principal.kind !== 'user') return false;
  return (principal.role === 'admin' || principal.role === 'coordinator') && belongsTo(principal, venueId);
}

/** The name the access table (server/http/access.ts) knows a caller by: a user's role, a device's kind, or 'member'. */
export function callerOf(principal: Principal): Caller {
  if (principal.kind === 'member') return 'member';
  return principal.kind === 'user' ? principal.role : principal.deviceKind;
}

export function requirePrincipal(principal: Principal | null): Principal {
  if (!principal) throw new AppError('unauthenticated', 'Please sign in (or pair this device) first.');
  return principal;
}

/** A staff user or a paired device: the staff pages' and the devices' own routes, which members have their own of. */
export function requireStaffOrDevice(principal: Principal | null): UserPrincipal | DevicePrincipal {
  const p = requirePrincipal(principal);
  if (p.kind === 'member') throw new AppError('forbidden', 'Members sign in on the phone pages; this is for staff and devices.');
  return p;
}

/**
 * The caller as a signed-in user (the routes that call this admit no device and no member; a service needs
 * the user's fields). A member reaching it is refused like a device: staff work needs a staff account.
 */
export function requireUser(principal: Principal | null): UserPrincipal {
  const p = requirePrincipal(principal);
  if (p.kind === 'member') {
    throw new AppError('forbidden', 'Members may not do this; ask a member of staff.', { messageZh: '会员不能进行此操作，请向工作人员咨询。' });
  }
  if (p.kind !== 'user') throw new AppError('forbidden', 'This device may not do this; sign in as a member of staff.');
  return p;
}

/** The signed-in user acting on `venueId`, which must be one of theirs (the row-level check of a change). */
export function userOfVenue(principal: Principal | null, venueId: string): UserPrincipal {
  const user = requireUser(principal);
  if (!belongsTo(user, venueId)) throw new AppError('forbidden', 'You do not look after this venue.');
  return user;
}
