/**
 * The centres, for their names and time zones (every time on the phone pages is in the venue's zone). Asked
 * once per page load: centres change rarely, and the list and a term page both need them.
 *
 * A server that does not list centres to members (403) still serves the terms of a centre named by the link
 * the member came by (`?venue=`); that centre's name is then not known and its zone is taken to be the site's
 * default.
 */
import { ApiError } from '../lib/api.ts';
import { DEFAULT_TIMEZONE, type Venue } from '../lib/types.ts';
import { memberApi } from './member-api.ts';

let asked: Promise<Venue[] | null> | null = null;

/** Every centre by name, or null when the server lists none to members. */
function listed(): Promise<Venue[] | null> {
  asked ??= memberApi
    .venues()
    .then(({ venues }) => {
      const collator = new Intl.Collator('zh-CN');
      return [...venues].sort((a, b) => collator.compare(a.name, b.name));
    })
    .catch((error: unknown) => {
      if (error instanceof ApiError && error.statusCode === 403) return null;
      asked = null; // a network failure: ask again next time
      throw error;
    });
  return asked;
}

/** The centres whose terms to list: all of them, or only the one of the link when the server lists none. */
export async function venuesToList(preferred: string | null): Promise<Venue[]> {
  const venues = await listed();
  if (venues) return venues;
  return preferred ? [{ id: preferred, name: '', timezone: DEFAULT_TIMEZONE }] : [];
}

/** One centre's name and zone; an unknown one gets no name and the default zone. */
export async function venueOf(venueId: string): Promise<Venue> {
  let venues: Venue[] | null = null;
  try {
    venues = await listed();
  } catch {
    // The name is a nicety and the default zone is the site's: the term page does not fail for it.
  }
  return venues?.find((v) => v.id === venueId) ?? { id: venueId, name: '', timezone: DEFAULT_TIMEZONE };
}
