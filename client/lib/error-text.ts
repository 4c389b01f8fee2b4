/** What to tell a person about a failed request. */
import { ApiError, NetworkError } from './api.ts';
import { t } from './i18n.svelte.ts';

export function errorText(error: unknown): string {
  if (error instanceof ApiError) return error.message || t('common.unexpected');
  if (error instanceof NetworkError) return t('common.networkError');
  return t('common.unexpected');
}

export const isUnauthenticated = (error: unknown): boolean =>
  error instanceof ApiError && error.statusCode === 401;
