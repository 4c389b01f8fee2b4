/**
 * RFC 5545 calendar feeds of bookings (`GET /api/rooms/:roomId/calendar.ics`) that Outlook, Apple Calendar
 * and Google Calendar accept. Events carry local times with TZID of the venue's zone and the calendar carries
 * one VTIMEZONE built from the zone's real offset changes (Intl), so no client has to know the IANA name.
 *
 * What must stay true: CRLF line endings (the file too ends with one), lines folded at 75 octets of UTF-8
 * without splitting a character, TEXT values escaped, and every local time in the events covered by a
 * VTIMEZONE observance that starts before it.
 */
import { offsetTransitions, weekdayOf, daysInMonth, zonedFields, zonedToInstant, offsetMinutesAt, type OffsetTransition } from '../../shared/zoned-time.ts';

export interface CalendarEvent {
  uid: string; // stable per booking, so clients update rather than duplicate
  start: Date;
  end: Date;
  summary: string;
  description?: string;
  location?: string;
  status: 'CONFIRMED' | 'CANCELLED';
  sequence: number; // the booking's version: clients apply a change only when it grows
  created: Date;
  lastModified: Date;
}

export interface BuildCalendarInput {
  name: string;
  timeZone: string;
  productId?: string;
  events: CalendarEvent[];
  /** DTSTAMP of every event: when this feed was generated. Defaults to now; tests pass a fixed instant. */
  stamp?: Date;
}

const DEFAULT_PRODUCT_ID = '-//centre-ops//Room bookings//EN';
const DAY_CODES = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
const MAX_OCTETS = 75;

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/**
 * Escapes a TEXT value (RFC 5545 §3.3.11): backslash, semicolon, comma, and line breaks as \n. Other control
 * characters are not allowed in TEXT and are dropped; lone UTF-16 surrogates become U+FFFD.
 */
export function escapeText(value: string): string {
  return value
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n')
    .replace(/[\u0000-\u0008\u000A-\u001F\u007F]/g, '');
}

function utf8Length(codePoint: number): number {
  return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
}

/**
 * Folds one content line (RFC 5545 §3.1): at most 75 octets per physical line, CRLF and one space before each
 * continuation (the space counts toward the 75). Splits only between code points, so UTF-8 stays valid.
 */
export function foldLine(line: string): string {
  let out = '';
  let octets = 0;
  for (const char of line) {
    const size = utf8Length(char.codePointAt(0) ?? 0);
    if (octets + size > MAX_OCTETS) {
      out += '\r\n ';
      octets = 1;
    }
    out += char;
    octets += size;
  }
  return out;
}

function utcStamp(instant: Date): string {
  return instant.toISOString().replace(/[-:]|\.\d{3}/g, '');
}

function localStamp(f: { year: number; month: number; day: number; hour: number; minute: number; second: number }): string {
  return `${pad(f.year, 4)}${pad(f.month)}${pad(f.day)}T${pad(f.hour)}${pad(f.minute)}${pad(f.second)}`;
}

function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const total = Math.round(Math.abs(minutes) * 60);
  const seconds = total % 60;
  return `${sign}${pad(Math.floor(total / 3600))}${pad(Math.floor(total / 60) % 60)}${seconds ? pad(seconds) : ''}`;
}

/** Parameter values with ':', ';' or ',' must be quoted (RFC 5545 §3.2); IANA names never have them. */
function paramValue(value: string): string {
  return /[:;,]/.test(value) ? `"${value.replace(/"/g, '')}"` : value;
}

/**
 * DTSTART/DTEND in the zone's local time with TZID. A local time that happens twice (the fall-back hour) is
 * read by clients as the first one (RFC 5545 §3.3.5), so an instant in the second one is written in UTC.
 */
function dateTimeLine(name: string, instant: Date, timeZone: string): string {
  const f = zonedFields(instant, timeZone);
  const date = `${pad(f.year, 4)}-${pad(f.month)}-${pad(f.day)}`;
  const wholeSeconds = Math.floor(instant.getTime() / 1000) * 1000;
  const readBack = zonedToInstant(date, `${pad(f.hour)}:${pad(f.minute)}`, timeZone).getTime() + f.second * 1000;
  if (readBack !== wholeSeconds) return `${name}:${utcStamp(instant)}`;
  return `${name};TZID=${paramValue(timeZone)}:${localStamp(f)}`;
}

interface Onset {
  transition: OffsetTransition;
  kind: 'STANDARD' | 'DAYLIGHT';
  local: { year: number; month: number; day: number; hour: number; minute: number; second: number };
  weekday: number;
}

function observance(kind: string, dtstart: string, from: number, to: number, rrule?: string): string[] {
  return [
    `BEGIN:${kind}`,
    `DTSTART:${dtstart}`,
    ...(rrule ? [rrule] : []),
    `TZOFFSETFROM:${formatOffset(from)}`,
    `TZOFFSETTO:${formatOffset(to)}`,
    `END:${kind}`,
  ];
}

/**
 * The VTIMEZONE lines covering local times in [fromYear, toYear]. Offset changes are read from a year either
 * side, so the observance in force on 1 January of fromYear is included. Changes that follow one yearly rule
 * (same month, weekday, wall time and offsets; the nth or last such weekday; every year) become one
 * observance with RRULE:FREQ=YEARLY, which Outlook handles best; anything irregular gets one observance per
 * change, which RFC 5545 equally allows. A change to a larger offset is called DAYLIGHT, otherwise STANDARD:
 * clients use the offsets, the label is informational. A zone without changes gets one STANDARD observance.
 */
