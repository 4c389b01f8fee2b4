/**
 * The create form's settings as plain data: their defaults, what is wrong with them (checked here first, so the
 * coordinator hears about it before anything is created) and the request body they become. The players and
 * teams are entries-form.ts.
 */
import { zonedToInstant } from '../../server/shared/zoned-time.ts';
import type { CreateTournamentRequest, Format, GateballGamePreset, GateballStandingsStep, Sport } from './types.ts';

export type BestOf = 3 | 5 | 7;

export const STANDINGS_PRESETS = {
  /** The default of docs/rules.md "Gateball": difference, points scored, head-to-head, lot. */
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
    | 'member_duplicate'
    | 'player_name_required'
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
