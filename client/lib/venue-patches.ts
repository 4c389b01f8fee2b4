/**
 * How `venue:<id>` events change a venue view (venue + rooms), as pure functions: events are applied as
 * patches, never as refetches. Patches are upserts, so applying one the HTTP snapshot already holds is harmless.
 */
import type { UncheckedEvent } from './live.svelte.ts';
import type { Room, Venue } from './types.ts';

export interface VenueView {
  venue: Venue;
  rooms: Room[];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function asRoom(value: unknown): Room | null {
  if (!isObject(value)) return null;
  const { id, venueId, name, kind, capacity } = value;
  if (typeof id !== 'string' || typeof venueId !== 'string' || typeof name !== 'string') return null;
  if (typeof kind !== 'string' || typeof capacity !== 'number') return null;
  return { id, venueId, name, kind, capacity };
}

/** Replace the room with the same id in place, or add it at the end. */
export function upsertRoom(rooms: readonly Room[], room: Room): Room[] {
  const index = rooms.findIndex((r) => r.id === room.id);
  if (index === -1) return [...rooms, room];
  const next = [...rooms];
  next[index] = { ...next[index], ...room };
  return next;
}

/** The view after one event; the same object when the event does not concern it. */
export function applyVenueEvent(view: VenueView, event: UncheckedEvent): VenueView {
  // Checked field by field all the same: a screen must survive an event from a newer or older server.
  const data: Record<string, unknown> = isObject(event.data) ? event.data : {};
  switch (event.type) {
    case 'room.created':
    case 'room.updated': {
      const room = asRoom(data.room);
      if (!room || room.venueId !== view.venue.id) return view;
      return { ...view, rooms: upsertRoom(view.rooms, room) };
    }
    case 'venue.updated': {
      const venue = data.venue;
      if (!isObject(venue) || venue.id !== view.venue.id) return view;
      const patch: Partial<Venue> = {};
      if (typeof venue.name === 'string') patch.name = venue.name;
      if (typeof venue.timezone === 'string') patch.timezone = venue.timezone;
      if (typeof venue.opensAt === 'string' || venue.opensAt === null) patch.opensAt = venue.opensAt;
      if (typeof venue.closesAt === 'string' || venue.closesAt === null) patch.closesAt = venue.closesAt;
      return { ...view, venue: { ...view.venue, ...patch } };
    }
    default:
      return view;
  }
}
