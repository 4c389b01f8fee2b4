/**
 * Where the tournament pages live in the coordinator app's hash (`client/routes.ts` sends both prefixes here):
 * - `#/tournaments` the list, `#/tournaments/new` the create form, `#/tournaments/ID` one tournament;
 * - `#/referee` choose a tournament, `#/referee/TID` choose a court or match, `#/referee/TID/MID` score it,
 *   `#/referee/TID?court=ROOM` the next match on that court.
 * The referee path carries the tournament because the API has no `GET /api/matches/:id`.
 */

export type TournamentPath =
  | { page: 'list' }
  | { page: 'new' }
  | { page: 'tournament'; tournamentId: string }
  | { page: 'referee-home' }
  | { page: 'referee-pick'; tournamentId: string; court: string | null }
  | { page: 'referee'; tournamentId: string; matchId: string };

const ID = /^[A-Za-z0-9-]{1,64}$/;

export function parseTournamentPath(hash: string): TournamentPath {
  const raw = hash.replace(/^#/, '');
  const [pathPart = '', query = ''] = raw.split('?', 2);
  const parts = pathPart.split('/').filter(Boolean).map((p) => decodeURIComponent(p));
  const params = new URLSearchParams(query);
  if (parts[0] === 'referee') {
    const [, tournamentId, matchId] = parts;
    if (tournamentId && ID.test(tournamentId)) {
      if (matchId && ID.test(matchId)) return { page: 'referee', tournamentId, matchId };
      const court = params.get('court');
      return { page: 'referee-pick', tournamentId, court: court && ID.test(court) ? court : null };
    }
    return { page: 'referee-home' };
  }
  const second = parts[1];
  if (second === 'new') return { page: 'new' };
  if (second && ID.test(second)) return { page: 'tournament', tournamentId: second };
  return { page: 'list' };
}

export function tournamentHref(path: TournamentPath): string {
  switch (path.page) {
    case 'list':
      return '#/tournaments';
    case 'new':
      return '#/tournaments/new';
    case 'tournament':
      return `#/tournaments/${encodeURIComponent(path.tournamentId)}`;
    case 'referee-home':
      return '#/referee';
    case 'referee-pick':
      return `#/referee/${encodeURIComponent(path.tournamentId)}${path.court ? `?court=${encodeURIComponent(path.court)}` : ''}`;
    case 'referee':
      return `#/referee/${encodeURIComponent(path.tournamentId)}/${encodeURIComponent(path.matchId)}`;
  }
}

const UUIDISH = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

/**
 * The tournament id in what someone pasted: the id itself, a coordinator link (`…#/tournaments/ID`), a
 * referee link (`…#/referee/ID/…`) or a display link (`…/display/?tournament=ID`). `null` when there is none.
 */
export function tournamentIdFromInput(input: string): string | null {
  const text = input.trim();
  if (!text) return null;
  const display = /[?&]tournament=([A-Za-z0-9-]{1,64})/.exec(text);
  if (display?.[1]) return display[1];
  const hash = /#\/(?:tournaments|referee)\/([A-Za-z0-9-]{1,64})/.exec(text);
  if (hash?.[1] && hash[1] !== 'new') return hash[1];
  if (ID.test(text)) return text;
  return UUIDISH.exec(text)?.[0] ?? null;
}
