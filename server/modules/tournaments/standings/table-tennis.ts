/**
 * Round-robin group standings for table tennis, ITTF regulation 3.7.5 as docs/rules.md "Table tennis" states it:
 * - 2 match points for a win, 1 for a loss in a played match, 0 for a loss not played (walkover);
 * - players equal on match points are ordered using only the matches among them: match points, then (team events)
 *   the ratio of individual matches (rubbers) won to lost, then of games, then of points — ratios compared exactly
 *   (ratio.ts);
 * - as soon as some are separated, those still equal are resolved afresh, from match points, using only the
 *   matches among themselves (tie-break.ts);
 * - what cannot be resolved is decided by lot (`lots`, set by the referee; marked `byLot` either way).
 *
 * Choices where 3.7.5 is silent: a walkover counts as played, won and lost (so `played` = results entered)
 * and adds no games or points to either side; matches whose sides are not both in the group, or that name the
 * same player twice, are ignored; a participant listed twice counts once.
 */
import type { Side } from '../../../shared/sports/outcome.ts';
import type { TableTennisResult } from '../../../shared/sports/table-tennis.ts';
import type { TeamMatchResult } from '../../../shared/sports/table-tennis-team.ts';
import { compareRatio, type WonLost } from './ratio.ts';
import { settleLots, type PendingMatch } from './lot-state.ts';
import { classesBy, type Criterion, orderTable } from './tie-break.ts';

export interface TableTennisStandingMatch {
  sides: readonly [string, string];
  winnerSide: Side;
  /** A loss not played: the loser gets 0 match points. */
  walkover: boolean;
  /** Team events: individual matches won by side 1 and side 2. */
  rubbersWon?: readonly [number, number];
  gamesWon: readonly [number, number];
  pointsWon: readonly [number, number];
}

export type TableTennisDecidedBy =
  | 'match_points' | 'head_to_head_match_points' | 'rubber_ratio' | 'game_ratio' | 'point_ratio' | 'lot'
  /** Level on match points with matches still to play that may separate them (lot-state.ts). */
  | 'level';

export interface TableTennisStandingRow {
  participantId: string;
  rank: number;
  played: number;
  won: number;
  lost: number;
  matchPoints: number;
  /** Team events only. */
  rubbersWon?: number;
  rubbersLost?: number;
  gamesWon: number;
  gamesLost: number;
  pointsWon: number;
  pointsLost: number;
  /** The place is decided by lot: nothing left to play can separate (lot-state.ts); drawn or still to draw. */
  byLot: boolean;
  /** By lot, and the order drawn is recorded. */
  lotDrawn?: boolean;
  /** The other players of the level group this row was separated from. */
  tiedWith?: string[];
  decidedBy: TableTennisDecidedBy;
}

export interface TableTennisStandingsOptions {
  /** Team events: compare the ratio of rubbers won to lost after match points. */
  team?: boolean;
  /** Lot numbers drawn by the referee, lower placed higher. */
  lots?: Readonly<Record<string, number>>;
  /** The group's matches still to be decided: while one can separate level players, no lot is shown. */
  pending?: readonly PendingMatch[];
}

/** The standings record of a validated result; `sides` are the match's participants, side 1 first. */
export function standingMatchFromResult(
  sides: readonly [string, string], result: TableTennisResult | TeamMatchResult,
): TableTennisStandingMatch | null {
  if (result.outcome.kind === 'draw') return null;
  const match: TableTennisStandingMatch = {
    sides, winnerSide: result.outcome.winnerSide, walkover: result.outcome.kind === 'walkover',
    gamesWon: result.gamesWon, pointsWon: result.pointsWon,
  };
  if ('rubbersWon' in result) match.rubbersWon = result.rubbersWon;
  return match;
}

interface Tally {
  played: number; won: number; lost: number; matchPoints: number;
  rubbers: WonLost; games: WonLost; points: WonLost;
}

function emptyTally(): Tally {
  return {
    played: 0, won: 0, lost: 0, matchPoints: 0,
    rubbers: { won: 0, lost: 0 }, games: { won: 0, lost: 0 }, points: { won: 0, lost: 0 },
  };
}

