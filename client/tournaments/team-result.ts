/**
 * The team result form (table tennis team events): per rubber a row of games typed as text, side 1's points
 * first, becoming `{rubbers: [{games}, …]}` for `PUT /api/matches/:id/result` (an entry or a correction). Only
 * the shape is checked here — whole numbers, no game with one side blank, no empty rubber before a filled one;
 * the rules (11 won by 2, the best of, three rubbers won, nothing after) are the server's, whose
 * `invalid_score` sentence is shown as it comes.
 */
import { MAX_RUBBERS } from '../../server/shared/sports/table-tennis-team.ts';
import { parseGames } from './entry-payload.ts';
import { rubberPlayers } from './team-referee.ts';
import type { GameScore, ResultSummary } from './types.ts';

/** Rubbers, each its game rows `[side 1, side 2]` as typed. */
export type RubberRows = Array<Array<[string, string]>>;

export type TeamParsed =
  | { ok: true; payload: { rubbers: { games: GameScore[] }[] } }
  | { ok: false; problem: 'empty' | 'not_a_number' | 'half_filled' | 'rubber_skipped'; rubber?: number; row?: number };

/** Blank rubbers at the end are left out (the match was over); a blank one before a filled one is refused. */
export function parseRubbers(rows: RubberRows): TeamParsed {
  const rubbers: { games: GameScore[] }[] = [];
  let blank: number | null = null;
  for (const [i, games] of rows.entries()) {
    const parsed = parseGames(games);
    if (!parsed.ok && parsed.problem === 'empty') {
      blank ??= i + 1;
      continue;
    }
    if (!parsed.ok) return { ok: false, problem: parsed.problem, rubber: i + 1, ...(parsed.row === undefined ? {} : { row: parsed.row }) };
    if (blank !== null) return { ok: false, problem: 'rubber_skipped', rubber: blank };
    rubbers.push({ games: parsed.payload.games });
  }
  return rubbers.length === 0 ? { ok: false, problem: 'empty' } : { ok: true, payload: { rubbers } };
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Games of a `{games}` object, as far as they are pairs of numbers. */
function gamesOf(value: unknown): GameScore[] {
  if (!isObject(value) || !Array.isArray(value.games)) return [];
  return value.games.flatMap((g): GameScore[] =>
    Array.isArray(g) && g.length === 2 && typeof g[0] === 'number' && typeof g[1] === 'number' ? [[g[0], g[1]]] : []);
}

/**
 * The rows the form starts with: the stored result's rubbers, else the live score's finished rubbers and the
 * finished games of the rubber in play; padded to five rubbers of `bestOf` rows.
 */
export function rubberRowsFrom(result: ResultSummary | null, live: unknown, bestOf: number): RubberRows {
  let known: GameScore[][] = [];
  if (result?.kind === 'games' && result.rubbers) known = result.rubbers;
  else if (isObject(live) && Array.isArray(live.rubbers)) {
    known = live.rubbers.map(gamesOf);
    const current = gamesOf(live.current);
    if (current.length > 0) known.push(current);
  }
  const rows: RubberRows = known.slice(0, MAX_RUBBERS).map((games) => games.map(([a, b]): [string, string] => [String(a), String(b)]));
  while (rows.length < MAX_RUBBERS) rows.push([]);
  for (const games of rows) while (games.length < bestOf) games.push(['', '']);
  return rows;
}

/** Who meets in each of the five rubbers ("A 张三", "X 李四"), from the teams' order. */
export function rubberPairings(
  teams: readonly [{ players: readonly { name: string; ballNumber: number | null }[] } | undefined, { players: readonly { name: string; ballNumber: number | null }[] } | undefined],
): Array<[string, string]> {
  return Array.from({ length: MAX_RUBBERS }, (_, i) => rubberPlayers(i, [teams[0]?.players, teams[1]?.players]));
}
