/**
 * FullCalendar's options for the coordinators' calendar: the views, the venue's hours, and the hooks that
 * connect it to the page. The calendar runs in 'UTC' on venue wall dates (see zone.ts), so "now" is the
 * venue's wall clock too.
 */
import type { CalendarOptions, EventApi, EventContentArg, EventInput, EventSourceFuncArg, LocaleInput } from '@fullcalendar/core';
import interactionPlugin from '@fullcalendar/interaction';
import listPlugin from '@fullcalendar/list';
import resourceTimeGridPlugin from '@fullcalendar/resource-timegrid';
import resourceTimelinePlugin from '@fullcalendar/resource-timeline';
import { dayLabelNodes } from './slot-labels.ts';

/** The views offered on a wide screen, in the order of the view switch. */
export const VIEWS = ['resourceTimeGridDay', 'roomsWeek', 'resourceTimelineWeek', 'resourceTimelineMonth', 'listWeek'] as const;
/** On a phone a column per room cannot be read: one room's day, or the list (both filtered by a room picker). */
export const NARROW_VIEWS = ['roomDay', 'listWeek'] as const;
export type ViewName = (typeof VIEWS)[number] | (typeof NARROW_VIEWS)[number];
const ALL_VIEWS: readonly string[] = [...VIEWS, ...NARROW_VIEWS];
export const isViewName = (value: unknown): value is ViewName => typeof value === 'string' && ALL_VIEWS.includes(value);
/** Narrower than this (CSS pixels), the calendar offers NARROW_VIEWS. */
export const NARROW_MAX_WIDTH = 700;

/** The view to show: the one chosen if this screen offers it, else the screen's first. */
export function viewFor(chosen: ViewName, narrow: boolean): ViewName {
  const offered: readonly ViewName[] = narrow ? NARROW_VIEWS : VIEWS;
  return offered.includes(chosen) ? chosen : offered[0]!;
}

export interface VenueHours {
  opensAt?: string | null | undefined;
  closesAt?: string | null | undefined;
}

export const DEFAULT_OPENS_AT = '08:00';
export const DEFAULT_CLOSES_AT = '21:00';
/** Hours shown before opening and after closing: setting up, late finishes. */
const MARGIN_MINUTES = 60;

function minutesOf(time: string | null | undefined, fallback: string): number {
  const m = /^(\d{2}):(\d{2})/.exec(time ?? '') ?? /^(\d{2}):(\d{2})/.exec(fallback);
  return m ? Number(m[1]) * 60 + Number(m[2]) : 0;
}

