/**
 * Live patches to a loaded tournament (`GET /api/tournaments/:id`), one pure function per event type of
 * `tournament:<id>`. A match carries a `version`; an older copy never replaces a newer one.
 */
import { keepOrigins, markAwaitingLots } from './side-origin.ts';
import { readStandings, type Match, type Participant, type Placing, type Tournament, type TournamentView } from './types.ts';

export function applyMatch(view: TournamentView, match: Match): TournamentView {
  const index = view.matches.findIndex((m) => m.id === match.id);
  if (index < 0) return { ...view, matches: [...view.matches, match] };
  const current = view.matches[index]!;
  if (current.version > match.version) return view;
  const matches = view.matches.slice();
  matches[index] = keepOrigins(current, match);
  return { ...view, matches };
}

/** An entry added or changed (a substitute, a new name or seed): replaced by id, or added at the end. */
export function applyParticipant(view: TournamentView, participant: Participant): TournamentView {
  const index = view.participants.findIndex((p) => p.id === participant.id);
  const participants = view.participants.slice();
  if (index < 0) participants.push(participant);
  else participants[index] = participant;
  return { ...view, participants };
}

export function removeParticipant(view: TournamentView, participantId: string): TournamentView {
  return view.participants.some((p) => p.id === participantId) ? { ...view, participants: view.participants.filter((p) => p.id !== participantId) } : view;
}

const isParticipant = (value: unknown): value is Participant =>
  typeof value === 'object' && value !== null && typeof (value as Participant).id === 'string' && typeof (value as Participant).name === 'string'
  && Array.isArray((value as Participant).players);

export function applyStandings(view: TournamentView, data: { standings?: unknown; placings?: unknown }): TournamentView {
  const placings = Array.isArray(data.placings)
    ? (data.placings as unknown[]).filter((p): p is Placing =>
        typeof p === 'object' && p !== null && typeof (p as Placing).participantId === 'string' && typeof (p as Placing).place === 'number')
    : view.placings;
  return { ...view, standings: data.standings === undefined ? view.standings : readStandings(data.standings), placings };
}

export function applyTournament(view: TournamentView, data: { tournament?: Tournament; matches?: Match[] }): TournamentView {
  let next = view;
  if (data.tournament && data.tournament.version >= view.tournament.version) next = { ...next, tournament: data.tournament };
  // A start undone: back to the draft, the drawn matches are gone.
  if (next.tournament.status === 'draft' && Array.isArray(data.matches) && data.matches.length === 0) return { ...next, matches: [] };
  if (Array.isArray(data.matches)) {
    for (const match of data.matches) next = applyMatch(next, match);
  }
  return next;
}

/**
 * Applies one `tournament:<id>` event; unknown types leave the view as it is. The knockout places waiting for
 * a draw by lot follow the standings (events do not say it on the matches).
 */
export function applyEvent(view: TournamentView, type: string, data: unknown): TournamentView {
  const next = applyOne(view, type, data);
  return next === view ? view : { ...next, matches: markAwaitingLots(next.matches, next.standings) };
}

function applyOne(view: TournamentView, type: string, data: unknown): TournamentView {
  const d = (typeof data === 'object' && data !== null ? data : {}) as Record<string, unknown>;
  switch (type) {
    case 'match.updated':
      return d.match && typeof d.match === 'object' ? applyMatch(view, d.match as Match) : view;
    case 'standings.changed':
      return applyStandings(view, d);
    case 'tournament.updated':
      return applyTournament(view, d as { tournament?: Tournament; matches?: Match[] });
    case 'participant.added':
    case 'participant.updated':
      return isParticipant(d.participant) ? applyParticipant(view, d.participant) : view;
    case 'participant.removed':
      return typeof d.participantId === 'string' ? removeParticipant(view, d.participantId) : view;
    default:
      return view;
  }
}
