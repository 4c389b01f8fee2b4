/**
 * Shapes of check-ins, headcounts and today's activities as the kiosk and the display screens read them
 * (docs/api.md "Members and check-ins"). Kept apart from `types.ts` so the check-in screens do not depend
 * on the calendar's booking types.
 */

export interface Visit {
  id: string;
  memberId: string | null;
  venueId: string;
  roomId: string | null;
  bookingId: string | null;
  guests: number;
  checkedInAt: string;
  checkedOutAt: string | null;
  endedReason: string | null;
}

/** `warning` from 90 % of capacity, `full` from 100 % (the server decides; screens mirror it). */
export type CapacityLevel = 'ok' | 'warning' | 'full';

export interface RoomHeadcount {
  roomId: string;
  count: number;
  capacity: number;
  level?: CapacityLevel;
}

/** `GET /api/venues/:id/headcount` and the data of `headcount.changed`. */
export interface Headcount {
  venueId: string;
  total: number;
  rooms: RoomHeadcount[];
  at?: string;
}

/** `POST /api/checkins` body. */
export interface CheckInRequest {
  venueId: string;
  memberCode?: string;
  memberId?: string;
  roomId?: string;
  bookingId?: string;
  guests?: number;
}

export interface CheckInAnswer {
  visit: Visit;
  headcount: Headcount;
  member: { id: string; name: string } | null;
  /** The member's earlier visit that this check-in ended (they moved rooms). */
  moved: Visit | null;
  replayed: boolean;
}

export interface CheckOutAnswer {
  visit: Visit;
  headcount: Headcount;
}

/** A member as a kiosk sees one (`GET /api/members?q=`): phone masked, no card code. */
export interface MemberHit {
  id: string;
  name: string;
  memberNo: string | null;
  category: string;
  phone: string | null;
}

/** What the check-in screens need of a booking (`GET /api/bookings`). */
export interface DayBooking {
  id: string;
  roomId: string;
  start: string;
  end: string;
  title: string;
  kind: string;
  status: string;
  expectedCount: number | null;
}
