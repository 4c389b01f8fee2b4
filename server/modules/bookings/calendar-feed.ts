/**
 * iCalendar feeds of a room or a venue. Calendar programs (Outlook, Apple Calendar, Google Calendar) fetch a
 * subscribed URL without cookies, so a feed URL carries a key: an HMAC of the feed's name under a secret kept
 * in the database. Any user who may read the venue can get the URL (devices cannot); the key opens only that one feed.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { AppError, notFound } from '../../errors.ts';
import { canReadVenue, requirePrincipal, requireUser, type Principal } from '../auth/principal.ts';
import { findRoom, findVenue, listRooms } from '../venues/queries.ts';
import { buildCalendar, type CalendarEvent } from './ics.ts';
import * as q from './queries.ts';

const DAY = 24 * 60 * 60 * 1000;
/** Past bookings stay a couple of months; cancelled ones stay so that subscribers drop them. */
const FEED_PAST_DAYS = 60;
const FEED_FUTURE_DAYS = 400;

export type FeedTarget = { kind: 'room'; id: string } | { kind: 'venue'; id: string };

async function feedSecret(db: Kysely<DB>): Promise<Buffer> {
  await db
    .insertInto('appMeta')
    .values({ key: 'calendar_feed_secret', value: JSON.stringify(randomBytes(32).toString('base64')) })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  const row = await db.selectFrom('appMeta').select('value').where('key', '=', 'calendar_feed_secret').executeTakeFirstOrThrow();
  return Buffer.from(String(row.value), 'base64');
}

async function feedKey(db: Kysely<DB>, target: FeedTarget): Promise<string> {
  return createHmac('sha256', await feedSecret(db)).update(`${target.kind}:${target.id}`).digest('base64url').slice(0, 32);
}

async function venueOf(db: Kysely<DB>, target: FeedTarget) {
  const venueId = target.kind === 'venue' ? target.id : (await findRoom(db, target.id))?.venueId;
  const venue = venueId ? await findVenue(db, venueId) : undefined;
  if (!venue) throw notFound(target.kind === 'room' ? 'The room' : 'The venue');
  return venue;
}

export async function feedUrl(db: Kysely<DB>, principal: Principal | null, target: FeedTarget): Promise<string> {
  // Not for devices: the key outlives a device's token, and a kiosk or screen may be stolen.
  const p = requireUser(principal);
  const venue = await venueOf(db, target);
  if (!canReadVenue(p, venue.id)) throw new AppError('forbidden', 'You may not see this venue.');
  const base = target.kind === 'room' ? `/api/rooms/${target.id}` : `/api/venues/${target.id}`;
  return `${base}/calendar.ics?key=${await feedKey(db, target)}`;
}

/** The feed, for a caller who may read the venue or who holds the feed's key. */
export async function calendarFeed(db: Kysely<DB>, principal: Principal | null, target: FeedTarget, key: string | undefined): Promise<string> {
  const venue = await venueOf(db, target);
  const keyOk = key !== undefined && safeEqual(key, await feedKey(db, target));
  if (!keyOk) {
    const p = requirePrincipal(principal);
    if (!canReadVenue(p, venue.id)) throw new AppError('forbidden', 'You may not see this venue.');
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
    ...(b.notes ? { description: b.notes } : {}),
    location: `${rooms.get(b.roomId) ?? ''} · ${venue.name}`,
    status: b.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED',
    sequence: b.version - 1,
    created: b.createdAt,
    lastModified: b.updatedAt,
  }));
  const name = target.kind === 'room' ? `${rooms.get(target.id) ?? ''} · ${venue.name}` : venue.name;
  return buildCalendar({ name, timeZone: venue.timezone, events });
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

