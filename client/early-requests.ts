/**
 * The requests the first screen needs, sent by the entry (main.ts) the moment it runs, before the shell's and
 * the page's code have arrived and run (which takes longer than the requests on a busy machine): who is signed
 * in, and then the venues. Session.check and VenueList.load each take their answer once; later calls ask the
 * server again. Only a browser that signed in before sends them (session-hint.ts), and the venues only once
 * the server has said who it is, so a stale hint still costs a single 401.
 */
import { api } from './lib/api.ts';
import type { MeAnswer, Venue } from './lib/types.ts';

export interface VenuesAnswer {
  venues: Venue[];
}

let me: Promise<MeAnswer> | null = null;
/** Resolves to null when there was nobody to ask for (signed out, or `me` failed): ask yourself then. */
let venues: Promise<VenuesAnswer | null> | null = null;

export function sendEarlyRequests(): void {
  const answer = api.get<MeAnswer>('/api/auth/me');
  me = answer;
  venues = answer.then(
    (who) => (who.user ? api.get<VenuesAnswer>('/api/venues') : null),
    () => null,
  );
  // Whoever takes them handles their failures; until then a failure is not an unhandled rejection.
  answer.catch(() => {});
  venues.catch(() => {});
}

/** The early `GET /api/auth/me`, once; null if none was sent or it was taken. */
export function takeEarlyMe(): Promise<MeAnswer> | null {
  const taken = me;
  me = null;
  return taken;
}

/** The early `GET /api/venues`, once; null if none was sent or it was taken. */
export function takeEarlyVenues(): Promise<VenuesAnswer | null> | null {
  const taken = venues;
  venues = null;
  return taken;
}
