/**
 * The booking form's values and the requests made from them, kept pure. The form edits venue-local dates and
 * times ('YYYY-MM-DD', 'HH:MM'); requests carry instants, converted in the venue's zone (zone.ts).
 */
import type { MessageKey } from '../lib/messages/zh-CN.ts';
import type { BookingKind } from '../../server/shared/enums.ts';
import type {
  Booking,
  BookingRecurrence,
  CreateBookingRequest,
  SeriesScope,
  UpdateBookingRequest,
} from '../lib/types.ts';
import { knownKind } from './kinds.ts';
import { buildRecurrence, initialRepeat, withStartDate, type RepeatFields, type RepeatProblem } from './rrule.ts';
import { addDays, parseWall, toVenueWall, wallDate, wallTime, wallToIso } from './zone.ts';

export interface BookingFormValues {
  title: string;
  kind: BookingKind;
  roomId: string;
  startDate: string;
  startTime: string;
  endDate: string;
  endTime: string;
  /** Empty when not known. */
  expectedCount: number | null;
  notes: string;
  repeat: RepeatFields;
  skipConflicts: boolean;
}

export type FormField = 'title' | 'roomId' | 'start' | 'end' | 'recurrence';

export type FormCheck<T> = { ok: true; value: T } | { ok: false; problem: MessageKey; field: FormField };

const REPEAT_PROBLEMS: Record<RepeatProblem, MessageKey> = {
  noWeekdays: 'booking.problem.noWeekdays',
  noUntil: 'booking.problem.noUntil',
  untilBeforeStart: 'booking.problem.untilBeforeStart',
  badExdate: 'booking.problem.badExdate',
};

/** How long a term runs by default when "weekly" is switched on: about four months. */
const DEFAULT_TERM_DAYS = 16 * 7;

export interface OpeningHours {
  opensAt: string;
  closesAt: string;
}

/**
 * A new form for a selected span (wall dates). A selection of whole days (timeline month, list) becomes the
 * opening hours of those days: an exhibition over a week, say.
 */
export function valuesForSelection(start: Date, end: Date, roomId: string, hours: OpeningHours): BookingFormValues {
  const wholeDays = wallTime(start) === '00:00' && wallTime(end) === '00:00' && end > start;
  const startDate = wallDate(start);
  const endDate = wholeDays ? addDays(wallDate(end), -1) : wallDate(end);
  return {
    title: '',
    kind: 'activity',
    roomId,
    startDate,
    startTime: wholeDays ? hours.opensAt : wallTime(start),
    endDate,
    endTime: wholeDays ? hours.closesAt : wallTime(end),
    expectedCount: null,
    notes: '',
    repeat: initialRepeat(startDate, addDays(startDate, DEFAULT_TERM_DAYS)),
    skipConflicts: false,
  };
}

/**
 * Where "new booking" from the toolbar starts (wall dates): on the day shown, at opening time; today, at the
 * next whole hour while an hour is left before closing, else at opening time the next day (at 22:50 it was
 * 23:00–00:00, a booking ending the next day that a coordinator changing only the times did not notice).
 */
export function toolbarStart(now: Date, shownDate: string, hours: OpeningHours): Date {
  const today = wallDate(now);
  if (shownDate !== today) return parseWall(shownDate, hours.opensAt);
  const next = new Date(Math.ceil(now.getTime() / 3_600_000) * 3_600_000);
  if (next < parseWall(today, hours.opensAt)) return parseWall(today, hours.opensAt);
  if (next.getTime() + 3_600_000 > parseWall(today, hours.closesAt).getTime()) return parseWall(addDays(today, 1), hours.opensAt);
  return next;
}

/** The form for changing an existing booking (its repeat rule is not edited here). */
export function valuesForBooking(booking: Booking, timeZone: string): BookingFormValues {
  const start = toVenueWall(booking.start, timeZone);
  const end = toVenueWall(booking.end, timeZone);
  return {
    title: booking.title,
    kind: knownKind(booking.kind),
    roomId: booking.roomId,
    startDate: wallDate(start),
    startTime: wallTime(start),
    endDate: wallDate(end),
    endTime: wallTime(end),
    expectedCount: booking.expectedCount,
    notes: booking.notes ?? '',
    repeat: initialRepeat(wallDate(start), addDays(wallDate(start), DEFAULT_TERM_DAYS)),
    skipConflicts: false,
  };
}

