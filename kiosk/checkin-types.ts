/**
 * Shapes of check-ins and member look-ups as the kiosk sends and reads them (docs/api.md "Members" and
 * "Check-ins and headcounts"); the headcount and today's bookings, which the display screens read too, are in
 * client/lib/checkin-types.ts.
 */
import type { Headcount } from '../client/lib/checkin-types.ts';

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
