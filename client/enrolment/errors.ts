/**
 * A refused enrolment request as a sentence a coordinator can act on. The server's Chinese sentence
 * (`messageZh`, which not_eligible and the enrolment refusals carry) is used in Chinese; the common refusals
 * have words of their own here; a class's sessions clashing with the calendar name what is in the way.
 */
import { describeBookingError } from '../calendar/booking-errors.ts';
import { ApiError } from '../lib/api.ts';
import { errorText } from '../lib/error-text.ts';
import { i18n, t } from '../lib/i18n.svelte.ts';

/** The server's own sentence in the current language, when it sent one. */
export function serverSentence(error: ApiError): string | null {
  const zh = error.body.messageZh;
  if (i18n.lang === 'zh-CN' && typeof zh === 'string' && zh.trim()) return zh;
  if (i18n.lang === 'en' && error.message) return error.message;
  return null;
}

const OWN_WORDS = new Set(['window_closed', 'duplicate', 'forbidden', 'not_found', 'booking_conflict', 'venue_closed']);

export function enrolmentErrorText(error: unknown): string {
  if (!(error instanceof ApiError)) return errorText(error);
  const own = serverSentence(error);
  // The server's enrolment refusals say exactly what went wrong (which window, which rule); prefer them.
  if (own && (typeof error.body.messageZh === 'string' || !OWN_WORDS.has(error.code))) return own;
  switch (error.code) {
    case 'window_closed':
      return t('enrol.error.windowClosed');
    case 'duplicate':
      return t('enrol.error.duplicate');
    case 'forbidden':
      return t('enrol.error.forbidden');
    case 'not_found':
      return t('enrol.error.notFound');
    case 'booking_conflict':
    case 'venue_closed':
      return describeBookingError(error, { tr: t }).message;
    default:
      return own ?? errorText(error);
  }
}
