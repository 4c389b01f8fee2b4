/**
 * The create form as plain data: its defaults, what is wrong with it (checked here first so the coordinator
 * hears about a duplicate name or seed before anything is created, since the API cannot remove a player), and
 * the request bodies it becomes.
 *
 * Gateball ball numbers: a team's ball numbers depend on the side it plays in each game (red 1, 3, 5, 7, 9;
 * white 2, 4, 6, 8, 10), so a team entry records each member's place in the team's order, 1–5, and sends that
 * as `ballNumbers`. Place k plays ball 2k−1 as red and ball 2k as white (`ballForPlace`).
 */
import { zonedToInstant } from '../../server/lib/zoned-time.ts';
import type {
  AddParticipantRequest, CreateTournamentRequest, Format, GateballGamePreset, GateballStandingsStep, Sport,
} from './types.ts';

export type BestOf = 3 | 5 | 7;

export const STANDINGS_PRESETS = {
  /** The default of DOMAIN.md: difference, points scored, head-to-head, lot. */
  difference_first: ['score_difference', 'points_for', 'head_to_head', 'lot'],
  head_to_head_first: ['head_to_head', 'score_difference', 'points_for', 'lot'],
  difference_then_head_to_head: ['score_difference', 'head_to_head', 'points_for', 'lot'],
} as const satisfies Record<string, readonly GateballStandingsStep[]>;
export type StandingsPreset = keyof typeof STANDINGS_PRESETS;
export const STANDINGS_PRESET_IDS = Object.keys(STANDINGS_PRESETS) as StandingsPreset[];

export interface SettingsForm {
  name: string;
  sport: Sport;
  format: Format;
  bestOf: BestOf;
  /** Table tennis team event (five singles, won at three rubbers). */
  team: boolean;
  groupCount: number;
  advancePerGroup: number;
  gateballGame: GateballGamePreset;
  standingsPreset: StandingsPreset;
  roomIds: string[];
  /** Venue wall date and time of the first match ('YYYY-MM-DD', 'HH:MM'); empty date: not scheduled. */
  date: string;
  time: string;
  matchMinutes: number;
}

export interface EntryMember {
  memberId: string;
  name: string;
  /** Gateball: place in the team's order, 1–5. */
  place: number;
}

export interface EntryForm {
  /** Local key for the list; not sent. */
  key: string;
  name: string;
  /** As typed; empty for no seed. */
  seed: string;
  members: EntryMember[];
}

export const TEAM_SIZE = 5;

export function defaultSettings(sport: Sport, date: string): SettingsForm {
  return {
    name: '',
    sport,
    format: sport === 'gateball' ? 'round_robin' : 'groups_then_knockout',
    bestOf: 5,
    team: false,
    groupCount: 2,
    advancePerGroup: 2,
    gateballGame: 'agari_gates',
    standingsPreset: 'difference_first',
    roomIds: [],
    date,
    time: '09:00',
    matchMinutes: sport === 'gateball' ? 40 : 30,
  };
}

/** The room kind that suits a sport: its rooms are listed (and ticked) first. */
export const roomKindFor = (sport: Sport): string => (sport === 'gateball' ? 'gateball_court' : 'table_tennis');

/** Rooms in the order the form lists them: the sport's own kind first, the rest after, each by name. */
export function roomsForSport<R extends { kind: string; name: string }>(rooms: readonly R[], sport: Sport): { suited: R[]; others: R[] } {
  const byName = (a: R, b: R) => a.name.localeCompare(b.name, 'zh-CN', { numeric: true });
  const kind = roomKindFor(sport);
  return { suited: rooms.filter((r) => r.kind === kind).sort(byName), others: rooms.filter((r) => r.kind !== kind).sort(byName) };
}

/** Ball number of the player in team place `place` (1–5) when the team plays `side` (1 red, 2 white). */
export const ballForPlace = (place: number, side: 1 | 2): number => place * 2 - (side === 1 ? 1 : 0);

export interface Problem {
  /** The form field or entry (`entry:<key>`) the problem is about. */
  field: string;
  code:
    | 'name_required'
    | 'groups_too_many'
    | 'advance_too_many'
    | 'advance_too_few'
    | 'time_invalid'
    | 'minutes_invalid'
    | 'entry_name_required'
    | 'entry_name_duplicate'
    | 'seed_invalid'
    | 'seed_duplicate'
    | 'team_too_big'
    | 'place_duplicate'
    | 'too_few_entries';
  params?: Record<string, string | number>;
}

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
const TIME_RE = /^\d{2}:\d{2}$/;

