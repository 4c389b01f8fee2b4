/** The seat board's words, in the current language: a class's seats left, a course's heading, the term's phase. */
import type { TermDto, TermPhase } from '../../server/modules/enrolment/schemas.ts';
import { i18n, t } from '../lib/i18n.svelte.ts';
import type { Lang } from '../lib/i18n-core.ts';
import type { CourseLine, SeatState } from './seat-board.ts';

export function seatText(state: SeatState): string {
  return state.kind === 'full' ? t('sboard.status.full') : t(`sboard.status.${state.kind}`, { n: state.free });
}

export function courseText(line: CourseLine): string {
  return line.full ? t('sboard.course.full', { classes: line.classes }) : t('sboard.course.summary', { classes: line.classes, free: line.free });
}

/** Which courses a page holds: "书法 — 舞蹈", or the one course. */
export function pageRangeText(courses: readonly string[]): string {
  const first = courses[0];
  const last = courses.at(-1);
  if (first === undefined || last === undefined) return '';
  return first === last ? first : t('sboard.page.range', { first, last });
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(lang: Lang, timeZone: string): Intl.DateTimeFormat {
  const key = `${lang}|${timeZone}`;
  let format = formatters.get(key);
  if (!format) {
    const options: Intl.DateTimeFormatOptions = { month: lang === 'en' ? 'short' : 'numeric', day: 'numeric', weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };
    const locale = lang === 'en' ? 'en-GB' : 'zh-CN';
    try {
      format = new Intl.DateTimeFormat(locale, { ...options, timeZone });
    } catch {
      // An unknown zone name must not blank the screen: the device's own zone is better than nothing.
      format = new Intl.DateTimeFormat(locale, options);
    }
    formatters.set(key, format);
  }
  return format;
}

/**
 * A window's edge as a person in the hall reads it: day, weekday and time in the venue's zone ("2月15日周一 17:00",
 * "Mon 15 Feb 17:00"), without the year a term never spans. Put together from the parts, as the locales' own
 * patterns differ between engines (one writes "2/15周一").
 */
export function boardTime(iso: string, timeZone: string, lang: Lang = i18n.lang): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const parts = new Map(formatter(lang, timeZone).formatToParts(date).map((p) => [p.type, p.value]));
  const [month, day, weekday, hour, minute] = ['month', 'day', 'weekday', 'hour', 'minute'].map((type) => parts.get(type as Intl.DateTimeFormatPartTypes) ?? '');
  return lang === 'en' ? `${weekday} ${day} ${month} ${hour}:${minute}` : `${month}月${day}日${weekday} ${hour}:${minute}`;
}

export interface PhaseText {
  phase: TermPhase;
  /** The phase in a word or two, the largest words of the header. */
  label: string;
  /** Its dates: until when, from when. */
  detail: string;
  /** How seats are given out now. */
  note: string;
}

type PhaseTerm = Pick<TermDto, 'mode' | 'renewFrom' | 'renewUntil' | 'applyFrom' | 'applyUntil' | 'drawnAt' | 'payUntil'>;

export function phaseText(term: PhaseTerm, phase: TermPhase, now: Date, timeZone: string): PhaseText {
  const at = (iso: string) => boardTime(iso, timeZone);
  const details: string[] = [];
  switch (phase) {
    case 'setup':
      if (term.renewFrom !== null && Date.parse(term.renewFrom) > now.getTime()) details.push(t('sboard.when.renewFrom', { at: at(term.renewFrom) }));
      details.push(t('sboard.when.applyFrom', { at: at(term.applyFrom) }));
      break;
    case 'renewal':
      if (term.renewUntil !== null) details.push(t('sboard.when.renewUntil', { at: at(term.renewUntil) }));
      details.push(t('sboard.when.applyFrom', { at: at(term.applyFrom) }));
      break;
    case 'applying':
      details.push(t('sboard.when.applyUntil', { at: at(term.applyUntil) }));
      break;
    case 'closed':
      details.push(t('sboard.when.awaitDraw'));
      break;
    case 'drawn':
      if (term.drawnAt !== null) details.push(t('sboard.when.drawnAt', { at: at(term.drawnAt) }));
      break;
    case 'placed':
      break;
  }
  const settled = phase === 'drawn' || phase === 'placed';
  if (settled && term.payUntil !== null && Date.parse(term.payUntil) > now.getTime()) details.push(t('sboard.when.payUntil', { at: at(term.payUntil) }));
  const note = settled ? t('sboard.note.waitlist') : term.mode === 'lottery' ? t('sboard.note.lottery') : t('sboard.note.firstCome');
  return { phase, label: t(`sboard.phase.${phase}`), detail: details.join(' · '), note };
}
