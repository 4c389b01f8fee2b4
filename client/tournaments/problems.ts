/** Problems and refusals as sentences for the tournament pages. */
import { ApiError } from '../lib/api.ts';
import { errorText } from '../lib/error-text.ts';
import { i18n, t } from '../lib/i18n.svelte.ts';
import type { Problem } from './create-form.ts';
import { refusalText } from './score-text.ts';

export const problemText = (p: Problem): string => t(`tourn.problem.${p.code}`, p.params);

/**
 * A refused write as a sentence: `invalid_score` in Chinese when the server sent `messageZh`; a booking clash
 * with the bookings in the way; in Chinese the refusals of an entry (`duplicate`, a wrong list of players) in
 * words of our own; anything else as the app says it.
 */
export function writeErrorText(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.code === 'invalid_score') return refusalText(error.body, i18n.lang) || errorText(error);
    if (error.code === 'booking_conflict' && Array.isArray(error.body.conflicts)) {
      const titles = (error.body.conflicts as Array<{ title?: unknown }>).map((c) => (typeof c.title === 'string' ? c.title : '')).filter(Boolean);
      return t('tourn.start.conflict', { bookings: [...new Set(titles)].join('、') || '—' });
    }
    // The server's sentences are English; in Chinese the common refusals have their own words here.
    if (i18n.lang === 'zh-CN') {
      if (error.code === 'conflict' || error.code === 'forbidden' || error.code === 'not_found') return t(`tourn.error.${error.code}`);
      // An entry: a member already playing for another entry, or a name or seed taken (two coordinators at once).
      const field = error.field ?? '';
      if (error.code === 'duplicate' && (field === 'players' || field === 'name' || field === 'seed')) return t(`tourn.error.duplicate.${field}`);
      if (error.code === 'validation_failed' && /^players([./]|$)/.test(field)) return t('tourn.error.playersInvalid');
    }
  }
  return errorText(error);
}
