/**
 * FullCalendar, driven by a `CalendarLive`: the one place that touches the Calendar object. Live changes are
 * applied as patches to its event store (add, setProp/setDates/setResources, remove), never as refetches,
 * except on resync. A booking being dragged, resized or saved is not touched until that is over: changes
 * for it wait and are applied afterwards, from the newest state.
 */
import { paintSlot, type RoomCount } from './in-room-now.ts';
import { Calendar, type EventApi, type EventContentArg, type EventInput } from '@fullcalendar/core';
import enGbLocale from '@fullcalendar/core/locales/en-gb';
import zhCnLocale from '@fullcalendar/core/locales/zh-cn';
import type { Lang } from '../lib/i18n-core.ts';
import { t } from '../lib/i18n.svelte.ts';
import type { Booking, Closure, Room } from '../lib/types.ts';
import type { BookingChange } from './bookings-state.ts';
import type { CalendarLive, CalendarSink } from './calendar-live.svelte.ts';
import { calendarOptions, openingHours, type CalendarHooks, type VenueHours } from './calendar-options.ts';
import { fitGridHours, wholeDays } from './grid-hours.ts';
import {
  BOOKINGS_SOURCE,
  bookingEventInputs,
  CLOSURE_PREFIX,
  CLOSURES_SOURCE,
  closureEventInput,
} from './event-view.ts';
import { MoveGuard } from './move-guard.ts';
import { toVenueWall } from './zone.ts';

export const FC_LOCALES: Record<Lang, string> = { 'zh-CN': 'zh-cn', en: 'en-gb' };
const HIGHLIGHT_MS = 6_000;

/** A drag or resize the user finished; `finish` must be called once the save is over (after any `revert`). */
export interface MoveRequest {
  booking: Booking;
  /** Wall dates (see zone.ts). */
  start: Date;
  end: Date;
  roomId: string;
  revert(): void;
  finish(): void;
}

export type RoomResource = { id: string; title: string; extendedProps: Record<string, unknown> };

export interface AdapterOptions
  extends Omit<CalendarHooks, 'onDrop' | 'content' | 'eventsOf' | 'closuresOf' | 'onBusy' | 'mounted'> {
  controller: CalendarLive;
  timeZone: string;
  hours: VenueHours;
  rooms: Room[];
  resourceOf(room: Room): RoomResource;
  roomsHeader: string;
  lang: Lang;
  editable: boolean;
  initialView: string;
  onMove(request: MoveRequest): void;
  /** Draws an event's inside; given the booking and its room. */
  content(arg: EventContentArg, booking: Booking | undefined, room: Room | undefined, count?: RoomCount): { domNodes: Node[] };
  /** The live headcount of a room, for the "in the room now" line. */
  countOf?(roomId: string): RoomCount | undefined;
}

export class CalendarAdapter implements CalendarSink {
  readonly calendar: Calendar;
  readonly #controller: CalendarLive;
  readonly #countOf: AdapterOptions['countOf'];
  readonly #timeZone: string;
  readonly #root: HTMLElement;
  #rooms = new Map<string, Room>();
  #hours: VenueHours;
  /** On a phone: only this room's bookings are shown (null: every room's). */
  #roomFilter: string | null = null;
  readonly #moves = new MoveGuard();
  #highlight: string | null = null;
  #highlightTimer: ReturnType<typeof setTimeout> | null = null;
  #reloadWaiters: Array<() => void> = [];
  #fitTimer: ReturnType<typeof setTimeout> | undefined;
  #disconnect: () => void;

