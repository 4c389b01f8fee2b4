/**
 * A booking over several days (an exhibition from 7 Dec 09:00 to 13 Dec 17:00) is open during the venue's
 * opening hours each day, not through the nights: the calendar draws it as one part per day, and names its
 * whole span with dates. Wall dates throughout (see zone.ts). Pure, so it is tested without a browser.
 */
import { addDays, parseWall, wallDate, wallTime } from './zone.ts';

export interface WallSpan {
  start: Date;
  end: Date;
}

const DAY_MS = 86_400_000;

/** The last day a span touches: a span ending at midnight ends the day before. */
function lastDay(span: WallSpan): string {
  const date = wallDate(span.end);
  return wallTime(span.end) === '00:00' && span.end > span.start ? addDays(date, -1) : date;
}

/** Does the span run over more than one calendar day of the venue? */
export const isMultiDay = (span: WallSpan): boolean => lastDay(span) !== wallDate(span.start);

/** How many days the span touches (1 for a span within one day). */
export function dayCount(span: WallSpan): number {
  return Math.round((parseWall(lastDay(span)).getTime() - parseWall(wallDate(span.start)).getTime()) / DAY_MS) + 1;
}

/**
 * The span's part on each day: the first day from its start, the last day until its end, and in between (and
 * at those ends) the opening hours. A part the hours would leave empty (an evening start after closing, a
 * night's end before opening) runs to midnight or from midnight instead, so nothing booked is hidden.
 * A span within one day is returned as it is.
 */
export function dayParts(span: WallSpan, hours: { opensAt: string; closesAt: string }): WallSpan[] {
  if (!isMultiDay(span)) return [{ start: span.start, end: span.end }];
  const first = wallDate(span.start);
  const last = lastDay(span);
  const parts: WallSpan[] = [];
  for (let day = first; day <= last; day = addDays(day, 1)) {
    const midnight = parseWall(day);
    const nextMidnight = new Date(midnight.getTime() + DAY_MS);
    let end = day === last ? span.end : parseWall(day, hours.closesAt);
    const start0 = day === first ? span.start : parseWall(day, hours.opensAt);
    if (day !== last && end <= start0) end = nextMidnight;
    let start = start0;
    if (day !== first && start >= end) start = midnight;
    if (end > start) parts.push({ start, end });
  }
  return parts;
}

const LANGS: Record<string, string> = { 'zh-CN': 'zh-CN', en: 'en-GB' };

/** "12月7日 09:00 – 12月13日 17:00" (en: "7 Dec 09:00 – 13 Dec 17:00"): a span over days, with its dates. */
export function spanWithDates(span: WallSpan, lang: string): string {
  const date = new Intl.DateTimeFormat(LANGS[lang] ?? 'zh-CN', { month: 'short', day: 'numeric', timeZone: 'UTC' });
  return `${date.format(span.start)} ${wallTime(span.start)} – ${date.format(span.end)} ${wallTime(span.end)}`;
}
