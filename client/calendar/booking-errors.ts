/**
 * What to tell a coordinator when the server refuses a booking change, and what to offer with it: the
 * clashing bookings by name and time (each with "go to it"), the closures in the way, or the booking as
 * someone else just left it. Pure, so it is tested without a browser.
 */
import { ApiError, NetworkError } from '../lib/api.ts';
import { formatInstant, type Lang } from '../lib/i18n-core.ts';
import type { MessageKey } from '../lib/messages/zh-CN.ts';
import type { Booking, BookingConflict, Closure } from '../lib/types.ts';
import { asBooking } from './bookings-state.ts';
import type { Translate } from './event-view.ts';
import { toVenueWall, wallDate } from './zone.ts';

export interface BookingProblem {
  /** The server's code, or 'network' / 'unexpected'. */
  code: string;
  /** One sentence in the user's language. */
  message: string;
  /** The server's own words, when they add something (which rule of a repeat rule is wrong, …). */
  detail: string | null;
  conflicts: BookingConflict[];
  closures: Closure[];
  /** For `version_conflict`: the booking as it is now. */
  current: Booking | null;
  /** For `validation_failed`: the field named, as the form calls it. */
  field: string | null;
}

export interface ProblemContext {
  tr: Translate;
  /** Set when the refused change was a drag or resize of this booking. */
  movedTitle?: string | undefined;
}

const FIELD_LABELS: Record<string, MessageKey> = {
  title: 'booking.title',
  kind: 'booking.kind',
  roomId: 'booking.room',
  start: 'booking.start',
  end: 'booking.end',
  expectedCount: 'booking.expected',
  notes: 'booking.notes',
  recurrence: 'booking.repeat',
  rrule: 'booking.repeat',
  exdates: 'booking.repeat.exceptions',
  reason: 'closure.reason',
};

/** `/recurrence/rrule`, `body.recurrence.rrule`, `recurrence` → the form's field: `recurrence`. */
export function formField(field: unknown): string | null {
  if (typeof field !== 'string' || field === '') return null;
  const segments = field.split(/[/.[\]]+/).filter((s) => s !== '' && s !== 'body');
  const known = segments.find((s) => Object.hasOwn(FIELD_LABELS, s));
  if (!known) return segments[0] ?? null;
  return known === 'rrule' || known === 'exdates' ? 'recurrence' : known;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function asConflicts(value: unknown): BookingConflict[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (c): c is BookingConflict =>
      isObject(c) && typeof c.id === 'string' && typeof c.title === 'string' && typeof c.start === 'string' && typeof c.end === 'string',
  );
}

function asClosures(value: unknown): Closure[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (c): c is Closure => isObject(c) && typeof c.id === 'string' && typeof c.start === 'string' && typeof c.reason === 'string',
  );
}

export function describeBookingError(error: unknown, { tr, movedTitle }: ProblemContext): BookingProblem {
  const problem: BookingProblem = {
    code: 'unexpected',
    message: tr('common.unexpected'),
    detail: null,
    conflicts: [],
    closures: [],
    current: null,
    field: null,
  };
  const moved = movedTitle !== undefined ? { title: movedTitle } : null;
  if (error instanceof NetworkError) return { ...problem, code: 'network', message: tr('common.networkError') };
  if (!(error instanceof ApiError)) return problem;
  const body = error.body;
  const withCode = { ...problem, code: error.code, detail: error.message || null };
  switch (error.code) {
    case 'booking_conflict':
      return {
        ...withCode,
        message: moved ? tr('err.moveConflict', moved) : tr('err.conflict'),
        detail: null,
        conflicts: asConflicts(body.conflicts),
        closures: asClosures(body.closures),
      };
    case 'venue_closed':
      return { ...withCode, message: moved ? tr('err.moveClosed', moved) : tr('err.closed'), detail: null, closures: asClosures(body.closures) };
    case 'version_conflict':
      return { ...withCode, message: tr('err.stale'), detail: null, current: asBooking(body.current) };
    case 'validation_failed': {
      const field = formField(error.field);
      const label = field && Object.hasOwn(FIELD_LABELS, field) ? tr(FIELD_LABELS[field] as MessageKey) : null;
      return { ...withCode, field, message: label ? tr('err.invalidField', { field: label }) : tr('err.invalid') };
    }
    case 'forbidden':
      return { ...withCode, message: tr('err.forbidden'), detail: null };
    case 'not_found':
      return { ...withCode, message: tr('err.notFound'), detail: null };
    case 'payload_too_large':
      return { ...withCode, message: tr('err.tooLarge'), detail: null };
    default:
      // A code this screen does not know: the server's sentence is meant to be acted on.
      return { ...withCode, message: error.message || (moved ? tr('err.moveFailed', moved) : problem.message), detail: null };
  }
}

/** "2027/03/02 09:00–10:30" in the venue's zone; both dates when it spans days. */
export function formatSpan(start: string, end: string, timeZone: string, lang: Lang): string {
  const sameDay = wallDate(toVenueWall(start, timeZone)) === wallDate(toVenueWall(end, timeZone));
  const from = formatInstant(start, timeZone, lang, 'dateTime');
  const to = formatInstant(end, timeZone, lang, sameDay ? 'shortTime' : 'dateTime');
  return `${from}–${to}`;
}

/** One clashing booking as a line: "「书法班」 一号教室 2027/03/02 09:00–10:30". */
export function conflictLine(
  conflict: BookingConflict,
  context: { tr: Translate; lang: Lang; timeZone: string; roomName: (id: string) => string },
): string {
  const line = context.tr('err.conflictItem', {
    title: conflict.title,
    room: context.roomName(conflict.roomId),
    time: formatSpan(conflict.start, conflict.end, context.timeZone, context.lang),
  });
  if (!conflict.occurrence) return line;
  const date = formatInstant(conflict.occurrence.start, context.timeZone, context.lang, 'date');
  return `${line} ${context.tr('err.occurrence', { date })}`;
}

/** The days of a closure: "2027/02/10–2027/02/16" for whole days (the end is exclusive), else the span. */
export function closureDays(closure: Pick<Closure, 'start' | 'end'>, timeZone: string, lang: Lang): string {
  const start = toVenueWall(closure.start, timeZone);
  const end = toVenueWall(closure.end, timeZone);
  const midnight = (d: Date) => d.getUTCHours() === 0 && d.getUTCMinutes() === 0;
  if (!midnight(start) || !midnight(end)) return formatSpan(closure.start, closure.end, timeZone, lang);
  // The wall date itself, formatted in UTC: it already is the venue's date.
  const first = formatInstant(start, 'UTC', lang, 'date');
  const last = formatInstant(new Date(end.getTime() - 86_400_000), 'UTC', lang, 'date');
  return first === last ? first : `${first}–${last}`;
}

/** One closure as a line: "春节放假 2027/02/10–2027/02/16". */
export function closureLine(closure: Closure, timeZone: string, lang: Lang): string {
  return `${closure.reason} ${closureDays(closure, timeZone, lang)}`;
}
