/**
 * The sentences of the enrolment screens that are also spoken or printed: a class's weekly time, where a choice
 * stands, the result's title, what the kiosk says aloud. Dates and times are the venue's (docs/architecture.md
 * habit 5): "3月1日 18:00".
 */
import { formatInstant, type Lang, type Params } from '../../client/lib/i18n-core.ts';
import type { MessageKey } from '../../client/lib/messages/zh-CN.ts';
import { yuan, type WeeklyTime } from './class-cards.ts';
import type { PlaceStatus } from './places.ts';
import type { ResultView } from './outcome.ts';

export type Translate = (key: MessageKey, params?: Params) => string;

export interface Words {
  t: Translate;
  lang: Lang;
  /** The venue's zone. */
  zone: string;
}

/** "3月1日" / "1 March", in the venue's zone. */
export function dayOf(instant: string, w: Words): string {
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) return '';
  try {
    return new Intl.DateTimeFormat(w.lang === 'en' ? 'en-GB' : 'zh-CN', { month: 'long', day: 'numeric', timeZone: w.zone }).format(date);
  } catch {
    return formatInstant(date, undefined, w.lang, 'date');
  }
}

/** "3月1日 18:00" / "1 March 18:00". */
export const dayTimeOf = (instant: string, w: Words): string => `${dayOf(instant, w)} ${formatInstant(instant, w.zone, w.lang, 'shortTime')}`;

/** "每周二、周四 09:00–11:00"; a class that is not weekly by its first date. */
export function weeklyWords(when: WeeklyTime, w: Words): string {
  if (when.weekdays.length === 0) {
    return w.t('kioskEnrol.once', { date: dayOf(`${when.firstDate}T12:00:00Z`, { ...w, zone: 'UTC' }), start: when.start, end: when.end });
  }
  const days = when.weekdays.map((d) => w.t(`weekday.${d}` as MessageKey)).join(w.t('kioskEnrol.daySeparator'));
  return w.t('kioskEnrol.weekly', { days, start: when.start, end: when.end });
}

/** "3月2日开课". `firstDate` is already the venue's date: formatted as a date, with no zone to move it. */
export const firstDateWords = (when: WeeklyTime, w: Words): string =>
  w.t('kioskEnrol.firstDate', { date: dayOf(`${when.firstDate}T12:00:00Z`, { ...w, zone: 'UTC' }) });

export const feeWords = (cents: number, w: Words): string => (cents > 0 ? w.t('kioskEnrol.fee', { yuan: yuan(cents) }) : w.t('kioskEnrol.free'));

/** Where a choice stands, in a few words: "已录取", "候补第 3 位", "有补录名额，3月1日 18:00前确认". */
export function statusWords(status: PlaceStatus, w: Words): string {
  switch (status.kind) {
    case 'pending':
      return w.t('kioskEnrol.status.pending');
    case 'admitted':
      return w.t('kioskEnrol.status.admitted');
    case 'waitlisted':
      return status.position === null ? w.t('kioskEnrol.status.waitlistedNoPlace') : w.t('kioskEnrol.status.waitlisted', { n: status.position });
    case 'offered':
      return w.t('kioskEnrol.status.offered', { until: status.until ? dayTimeOf(status.until, w) : '' });
    case 'withdrawn':
      return w.t('kioskEnrol.status.withdrawn');
    case 'none':
      return w.t('kioskEnrol.status.none');
  }
}

/** What an admitted member still has to do: pay at the desk (by a date, when there is one); nothing when free or paid. */
export function payWords(status: PlaceStatus, feeCents: number, w: Words): string | null {
  if (status.kind !== 'admitted' || feeCents <= 0) return null;
  if (status.paid) return w.t('kioskEnrol.paid');
  return status.payBy ? w.t('kioskEnrol.payBy', { date: dayOf(status.payBy, w), yuan: yuan(feeCents) }) : w.t('kioskEnrol.payAtDesk', { yuan: yuan(feeCents) });
}

/** The result's headline: a first-come application says "报名结果" (its lines say admitted or waiting). */
export function resultTitle(view: ResultView, w: Words): string {
  if (view.kind === 'applied' && view.drawAfter === null) return w.t('kioskEnrol.result.placed');
  return w.t(`kioskEnrol.result.${view.kind}`);
}

/** Said after sending: the name, the headline, each class with where it stands, and when the draw is. */
export function resultSpeech(name: string, view: ResultView, className: (classId: string) => string, w: Words): string {
  const lines = view.lines.map((line) => {
    const status = line.status.kind === 'pending' ? '' : `，${statusWords(line.status, w)}`;
    const label = line.rank === null ? className(line.classId) : w.t('kioskEnrol.sayChoice', { n: line.rank, class: className(line.classId) });
    return `${label}${w.lang === 'en' ? status.replace('，', ', ') : status}`;
  });
  const draw = view.drawAfter ? [w.t('kioskEnrol.drawAfter', { date: dayOf(view.drawAfter, w) })] : [];
  const stop = w.lang === 'en' ? '. ' : '。';
  return [`${name}${w.lang === 'en' ? ', ' : '，'}${resultTitle(view, w)}`, ...lines, ...draw].join(stop) + stop.trim();
}

/** The read-back before sending. */
export function confirmSpeech(name: string, picks: readonly string[], className: (classId: string) => string, w: Words): string {
  const choices = picks.map((id, i) => w.t('kioskEnrol.sayChoice', { n: i + 1, class: className(id) })).join(w.lang === 'en' ? '; ' : '；');
  return w.t('kioskEnrol.sayConfirm', { name, choices });
}
