/**
 * Shapes the apps read from the server (docs/api.md). Kept here until the server's TypeBox schemas exist to
 * import `Static<>` types from; fields not in the contract are optional and only shown when present. The lists of
 * kinds and roles are the server's own (server/shared/enums.ts).
 */
import {
  BOOKING_KINDS, ROOM_KINDS, type BookingKind, type DeviceKind, type Role, type RoomKind,
} from '../../server/shared/enums.ts';

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

export interface User {
  id: string;
  username: string;
  role: Role;
  venueIds?: string[];
  disabled?: boolean;
}

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
  /** Seen within the last couple of minutes (the server decides: devices/presence.ts). */
  online?: boolean;
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

export type BookingStatus = 'confirmed' | 'cancelled';

/** Which occurrences of a series a change or a cancellation applies to. */
export type SeriesScope = 'this' | 'following' | 'all';

/** One booking of one room (`GET /api/bookings`). Instants are ISO strings; compare them as instants. */
export interface Booking {
  id: string;
  venueId: string;
  roomId: string;
  start: string;
  end: string;
  title: string;
  /** One of BOOKING_KINDS; typed loosely so a kind added later still shows (as "other"). */
  kind: string;
  status: BookingStatus;
  seriesId: string | null;
  /** The venue-local date ('YYYY-MM-DD') the series generated this occurrence for. */
  occurrenceDate: string | null;
  version: number;
  expectedCount: number | null;
  notes: string | null;
}

/** An existing booking in the way of a new one, and (for a series) the new occurrence it blocks. */
export interface BookingConflict {
  id: string;
  roomId: string;
  start: string;
  end: string;
  title: string;
  occurrence?: { start: string; end: string };
}

/** A time the venue (roomId null) or one room is closed: holidays, maintenance. */
export interface Closure {
  id: string;
  venueId: string;
  roomId: string | null;
  start: string;
  end: string;
  reason: string;
}

export interface BookingRecurrence {
  rrule: string;
  exdates?: string[];
}

/** `POST /api/bookings` */
export interface CreateBookingRequest {
  roomId: string;
  start: string;
  end: string;
  title: string;
  kind?: BookingKind;
  expectedCount?: number;
  notes?: string;
  recurrence?: BookingRecurrence;
  skipConflicts?: boolean;
}

export interface SkippedOccurrence {
  start: string;
  end: string;
  reason: 'conflict' | 'closure';
  conflicts: BookingConflict[];
  closures: Closure[];
}

export interface CreateBookingAnswer {
  bookings: Booking[];
  seriesId: string | null;
  skipped: SkippedOccurrence[];
}

/** `POST /api/bookings/check` */
export interface CheckBookingAnswer {
  ok: boolean;
  occurrences: number;
  /** Occurrences outside the venue's opening hours (still bookable); null when none is. */
  outsideHours?: { count: number; opensAt: string; closesAt: string } | null;
  conflicts: BookingConflict[];
  closures: Closure[];
}

/** `PATCH /api/bookings/:id` */
export interface UpdateBookingRequest {
  version: number;
  start?: string;
  end?: string;
  roomId?: string;
  title?: string;
  kind?: BookingKind;
  expectedCount?: number | null;
  notes?: string | null;
  scope?: SeriesScope;
}

export interface UpdateBookingAnswer {
  booking: Booking;
  bookings: Booking[];
}

export function isBookingKind(kind: string): kind is BookingKind {
  return (BOOKING_KINDS as readonly string[]).includes(kind);
}
