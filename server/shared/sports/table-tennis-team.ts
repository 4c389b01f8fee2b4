/**
 * Table tennis team matches (docs/rules.md "Table tennis"): five singles A-X, B-Y, C-Z, A-Y, B-X, or a doubles first then four
 * singles; the team match stops as soon as one team has won 3 rubbers (individual matches). Every rubber follows
 * the game rules of table-tennis.ts and is itself a best of `bestOf` games.
 */
import {
  bump, isRecord, type MatchOutcome, type MatchSides, readWalkover, type RuleViolation, type Side, violation,
} from './outcome.ts';
import {
  type BestOf, type GameScore, readGames, type TableTennisRule, validateTableTennisLive,
} from './table-tennis.ts';

export type TeamMatchRule = TableTennisRule | 'rubber_after_match_over' | 'team_match_not_finished';
export type TeamMatchViolation = RuleViolation<TeamMatchRule>;

/** Rubbers a team must win; a team match has at most 5. */
export const RUBBERS_TO_WIN = 3;
export const MAX_RUBBERS = 5;

export type TeamOrder = 'five_singles' | 'doubles_first';

/**
 * Who plays whom in each rubber, side 1's players A, B, C against side 2's X, Y, Z, as docs/rules.md
 * "Table tennis" gives them: five singles, or "doubles first then four singles" in the ITTF's Olympic team order
 * (doubles, A-X, C-Z, A-Y, B-X), where the doubles pair is the two players not in the next singles.
 */
export const TEAM_ORDERS: Record<TeamOrder, ReadonlyArray<readonly [string, string]>> = {
  five_singles: [['A', 'X'], ['B', 'Y'], ['C', 'Z'], ['A', 'Y'], ['B', 'X']],
  doubles_first: [['B+C', 'Y+Z'], ['A', 'X'], ['C', 'Z'], ['A', 'Y'], ['B', 'X']],
};

export interface RubberSummary {
  games: GameScore[];
  gamesWon: [number, number];
  pointsWon: [number, number];
  winnerSide: Side;
}

export interface TeamMatchResult {
  ok: true;
  outcome: MatchOutcome;
  rubbers: RubberSummary[];
  /** Rubbers (individual matches) won by side 1 and side 2. */
  rubbersWon: [number, number];
  /** Games and points over all rubbers, side 1 first. */
  gamesWon: [number, number];
  pointsWon: [number, number];
}

type Read = { ok: true; rubbers: RubberSummary[]; rubbersWon: [number, number]; decidedFor: Side | null };

function readRubbers(value: unknown, bestOf: BestOf): Read | TeamMatchViolation {
  if (!Array.isArray(value)) return teamShape();
  const rubbers: RubberSummary[] = [];
  const rubbersWon: [number, number] = [0, 0];
  let decidedFor: Side | null = null;
  for (const [index, raw] of value.entries()) {
    const rubber = index + 1;
    if (decidedFor !== null) {
      return violation('rubber_after_match_over',
        `Rubber ${rubber} cannot have been played: side ${decidedFor} had already won ${RUBBERS_TO_WIN} rubbers, which ends the team match. Remove it.`,
        `第 ${rubber} 场不应进行：第 ${decidedFor} 方已胜 ${RUBBERS_TO_WIN} 场，团体赛已经结束。请删除该场。`,
        { rubber });
    }
    if (!isRecord(raw)) return teamShape(rubber);
    const read = readGames(raw.games, bestOf, rubber);
    if (!read.ok) return read;
    if (read.decidedFor === null) {
      const need = (bestOf + 1) / 2;
      return violation('match_not_finished',
        `Rubber ${rubber} is not finished: its games stand at ${read.gamesWon[0]}–${read.gamesWon[1]}, and a best of ${bestOf} is won by the first side to win ${need} games. Enter its remaining games.`,
        `第 ${rubber} 场尚未结束：局数为 ${read.gamesWon[0]}:${read.gamesWon[1]}，${bestOf} 局 ${need} 胜制须一方先胜 ${need} 局。请补录该场其余各局。`,
        { rubber });
    }
    const { games, gamesWon, pointsWon } = read;
    rubbers.push({ games, gamesWon, pointsWon, winnerSide: read.decidedFor });
    if (bump(rubbersWon, read.decidedFor) === RUBBERS_TO_WIN) decidedFor = read.decidedFor;
  }
  return { ok: true, rubbers, rubbersWon, decidedFor };
}