/**
 * The form after its start date changed: the end date moves by as many days (a one-day booking stays one
 * day, an exhibition keeps its length), and an auto-ticked repeat weekday follows the new date.
 */
export function moveStartDate(values: BookingFormValues, startDate: string): BookingFormValues {
  const from = parseWall(values.startDate).getTime();
  const to = parseWall(startDate).getTime();
  if (Number.isNaN(to)) return { ...values, startDate };
  const days = Number.isNaN(from) ? 0 : Math.round((to - from) / 86_400_000);
  return { ...values, startDate, endDate: addDays(values.endDate, days), repeat: withStartDate(values.repeat, startDate) };
}

/** The instants of the form's start and end. */
export function formInstants(values: BookingFormValues, timeZone: string): FormCheck<{ start: string; end: string }> {
  const start = wallToIso(values.startDate, values.startTime, timeZone);
  if (!start) return { ok: false, problem: 'booking.problem.time', field: 'start' };
  const end = wallToIso(values.endDate, values.endTime, timeZone);
  if (!end) return { ok: false, problem: 'booking.problem.time', field: 'end' };
  if (Date.parse(end) <= Date.parse(start)) return { ok: false, problem: 'booking.problem.endBeforeStart', field: 'end' };
  return { ok: true, value: { start, end } };
}

function recurrenceOf(values: BookingFormValues): FormCheck<BookingRecurrence | null> {
  const built = buildRecurrence(values.repeat, values.startDate);
  if (!built.ok) return { ok: false, problem: REPEAT_PROBLEMS[built.problem], field: 'recurrence' };
  return { ok: true, value: built.recurrence };
}

/** The body of `POST /api/bookings/check`, or null while the form cannot be checked yet. */
export function checkBody(values: BookingFormValues, timeZone: string, bookingId?: string) {
  if (!values.roomId) return null;
  const times = formInstants(values, timeZone);
  if (!times.ok) return null;
  const recurrence = bookingId ? { ok: true as const, value: null } : recurrenceOf(values);
  if (!recurrence.ok) return null;
  return {
    roomId: values.roomId,
    ...times.value,
    ...(recurrence.value ? { recurrence: recurrence.value } : {}),
    ...(bookingId ? { bookingId } : {}),
  };
}

/** The body of `POST /api/bookings`. */
export function createBody(values: BookingFormValues, timeZone: string): FormCheck<CreateBookingRequest> {
  const title = values.title.trim();
  if (!title) return { ok: false, problem: 'booking.problem.title', field: 'title' };
  if (!values.roomId) return { ok: false, problem: 'booking.problem.room', field: 'roomId' };
  const times = formInstants(values, timeZone);
  if (!times.ok) return times;
  const recurrence = recurrenceOf(values);
  if (!recurrence.ok) return recurrence;
  const notes = values.notes.trim();
  const request: CreateBookingRequest = { roomId: values.roomId, ...times.value, title, kind: values.kind };
  if (values.expectedCount !== null) request.expectedCount = values.expectedCount;
  if (notes) request.notes = notes;
  if (recurrence.value) {
    request.recurrence = recurrence.value;
    if (values.skipConflicts) request.skipConflicts = true;
  }
  return { ok: true, value: request };
}

/** The body of `PATCH /api/bookings/:id`: only what changed, with the version the form started from. */
export function updateBody(
  values: BookingFormValues,
  booking: Booking,
  timeZone: string,
  scope: SeriesScope | null,
): FormCheck<UpdateBookingRequest> {
  const title = values.title.trim();
  if (!title) return { ok: false, problem: 'booking.problem.title', field: 'title' };
  const times = formInstants(values, timeZone);
  if (!times.ok) return times;
  const request: UpdateBookingRequest = { version: booking.version };
  if (Date.parse(times.value.start) !== Date.parse(booking.start)) request.start = times.value.start;
  if (Date.parse(times.value.end) !== Date.parse(booking.end)) request.end = times.value.end;
  if (values.roomId !== booking.roomId) request.roomId = values.roomId;
  if (title !== booking.title) request.title = title;
  if (values.kind !== booking.kind) request.kind = values.kind;
  if (values.expectedCount !== booking.expectedCount) request.expectedCount = values.expectedCount;
  const notes = values.notes.trim() || null;
  if (notes !== (booking.notes ?? null)) request.notes = notes;
  if (scope && booking.seriesId) request.scope = scope;
  return { ok: true, value: request };
}