/** Sums the matches whose two sides are both in `ids`. */
function tally(ids: readonly string[], matches: readonly TableTennisStandingMatch[]): Map<string, Tally> {
  const table = new Map(ids.map((id) => [id, emptyTally()]));
  for (const match of matches) {
    const [one, two] = match.sides;
    const first = table.get(one);
    const second = table.get(two);
    if (!first || !second || one === two) continue;
    const rows: Array<[Tally, 0 | 1]> = [[first, 0], [second, 1]];
    for (const [row, i] of rows) {
      const o = i === 0 ? 1 : 0;
      const won = match.winnerSide === i + 1;
      row.played += 1;
      row.won += won ? 1 : 0;
      row.lost += won ? 0 : 1;
      row.matchPoints += won ? 2 : match.walkover ? 0 : 1;
      if (match.rubbersWon) add(row.rubbers, match.rubbersWon[i], match.rubbersWon[o]);
      add(row.games, match.gamesWon[i], match.gamesWon[o]);
      add(row.points, match.pointsWon[i], match.pointsWon[o]);
    }
  }
  return table;
}

function add(total: WonLost, won: number, lost: number): void {
  total.won += won;
  total.lost += lost;
}

/** A criterion judged on the matches among the players of a group only. */
function amongThem<N extends string>(
  name: N, matches: readonly TableTennisStandingMatch[], compare: (a: Tally, b: Tally) => number,
): Criterion<N> {
  return {
    name,
    classes(ids) {
      const table = tally(ids, matches);
      return classesBy(ids, (a, b) => compare(table.get(a) ?? emptyTally(), table.get(b) ?? emptyTally()));
    },
  };
}

/** Group standings; `participants` in the order to keep where only a lot still to be drawn decides. */
export function tableTennisStandings(
  participants: readonly string[], matches: readonly TableTennisStandingMatch[], options: TableTennisStandingsOptions = {},
): TableTennisStandingRow[] {
  const ids = [...new Set(participants)];
  const everything = tally(ids, matches);
  const primary: Criterion<'match_points'> = {
    name: 'match_points',
    classes: (group) => classesBy(group, (a, b) => (everything.get(b)?.matchPoints ?? 0) - (everything.get(a)?.matchPoints ?? 0)),
  };
  const criteria: Criterion<Exclude<TableTennisDecidedBy, 'match_points' | 'lot'>>[] = [
    amongThem('head_to_head_match_points', matches, (a, b) => b.matchPoints - a.matchPoints),
    ...(options.team ? [amongThem('rubber_ratio' as const, matches, (a, b) => compareRatio(a.rubbers, b.rubbers))] : []),
    amongThem('game_ratio', matches, (a, b) => compareRatio(a.games, b.games)),
    amongThem('point_ratio', matches, (a, b) => compareRatio(a.points, b.points)),
  ];
  const placed = orderTable(ids, primary, criteria, options.lots);
  const drawn = new Set(placed.filter((p) => p.drawn).map((p) => p.participantId));
  const rows = placed.map((place, index) => {
    const t = everything.get(place.participantId) ?? emptyTally();
    const row: TableTennisStandingRow = {
      participantId: place.participantId, rank: index + 1, played: t.played, won: t.won, lost: t.lost,
      matchPoints: t.matchPoints, gamesWon: t.games.won, gamesLost: t.games.lost,
      pointsWon: t.points.won, pointsLost: t.points.lost, byLot: place.byLot, decidedBy: place.decidedBy,
    };
    if (options.team) {
      row.rubbersWon = t.rubbers.won;
      row.rubbersLost = t.rubbers.lost;
    }
    if (place.tiedWith) row.tiedWith = place.tiedWith;
    return row;
  });
  return settleLots(rows, options.pending ?? [], {
    level: (a, b) => a.matchPoints === b.matchPoints,
    // A match scores 0 (walkover loss) to 2.
    couldReach: (row, target, games) => row.matchPoints < target.matchPoints && row.matchPoints + 2 * games >= target.matchPoints,
  }, drawn);
}
