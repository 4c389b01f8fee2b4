/** What a display shows, from its address: `/display/?venue=ID` or `/display/?tournament=ID`. */

export interface DisplayParams {
  venueId: string | null;
  tournamentId: string | null;
}

export function parseDisplayParams(search: string): DisplayParams {
  const params = new URLSearchParams(search);
  const pick = (name: string) => {
    const value = params.get(name)?.trim();
    return value ? value : null;
  };
  return { venueId: pick('venue'), tournamentId: pick('tournament') };
}

export type DisplayTarget =
  | { kind: 'venue'; venueId: string }
  | { kind: 'tournament'; tournamentId: string }
  | { kind: 'none' };

/** A venue given in the address wins; then a tournament; then the paired device's own venue. */
export function chooseTarget(params: DisplayParams, deviceVenueId: string | null): DisplayTarget {
  if (params.venueId) return { kind: 'venue', venueId: params.venueId };
  if (params.tournamentId) return { kind: 'tournament', tournamentId: params.tournamentId };
  if (deviceVenueId) return { kind: 'venue', venueId: deviceVenueId };
  return { kind: 'none' };
}
