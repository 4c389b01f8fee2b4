/**
 * A link from another page to a booking on the calendar, `#/?venue=V&booking=ID&at=START` (the tournament page
 * offers one for each booking that stops a start): the calendar opens that venue, shows the booking's date and
 * makes it stand out, as its own "转到该预订" does.
 */
export interface BookingLink {
  venueId: string | null;
  bookingId: string;
  start: string;
}

const ID = /^[A-Za-z0-9-]{1,64}$/;

export function bookingLinkOf(hash: string): BookingLink | null {
  const query = hash.replace(/^#/, '').split('?', 2)[1];
  if (!query) return null;
  const params = new URLSearchParams(query);
  const bookingId = params.get('booking');
  const start = params.get('at');
  const venueId = params.get('venue');
  if (!bookingId || !ID.test(bookingId) || !start || Number.isNaN(Date.parse(start))) return null;
  return { venueId: venueId && ID.test(venueId) ? venueId : null, bookingId, start };
}
