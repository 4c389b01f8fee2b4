/**
 * One entry point per sport for `PUT /api/matches/:id/result` and live updates: validates the payload and
 * answers what the bracket engine needs (`outcome`, `winnerId`), keeping the sport's detail for standings and
 * screens. A refusal is a `RuleViolation` (→ `400 invalid_score` with its `rule`, `message`, `messageZh`).
 */
import {
  DEFAULT_GATEBALL_GAME_PRESET, type GateballGamePreset, type GateballResult, type GateballViolation, validateGateballResult,
} from './gateball.ts';
import { type GateballLive, type GateballLiveViolation, validateGateballLive } from './gateball-live.ts';
import { isRecord, type MatchOutcome, type MatchSides, winnerIdOf } from './outcome.ts';
import {
  type BestOf, type TableTennisLive, type TableTennisResult, type TableTennisViolation, validateTableTennisLive,
  validateTableTennisResult,
} from './table-tennis.ts';
import {
  type TeamMatchLive, type TeamMatchResult, type TeamMatchViolation, validateTeamMatchLive, validateTeamMatchResult,
} from './table-tennis-team.ts';
import { readServe, type ServeViolation } from './table-tennis-serve.ts';

export type Sport = 'table_tennis' | 'gateball';

export interface ResultContext {
  sport: Sport;
  sides: MatchSides;
  /** Table tennis; 5 when not set. */
  bestOf?: BestOf;
  /** Table tennis team event: results are `{rubbers}`. */
  team?: boolean;
  /** Gateball: `tiebreak.gateballGame`; `agari_gates` when not set. */
  gateballGame?: GateballGamePreset;
}

export type ResultDetail =
  | { sport: 'table_tennis'; team: false; result: TableTennisResult }
  | { sport: 'table_tennis'; team: true; result: TeamMatchResult }
  | { sport: 'gateball'; result: GateballResult };

export type ResultViolation = TableTennisViolation | TeamMatchViolation | GateballViolation;

export type ValidatedResult = { ok: true; outcome: MatchOutcome; winnerId: string | null; detail: ResultDetail };

export function validateMatchResult(payload: unknown, ctx: ResultContext): ValidatedResult | ResultViolation {
  const bestOf = ctx.bestOf ?? 5;
  let detail: ResultDetail;
  if (ctx.sport === 'gateball') {
    const result = validateGateballResult(payload, { sides: ctx.sides, preset: ctx.gateballGame ?? DEFAULT_GATEBALL_GAME_PRESET });
    if (!result.ok) return result;
    detail = { sport: 'gateball', result };
  } else if (ctx.team) {
    const result = validateTeamMatchResult(payload, { bestOf, sides: ctx.sides });
    if (!result.ok) return result;
    detail = { sport: 'table_tennis', team: true, result };
  } else {
    const result = validateTableTennisResult(payload, { bestOf, sides: ctx.sides });
    if (!result.ok) return result;
    detail = { sport: 'table_tennis', team: false, result };
  }
  const outcome = detail.result.outcome;
  return { ok: true, outcome, winnerId: winnerIdOf(outcome, ctx.sides), detail };
}

export type LiveDetail =
  | { sport: 'table_tennis'; team: false; live: TableTennisLive }
  | { sport: 'table_tennis'; team: true; live: TeamMatchLive }
  | { sport: 'gateball'; live: GateballLive };

export type LiveViolation = ResultViolation | GateballLiveViolation | ServeViolation;

/**
 * A score while the match is in play; `stored` is what becomes `match.live` (the screens read it). Table
 * tennis: `{games, current?, server?, firstServer?}` (team: `{rubbers, current?}`), possible so far, the server
 * worked out from the score when the first server is known (table-tennis-serve.ts). Gateball: `{balls}` or
 * `{score}` with the same ball rules as a result, plus `turn`, `clock` and `phase` (gateball-live.ts). Nothing
 * is decided from it. `now` is the server's clock (the gateball clock's reading time is checked against it).
 */
export function validateLiveScore(payload: unknown, ctx: ResultContext, now = Date.now()):
  { ok: true; detail: LiveDetail; stored: Record<string, unknown> } | LiveViolation {
  const bestOf = ctx.bestOf ?? 5;
  if (ctx.sport === 'gateball') {
    const live = validateGateballLive(payload, { sides: ctx.sides, now });
    return live.ok ? { ok: true, detail: { sport: 'gateball', live }, stored: live.stored } : live;
  }
  const record = isRecord(payload) ? payload : {};
  if (ctx.team) {
    const serve = readServe(payload, [], null);
    if (!serve.ok) return serve;
    const live = validateTeamMatchLive(payload, { bestOf });
    return live.ok ? { ok: true, detail: { sport: 'table_tennis', team: true, live }, stored: record } : live;
  }
  const serve = readServe(payload, [], null);
  if (!serve.ok) return serve;
  const live = validateTableTennisLive(payload, { bestOf });
  if (!live.ok) return live;
  const served = readServe(payload, live.games, live.current);
  if (!served.ok) return served;
  const stored: Record<string, unknown> = { games: live.games, current: live.current };
  if (served.server !== null) stored.server = served.server;
  if (served.firstServer !== null) stored.firstServer = served.firstServer;
  return { ok: true, detail: { sport: 'table_tennis', team: false, live }, stored };
}
