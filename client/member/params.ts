/**
 * The phone pages' address: `/m/` lists the terms, `/m/?term=<id>` opens one (so the phone's Back button goes
 * back to the list), `/m/?verify=<termId>` is the public draw check (no sign-in), and `venue=<id>` (the link or
 * QR code a centre hands out) puts that centre's terms first.
 */
export interface MemberParams {
  verify: string | null;
  term: string | null;
  venue: string | null;
}

/** Ids are opaque, but an address is typed by people: anything that cannot be an id is ignored. */
const ID = /^[A-Za-z0-9-]{1,64}$/;
const id = (value: string | null): string | null => (value !== null && ID.test(value) ? value : null);

export function readParams(search: string): MemberParams {
  const query = new URLSearchParams(search);
  return { verify: id(query.get('verify')), term: id(query.get('term')), venue: id(query.get('venue')) };
}

/** The address of the term list (`term` null) or of one term, keeping the centre's `venue`. */
export function termAddress(current: MemberParams, term: string | null): string {
  const query = new URLSearchParams();
  if (current.venue) query.set('venue', current.venue);
  if (term) query.set('term', term);
  const qs = query.toString();
  return qs ? `?${qs}` : '?';
}
