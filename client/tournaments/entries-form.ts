/**
 * The players and teams being entered, as plain data: what is wrong with them (checked here first, so the
 * coordinator hears about a duplicate name, seed or member before anything is sent) and the request bodies
 * they become — `POST …/participants` for a new entry, `PATCH …/participants/:pid` for a change (a substitute
 * once the tournament is running).
 *
 * Three kinds of entry: a table tennis player; a gateball team of five, whose players have a place 1–5 in the
 * team's order (place k plays ball 2k−1 as red and 2k as white, `ballForPlace`); a table tennis team, whose
 * players A, B, C (X, Y, Z when the team is the second side) play the singles, with a 4th and 5th as reserves.
 * A team's players are members or names typed in (a visiting team's players are often not members); the place
 * goes to the server as `ballNumber` (for a table tennis team A, B, C… as 1, 2, 3…).
 */
import type { Problem } from './create-form.ts';
import type { AddParticipantRequest, Participant, Sport, Tournament, UpdateParticipantRequest } from './types.ts';

export type EntryKind = 'player' | 'gateball_team' | 'tt_team';
export type TeamKind = Exclude<EntryKind, 'player'>;

export const entryKindOf = (sport: Sport, team: boolean): EntryKind => (sport === 'gateball' ? 'gateball_team' : team ? 'tt_team' : 'player');
export const isTeamKind = (kind: EntryKind): kind is TeamKind => kind !== 'player';

export const TEAM_SIZE = 5;
const TT_LETTERS = 'ABCDE';

export interface EntryPlayer {
  /** Local key for the list; not sent. */
  key: string;
  /** The member, or `null` for a person typed by name who is not a member. */
  memberId: string | null;
  name: string;
  /** Teams: the place in the team's order, 1–5. A table tennis player: 1. */
  place: number;
}

export interface EntryForm {
  /** Local key for the list; not sent. */
  key: string;
  name: string;
  /** As typed; empty for no seed. */
  seed: string;
  /** A team's players; a table tennis player entered from the member list has itself here (typed: none). */
  players: EntryPlayer[];
}

/** Ball number of the player in team place `place` (1–5) when the team plays `side` (1 red, 2 white). */
export const ballForPlace = (place: number, side: 1 | 2): number => place * 2 - (side === 1 ? 1 : 0);

/** How a place is shown: gateball "1"…"5"; a table tennis team "A"…"E" (A, B, C play the singles). */
export const placeLabel = (kind: EntryKind, place: number): string => (kind === 'tt_team' ? (TT_LETTERS[place - 1] ?? String(place)) : String(place));

/** The first team place (1–5) nobody in the team has yet, or `null` when the team is full. */
export function freePlace(players: readonly EntryPlayer[]): number | null {
  for (let place = 1; place <= TEAM_SIZE; place++) if (!players.some((m) => m.place === place)) return place;
  return null;
}

const fold = (name: string) => name.replace(/\s+/g, '').toLowerCase();

/**
 * Names unique (ignoring spaces and case), seeds whole numbers from 1 unique; teams of at most five with
 * distinct places, every typed player named, and no member in two entries.
 */