const hhmm = (minutes: number): string =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}:00`;

/** The venue's opening hours ('HH:MM'), the defaults when it has none. */
export function openingHours(hours: VenueHours): { opensAt: string; closesAt: string } {
  return {
    opensAt: hhmm(minutesOf(hours.opensAt, DEFAULT_OPENS_AT)).slice(0, 5),
    closesAt: hhmm(minutesOf(hours.closesAt, DEFAULT_CLOSES_AT)).slice(0, 5),
  };
}

/** The time grid's first and last hour (opening hours with a margin, on whole hours) and business hours. */
export function hourOptions(hours: VenueHours) {
  const opens = minutesOf(hours.opensAt, DEFAULT_OPENS_AT);
  let closes = minutesOf(hours.closesAt, DEFAULT_CLOSES_AT);
  if (closes <= opens) closes = 24 * 60; // open past midnight: show to the end of the day
  const min = Math.max(0, Math.floor((opens - MARGIN_MINUTES) / 60) * 60);
  const max = Math.min(24 * 60, Math.ceil((closes + MARGIN_MINUTES) / 60) * 60);
  return { slotMinTime: hhmm(min), slotMaxTime: hhmm(max) };
}

/**
 * Whether a time of day (minutes after midnight) is outside the opening hours: those slots are shaded.
 * (Shaded by class rather than FullCalendar's `businessHours`: changing that option on a live calendar left
 * some parts with a stale context, and drops inside the calendar then stopped firing `eventDrop`.)
 */
export function outsideHours(minutes: number, hours: VenueHours): boolean {
  const opens = minutesOf(hours.opensAt, DEFAULT_OPENS_AT);
  const closes = minutesOf(hours.closesAt, DEFAULT_CLOSES_AT);
  return closes > opens ? minutes < opens || minutes >= closes : minutes < opens && minutes >= closes;
}

export interface CalendarHooks {
  /** Events of a visible range (wall dates). */
  eventsOf(start: Date, end: Date): Promise<EventInput[]>;
  closuresOf(start: Date, end: Date): Promise<EventInput[]>;
  content(arg: EventContentArg): { domNodes: Node[] };
  now(): Date;
  onSelect(start: Date, end: Date, roomId: string | null): void;
  onOpen(id: string): void;
  onDrop(event: EventApi, revert: () => void): void;
  /** A drag or resize of this event started (true) or stopped (false). */
  onBusy(id: string, busy: boolean): void;
  mounted(event: EventApi, el: HTMLElement): void;
  onDatesSet(title: string, view: string): void;
  onLoading(loading: boolean): void;
  onLoadError(error: unknown): void;
  resourceLabel(resourceId: string): { domNodes: Node[] };
}

export interface OptionsInput extends CalendarHooks {
  hours: VenueHours;
  /** The hours now (they may change while the calendar is open). */
  currentHours(): VenueHours;
  resources: Array<{ id: string; title: string; extendedProps: object }>;
  editable: boolean;
  initialView: string;
  locale: string;
  locales: LocaleInput[];
  roomsHeader: string;
}

const TIME_FORMAT = { hour: '2-digit', minute: '2-digit', hour12: false } as const;

export function calendarOptions(input: OptionsInput): CalendarOptions {
  return {
    plugins: [resourceTimeGridPlugin, resourceTimelinePlugin, listPlugin, interactionPlugin],
    // FullCalendar Premium under its GPLv3 option; centre-ops is GPL-3.0-or-later (see the README's licence line).
    schedulerLicenseKey: 'GPL-My-Project-Is-Open-Source',
    timeZone: 'UTC',
    now: input.now,
    locales: input.locales,
    locale: input.locale,
    firstDay: 1,
    initialView: input.initialView,
    headerToolbar: false,
    height: 'auto',
    nowIndicator: true,
    allDaySlot: false,
    ...hourOptions(input.hours),
    scrollTimeReset: false,
    slotLabelFormat: TIME_FORMAT,
    slotLaneClassNames: (arg) => {
      // Time-grid rows carry a time of day; hourly timeline slots a date; the month's day slots neither.
      const minutes = arg.time
        ? arg.time.milliseconds / 60_000
        : arg.date && arg.view.type === 'resourceTimelineWeek'
          ? arg.date.getUTCHours() * 60 + arg.date.getUTCMinutes()
          : null;
      return minutes !== null && outsideHours(minutes, input.currentHours()) ? ['outside-hours'] : [];
    },
    eventTimeFormat: TIME_FORMAT,
    resources: input.resources,
    resourceOrder: 'kindOrder,title',
    resourceAreaHeaderContent: input.roomsHeader,
    resourceLabelContent: (arg) => input.resourceLabel(arg.resource.id),
    views: {
      // The week by room: rooms as rows, the seven days as columns (a column per room and day was 105
      // columns, 7,500 px wide). A day cell lists that room's bookings of the day with their times.
      roomsWeek: {
        type: 'resourceTimeline',
        duration: { weeks: 1 },
        slotDuration: { days: 1 },
        slotLabelFormat: { month: 'long', day: 'numeric', weekday: 'short' },
        slotMinWidth: 120,
        resourceGroupField: 'kindLabel',
        resourceAreaWidth: '12rem',
      },
      // One room's day, on a phone: the room is chosen above the calendar (its events are filtered).
      roomDay: { type: 'timeGrid', duration: { days: 1 } },
      // The whole week across the width (at 1440 px it showed 1⅓ days and scrolled sideways): hourly slots as
      // narrow as the width allows, the hours named every three.
      resourceTimelineWeek: {
        slotDuration: '01:00:00',
        slotLabelInterval: '03:00:00',
        slotMinWidth: 8,
        slotLabelFormat: [{ weekday: 'short', month: 'numeric', day: 'numeric' }, TIME_FORMAT],
        // The hour alone ("07", "10"): "10:00" does not fit three narrow hours.
        slotLabelContent: (arg) => (arg.level === 1 ? String(arg.date.getUTCHours()).padStart(2, '0') : true),
        resourceGroupField: 'kindLabel',
        resourceAreaWidth: '11rem',
      },
      resourceTimelineMonth: {
        resourceGroupField: 'kindLabel',
        resourceAreaWidth: '14rem',
        // The month over the days; each day headed by its date and weekday (never "00:00").
        slotLabelFormat: [{ year: 'numeric', month: 'long' }, { day: 'numeric' }],
        slotLabelContent: (arg) => (arg.level === 1 ? dayLabelNodes(arg.date, String(arg.view.getOption('locale'))) : true),
        slotMinWidth: 44,
      },
      listWeek: { listDayFormat: { weekday: 'long', month: 'long', day: 'numeric' }, listDaySideFormat: false },
    },
    editable: input.editable,
    selectable: input.editable,
    eventResourceEditable: true,
    selectMirror: true,
    eventInteractive: true,
    eventSources: [
      { id: 'bookings', events: (info: EventSourceFuncArg) => input.eventsOf(info.start, info.end) },
      { id: 'closures', events: (info: EventSourceFuncArg) => input.closuresOf(info.start, info.end) },
    ],
    eventSourceFailure: (error) => input.onLoadError(error),
    loading: (loading) => input.onLoading(loading),
    eventContent: (arg) => (arg.event.display === 'background' ? true : input.content(arg)),
    eventDidMount: (arg) => input.mounted(arg.event, arg.el),
    select: (info) => {
      input.onSelect(info.start, info.end, info.resource?.id ?? null);
    },
    eventClick: (info) => {
      info.jsEvent.preventDefault();
      // A booking over several days is drawn as one part per day, grouped under the booking's id.
      input.onOpen(info.event.groupId || info.event.id);
    },
    eventDragStart: (info) => input.onBusy(info.event.id, true),
    eventDragStop: (info) => input.onBusy(info.event.id, false),
    eventResizeStart: (info) => input.onBusy(info.event.id, true),
    eventResizeStop: (info) => input.onBusy(info.event.id, false),
    eventDrop: (info) => input.onDrop(info.event, info.revert),
    eventResize: (info) => input.onDrop(info.event, info.revert),
    datesSet: (info) => input.onDatesSet(info.view.title, info.view.type),
  };
}
