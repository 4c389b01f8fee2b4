/**
 * A failed request as one sentence a member (or their child) can act on, in the page's language. The server's
 * `messageZh` is the best Chinese sentence when it sends one (a class's rules that exclude the member say
 * exactly why); its `message` is English. For the codes the phone pages expect (docs/api.md "Senior-university
 * enrolment") the page has its own plain words; anything else falls back to the server's sentence in English
 * and to a calm general one in Chinese, never a bare code.
 */
import { ApiError, NetworkError } from '../lib/api.ts';
import type { Lang, Params } from '../lib/i18n-core.ts';
import type { MessageKey } from '../lib/messages/zh-CN.ts';

type Translate = (key: MessageKey, params?: Params) => string;

/** Where it failed: a wrong PIN at sign-in is not an expired session on a page. */
export type ErrorPlace = 'signIn' | 'page';

export function errorSentence(error: unknown, lang: Lang, t: Translate, place: ErrorPlace = 'page'): string {
  if (error instanceof NetworkError) return t('mapp.err.network');
  if (!(error instanceof ApiError)) return t('mapp.err.unexpected');
  const zh = typeof error.body.messageZh === 'string' && error.body.messageZh.trim() !== '' ? error.body.messageZh : null;
  const server = lang === 'zh-CN' ? zh : error.message || null;
  switch (error.code) {
    case 'unauthenticated':
      return t(place === 'signIn' ? 'mapp.err.wrongPin' : 'mapp.err.signedOut');
    case 'rate_limited': {
      const seconds = typeof error.body.retryAfter === 'number' ? error.body.retryAfter : 60;
      return t('mapp.err.rateLimited', { minutes: Math.max(1, Math.ceil(seconds / 60)) });
    }
    case 'window_closed':
      return t('mapp.err.windowClosed');
    case 'duplicate':
      return t('mapp.err.duplicate');
    case 'not_eligible':
      return server ?? t('mapp.err.notEligible');
    case 'conflict':
      return server ?? t('mapp.err.conflict');
    case 'not_found':
      return t('mapp.err.notFound');
    default:
      return server ?? t('mapp.err.unexpected');
  }
}
