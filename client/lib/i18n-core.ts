/**
 * Pure parts of translation and formatting, kept apart from the reactive language state so they are
 * testable in node. Times are zoned only here, at the edge, in the venue's zone (docs/architecture.md habit 5).
 */

export const LANGS = ['zh-CN', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export const DEFAULT_LANG: Lang = 'zh-CN';

export type Params = Record<string, string | number>;

export function parseLang(value: unknown): Lang {
  return LANGS.find((lang) => lang === value) ?? DEFAULT_LANG;
}

/** Replace `{name}` placeholders; an unknown placeholder stays visible rather than vanishing. */
export function interpolate(template: string, params?: Params): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  );
}

const LOCALES: Record<Lang, string> = { 'zh-CN': 'zh-CN', en: 'en-GB' };

export type InstantStyle = 'time' | 'shortTime' | 'date' | 'longDate' | 'dateTime';

const STYLES: Record<InstantStyle, Intl.DateTimeFormatOptions> = {
  time: { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' },
  shortTime: { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
  date: { year: 'numeric', month: '2-digit', day: '2-digit' },
  longDate: { year: 'numeric', month: 'long', day: 'numeric', weekday: 'long' },
  dateTime: {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  },
};

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(lang: Lang, style: InstantStyle, timeZone: string | undefined): Intl.DateTimeFormat {
  const key = `${lang}|${style}|${timeZone ?? ''}`;
  let found = formatters.get(key);
  if (!found) {
    try {
      found = new Intl.DateTimeFormat(LOCALES[lang], { ...STYLES[style], timeZone });
    } catch {
      // An unknown zone name must not blank the screen: fall back to the device's own zone.
      found = new Intl.DateTimeFormat(LOCALES[lang], STYLES[style]);
    }
    formatters.set(key, found);
  }
  return found;
}

/**
 * Format an instant (ISO 8601 string or Date) in a time zone (the venue's; undefined = the device's own).
 * An unreadable instant gives an empty string.
 */
export function formatInstant(
  instant: string | Date,
  timeZone: string | undefined,
  lang: Lang,
  style: InstantStyle = 'dateTime',
): string {
  const date = typeof instant === 'string' ? new Date(instant) : instant;
  if (Number.isNaN(date.getTime())) return '';
  return formatter(lang, style, timeZone).format(date);
}
