/** Ask `GET /api/auth/me` whether we are still who we were: the answer the live connection's `verify` wants. */
import { api } from './api.ts';
import { isUnauthenticated } from './error-text.ts';
import type { AuthCheck } from './live.svelte.ts';
import type { MeAnswer } from './types.ts';

export async function checkMe(token: string | null, accept: (me: MeAnswer) => boolean): Promise<AuthCheck> {
  try {
    return accept(await api.get<MeAnswer>('/api/auth/me', { token })) ? 'ok' : 'unauthorized';
  } catch (error) {
    return isUnauthenticated(error) ? 'unauthorized' : 'unknown';
  }
}
