/** Calendar subscription links (docs/api.md "Bookings", calendar feeds and subscription links): the shapes, and what to say about them. */
import { ApiError, api, seg } from '../lib/api.ts';
import { errorText } from '../lib/error-text.ts';
import { t } from '../lib/i18n.svelte.ts';
import { DEFAULT_TIMEZONE, type Venue } from '../lib/types.ts';
import type { CalendarLinkDto } from '../../server/modules/calendar-links/schemas.ts';

export type CalendarLink = CalendarLinkDto;

/** The answer of a new link: its token is in `url`, shown this once. */
export interface CreatedLink {
  link: CalendarLink;
  token: string;
  url: string;
}

/** "东湖中心（整个场馆）" or "东湖中心 · 书画室". */
export function targetText(link: CalendarLink): string {
  const { venueName: venue, roomName: room } = link.target;
  return room === null ? t('calLink.wholeVenue', { venue }) : t('calLink.room', { venue, room });
}

export function linkErrorText(error: unknown): string {
  if (error instanceof ApiError && error.statusCode === 403) return t('calLink.forbidden');
  if (error instanceof ApiError && error.statusCode === 409) return t('calLink.tooMany');
  return errorText(error);
}

export const listOwnLinks = async () => (await api.get<{ links: CalendarLink[] }>('/api/calendar-links')).links;
export const listAllLinks = async () => (await api.get<{ links: CalendarLink[] }>('/api/calendar-links/all')).links;
export const revokeLink = (link: CalendarLink) => api.delete(`/api/calendar-links/${seg(link.id)}`);

/**
 * The zone a link's times are shown in: its venue's, as every time in the apps (never the browser's). A venue
 * the user can no longer see falls back to the zone new venues get.
 */
export function linkTimeZone(link: Pick<CalendarLink, 'target'>, venues: readonly Pick<Venue, 'id' | 'timezone'>[]): string {
  return venues.find((v) => v.id === link.target.venueId)?.timezone ?? DEFAULT_TIMEZONE;
}