/** What is wrong with the settings, for `entries` players or teams (0 when not known yet). */
export function checkSettings(form: SettingsForm, entries: number): Problem[] {
  const problems: Problem[] = [];
  if (!form.name.trim()) problems.push({ field: 'name', code: 'name_required' });
  if (form.format === 'groups_then_knockout') {
    const groups = Math.max(1, Math.floor(form.groupCount));
    if (entries > 0 && entries < groups * 2) problems.push({ field: 'groupCount', code: 'groups_too_many', params: { n: entries, groups } });
    const smallest = entries > 0 ? Math.floor(entries / groups) : Number.POSITIVE_INFINITY;
    if (form.advancePerGroup > smallest) problems.push({ field: 'advancePerGroup', code: 'advance_too_many', params: { max: smallest } });
    if (groups * form.advancePerGroup < 2) problems.push({ field: 'advancePerGroup', code: 'advance_too_few' });
  }
  if (form.date && (!DATE_RE.test(form.date) || !TIME_RE.test(form.time))) problems.push({ field: 'time', code: 'time_invalid' });
  if (!Number.isInteger(form.matchMinutes) || form.matchMinutes < 5 || form.matchMinutes > 240) {
    problems.push({ field: 'matchMinutes', code: 'minutes_invalid' });
  }
  return problems;
}

/** Names unique (ignoring spaces and case), seeds whole numbers from 1 unique, teams of at most five. */
export function checkEntries(entries: readonly EntryForm[], sport: Sport, options: { minimum?: number } = {}): Problem[] {
  const problems: Problem[] = [];
  const names = new Map<string, string>();
  const seeds = new Map<number, string>();
  for (const entry of entries) {
    const field = `entry:${entry.key}`;
    const name = entry.name.trim();
    const folded = name.replace(/\s+/g, '').toLowerCase();
    if (!name) problems.push({ field, code: 'entry_name_required' });
    else if (names.has(folded)) problems.push({ field, code: 'entry_name_duplicate', params: { name } });
    else names.set(folded, entry.key);
    const seedText = entry.seed.trim();
    if (seedText) {
      const seed = Number(seedText);
      if (!/^\d+$/.test(seedText) || seed < 1 || seed > 256) problems.push({ field, code: 'seed_invalid', params: { name } });
      else if (seeds.has(seed)) problems.push({ field, code: 'seed_duplicate', params: { name, seed } });
      else seeds.set(seed, entry.key);
    }
    if (sport === 'gateball') {
      if (entry.members.length > TEAM_SIZE) problems.push({ field, code: 'team_too_big', params: { name, max: TEAM_SIZE } });
      const places = entry.members.map((m) => m.place);
      if (new Set(places).size !== places.length) problems.push({ field, code: 'place_duplicate', params: { name } });
    }
  }
  if (options.minimum !== undefined && entries.length < options.minimum) {
    problems.push({ field: 'entries', code: 'too_few_entries', params: { min: options.minimum } });
  }
  return problems;
}

/** `POST /api/tournaments`; the start instant is the venue's wall time in its zone. */
export function buildCreateBody(form: SettingsForm, venueId: string, timeZone: string): CreateTournamentRequest {
  const body: CreateTournamentRequest = { venueId, name: form.name.trim(), sport: form.sport, format: form.format };
  if (form.sport === 'table_tennis') body.bestOf = form.bestOf;
  if (form.sport === 'table_tennis' && form.team) body.team = true;
  if (form.format === 'groups_then_knockout') {
    body.groupCount = Math.floor(form.groupCount);
    body.advancePerGroup = Math.floor(form.advancePerGroup);
  }
  if (form.sport === 'gateball') {
    body.tiebreak = { gateballGame: form.gateballGame, gateballStandings: [...STANDINGS_PRESETS[form.standingsPreset]] };
  }
  if (form.roomIds.length > 0) body.roomIds = [...form.roomIds];
  if (form.date) body.startsAt = zonedToInstant(form.date, form.time, timeZone).toISOString();
  body.matchMinutes = form.matchMinutes;
  return body;
}

/** `POST /api/tournaments/:id/participants`: members in team order, with their places as `ballNumbers`. */
export function buildParticipantBody(entry: EntryForm, sport: Sport): AddParticipantRequest {
  const body: AddParticipantRequest = { name: entry.name.trim() };
  const seed = entry.seed.trim();
  if (seed) body.seed = Number(seed);
  if (entry.members.length > 0) {
    const members = sport === 'gateball' ? [...entry.members].sort((a, b) => a.place - b.place) : entry.members;
    body.memberIds = members.map((m) => m.memberId);
    if (sport === 'gateball') body.ballNumbers = members.map((m) => m.place);
  }
  return body;
}

/** The first team place (1–5) nobody in the team has yet, or `null` when the team is full. */
export function freePlace(members: readonly EntryMember[]): number | null {
  for (let place = 1; place <= TEAM_SIZE; place++) if (!members.some((m) => m.place === place)) return place;
  return null;
}