  constructor(root: HTMLElement, options: AdapterOptions) {
    this.#root = root;
    this.#controller = options.controller;
    this.#countOf = options.countOf;
    this.#timeZone = options.timeZone;
    this.#hours = options.hours;
    for (const room of options.rooms) this.#rooms.set(room.id, room);
    this.calendar = new Calendar(root, {
      ...calendarOptions({
        ...options,
        locales: [zhCnLocale, enGbLocale],
        locale: FC_LOCALES[options.lang],
        resources: options.rooms.map((room) => options.resourceOf(room)),
        currentHours: () => this.#hours,
        eventsOf: async (start, end) => {
          try {
            const bookings = await this.#controller.loadBookings(wholeDays(start, end, this.#timeZone));
            return bookings.filter((b) => this.#inRoomFilter(b.roomId)).flatMap((b) => this.#inputs(b));
          } finally {
            this.#settleReload();
            this.#fit();
          }
        },
        closuresOf: async (start, end) => {
          const closures = await this.#controller.loadClosures(wholeDays(start, end, this.#timeZone));
          return closures.filter((c) => !c.roomId || this.#inRoomFilter(c.roomId)).map((c) => closureEventInput(c, this.#timeZone));
        },
        content: (arg) => {
          const booking = arg.event.extendedProps.booking as Booking | undefined;
          return options.content(arg, booking, booking ? this.#rooms.get(booking.roomId) : undefined, booking ? options.countOf?.(booking.roomId) : undefined);
        },
        onDrop: (event, revert) => this.#dropped(event, revert, options.onMove),
        onDatesSet: (text, type) => (options.onDatesSet(text, type), this.#fit()),
        onBusy: (id, busy) => {
          if (busy) this.#moves.begin(id, this.#controller.state.shown(id));
          // A drop handler (if any) has run by then, and holds the booking until its save is over.
          else setTimeout(() => this.#moves.stop(id) && this.#sync(id), 0);
        },
        mounted: (event, el) => this.#mounted(event, el),
      }),
    });
    this.#disconnect = this.#controller.connect(this);
    this.calendar.render();
  }

  destroy(): void {
    this.#disconnect();
    for (const timer of [this.#highlightTimer, this.#fitTimer]) if (timer) clearTimeout(timer);
    this.#settleReload();
    this.calendar.destroy();
  }

  // ---- CalendarSink -------------------------------------------------------------------------------------

  applyBookings(changes: BookingChange[]): void {
    this.#batch(() => changes.forEach((change) => this.#moves.defer(change.id) || this.#sync(change.id)));
    this.#fit();
  }

  upsertClosure(closure: Closure): void {
    this.calendar.getEventById(CLOSURE_PREFIX + closure.id)?.remove();
    if (closure.roomId && !this.#inRoomFilter(closure.roomId)) return;
    this.calendar.addEvent(closureEventInput(closure, this.#timeZone), CLOSURES_SOURCE);
  }

  removeClosure(id: string): void {
    this.calendar.getEventById(CLOSURE_PREFIX + id)?.remove();
  }

  repaintCounts(roomIds: ReadonlySet<string>): void {
    const now = new Date();
    for (const slot of this.#root.querySelectorAll<HTMLElement>('[data-slot="in-room-now"][data-room]')) {
      const roomId = slot.dataset.room!;
      if (!roomIds.has(roomId)) continue;
      const booking = this.#controller.state.latest(slot.dataset.booking ?? '');
      // A day's part of a booking over several days is on only during that part.
      const { partStart, partEnd } = slot.dataset;
      const timing = booking && partStart && partEnd ? { ...booking, start: partStart, end: partEnd } : booking;
      if (timing) paintSlot(slot, timing, this.#countOf?.(roomId), now, t);
    }
  }

  reload(): Promise<void> {
    return new Promise((resolve) => {
      this.#reloadWaiters.push(resolve);
      this.calendar.refetchEvents();
    });
  }

  // ---- What the page asks for ---------------------------------------------------------------------------

  setLocale(lang: Lang, roomsHeader: string): void {
    if (this.calendar.getOption('locale') === FC_LOCALES[lang]) return;
    this.calendar.setOption('locale', FC_LOCALES[lang]);
    this.calendar.setOption('resourceAreaHeaderContent', roomsHeader);
  }

  setEditable(editable: boolean): void {
    this.calendar.setOption('editable', editable);
    this.calendar.setOption('selectable', editable);
  }

  /** New opening hours: the grid's first and last hours follow; shading follows at the next render. */
  setHours(hours: VenueHours): void {
    const before = openingHours(this.#hours);
    const after = openingHours(hours);
    this.#hours = hours;
    // Bookings over several days are drawn within the hours of each day: draw them again.
    if (before.opensAt !== after.opensAt || before.closesAt !== after.closesAt) this.calendar.refetchEvents();
    this.#fit();
  }

  /** Show only one room's bookings (a phone's one-room view), or every room's (null). */
  setRoomFilter(roomId: string | null): void {
    if (this.#roomFilter === roomId) return;
    this.#roomFilter = roomId;
    // Drop the other rooms' events at once rather than showing them until the new ones arrive.
    this.calendar.removeAllEvents();
    this.calendar.refetchEvents();
  }

  /** Add new rooms and update changed ones (name, capacity, kind label in the current language), in place. */
  setRooms(rooms: Room[], resourceOf: (room: Room) => RoomResource): void {
    this.#batch(() => {
      for (const room of rooms) {
        this.#rooms.set(room.id, room);
        const input = resourceOf(room);
        const resource = this.calendar.getResourceById(room.id);
        if (!resource) {
          this.calendar.addResource(input);
          continue;
        }
        if (resource.title !== input.title) resource.setProp('title', input.title);
        for (const [key, value] of Object.entries(input.extendedProps)) {
          if (resource.extendedProps[key] !== value) resource.setExtendedProp(key, value);
        }
      }
    });
  }

  /** Show the date of a booking and make it stand out for a few seconds ("go to it"). */
  goTo(id: string, start: string): void {
    this.#highlight = id;
    if (this.#highlightTimer) clearTimeout(this.#highlightTimer);
    this.#highlightTimer = setTimeout(() => this.#clearHighlight(), HIGHLIGHT_MS);
    this.calendar.gotoDate(toVenueWall(start, this.#timeZone));
    const event = this.calendar.getEventById(id) ?? this.#partsOf(id)[0];
    if (event) {
      this.#sync(id);
      requestAnimationFrame(() => this.#scrollTo(id));
    }
  }

  // ---- Inside -------------------------------------------------------------------------------------------

  /** FullCalendar's batchRendering does not resume after a throw, which would freeze the calendar for good. */
  #batch(work: () => void): void {
    this.calendar.batchRendering(() => {
      try {
        work();
      } catch (error) {
        reportError(error);
      }
    });
  }

  #fit(): void {
    clearTimeout(this.#fitTimer); // later: once FullCalendar has stored what changed (not inside its callbacks)
    this.#fitTimer = setTimeout(() => fitGridHours(this.calendar, this.#hours), 0);
  }

  #inRoomFilter(roomId: string): boolean {
    return this.#roomFilter === null || this.#roomFilter === roomId;
  }

  /** The event (or, over several days, the day parts) of a booking. */
  #inputs(booking: Booking): EventInput[] {
    const inputs = bookingEventInputs(booking, this.#timeZone, openingHours(this.#hours));
    if (booking.id !== this.#highlight) return inputs;
    return inputs.map((input) => ({ ...input, classNames: [...(input.classNames as string[]), 'is-highlighted'] }));
  }

  /** The day parts drawn for a booking over several days. */
  #partsOf(id: string): EventApi[] {
    return this.calendar.getEvents().filter((event) => event.groupId === id);
  }

  /** Make the calendar's event match what the state says now. */
  #sync(id: string): void {
    const found = this.#controller.state.shown(id);
    const booking = found && this.#inRoomFilter(found.roomId) ? found : undefined;
    const event = this.calendar.getEventById(id);
    const parts = this.#partsOf(id);
    if (!booking) {
      event?.remove();
      for (const part of parts) part.remove();
      return;
    }
    const inputs = this.#inputs(booking);
    // Over several days (now or before): draw the parts afresh; they are never being dragged.
    if (inputs.length > 1 || parts.length > 0) {
      event?.remove();
      for (const part of parts) part.remove();
      for (const input of inputs) this.calendar.addEvent(input, BOOKINGS_SOURCE);
      return;
    }
    const input = inputs[0]!;
    if (!event) {
      this.calendar.addEvent(input, BOOKINGS_SOURCE);
      return;
    }
    event.setProp('title', booking.title);
    event.setDates(input.start as Date, input.end as Date);
    if (event.getResources()[0]?.id !== booking.roomId) event.setResources([booking.roomId]);
    event.setProp('classNames', input.classNames);
    event.setProp('backgroundColor', input.backgroundColor);
    event.setProp('borderColor', input.borderColor);
    event.setProp('textColor', input.textColor);
    event.setProp('editable', input.editable);
    event.setExtendedProp('booking', booking);
  }

  #dropped(event: EventApi, revert: () => void, onMove: (request: MoveRequest) => void): void {
    const booking = this.#moves.origin(event.id) ?? this.#controller.state.shown(event.id);
    const start = event.start;
    const end = event.end;
    if (!booking || !start || !end) {
      revert();
      return;
    }
    this.#moves.save(event.id);
    let finished = false;
    onMove({
      booking,
      start,
      end,
      roomId: event.getResources()[0]?.id ?? booking.roomId,
      revert,
      finish: () => {
        if (finished) return;
        finished = true;
        if (this.#moves.finish(event.id)) this.#sync(event.id);
      },
    });
  }

  #mounted(event: EventApi, el: HTMLElement): void {
    if (event.display === 'background') return;
    const bookingId = event.groupId || event.id;
    el.dataset.bookingId = bookingId;
    if (bookingId === this.#highlight) requestAnimationFrame(() => this.#scrollTo(bookingId));
  }

  #scrollTo(id: string): void {
    const el = this.#root.querySelector<HTMLElement>(`[data-booking-id="${CSS.escape(id)}"]`);
    el?.scrollIntoView({ block: 'center', inline: 'center', behavior: 'smooth' });
  }

  #clearHighlight(): void {
    const id = this.#highlight;
    this.#highlight = null;
    if (id && !this.#moves.defer(id)) this.#sync(id);
  }

  #settleReload(): void {
    const waiters = this.#reloadWaiters;
    this.#reloadWaiters = [];
    for (const resolve of waiters) resolve();
  }
}
