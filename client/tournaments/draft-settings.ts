/**
 * A draft's courts, date and time, changed on its page (PATCH /api/tournaments/:id before the start), and the
 * bookings that refused its start, each with its court, its time in the venue's zone and a link to it on the
 * calendar. Pure, so it is tested without a browser.
 */
import { localDateOf, zonedToInstant } from '../../server/shared/zoned-time.ts';

export interface DraftSettingsForm {
  roomIds: string[];
  /** Venue wall date ('YYYY-MM-DD'); empty: not scheduled (no courts booked at the start). */
  date: string;
  /** Venue wall time ('HH:MM'). */
  time: string;
}

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
const TIME_RE = /^([01]\d|2[0-3]):[0-5]\d$/;

/** The form as the draft is now, in the venue's zone. */
export function draftSettingsOf(tournament: { roomIds: string[]; startsAt: string | null }, timeZone: string): DraftSettingsForm {
  if (!tournament.startsAt) return { roomIds: [...tournament.roomIds], date: '', time: '09:00' };
  const at = new Date(tournament.startsAt);
  const time = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at);
  return { roomIds: [...tournament.roomIds], date: localDateOf(at, timeZone), time };
}

export type DraftSettingsProblem = 'time_invalid';

export function checkDraftSettings(form: DraftSettingsForm): DraftSettingsProblem | null {
  if (form.date && (!DATE_RE.test(form.date) || !TIME_RE.test(form.time))) return 'time_invalid';
  return null;
}

/** The PATCH body: the courts and the start instant (the venue's wall time in its zone). */
export function draftSettingsBody(form: DraftSettingsForm, timeZone: string): { roomIds: string[]; startsAt?: string } {
  return { roomIds: [...form.roomIds], ...(form.date ? { startsAt: zonedToInstant(form.date, form.time, timeZone).toISOString() } : {}) };
}

export interface Clash {
  id: string;
  title: string;
  room: string;
  /** Date and time span in the venue's zone, e.g. "12月15日 09:30–10:30". */
  when: string;
  /** The booking on the calendar (`#/?venue=V&booking=ID&at=START`). */
  href: string;
}

interface RawConflict {
  id: string;
  roomId?: string;
  title: string;
  start: string;
  end: string;
}

function isConflict(value: unknown): value is RawConflict {
  if (typeof value !== 'object' || value === null) return false;
  const c = value as Record<string, unknown>;
  return typeof c.id === 'string' && typeof c.title === 'string' && typeof c.start === 'string' && typeof c.end === 'string';
}

export function calendarHref(venueId: string, bookingId: string, start: string): string {
  return `#/?${new URLSearchParams({ venue: venueId, booking: bookingId, at: start }).toString()}`;
}

/**
 * The `conflicts` of a `booking_conflict` refusal as lines to show: one per booking, in time order, each
 * naming its court. `format` renders an instant in the venue's zone ('dateTime' and 'shortTime' styles).
 */
export function clashesOf(
  conflicts: unknown,
  rooms: ReadonlyArray<{ id: string; name: string }>,
  venueId: string,
  format: (instant: string, style: 'dateTime' | 'shortTime') => string,
): Clash[] {
  if (!Array.isArray(conflicts)) return [];
  const seen = new Set<string>();
  return conflicts
    .filter(isConflict)
    .filter((c) => !seen.has(c.id) && !!seen.add(c.id))
    .sort((a, b) => Date.parse(a.start) - Date.parse(b.start))
    .map((c) => ({
      id: c.id,
      title: c.title,
      room: rooms.find((r) => r.id === c.roomId)?.name ?? '',
      when: `${format(c.start, 'dateTime')}–${format(c.end, 'shortTime')}`,
      href: calendarHref(venueId, c.id, c.start),
    }));
}
