/**
 * The desk's side of members' PINs (docs/security.md "Member PINs"): ask the server for a new one, and put it
 * in a form a person reads out or copies without mistakes. Pure apart from the request, so it is tested in node.
 */
import { api, ApiError, seg } from '../lib/api.ts';
import type { Lang } from '../lib/i18n-core.ts';

/** `POST /api/members/:id/pin` (staff): a new six-digit PIN, shown once; the old one stops working. */
export const issueMemberPin = async (memberId: string): Promise<string> =>
  (await api.post<{ pin: string }>(`/api/members/${seg(memberId)}/pin`)).pin;

/** "482 913": two groups of three are read out and copied with fewer slips than six digits in a row. */
export function pinGroups(pin: string): string {
  return /^\d{6}$/.test(pin) ? `${pin.slice(0, 3)} ${pin.slice(3)}` : pin;
}

/** Where members sign in: the phone pages of this same site. */
export function phonePagesUrl(origin: string): string {
  return `${origin.replace(/\/+$/, '')}/m/`;
}

/** The server's sentence in the screen's language: its `messageZh` when there is one and the screen is Chinese. */
export function serverSentence(error: unknown, lang: Lang): string | null {
  if (!(error instanceof ApiError)) return null;
  const zh = error.body.messageZh;
  return lang === 'zh-CN' && typeof zh === 'string' && zh !== '' ? zh : error.message || null;
}
