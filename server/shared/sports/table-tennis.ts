/**
 * Table tennis scores (docs/rules.md "Table tennis"): a game goes to 11 and must be won by 2 (from 10–10 it goes on
 * until one side leads by 2); a match is best of 3, 5 or 7 games and ends as soon as one side has won the
 * majority, so no game is played after that. Scores are always side 1's points first.
 *
 * Three payloads: a final result `{games}`, a walkover `{walkover: participantId}`, and a live score
 * `{games, current?}` (finished games plus the game in play) that must be "possible so far".
 */
import {
  bump, isCount, isRecord, type MatchOutcome, type MatchSides, readWalkover, type RuleViolation, type Side, violation,
} from './outcome.ts';

export type BestOf = 3 | 5 | 7;
export type GameScore = [number, number];

export type TableTennisRule =
  | 'invalid_shape'
  | 'invalid_points'
  | 'game_not_finished'
  | 'game_overplayed'
  | 'current_game_finished'
  | 'game_after_match_over'
  | 'match_not_finished'
  | 'walkover_not_a_side';

export type TableTennisViolation = RuleViolation<TableTennisRule>;

export interface GamesSummary {
  games: GameScore[];
  /** Games won by side 1 and side 2. */
  gamesWon: [number, number];
  /** Points won by side 1 and side 2 over all games (the in-play game not included). */
  pointsWon: [number, number];
}

export interface TableTennisResult extends GamesSummary {
  ok: true;
  outcome: MatchOutcome;
}

export interface TableTennisLive extends GamesSummary {
  ok: true;
  /** The game in play, or `null` between games (and after the match is decided). */
  current: GameScore | null;
  /** The side that has won the majority of games, once the match is decided. */
  decidedFor: Side | null;
}

/** Games a side must win to take a best-of-`bestOf` match. */
export function gamesToWin(bestOf: BestOf): number {
  return (bestOf + 1) / 2;
}

export type GameStatus =
  | { status: 'won'; winner: Side }
  | { status: 'in_progress' }
  | { status: 'overplayed' };

/**
 * Where a game score stands. Won: the winner has exactly 11 and the loser at most 9, or (past 10–10) the winner
 * has exactly 2 more. In progress: neither side has 11, or both have at least 10 and the lead is under 2.
 * Everything else could not have been reached, because the game would have ended earlier.
 */
export function gameStatus(a: number, b: number): GameStatus {
  const high = Math.max(a, b);
  const low = Math.min(a, b);
  const winner: Side = a > b ? 1 : 2;
  if (high < 11) return { status: 'in_progress' };
  if (low <= 9) return high === 11 ? { status: 'won', winner } : { status: 'overplayed' };
  if (high - low < 2) return { status: 'in_progress' };
  return high - low === 2 ? { status: 'won', winner } : { status: 'overplayed' };
}

export interface Where { game: number; rubber?: number }

function placeEn(where: Where): string {
  return where.rubber === undefined ? `Game ${where.game}` : `Rubber ${where.rubber}, game ${where.game}`;
}

function placeZh(where: Where): string {
  return where.rubber === undefined ? `第 ${where.game} 局` : `第 ${where.rubber} 场第 ${where.game} 局`;
}

/** Reads one `[a, b]` pair of whole, non-negative points. */
export function readGameScore(value: unknown, where: Where): GameScore | TableTennisViolation {
  if (!Array.isArray(value) || value.length !== 2) {
    return violation('invalid_shape',
      `${placeEn(where)} must be a pair of scores [side 1, side 2], for example [11, 7].`,
      `${placeZh(where)}须是一对比分 [一方, 另一方]，例如 [11, 7]。`, where);
  }
  const [a, b] = value as unknown[];
  if (!isCount(a) || !isCount(b)) {
    return violation('invalid_points',
      `${placeEn(where)} has a score that is not a whole number of points (0 or more): ${JSON.stringify(value)}.`,
      `${placeZh(where)}的比分不是 0 或以上的整数分：${JSON.stringify(value)}。`, where);
  }
  return [a, b];
}

