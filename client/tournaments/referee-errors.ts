/**
 * What the referee's tablet says when the server refuses a score. The server's own sentences are English
 * (only score rules come with a Chinese one, `messageZh`), and a referee reading Chinese must never be shown
 * English: in Chinese, whatever would still be the server's English text is said by its code instead.
 */
import { ApiError } from '../lib/api.ts';
import { i18n, t } from '../lib/i18n.svelte.ts';
import { writeErrorText } from './problems.ts';

const OWN_WORDS = {
  validation_failed: 'ref.error.validation_failed',
  invalid_score: 'ref.error.invalid_score',
  unauthenticated: 'ref.error.unauthenticated',
  rate_limited: 'ref.error.rate_limited',
} as const;

export function refereeErrorText(error: unknown): string {
  const text = writeErrorText(error);
  if (i18n.lang !== 'zh-CN' || !(error instanceof ApiError) || text !== error.message) return text;
  const key = OWN_WORDS[error.code as keyof typeof OWN_WORDS] as (typeof OWN_WORDS)[keyof typeof OWN_WORDS] | undefined;
  return key ? t(key) : t('ref.error.other', { status: error.statusCode });
}
