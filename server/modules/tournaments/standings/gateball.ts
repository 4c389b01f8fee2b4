/**
 * Gateball group standings (docs/rules.md "Gateball", group standings: "wins first; then the tournament's
 * chosen order of head-to-head, score difference, points scored and lot").
 *
 * Choices where the rule books are silent (docs/rules.md says the same):
 * - "Wins first", literally: more wins ranks higher whatever the draws; at equal wins a draw beats a loss (a
 *   preset may end a game level). `matchPoints` (2 a win, 1 a draw) is shown for reference; the order is by
 *   wins, then draws — so three draws never outrank one win.
 * - `score_difference` (得失分差) and `points_for` are over all the team's games in the group;
 *   `head_to_head` is the match points of the games among the level teams only.
 * - Like ITTF 3.7.5.3, as soon as a step separates some of the level teams, each group still level starts again
 *   from the first step of the list, among itself (this only changes `head_to_head`, the other steps are the
 *   same for any group). A `lot` step ends the list; without one, a lot decides whatever is still level.
 * - A walkover is a win (2) and a loss (0) and adds no points scored or conceded.
 * - Games whose sides are not both in the group are ignored.
 */
import type { GateballResult } from '../../../shared/sports/gateball.ts';
import type { Side } from '../../../shared/sports/outcome.ts';
import { settleLots, type PendingMatch } from './lot-state.ts';
import { classesBy, type Criterion, orderTable } from './tie-break.ts';

export type GateballStandingsStep = 'head_to_head' | 'score_difference' | 'points_for' | 'lot';
export const DEFAULT_GATEBALL_STANDINGS: readonly GateballStandingsStep[] = ['score_difference', 'points_for', 'head_to_head', 'lot'];

export interface GateballStandingMatch {
  sides: readonly [string, string];
  /** `null` for a draw. */
  winnerSide: Side | null;
  walkover: boolean;
  /** Totals, side 1 (red) first. */
  score: readonly [number, number];
}

/** `level`: level on wins and draws with games still to play that may separate them (lot-state.ts). */
export type GateballDecidedBy = 'match_points' | Exclude<GateballStandingsStep, 'lot'> | 'lot' | 'level';

export interface GateballStandingRow {
  participantId: string;
  rank: number;
  played: number;
  won: number;
  drawn: number;
  lost: number;
  /** 2 a win, 1 a draw, 0 a loss. */
  matchPoints: number;
  pointsFor: number;
  pointsAgainst: number;
  scoreDifference: number;
  byLot: boolean;
  /** By lot, and the order drawn is recorded. */
  lotDrawn?: boolean;
  tiedWith?: string[];
  decidedBy: GateballDecidedBy;
}

export interface GateballStandingsOptions {
  /** `tiebreak.gateballStandings`; unknown and repeated steps are ignored. */
  order?: readonly GateballStandingsStep[];
  lots?: Readonly<Record<string, number>>;
  /** The group's games still to be decided: while one can separate level teams, no lot is shown. */
  pending?: readonly PendingMatch[];
}

export function gateballStandingMatch(sides: readonly [string, string], result: GateballResult): GateballStandingMatch {
  const outcome = result.outcome;
  return {
    sides, winnerSide: outcome.kind === 'draw' ? null : outcome.winnerSide, walkover: outcome.kind === 'walkover', score: result.score,
  };
}

/** Wins, then draws: a group never has 1,000 games, so one number orders both. */
const winsFirst = (t: Tally): number => t.won * 1000 + t.drawn;

interface Tally { played: number; won: number; drawn: number; lost: number; matchPoints: number; pointsFor: number; pointsAgainst: number }

function emptyTally(): Tally {
  return { played: 0, won: 0, drawn: 0, lost: 0, matchPoints: 0, pointsFor: 0, pointsAgainst: 0 };
}

function tally(ids: readonly string[], matches: readonly GateballStandingMatch[]): Map<string, Tally> {
  const table = new Map(ids.map((id) => [id, emptyTally()]));
  for (const match of matches) {
    const [one, two] = match.sides;
    const first = table.get(one);
    const second = table.get(two);
    if (!first || !second || one === two) continue;
    const rows: Array<[Tally, 0 | 1]> = [[first, 0], [second, 1]];
    for (const [row, i] of rows) {
      row.played += 1;
      if (match.winnerSide === null) {
        row.drawn += 1;
        row.matchPoints += 1;
      } else if (match.winnerSide === i + 1) {
        row.won += 1;
        row.matchPoints += 2;
      } else {
        row.lost += 1;
      }
      if (!match.walkover) {
        row.pointsFor += match.score[i];
        row.pointsAgainst += match.score[i === 0 ? 1 : 0];
      }
    }
  }
  return table;
}

const STEPS: readonly GateballStandingsStep[] = ['head_to_head', 'score_difference', 'points_for', 'lot'];

/** The list as it will be applied: known steps, each once, in the given order. */
export function normaliseOrder(order: readonly GateballStandingsStep[] | undefined): GateballStandingsStep[] {
  return [...new Set((order ?? DEFAULT_GATEBALL_STANDINGS).filter((step) => STEPS.includes(step)))];
}

export function gateballStandings(
  participants: readonly string[], matches: readonly GateballStandingMatch[], options: GateballStandingsOptions = {},
): GateballStandingRow[] {
  const ids = [...new Set(participants)];
  const everything = tally(ids, matches);
  const get = (id: string): Tally => everything.get(id) ?? emptyTally();
  const overall = <N extends GateballDecidedBy>(name: N, value: (t: Tally) => number): Criterion<N> => ({
    name, classes: (group) => classesBy(group, (a, b) => value(get(b)) - value(get(a))),
  });
  const headToHead: Criterion<'head_to_head'> = {
    name: 'head_to_head',
    classes(group) {
      const among = tally(group, matches);
      return classesBy(group, (a, b) => winsFirst(among.get(b) ?? emptyTally()) - winsFirst(among.get(a) ?? emptyTally()));
    },
  };
  const byStep = {
    head_to_head: headToHead,
    score_difference: overall('score_difference', (t) => t.pointsFor - t.pointsAgainst),
    points_for: overall('points_for', (t) => t.pointsFor),
    lot: 'lot' as const,
  };
  const criteria = normaliseOrder(options.order).map((step) => byStep[step]);
  const primary = overall('match_points', winsFirst);
  const placed = orderTable(ids, primary, criteria, options.lots);
  const drawn = new Set(placed.filter((p) => p.drawn).map((p) => p.participantId));
  const rows = placed.map((place, index) => {
    const t = get(place.participantId);
    const row: GateballStandingRow = {
      participantId: place.participantId, rank: index + 1, played: t.played, won: t.won, drawn: t.drawn, lost: t.lost,
      matchPoints: t.matchPoints, pointsFor: t.pointsFor, pointsAgainst: t.pointsAgainst,
      scoreDifference: t.pointsFor - t.pointsAgainst, byLot: place.byLot, decidedBy: place.decidedBy,
    };
    if (place.tiedWith) row.tiedWith = place.tiedWith;
    return row;
  });
  return settleLots(rows, options.pending ?? [], {
    level: (a, b) => a.won === b.won && a.drawn === b.drawn,
    // Wins and draws only grow: to come level, a team needs the missing wins and draws in its games left.
    couldReach: (row, target, games) => row.won <= target.won && row.drawn <= target.drawn
      && (target.won - row.won) + (target.drawn - row.drawn) <= games && (row.won !== target.won || row.drawn !== target.drawn),
  }, drawn);
}