function totals(rubbers: RubberSummary[]): { gamesWon: [number, number]; pointsWon: [number, number] } {
  const gamesWon: [number, number] = [0, 0];
  const pointsWon: [number, number] = [0, 0];
  for (const r of rubbers) {
    gamesWon[0] += r.gamesWon[0];
    gamesWon[1] += r.gamesWon[1];
    pointsWon[0] += r.pointsWon[0];
    pointsWon[1] += r.pointsWon[1];
  }
  return { gamesWon, pointsWon };
}

/** A finished team match `{rubbers: [{games}, …]}`, or `{walkover: participantId}` for the whole team match. */
export function validateTeamMatchResult(payload: unknown, ctx: { bestOf: BestOf; sides: MatchSides }):
  TeamMatchResult | TeamMatchViolation {
  if (isRecord(payload) && 'walkover' in payload && 'rubbers' in payload) return teamShape();
  const walkover = readWalkover(payload, ctx.sides);
  if (walkover) {
    if (!walkover.ok) return walkover;
    return { ok: true, outcome: walkover.outcome, rubbers: [], rubbersWon: [0, 0], gamesWon: [0, 0], pointsWon: [0, 0] };
  }
  if (!isRecord(payload) || !('rubbers' in payload)) return teamShape();
  const read = readRubbers(payload.rubbers, ctx.bestOf);
  if (!read.ok) return read;
  if (read.decidedFor === null) {
    const [r1, r2] = read.rubbersWon;
    return violation('team_match_not_finished',
      `The team match is not finished: the rubbers stand at ${r1}–${r2}, and the first team to win ${RUBBERS_TO_WIN} rubbers wins. Enter the remaining rubbers.`,
      `团体赛尚未结束：场数为 ${r1}:${r2}，先胜 ${RUBBERS_TO_WIN} 场的一方获胜。请补录其余各场。`);
  }
  return {
    ok: true, outcome: { kind: 'win', winnerSide: read.decidedFor }, rubbers: read.rubbers,
    rubbersWon: read.rubbersWon, ...totals(read.rubbers),
  };
}

export interface TeamMatchLive {
  ok: true;
  rubbers: RubberSummary[];
  rubbersWon: [number, number];
  /** The rubber in play (its finished games and current game), or `null` between rubbers or once decided. */
  current: { games: GameScore[]; current: GameScore | null } | null;
  decidedFor: Side | null;
}

/** A team match in play: `{rubbers: [...finished], current?: {games, current?}}` (the rubber in play). */
export function validateTeamMatchLive(payload: unknown, ctx: { bestOf: BestOf }): TeamMatchLive | TeamMatchViolation {
  if (!isRecord(payload) || !('rubbers' in payload)) return teamShape();
  const read = readRubbers(payload.rubbers, ctx.bestOf);
  if (!read.ok) return read;
  const { rubbers, rubbersWon, decidedFor } = read;
  if (payload.current === undefined || payload.current === null) {
    return { ok: true, rubbers, rubbersWon, current: null, decidedFor };
  }
  const rubber = rubbers.length + 1;
  if (decidedFor !== null) {
    return violation('rubber_after_match_over',
      `Rubber ${rubber} cannot be in play: side ${decidedFor} has already won ${RUBBERS_TO_WIN} rubbers and the team match.`,
      `第 ${rubber} 场不应进行：第 ${decidedFor} 方已胜 ${RUBBERS_TO_WIN} 场，赢得了团体赛。`, { rubber });
  }
  const live = validateTableTennisLive(payload.current, ctx);
  if (!live.ok) return { ...live, rubber, message: `Rubber ${rubber}: ${live.message}`, messageZh: `第 ${rubber} 场：${live.messageZh}` };
  if (live.decidedFor !== null) {
    return violation('current_game_finished',
      `Rubber ${rubber} is already decided: list it with the finished rubbers.`,
      `第 ${rubber} 场已经决出胜负：请把它列入已结束的各场。`, { rubber });
  }
  return { ok: true, rubbers, rubbersWon, current: { games: live.games, current: live.current }, decidedFor };
}

function teamShape(rubber?: number): TeamMatchViolation {
  const where = rubber === undefined ? '' : ` (rubber ${rubber} is not of that form)`;
  const whereZh = rubber === undefined ? '' : `（第 ${rubber} 场格式不对）`;
  return violation('invalid_shape',
    `A team match result is {rubbers: [{games: [[a, b], …]}, …]} in playing order, side 1's points first, or {walkover: participantId}${where}.`,
    `团体赛结果须为 {rubbers: [{games: [[a, b], …]}, …]}（按比赛顺序，一方得分在前），或 {walkover: 参赛者ID}${whereZh}。`,
    rubber === undefined ? {} : { rubber });
}
