/**
 * The URL as the request log writes it: query values that are secrets or personal data are replaced.
 * A calendar program's subscription link carries its key in the query (`calendar.ics?key=…`), a kiosk looks a
 * card up by `?code=` and searches by what a member typed (`?q=` may be a full phone number). Logs are read
 * by more people, and kept longer, than the database's own rows.
 */
const HIDDEN_QUERY = /([?&](?:key|token|code|pin|q|password)=)[^&#]*/gi;

export function redactUrl(url: string): string {
  return url.includes('?') ? url.replace(HIDDEN_QUERY, '$1[redacted]') : url;
}
