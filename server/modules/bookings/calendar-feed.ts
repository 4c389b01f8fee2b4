/**
 * iCalendar feeds of a room or a venue. Callers of the venue (staff, referees, its kiosks and screens) fetch
 * them signed in; calendar programs, which cannot sign in, fetch them with the `?key=` of a subscription link
 * (server/modules/calendar-links): the link's owner must be enabled and may still read the venue at each
 * request, and the feed then shows what that owner may see.
 *
 * Booking notes are free text where staff may well write a member's phone number: they reach people who may
 * read the venue, never a kiosk or a hall screen (as GET /api/bookings and live events give devices
 * `notes: null`, server/realtime/device-view.ts).
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import { canReadVenue, requirePrincipal, type Principal } from '../auth/principal.ts';
import { linkForFeed } from '../calendar-links/service.ts';
import { resolveTarget, type FeedTarget } from '../calendar-links/target.ts';
import { listRooms } from '../venues/queries.ts';
import { buildCalendar, type CalendarEvent } from './ics.ts';
import * as q from './queries.ts';

export type { FeedTarget } from '../calendar-links/target.ts';

const DAY = 24 * 60 * 60 * 1000;
/** Past bookings stay a couple of months; cancelled ones stay so that subscribers drop them. */
const FEED_PAST_DAYS = 60;
const FEED_FUTURE_DAYS = 400;

/**
 * The feed, for a caller who may read the venue, or for the holder of a link's key. A key, when sent, is
 * the only credential looked at: a dead key is refused even from a signed-in browser.
 */
export async function calendarFeed(db: Kysely<DB>, principal: Principal | null, target: FeedTarget, key: string | undefined): Promise<string> {
  // With a key, the link's owner is a user who may read the venue (checked just now): notes are theirs.
  let withNotes = true;
  let principalNow: Principal | null = null;
  if (key !== undefined) await linkForFeed(db, key, target);
  else principalNow = requirePrincipal(principal);
  const { venue } = await resolveTarget(db, target);
  if (principalNow) {
    if (!canReadVenue(principalNow, venue.id)) throw new AppError('forbidden', 'You may not see this venue.');
    withNotes = principalNow.kind === 'user';
  }
  const rooms = new Map((await listRooms(db, venue.id)).map((r) => [r.id, r.name]));
  const now = Date.now();
  const rows = await q.listBookings(db, {
    venueId: venue.id,
    from: new Date(now - FEED_PAST_DAYS * DAY),
    to: new Date(now + FEED_FUTURE_DAYS * DAY),
    ...(target.kind === 'room' ? { roomId: target.id } : {}),
    includeCancelled: true,
  });
  const events: CalendarEvent[] = rows.map((b) => ({
    uid: `${b.id}@centre-ops`,
    start: b.start,
    end: b.end,
    summary: b.title,
    ...(withNotes && b.notes ? { description: b.notes } : {}),
    location: `${rooms.get(b.roomId) ?? ''} · ${venue.name}`,
    status: b.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED',
    sequence: b.version - 1,
    created: b.createdAt,
    lastModified: b.updatedAt,
  }));
  const name = target.kind === 'room' ? `${rooms.get(target.id) ?? ''} · ${venue.name}` : venue.name;
  return buildCalendar({ name, timeZone: venue.timezone, events });
}
