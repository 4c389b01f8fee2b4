/**
 * Live events as a kiosk or a hall screen receives them. Those devices sit in public halls and may be stolen,
 * so what they are sent is only what they show: a booking's `notes` (free text, where staff may well write a
 * member's phone number) stay with staff. The same rule applies to GET /api/bookings (bookings/service.ts).
 *
 * Device sockets follow a topic through their own rooms (`deviceRoom`), which get these copies; the events
 * of every other type are passed through as they are.
 */
import type { LiveEvent } from './protocol.ts';

/** The socket.io room of a topic's device subscribers, and of its device batch subscribers. */
export const deviceRoom = (room: string) => `${room}#devices`;

interface WithBookings {
  bookings?: unknown;
}

const withoutNotes = (booking: unknown): unknown =>
  booking && typeof booking === 'object' && 'notes' in booking ? { ...booking, notes: null } : booking;

export function forDevices(event: LiveEvent): LiveEvent {
  if (!event.type.startsWith('booking.')) return event;
  const data = event.data as WithBookings | null;
  if (!data || !Array.isArray(data.bookings)) return event;
  return { ...event, data: { ...data, bookings: data.bookings.map(withoutNotes) } } as LiveEvent;
}

/** Whether any event of a frame differs for devices (most frames are check-ins and headcounts: no copy). */
export function framesForDevices(events: readonly LiveEvent[]): readonly LiveEvent[] {
  let changed = false;
  const copies = events.map((event) => {
    const copy = forDevices(event);
    if (copy !== event) changed = true;
    return copy;
  });
  return changed ? copies : events;
}
