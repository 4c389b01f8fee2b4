/**
 * "In the room now": the live headcount of a booking's room while the booking is on, beside what was expected
 * and the room's capacity. Filled into the event's slot when it is drawn, and repainted in place when a
 * `headcount.changed` event arrives, without redrawing the calendar.
 */
import type { CapacityLevel } from '../../server/shared/capacity.ts';
import type { Booking } from '../lib/types.ts';

export interface RoomCount {
  count: number;
  capacity: number;
  level: CapacityLevel;
}

export type Translate = (key: 'cal.event.inRoomNow' | 'cal.event.nearlyFull' | 'cal.event.full', params?: { n: number }) => string;

/** A booking is "on" from its start until its end. */
export function isOn(booking: Pick<Booking, 'start' | 'end' | 'status'>, now: Date): boolean {
  return booking.status === 'confirmed' && Date.parse(booking.start) <= now.getTime() && now.getTime() < Date.parse(booking.end);
}

/** Fill (or hide) one slot element for its booking. */
export function paintSlot(slot: HTMLElement, booking: Pick<Booking, 'start' | 'end' | 'status'>, count: RoomCount | undefined, now: Date, tr: Translate): void {
  if (!count || !isOn(booking, now)) {
    slot.hidden = true;
    slot.textContent = '';
    return;
  }
  slot.hidden = false;
  const level = count.level === 'full' ? ` · ${tr('cal.event.full')}` : count.level === 'warning' ? ` · ${tr('cal.event.nearlyFull')}` : '';
  slot.textContent = tr('cal.event.inRoomNow', { n: count.count }) + level;
  slot.dataset.level = count.level;
}