/** Explains why a score could not have happened in a game that ends at 11 by 2. */
function overplayed(a: number, b: number, where: Where): TableTennisViolation {
  const high = Math.max(a, b);
  const low = Math.min(a, b);
  const score = `${a}–${b}`;
  if (low <= 9) {
    const ended = a > b ? `11–${b}` : `${a}–11`;
    return violation('game_overplayed',
      `${placeEn(where)} (${score}) is impossible: the game ends as soon as a side reaches 11 while the other has 9 or fewer, so it would have ended at ${ended}. Correct the score.`,
      `${placeZh(where)}（${a}:${b}）不可能：一方先得 11 分且对方不超过 9 分时该局即结束，应在 ${ended.replace('–', ':')} 结束。请更正比分。`,
      where);
  }
  const fix = a > b ? `${low + 2}–${low}` : `${low}–${low + 2}`;
  const alt = a > b ? `${high}–${high - 2}` : `${high - 2}–${high}`;
  return violation('game_overplayed',
    `${placeEn(where)} (${score}) is impossible: after 10–10 the game ends as soon as one side leads by 2, so the winner has exactly 2 points more than the loser (for example ${fix} or ${alt}). Correct the score.`,
    `${placeZh(where)}（${a}:${b}）不可能：10 平之后一方领先 2 分即结束该局，胜方只能比负方多 2 分（例如 ${fix.replace('–', ':')} 或 ${alt.replace('–', ':')}）。请更正比分。`,
    where);
}

/** A finished game: returns the winner, or says why the score is not a finished game. */
export function checkFinishedGame(a: number, b: number, where: Where): Side | TableTennisViolation {
  const status = gameStatus(a, b);
  if (status.status === 'won') return status.winner;
  if (status.status === 'overplayed') return overplayed(a, b, where);
  return violation('game_not_finished',
    `${placeEn(where)} (${a}–${b}) is not finished: a game is won by the first side to reach 11 with a lead of 2 points; from 10–10 play continues until one side leads by 2.`,
    `${placeZh(where)}（${a}:${b}）尚未结束：先得 11 分并领先 2 分的一方胜该局；10 平后须继续比赛，直到一方领先 2 分。`,
    where);
}

/**
 * Reads finished games in order and stops the count at the majority: a game listed after one side has won
 * `gamesToWin(bestOf)` games is refused. Does not require the match to be decided.
 */
export function readGames(value: unknown, bestOf: BestOf, rubber?: number):
  | (GamesSummary & { ok: true; decidedFor: Side | null })
  | TableTennisViolation {
  const at = (game: number): Where => (rubber === undefined ? { game } : { game, rubber });
  const inRubberEn = rubber === undefined ? '' : ` of rubber ${rubber}`;
  const inRubberZh = rubber === undefined ? '' : `第 ${rubber} 场的`;
  if (!Array.isArray(value)) {
    return violation('invalid_shape',
      `The games${inRubberEn} must be a list of scores, side 1 first, for example [[11, 7], [9, 11], [11, 9]].`,
      `${inRubberZh}各局比分须是一个列表，一方在前，例如 [[11, 7], [9, 11], [11, 9]]。`,
      rubber === undefined ? {} : { rubber });
  }
  const need = gamesToWin(bestOf);
  const games: GameScore[] = [];
  const gamesWon: [number, number] = [0, 0];
  const pointsWon: [number, number] = [0, 0];
  let decidedFor: Side | null = null;
  for (const [index, raw] of value.entries()) {
    const where = at(index + 1);
    const score = readGameScore(raw, where);
    if (!Array.isArray(score)) return score;
    const [a, b] = score;
    if (decidedFor !== null) {
      return violation('game_after_match_over',
        `${placeEn(where)} (${a}–${b}) cannot have been played: side ${decidedFor} had already won ${need} games of a best of ${bestOf}, which ends the match. Remove it.`,
        `${placeZh(where)}（${a}:${b}）不应进行：第 ${decidedFor} 方已胜 ${need} 局，${bestOf} 局 ${need} 胜制的比赛已经结束。请删除该局。`,
        where);
    }
    const winner = checkFinishedGame(a, b, where);
    if (typeof winner !== 'number') return winner;
    games.push(score);
    pointsWon[0] += a;
    pointsWon[1] += b;
    if (bump(gamesWon, winner) === need) decidedFor = winner;
  }
  return { ok: true, games, gamesWon, pointsWon, decidedFor };
}