export function buildVTimezone(timeZone: string, fromYear: number, toYear: number): string[] {
  const scanFrom = fromYear - 1;
  const scanTo = toYear + 1;
  const onsets: Onset[] = offsetTransitions(timeZone, scanFrom, scanTo).map((transition) => {
    // DTSTART of an observance is the wall time just before the change, i.e. in TZOFFSETFROM.
    const f = zonedFields(new Date(transition.at.getTime() + transition.offsetBefore * 60_000), 'UTC');
    const weekday = weekdayOf(`${pad(f.year, 4)}-${pad(f.month)}-${pad(f.day)}`);
    const kind = transition.offsetAfter > transition.offsetBefore ? 'DAYLIGHT' : 'STANDARD';
    return { transition, kind, local: f, weekday };
  });
  const lines = ['BEGIN:VTIMEZONE', `TZID:${timeZone}`, `X-LIC-LOCATION:${timeZone}`];

  const first = onsets[0];
  if (!first || first.local.year > scanFrom) {
    // Nothing changes early enough to cover the first local times: state the offset then in force.
    const offset = first ? first.transition.offsetBefore : offsetMinutesAt(new Date(Date.UTC(fromYear, 0, 1)), timeZone);
    lines.push(...observance('STANDARD', `${pad(Math.min(1970, scanFrom), 4)}0101T000000`, offset, offset));
  }

  const groups = new Map<string, Onset[]>();
  for (const onset of onsets) {
    const { kind, local, weekday, transition } = onset;
    const key = [kind, transition.offsetBefore, transition.offsetAfter, local.month, weekday, local.hour, local.minute, local.second].join('|');
    const group = groups.get(key);
    if (group) group.push(onset);
    else groups.set(key, [onset]);
  }
  for (const group of groups.values()) {
    const head = group[0];
    if (!head) continue;
    const { kind, transition } = head;
    const consecutive = group.every((o, i) => o.local.year === head.local.year + i);
    const isLast = group.every((o) => o.local.day + 7 > daysInMonth(o.local.year, o.local.month));
    const nth = Math.ceil(head.local.day / 7);
    const sameNth = group.every((o) => Math.ceil(o.local.day / 7) === nth);
    if (group.length > 1 && consecutive && (isLast || sameNth)) {
      const tail = group[group.length - 1] ?? head;
      // A rule still running at the end of the scanned years is left open; one that stopped gets UNTIL (UTC).
      const until = tail.local.year < scanTo ? `;UNTIL=${utcStamp(tail.transition.at)}` : '';
      const byDay = `${isLast ? -1 : nth}${DAY_CODES[head.weekday - 1] ?? 'SU'}`;
      const rrule = `RRULE:FREQ=YEARLY;BYMONTH=${head.local.month};BYDAY=${byDay}${until}`;
      lines.push(...observance(kind, localStamp(head.local), transition.offsetBefore, transition.offsetAfter, rrule));
    } else {
      for (const o of group) {
        lines.push(...observance(o.kind, localStamp(o.local), o.transition.offsetBefore, o.transition.offsetAfter));
      }
    }
  }
  lines.push('END:VTIMEZONE');
  return lines;
}

function eventLines(event: CalendarEvent, timeZone: string, stamp: Date): string[] {
  if (!(event.end.getTime() > event.start.getTime())) throw new RangeError(`Event ${event.uid} must end after it starts`);
  if (!Number.isInteger(event.sequence) || event.sequence < 0) throw new RangeError(`Event ${event.uid} needs a whole, non-negative sequence`);
  return [
    'BEGIN:VEVENT',
    `UID:${escapeText(event.uid)}`,
    `DTSTAMP:${utcStamp(stamp)}`,
    dateTimeLine('DTSTART', event.start, timeZone),
    dateTimeLine('DTEND', event.end, timeZone),
    `SUMMARY:${escapeText(event.summary)}`,
    ...(event.description ? [`DESCRIPTION:${escapeText(event.description)}`] : []),
    ...(event.location ? [`LOCATION:${escapeText(event.location)}`] : []),
    `STATUS:${event.status}`,
    `SEQUENCE:${event.sequence}`,
    `CREATED:${utcStamp(event.created)}`,
    `LAST-MODIFIED:${utcStamp(event.lastModified)}`,
    'END:VEVENT',
  ];
}

/**
 * A whole VCALENDAR as text with CRLF line endings. Throws RangeError for an unknown zone, an event that does
 * not end after it starts, or a negative or fractional sequence.
 */
export function buildCalendar(input: BuildCalendarInput): string {
  const { name, timeZone, events } = input;
  const stamp = input.stamp ?? new Date();
  // The years whose local times the events use; an empty feed still needs a VTIMEZONE (a VCALENDAR must
  // hold at least one component), for the year it was made.
  const years = events.flatMap((e) => [zonedFields(e.start, timeZone).year, zonedFields(e.end, timeZone).year]);
  if (years.length === 0) years.push(zonedFields(stamp, timeZone).year);
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${escapeText(input.productId ?? DEFAULT_PRODUCT_ID)}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(name)}`,
    `X-WR-TIMEZONE:${timeZone}`,
    ...buildVTimezone(timeZone, years.reduce((a, b) => Math.min(a, b)), years.reduce((a, b) => Math.max(a, b))),
    ...events.flatMap((event) => eventLines(event, timeZone, stamp)),
    'END:VCALENDAR',
  ];
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}
