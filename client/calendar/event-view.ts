/**
 * How bookings and closures look on the calendar, as FullCalendar event inputs. Dates are venue wall dates
 * (see zone.ts): the calendar runs in 'UTC' and shows exactly the venue's clock.
 */
import type { EventInput } from '@fullcalendar/core';
import type { MessageKey } from '../lib/messages/zh-CN.ts';
import type { Booking, Closure, Room } from '../lib/types.ts';
import { dayParts, isMultiDay } from './day-parts.ts';
import { kindColours, knownKind } from './kinds.ts';
import { fromVenueWall, toVenueWall } from './zone.ts';

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** Closures share the event store with bookings; their ids are prefixed so they never collide. */
export const CLOSURE_PREFIX = 'closure:';
export const BOOKINGS_SOURCE = 'bookings';
export const CLOSURES_SOURCE = 'closures';

export function bookingEventInput(booking: Booking, timeZone: string): EventInput {
  const colours = kindColours(booking.kind);
  const cancelled = booking.status === 'cancelled';
  return {
    id: booking.id,
    resourceId: booking.roomId,
    start: toVenueWall(booking.start, timeZone),
    end: toVenueWall(booking.end, timeZone),
    title: booking.title,
    backgroundColor: colours.background,
    borderColor: colours.background,
    textColor: colours.text,
    classNames: bookingClassNames(booking),
    editable: !cancelled,
    extendedProps: { booking },
  };
}

/**
 * The calendar's events of a booking: one, or for a booking over several days one per day within the
 * opening hours (day-parts.ts), grouped under the booking's id. Those parts are changed through the form,
 * not dragged: a drag of one day's part cannot say what should happen to the others.
 */
export function bookingEventInputs(booking: Booking, timeZone: string, hours: { opensAt: string; closesAt: string }): EventInput[] {
  const single = bookingEventInput(booking, timeZone);
  const span = { start: single.start as Date, end: single.end as Date };
  if (!isMultiDay(span)) return [single];
  const parts = dayParts(span, hours);
  return parts.map((part, index) => ({
    ...single,
    id: `${booking.id}${PART_SEPARATOR}${index}`,
    groupId: booking.id,
    start: part.start,
    end: part.end,
    editable: false,
    classNames: [...(single.classNames as string[]), 'multi-day'],
    // The part's own instants: "in the room now" counts only while this day's part is on.
    extendedProps: {
      booking,
      span,
      part: { index, count: parts.length, start: fromVenueWall(part.start, timeZone).toISOString(), end: fromVenueWall(part.end, timeZone).toISOString() },
    },
  }));
}

/** The ids of a multi-day booking's parts are `<booking id>#<n>`. */
export const PART_SEPARATOR = '#';

export function bookingClassNames(booking: Booking): string[] {
  const names = ['booking', `kind-${knownKind(booking.kind)}`];
  if (booking.status === 'cancelled') names.push('is-cancelled');
  if (booking.seriesId) names.push('in-series');
  return names;
}

export function closureEventInput(closure: Closure, timeZone: string): EventInput {
  return {
    id: CLOSURE_PREFIX + closure.id,
    // No resource: FullCalendar draws a background event across every room.
    ...(closure.roomId ? { resourceIds: [closure.roomId] } : {}),
    start: toVenueWall(closure.start, timeZone),
    end: toVenueWall(closure.end, timeZone),
    title: closure.reason,
    display: 'background',
    classNames: ['closure'],
    editable: false,
    extendedProps: { closure },
  };
}

/**
 * The small print under an event's title: its kind, then "expected N · capacity M" (either may be missing).
 * `inRoomNow` is where the live headcount goes once check-ins exist; nothing feeds it yet.
 */
export function eventMetaLine(booking: Booking, room: Room | undefined, tr: Translate): string {
  const parts = [tr(`booking.kind.${knownKind(booking.kind)}`)];
  if (booking.status === 'cancelled') parts.push(tr('cal.event.cancelled'));
  if (booking.expectedCount !== null) parts.push(tr('cal.event.expected', { n: booking.expectedCount }));
  if (room) parts.push(tr('cal.event.capacity', { n: room.capacity }));
  return parts.join(' · ');
}


/** More people expected than the room holds: the calendar and the details say so (docs/rules.md "Headcounts and capacity"). */
export function overCapacity(booking: Pick<Booking, 'expectedCount'>, room: Pick<Room, 'capacity'> | undefined): boolean {
  return room !== undefined && booking.expectedCount !== null && booking.expectedCount > room.capacity;
}
