/**
 * Shapes of headcounts and today's activities as the kiosk and the display screens read them (docs/api.md
 * "Check-ins and headcounts"). Kept apart from `types.ts` so the check-in screens do not depend on the calendar's
 * booking types; what only the kiosk sends and reads (check-ins, member hits) is in kiosk/checkin-types.ts.
 */
import type { CapacityLevel } from '../../server/shared/capacity.ts';

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
