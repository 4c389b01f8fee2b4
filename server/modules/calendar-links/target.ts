/** What a calendar feed or link is about: a whole venue, or one room of it. */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { notFound } from '../../errors.ts';
import { findRoom, findVenue } from '../venues/queries.ts';

export type FeedTarget = { kind: 'room'; id: string } | { kind: 'venue'; id: string };

export interface ResolvedTarget {
  venue: NonNullable<Awaited<ReturnType<typeof findVenue>>>;
  /** Null for a venue's feed. */
  room: { id: string; name: string } | null;
}

export async function resolveTarget(db: Kysely<DB>, target: FeedTarget): Promise<ResolvedTarget> {
  const room = target.kind === 'room' ? await findRoom(db, target.id) : undefined;
  const venueId = target.kind === 'venue' ? target.id : room?.venueId;
  const venue = venueId ? await findVenue(db, venueId) : undefined;
  if (!venue) throw notFound(target.kind === 'room' ? 'The room' : 'The venue');
  return { venue, room: room ? { id: room.id, name: room.name } : null };
}

/** The feed's path; a link's URL adds `?key=`. */
export const feedPath = (target: FeedTarget): string =>
  `${target.kind === 'room' ? `/api/rooms/${target.id}` : `/api/venues/${target.id}`}/calendar.ics`;