function matchNotFinished(gamesWon: [number, number], bestOf: BestOf, rubber?: number): TableTennisViolation {
  const need = gamesToWin(bestOf);
  const subjectEn = rubber === undefined ? 'The match' : `Rubber ${rubber}`;
  const subjectZh = rubber === undefined ? '本场比赛' : `第 ${rubber} 场`;
  return violation('match_not_finished',
    `${subjectEn} is not finished: the games stand at ${gamesWon[0]}–${gamesWon[1]}, and a best of ${bestOf} is won by the first side to win ${need} games. Enter the remaining games, or send the score as a live update.`,
    `${subjectZh}尚未结束：局数为 ${gamesWon[0]}:${gamesWon[1]}，${bestOf} 局 ${need} 胜制须一方先胜 ${need} 局。请补录其余各局，或作为实时比分提交。`,
    rubber === undefined ? {} : { rubber });
}

/** A finished match `{games}`, or a walkover `{walkover: participantId}` naming the winner. */
export function validateTableTennisResult(payload: unknown, ctx: { bestOf: BestOf; sides: MatchSides }):
  TableTennisResult | TableTennisViolation {
  if (isRecord(payload) && 'walkover' in payload && 'games' in payload) return eitherGamesOrWalkover();
  const walkover = readWalkover(payload, ctx.sides);
  if (walkover) {
    if (!walkover.ok) return walkover;
    return { ok: true, outcome: walkover.outcome, games: [], gamesWon: [0, 0], pointsWon: [0, 0] };
  }
  if (!isRecord(payload) || !('games' in payload)) return eitherGamesOrWalkover();
  const read = readGames(payload.games, ctx.bestOf);
  if (!read.ok) return read;
  if (read.decidedFor === null) return matchNotFinished(read.gamesWon, ctx.bestOf);
  const { games, gamesWon, pointsWon } = read;
  return { ok: true, outcome: { kind: 'win', winnerSide: read.decidedFor }, games, gamesWon, pointsWon };
}

/**
 * A score while the match is in play: `{games: [...finished], current?: [a, b]}`. The finished games follow the
 * game rules, the current game must be a score that can stand during a game (not finished, not past its end),
 * and there is no current game once the match is decided. A decided match with no current game is accepted
 * (`decidedFor` says who), so the last live update may show the final score.
 */
export function validateTableTennisLive(payload: unknown, ctx: { bestOf: BestOf }): TableTennisLive | TableTennisViolation {
  if (!isRecord(payload) || !('games' in payload)) {
    return violation('invalid_shape',
      'A live score must be {games: [[a, b], …], current: [a, b]}: the finished games, then the game in play, side 1 first.',
      '实时比分须为 {games: [[a, b], …], current: [a, b]}：先列已结束的各局，再列正在进行的一局，一方在前。');
  }
  const read = readGames(payload.games, ctx.bestOf);
  if (!read.ok) return read;
  const { games, gamesWon, pointsWon, decidedFor } = read;
  const raw = payload.current;
  if (raw === undefined || raw === null) return { ok: true, games, gamesWon, pointsWon, current: null, decidedFor };
  const where: Where = { game: games.length + 1 };
  const current = readGameScore(raw, where);
  if (!Array.isArray(current)) return current;
  const [a, b] = current;
  if (decidedFor !== null) {
    if (a === 0 && b === 0) return { ok: true, games, gamesWon, pointsWon, current: null, decidedFor };
    return violation('game_after_match_over',
      `${placeEn(where)} (${a}–${b}) cannot be in play: side ${decidedFor} has already won the match.`,
      `${placeZh(where)}（${a}:${b}）不应进行：第 ${decidedFor} 方已经赢得本场比赛。`, where);
  }
  const status = gameStatus(a, b);
  if (status.status === 'overplayed') return overplayed(a, b, where);
  if (status.status === 'won') {
    return violation('current_game_finished',
      `${placeEn(where)} (${a}–${b}) is already finished: list it with the finished games and start the next game at 0–0.`,
      `${placeZh(where)}（${a}:${b}）已经结束：请把它列入已结束的各局，下一局从 0:0 开始。`, where);
  }
  return { ok: true, games, gamesWon, pointsWon, current, decidedFor };
}

function eitherGamesOrWalkover(): TableTennisViolation {
  return violation('invalid_shape',
    'A table tennis result is either {games: [[a, b], …]} (side 1\'s points first) or {walkover: participantId} naming the winner.',
    '乒乓球比赛结果须为 {games: [[a, b], …]}（一方得分在前），或 {walkover: 参赛者ID}（写明不战而胜的一方）。');
}
