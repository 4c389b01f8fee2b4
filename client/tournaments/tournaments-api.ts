/** The tournament routes (docs/api.md "Tournaments") as the pages use them. */
import { api, seg, withQuery } from '../lib/api.ts';
import type { Room } from '../lib/types.ts';
import type { Member } from '../members/types.ts';
import type {
  AddParticipantRequest, CreateTournamentRequest, Match, Participant, Tournament, TournamentView, UpdateParticipantRequest,
} from './types.ts';
import { readStandings } from './types.ts';

export async function getTournament(id: string, signal?: AbortSignal): Promise<TournamentView> {
  const view = await api.get<TournamentView>(`/api/tournaments/${seg(id)}`, signal ? { signal } : {});
  return { ...view, standings: readStandings(view.standings), placings: Array.isArray(view.placings) ? view.placings : [] };
}

/** The venue's tournaments, newest first (`GET /api/tournaments?venueId=`, added after the first API). */
export async function listTournaments(venueId: string): Promise<Tournament[]> {
  return (await api.get<{ tournaments: Tournament[] }>(withQuery('/api/tournaments', { venueId }))).tournaments;
}

export const createTournament = async (body: CreateTournamentRequest): Promise<Tournament> =>
  (await api.post<{ tournament: Tournament }>('/api/tournaments', body)).tournament;

export const addParticipant = async (tournamentId: string, body: AddParticipantRequest): Promise<Participant> =>
  (await api.post<{ participant: Participant }>(`/api/tournaments/${seg(tournamentId)}/participants`, body)).participant;

/** Name and seed before the start; the players (a substitute) until the tournament has finished. */
export const updateParticipant = async (tournamentId: string, participantId: string, body: UpdateParticipantRequest): Promise<Participant> =>
  (await api.patch<{ participant: Participant }>(`/api/tournaments/${seg(tournamentId)}/participants/${seg(participantId)}`, body)).participant;

/** Before the start only. */
export const removeParticipant = async (tournamentId: string, participantId: string): Promise<void> => {
  await api.delete(`/api/tournaments/${seg(tournamentId)}/participants/${seg(participantId)}`);
};

export const startTournament = async (tournamentId: string): Promise<Tournament> =>
  (await api.post<{ tournament: Tournament }>(`/api/tournaments/${seg(tournamentId)}/start`)).tournament;

/** A final result (or a correction): `{games}`, `{balls}`, `{score}` or `{walkover}`. */
export const putResult = async (matchId: string, payload: object): Promise<{ match: Match; flags: unknown[] }> =>
  api.put<{ match: Match; flags: unknown[] }>(`/api/matches/${seg(matchId)}/result`, payload);

/** The score while the match is in play; the match shows as live on every screen. */
export const putLive = async (matchId: string, payload: object): Promise<Match> =>
  (await api.put<{ match: Match }>(`/api/matches/${seg(matchId)}/live`, payload)).match;

export const listRooms = async (venueId: string): Promise<Room[]> =>
  (await api.get<{ rooms: Room[] }>(`/api/venues/${seg(venueId)}/rooms`)).rooms;

export async function searchMembers(q: string, signal?: AbortSignal): Promise<Member[]> {
  const answer = await api.get<{ members: Member[] }>(withQuery('/api/members', { q: q.trim(), limit: 8 }), signal ? { signal } : {});
  return answer.members;
}

/** The order a physical draw gave players tied by lot (`group: null` for a round robin's one table). */
export const recordLot = async (tournamentId: string, group: string | null, order: string[]): Promise<void> => {
  await api.put(`/api/tournaments/${seg(tournamentId)}/lots`, { group, order });
};

/** Back to the draft while no match has been played (the draw and the courts' bookings are dropped). */
export const undoStart = async (tournamentId: string): Promise<Tournament> =>
  (await api.post<{ tournament: Tournament }>(`/api/tournaments/${seg(tournamentId)}/undo-start`)).tournament;

/** Before the start only: the draft's courts and first-match time (`PATCH /api/tournaments/:id`). */
export const updateDraft = async (tournamentId: string, body: { roomIds?: string[]; startsAt?: string }): Promise<Tournament> =>
  (await api.patch<{ tournament: Tournament }>(`/api/tournaments/${seg(tournamentId)}`, body)).tournament;

/** Before the start only: the draft and its entries are gone. */
export const deleteDraft = async (tournamentId: string): Promise<void> => {
  await api.delete(`/api/tournaments/${seg(tournamentId)}`);
};
