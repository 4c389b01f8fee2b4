/**
 * Times as the phone pages say them, always in the venue's zone (docs/architecture.md habit 5): deadlines with
 * the weekday ("2月28日 周五 18:00"), because "before Friday" is what people remember, and a class's weekly time
 * from its first session and its repeat rule ("每周二、周四 09:00–10:30").
 */
import { zonedFields, type Weekday } from '../../server/shared/zoned-time.ts';
import type { Lang } from '../lib/i18n-core.ts';

const LOCALE: Record<Lang, string> = { 'zh-CN': 'zh-CN', en: 'en-GB' };

const formatters = new Map<string, Intl.DateTimeFormat>();
function format(lang: Lang, zone: string, options: Intl.DateTimeFormatOptions, instant: Date): string {
  const key = `${lang}|${zone}|${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat(LOCALE[lang], { ...options, timeZone: zone });
    } catch {
      // An unknown zone name must not blank the page.
      f = new Intl.DateTimeFormat(LOCALE[lang], options);
    }
    formatters.set(key, f);
  }
  return f.format(instant);
}

const parse = (instant: string | Date): Date | null => {
  const date = typeof instant === 'string' ? new Date(instant) : instant;
  return Number.isNaN(date.getTime()) ? null : date;
};

const pad = (n: number) => String(n).padStart(2, '0');
const clock = (instant: Date, zone: string): string => {
  const f = zonedFields(instant, zone);
  return `${pad(f.hour)}:${pad(f.minute)}`;
};

const WEEKDAY_ZH = ['', '周一', '周二', '周三', '周四', '周五', '周六', '周日'] as const;
const WEEKDAY_EN = ['', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;
const weekdayName = (day: Weekday, lang: Lang) => (lang === 'en' ? WEEKDAY_EN : WEEKDAY_ZH)[day];

/** ISO weekday (1 = Monday) of an instant on the venue's calendar. */
function weekdayIn(instant: Date, zone: string): Weekday {
  const f = zonedFields(instant, zone);
  const day = new Date(Date.UTC(f.year, f.month - 1, f.day)).getUTCDay();
  return (day === 0 ? 7 : day) as Weekday;
}

/** "2月28日 周五 18:00" / "Fri 28 Feb, 18:00": a deadline or an appointment. */
export function dayAndTime(instant: string | Date, zone: string, lang: Lang): string {
  const date = parse(instant);
  if (!date) return '';
  const day = dayOnly(date, zone, lang);
  return lang === 'en' ? `${day}, ${clock(date, zone)}` : `${day} ${clock(date, zone)}`;
}

/** "2月28日 周五" / "Fri 28 Feb". */
export function dayOnly(instant: string | Date, zone: string, lang: Lang): string {
  const date = parse(instant);
  if (!date) return '';
  const weekday = weekdayName(weekdayIn(date, zone), lang);
  const monthDay = format(lang, zone, lang === 'en' ? { day: 'numeric', month: 'short' } : { month: 'long', day: 'numeric' }, date);
  return lang === 'en' ? `${weekday} ${monthDay}` : `${monthDay} ${weekday}`;
}

const RULE_DAYS: Record<string, Weekday> = { MO: 1, TU: 2, WE: 3, TH: 4, FR: 5, SA: 6, SU: 7 };

/** The weekdays of a weekly rule's BYDAY, Monday first; none when the rule has no BYDAY. */
export function ruleWeekdays(rrule: string): Weekday[] {
  const match = /(?:^|;)BYDAY=([A-Z,+\-0-9]+)/i.exec(rrule.replace(/^RRULE:/i, ''));
  if (!match) return [];
  const days = match[1]!
    .split(',')
    .map((code) => RULE_DAYS[code.slice(-2).toUpperCase()])
    .filter((d): d is Weekday => d !== undefined);
  return [...new Set(days)].sort((a, b) => a - b);
}

/**
 * "每周二、周四 09:00–10:30" / "Tue, Thu 09:00–10:30": when a class meets. A weekly rule without BYDAY repeats
 * on the first session's weekday; a rule that is not weekly is described by its first session only.
 */
export function weeklyTime(cls: { firstStart: string; firstEnd: string; rrule: string }, zone: string, lang: Lang): string {
  const start = parse(cls.firstStart);
  const end = parse(cls.firstEnd);
  if (!start || !end) return '';
  const hours = `${clock(start, zone)}–${clock(end, zone)}`;
  if (!/FREQ=WEEKLY/i.test(cls.rrule)) return `${dayOnly(start, zone, lang)} ${hours}`;
  const days = ruleWeekdays(cls.rrule);
  const names = (days.length > 0 ? days : [weekdayIn(start, zone)]).map((d) => weekdayName(d, lang));
  return lang === 'en' ? `${names.join(', ')} ${hours}` : `每${names.join('、')} ${hours}`;
}

/** Fen as yuan, without ".00" for whole yuan: 30000 → "300", 12050 → "120.50". */
export function yuan(cents: number): string {
  return cents % 100 === 0 ? String(cents / 100) : (cents / 100).toFixed(2);
}
