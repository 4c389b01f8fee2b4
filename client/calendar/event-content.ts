/**
 * The inside of a booking on the calendar, built as DOM nodes for FullCalendar's `eventContent`:
 * time, title, then "kind · expected N · capacity M", and the live headcount while the booking is on.
 */
import type { EventContentArg } from '@fullcalendar/core';
import { i18n, t } from '../lib/i18n.svelte.ts';
import { spanWithDates, type WallSpan } from './day-parts.ts';
import type { Booking, Room } from '../lib/types.ts';
import { eventMetaLine, overCapacity } from './event-view.ts';
import { paintSlot, type RoomCount } from './in-room-now.ts';

function line(className: string, text: string): HTMLElement {
  const el = document.createElement('div');
  el.className = className;
  el.textContent = text;
  return el;
}

export function eventContent(
  arg: EventContentArg,
  booking: Booking | undefined,
  room: Room | undefined,
  count?: RoomCount,
): { domNodes: Node[] } {
  const box = document.createElement('div');
  box.className = 'bk';
  // Over several days: the whole span with its dates ("12月7日 09:00 – 12月13日 17:00"), whichever day is shown.
  const span = arg.event.extendedProps.span as WallSpan | undefined;
  if (span) box.append(line('bk-time bk-span', spanWithDates(span, i18n.lang)));
  else if (arg.timeText) box.append(line('bk-time', arg.timeText));
  box.append(line('bk-title', arg.event.title));
  // Over capacity: a ⚠ at the very start of the first line and an amber edge, seen even on a one-hour block
  // whose lower lines are clipped (the full tag below stays for blocks tall enough to show it).
  if (booking && overCapacity(booking, room)) {
    box.classList.add('over-capacity');
    const flag = document.createElement('span');
    flag.className = 'bk-flag';
    flag.textContent = '⚠';
    flag.setAttribute('aria-hidden', 'true');
    box.firstElementChild!.prepend(flag);
  }
  if (booking) {
    const meta = eventMetaLine(booking, room, t);
    // The list view has no room columns: name the room there.
    box.append(line('bk-meta', arg.view.type.startsWith('list') && room ? `${room.name} · ${meta}` : meta));
    if (overCapacity(booking, room)) box.append(line('bk-warn', t('cal.event.overCapacity')));
  }
  // The whole text as a tooltip: a month's day cell or a narrow room column shows only part of it.
  box.title = Array.from(box.children, (child) => child.textContent?.replace(/^⚠/, '')).join('\n');
  // "In the room now: N" while the booking is on; repainted in place when the headcount changes.
  const inRoomNow = document.createElement('div');
  inRoomNow.className = 'bk-in-room-now';
  inRoomNow.dataset.slot = 'in-room-now';
  if (booking) {
    inRoomNow.dataset.room = booking.roomId;
    inRoomNow.dataset.booking = booking.id;
    const part = arg.event.extendedProps.part as { start: string; end: string } | undefined;
    if (part) {
      inRoomNow.dataset.partStart = part.start;
      inRoomNow.dataset.partEnd = part.end;
    }
    paintSlot(inRoomNow, part ? { ...booking, start: part.start, end: part.end } : booking, count, new Date(), t);
  } else {
    inRoomNow.hidden = true;
  }
  box.append(inRoomNow);
  return { domNodes: [box] };
}
