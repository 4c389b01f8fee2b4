/**
 * What a display shows, from its address: `/display/?venue=ID`, `/display/?tournament=ID` or `/display/?term=ID`
 * (a term's seat board); a tournament screen may keep to some pages (`&show=courts` or `&show=bracket,groups`)
 * when a hall has several screens.
 */
import { PAGE_KINDS, type PageKind } from './tournament-pages.ts';

export interface DisplayParams {
  venueId: string | null;
  tournamentId: string | null;
  termId: string | null;
  /** Tournament pages to keep (empty: all). */
  show?: PageKind[];
}

export function parseDisplayParams(search: string): DisplayParams {
  const params = new URLSearchParams(search);
  const pick = (name: string) => {
    const value = params.get(name)?.trim();
    return value ? value : null;
  };
  const show = (pick('show') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s): s is PageKind => (PAGE_KINDS as readonly string[]).includes(s));
  return { venueId: pick('venue'), tournamentId: pick('tournament'), termId: pick('term'), ...(show.length > 0 ? { show: [...new Set(show)] } : {}) };
}

export type DisplayTarget =
  | { kind: 'venue'; venueId: string }
  | { kind: 'tournament'; tournamentId: string }
  | { kind: 'term'; termId: string }
  | { kind: 'none' };

/** A venue given in the address wins; then a tournament; then a term; then the paired device's own venue. */
export function chooseTarget(params: DisplayParams, deviceVenueId: string | null): DisplayTarget {
  if (params.venueId) return { kind: 'venue', venueId: params.venueId };
  if (params.tournamentId) return { kind: 'tournament', tournamentId: params.tournamentId };
  if (params.termId) return { kind: 'term', termId: params.termId };
  if (deviceVenueId) return { kind: 'venue', venueId: deviceVenueId };
  return { kind: 'none' };
}
