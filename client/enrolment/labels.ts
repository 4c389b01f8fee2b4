/** Enrolment words in the current language: modes, phases, statuses, who may enrol, when a class meets. */
import type { ApplicationChannel, PlacementSource, PlacementStatus, TermMode, WithdrawnReason } from '../../server/shared/enums.ts';
import { addDays, toVenueWall, wallDate, wallTime, weekdayOf } from '../calendar/zone.ts';
import { formatAt, i18n, t } from '../lib/i18n.svelte.ts';
import { categoryLabel } from '../members/labels.ts';
import { centsToYuan } from './money.ts';
import type { ClassDto, TermDto, TermPhase } from './types.ts';

export const modeLabel = (mode: TermMode): string => t(`enrol.mode.${mode}`);
export const modeHint = (mode: TermMode): string => t(`enrol.mode.${mode}.hint`);
export const phaseLabel = (phase: TermPhase): string => t(`enrol.phase.${phase}`);
export const statusLabel = (status: PlacementStatus): string => t(`enrol.status.${status}`);
export const reasonLabel = (reason: WithdrawnReason): string => t(`enrol.reason.${reason}`);
export const channelLabel = (channel: ApplicationChannel): string => t(`enrol.channel.${channel}`);
export const sourceLabel = (source: PlacementSource): string => t(`enrol.source.${source}`);

/** "¥280", "免费". */
export const feeText = (cents: number): string => (cents === 0 ? t('enrol.fee.free') : t('enrol.fee.yuan', { amount: centsToYuan(cents) }));

/** "2027/02/10 08:30 – 2027/02/20 17:00" in the venue's zone. */
export const spanText = (from: string, until: string, timeZone: string): string =>
  `${formatAt(from, timeZone, 'dateTime')} – ${formatAt(until, timeZone, 'dateTime')}`;

/** "每周二 09:00–10:30": the first session's weekday and times on the venue's clock. */
export function weeklyText(cls: Pick<ClassDto, 'firstStart' | 'firstEnd'>, timeZone: string): string {
  const start = toVenueWall(cls.firstStart, timeZone);
  const day = weekdayOf(wallDate(start));
  return t('enrol.weekly', { day: t(`weekday.${day as 1 | 2 | 3 | 4 | 5 | 6 | 7}`), from: wallTime(start), to: wallTime(toVenueWall(cls.firstEnd, timeZone)) });
}

/**
 * The last date of a class's rule, as 'YYYY-MM-DD' in the venue's zone: its UNTIL (a date, or a UTC time), or
 * for a plain weekly rule with COUNT the date of its last session; null when the rule does not say simply.
 */
export function ruleUntil(rrule: string, firstDate: string, timeZone: string): string | null {
  const until = /UNTIL=(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})Z)?/.exec(rrule);
  if (until) {
    if (!until[4]) return `${until[1]}-${until[2]}-${until[3]}`;
    return wallDate(toVenueWall(`${until[1]}-${until[2]}-${until[3]}T${until[4]}:${until[5]}:${until[6]}Z`, timeZone));
  }
  const count = /COUNT=(\d+)/.exec(rrule);
  const interval = Number(/INTERVAL=(\d+)/.exec(rrule)?.[1] ?? 1);
  const oneDay = !/BYDAY=[^;]*,/.test(rrule);
  if (count && /FREQ=WEEKLY/.test(rrule) && oneDay) return addDays(firstDate, (Number(count[1]) - 1) * 7 * interval);
  return null;
}

/** "3月2日 – 6月29日": the first session's date to the last; "3月2日起" when the rule does not say simply. */
export function datesText(cls: Pick<ClassDto, 'firstStart' | 'rrule'>, timeZone: string): string {
  const first = wallDate(toVenueWall(cls.firstStart, timeZone));
  const last = ruleUntil(cls.rrule, first, timeZone);
  const short = (date: string) => t('enrol.monthDay', { month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) });
  if (last === first) return short(first);
  return last ? `${short(first)} – ${short(last)}` : t('enrol.fromDate', { date: short(first) });
}

/** Who may enrol, in a few words: "女 50 岁起、男 55 岁起，至 80 岁 · 仅离休、退休", or "不限". */
export function eligibilityText(cls: Pick<ClassDto, 'minAgeFemale' | 'minAgeMale' | 'maxAge' | 'categories'>): string {
  const parts: string[] = [];
  const { minAgeFemale: f, minAgeMale: m, maxAge: max } = cls;
  let ages = '';
  if (f !== null && m !== null && f === m) ages = t('enrol.who.from', { n: f });
  else if (f !== null || m !== null) {
    ages = [f !== null ? t('enrol.who.femaleFrom', { n: f }) : '', m !== null ? t('enrol.who.maleFrom', { n: m }) : ''].filter(Boolean).join(t('enrol.who.and'));
  }
  if (max !== null) ages = ages ? `${ages}${t('enrol.who.comma')}${t('enrol.who.upTo', { n: max })}` : t('enrol.who.upTo', { n: max });
  if (ages) parts.push(ages);
  if (cls.categories) parts.push(t('enrol.who.only', { list: cls.categories.map(categoryLabel).join(t('enrol.who.listSep')) }));
  return parts.length > 0 ? parts.join(' · ') : t('enrol.who.anyone');
}

/** The day after applications close, for a new class's first session (the venue's date). */
export const dayAfterClose = (term: TermDto, timeZone: string): string => addDays(wallDate(toVenueWall(term.applyUntil, timeZone)), 1);

/** "剩 5 小时 12 分" / "5 h 12 min left". */
export const leftText = (left: { hours: number; minutes: number }): string =>
  left.hours > 0 ? t('enrol.left.hours', { h: left.hours, m: left.minutes }) : t('enrol.left.minutes', { m: left.minutes });

export const isChinese = (): boolean => i18n.lang === 'zh-CN';