export function checkEntries(entries: readonly EntryForm[], kind: EntryKind, options: { minimum?: number } = {}): Problem[] {
  const problems: Problem[] = [];
  const names = new Map<string, string>();
  const seeds = new Map<number, string>();
  const members = new Map<string, string>();
  for (const entry of entries) {
    const field = `entry:${entry.key}`;
    const name = entry.name.trim();
    if (!name) problems.push({ field, code: 'entry_name_required' });
    else if (names.has(fold(name))) problems.push({ field, code: 'entry_name_duplicate', params: { name } });
    else names.set(fold(name), entry.key);
    const seedText = entry.seed.trim();
    if (seedText) {
      const seed = Number(seedText);
      if (!/^\d+$/.test(seedText) || seed < 1 || seed > 256) problems.push({ field, code: 'seed_invalid', params: { name } });
      else if (seeds.has(seed)) problems.push({ field, code: 'seed_duplicate', params: { name, seed } });
      else seeds.set(seed, entry.key);
    }
    for (const player of entry.players) {
      if (!player.memberId) continue;
      const other = members.get(player.memberId);
      if (other !== undefined) problems.push({ field, code: 'member_duplicate', params: { player: player.name, team: other } });
      else members.set(player.memberId, name);
    }
    if (!isTeamKind(kind)) continue;
    if (entry.players.length > TEAM_SIZE) problems.push({ field, code: 'team_too_big', params: { name, max: TEAM_SIZE } });
    const places = entry.players.map((m) => m.place);
    if (new Set(places).size !== places.length) problems.push({ field, code: 'place_duplicate', params: { name } });
    if (entry.players.some((p) => !p.memberId && !p.name.trim())) problems.push({ field, code: 'player_name_required', params: { name } });
  }
  if (options.minimum !== undefined && entries.length < options.minimum) {
    problems.push({ field: 'entries', code: 'too_few_entries', params: { min: options.minimum } });
  }
  return problems;
}

type PlayersPayload = NonNullable<AddParticipantRequest['players']>;

/**
 * The `players` of a request: a team's in its order with their places as `ballNumber`, members by id and others
 * by name; a table tennis player's member link (a player typed by name is just the entry's name).
 */
export function playersPayload(players: readonly EntryPlayer[], kind: EntryKind): PlayersPayload {
  if (!isTeamKind(kind)) {
    const member = players.find((p) => p.memberId);
    return member?.memberId ? [{ memberId: member.memberId }] : [];
  }
  return [...players]
    .sort((a, b) => a.place - b.place)
    .map((p) => (p.memberId ? { memberId: p.memberId, ballNumber: p.place } : { name: p.name.trim(), ballNumber: p.place }));
}

/** `POST /api/tournaments/:id/participants`. */
export function buildParticipantBody(entry: EntryForm, kind: EntryKind): AddParticipantRequest {
  const body: AddParticipantRequest = { name: entry.name.trim() };
  const seed = entry.seed.trim();
  if (seed) body.seed = Number(seed);
  const players = playersPayload(entry.players, kind);
  if (players.length > 0) body.players = players;
  return body;
}

/** An entry as the server has it, to edit. Players without a place keep their listed order. */
export function entryFromParticipant(p: Participant): EntryForm {
  return {
    key: `p-${p.id}`,
    name: p.name,
    seed: p.seed === null ? '' : String(p.seed),
    players: p.players.map((pl, i) => ({ key: `${p.id}-${i}`, memberId: pl.memberId, name: pl.name, place: pl.ballNumber ?? i + 1 })),
  };
}

/**
 * `PATCH /api/tournaments/:id/participants/:pid`: only what changed, or `null` when nothing did. Name and seed
 * only before the start (the draw and the screens already show them); the players until the end.
 */
export function buildEntryPatch(before: Participant, after: EntryForm, kind: EntryKind, status: Tournament['status']): UpdateParticipantRequest | null {
  const patch: UpdateParticipantRequest = {};
  if (status === 'draft') {
    const name = after.name.trim();
    if (name !== before.name) patch.name = name;
    const seedText = after.seed.trim();
    const seed = seedText ? Number(seedText) : null;
    if (seed !== before.seed) patch.seed = seed;
  }
  if (isTeamKind(kind)) {
    const players = playersPayload(after.players, kind);
    if (JSON.stringify(players) !== JSON.stringify(playersPayload(entryFromParticipant(before).players, kind))) patch.players = players;
  }
  return Object.keys(patch).length > 0 ? patch : null;
}

/**
 * Entries when the kind changes on the create form (sport or team event): a team stays a team with its players
 * (places 1–5 mean the same order in both sports); a player becoming a team, or a team a player, keeps its name
 * only, since one person and a team are not the same thing.
 */
export function convertEntries(entries: readonly EntryForm[], from: EntryKind, to: EntryKind): EntryForm[] {
  if (from === to || (isTeamKind(from) && isTeamKind(to))) return entries.map((e) => ({ ...e }));
  return entries.map((e) => ({ ...e, players: [] }));
}
