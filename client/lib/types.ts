/**
 * Shapes the apps read from the server (CONTRACT.md). Kept here until the server's TypeBox schemas exist to
 * import `Static<>` types from; fields not in the contract are optional and only shown when present.
 */

export const ROOM_KINDS = [
  'gateball_court',
  'table_tennis',
  'classroom',
  'hall',
  'studio',
  'exhibition',
  'other',
] as const;
export type RoomKind = (typeof ROOM_KINDS)[number];

/** The zone new venues get on the server unless TZ_VENUE says otherwise; used only when a venue's is unknown. */
export const DEFAULT_TIMEZONE = 'Asia/Shanghai';

export interface Venue {
  id: string;
  name: string;
  timezone: string;
  opensAt?: string | null;
  closesAt?: string | null;
}

export interface Room {
  id: string;
  venueId: string;
  name: string;
  /** One of ROOM_KINDS; typed loosely so a kind added later still shows (as "other"). */
  kind: string;
  capacity: number;
}

/** What a person fills in to add or change a room (`POST /api/venues/:id/rooms`, `PATCH /api/rooms/:id`). */
export interface RoomFields {
  name: string;
  kind: string;
  capacity: number;
}

export type Role = 'admin' | 'coordinator' | 'referee';
export const ROLES: readonly Role[] = ['admin', 'coordinator', 'referee'];

export interface User {
  id: string;
  username: string;
  role: Role;
  venueIds?: string[];
  disabled?: boolean;
}

export type DeviceKind = 'kiosk' | 'display';

export type DeviceStatus = 'awaiting_pairing' | 'pairing_expired' | 'paired' | 'revoked';

export interface Device {
  id: string;
  kind: DeviceKind;
  venueId: string;
  name: string;
  status?: DeviceStatus;
  pairingExpiresAt?: string | null;
  pairedAt?: string | null;
  revokedAt?: string | null;
  lastSeenAt?: string | null;
  createdAt?: string | null;
}

/** What `GET /api/auth/me` says about a device (Bearer token). */
export interface DeviceMe extends Device {
  venue?: Venue;
}

export interface MeAnswer {
  user?: User | null;
  device?: DeviceMe | null;
}

export function isRoomKind(kind: string): kind is RoomKind {
  return (ROOM_KINDS as readonly string[]).includes(kind);
}
