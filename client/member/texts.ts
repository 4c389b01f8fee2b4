/**
 * The pure wording functions (error-sentence.ts, renewal.ts, status-view.ts, term-view.ts, times.ts) bound to
 * the page's current language. Reading `i18n.lang` inside them makes the templates that call them follow a switch.
 */
import { i18n, t } from '../lib/i18n.svelte.ts';
import { errorSentence, type ErrorPlace } from './error-sentence.ts';
import { renewalSentence } from './renewal.ts';
import type { Line } from './status-view.ts';
import { dayAndTime, dayOnly, weeklyTime } from './times.ts';

export const errorText = (error: unknown, place: ErrorPlace = 'page'): string => errorSentence(error, i18n.lang, t, place);

export const renewalText = (error: unknown): string => renewalSentence(error, i18n.lang, t);

export const say = (line: Line): string => t(line.key, line.params);

/** A deadline or appointment in the venue's zone, with its weekday. */
export const when = (instant: string, zone: string): string => dayAndTime(instant, zone, i18n.lang);

export const day = (instant: string, zone: string): string => dayOnly(instant, zone, i18n.lang);

export const classTime = (cls: { firstStart: string; firstEnd: string; rrule: string }, zone: string): string => weeklyTime(cls, zone, i18n.lang);
