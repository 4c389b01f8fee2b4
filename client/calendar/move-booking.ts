/**
 * Saving a drag or resize, and what to say afterwards. A move that leaves more people expected than the new
 * room holds is saved (the coordinator may know better) but said as a warning, never as a plain "moved".
 */
import type { Booking, Room, SeriesScope } from '../lib/types.ts';
import { describeBookingError, type BookingProblem } from './booking-errors.ts';
import type { MoveRequest } from './calendar-adapter.ts';
import type { CalendarLive } from './calendar-live.svelte.ts';
import { overCapacity, type Translate } from './event-view.ts';
import { fromVenueWall } from './zone.ts';

export interface Notice {
  text: string;
  /** A success with something to watch (shown amber, not green). */
  warn: boolean;
}

/** "已移动「…」。" or, over the room's capacity, "已移动「…」。注意：预计 120 人，超过阅览室容量 40 人。" */
export function movedNotice(booking: Pick<Booking, 'title' | 'expectedCount'>, room: Room | undefined, tr: Translate): Notice {
  if (room && overCapacity(booking, room)) {
    const params = { title: booking.title, expected: booking.expectedCount ?? 0, room: room.name, capacity: room.capacity };
    return { text: tr('booking.movedOverCapacity', params), warn: true };
  }
  return { text: tr('booking.moved', { title: booking.title }), warn: false };
}

export interface MoveDeps {
  controller: CalendarLive;
  timeZone: string;
  rooms: Room[];
  tr: Translate;
  askScope(title: string): Promise<SeriesScope | null>;
}

/** Save the move; the notice to show, the refusal to show (the move reverted), or null (the user backed out). */
export async function saveMove(request: MoveRequest, deps: MoveDeps): Promise<{ notice: Notice } | { problem: BookingProblem } | null> {
  const { booking } = request;
  const scope = booking.seriesId ? await deps.askScope(booking.title) : null;
  if (booking.seriesId && !scope) {
    request.revert();
    request.finish();
    return null;
  }
  try {
    await deps.controller.update(booking.id, {
      version: booking.version,
      start: fromVenueWall(request.start, deps.timeZone).toISOString(),
      end: fromVenueWall(request.end, deps.timeZone).toISOString(),
      ...(request.roomId !== booking.roomId ? { roomId: request.roomId } : {}),
      ...(scope ? { scope } : {}),
    });
    return { notice: movedNotice(booking, deps.rooms.find((r) => r.id === request.roomId), deps.tr) };
  } catch (error) {
    request.revert();
    const problem = describeBookingError(error, { tr: deps.tr, movedTitle: booking.title });
    if (problem.current) deps.controller.apply([problem.current]);
    return { problem };
  } finally {
    request.finish();
  }
}
