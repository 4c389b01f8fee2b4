/**
 * The tournament as it stands: the fixed draw plus every stored result, recomputed from scratch on each change
 * (so a correction gives the same bracket as entering the right result first). Group standings follow the
 * sport's rules; finished groups fill their knockout places; results that no longer fit their match (an
 * upstream correction changed who plays) are flagged for the referee, never silently applied.
 */
import {
  applyResults, resolveGroupPlaces, standingsFinal,
  type Bracket, type BracketState, type Placing, type StoredResult,
} from './engine/index.ts';
import type { MatchOutcome } from '../../shared/sports/outcome.ts';
import type { ResultDetail } from '../../shared/sports/result.ts';
import { gateballStandingMatch, gateballStandings, type GateballStandingsStep } from './standings/gateball.ts';
import { standingMatchFromResult, tableTennisStandings } from './standings/table-tennis.ts';

export interface EnteredResult {
  key: string;
  /** The participants the result was entered for, side 1 first. */
  enteredFor: [string, string];
  outcome: MatchOutcome;
  detail: ResultDetail;
}

export interface TournamentRules {
  sport: 'table_tennis' | 'gateball';
  format: Bracket['format'];
  tiebreak: { gateballStandings?: GateballStandingsStep[]; lots?: Record<string, number> };
}

export interface StandingsGroup {
  group: string | null;
  rows: Array<Record<string, unknown> & { participantId: string; rank: number }>;
  /** Every match of the group is decided. */
  complete: boolean;
}

export interface Derived {
  bracket: Bracket;
  state: BracketState;
  standings: StandingsGroup[];
  placings: Placing[];
}

function toEngine(result: EnteredResult): StoredResult {
  const outcome = result.outcome;
  return {
    participants: result.enteredFor,
    winner: outcome.kind === 'draw' ? null : outcome.winnerSide === 1 ? 0 : 1,
    ...(outcome.kind === 'walkover' ? { walkover: true } : {}),
  };
}

function groupStandings(rules: TournamentRules, bracket: Bracket, state: BracketState, byKey: Map<string, EnteredResult>): StandingsGroup[] {
  const groups =
    bracket.format === 'round_robin'
      ? [{ name: null as string | null, participantIds: bracket.participants }]
      : bracket.groups.map((g) => ({ name: g.name as string | null, participantIds: g.participantIds }));
  return groups.map(({ name, participantIds }) => {
    const matches = state.matches.filter((m) => (m.stage === 'group' || m.stage === 'round_robin') && m.group === name);
    const decided = matches.filter((m) => m.status === 'done' && m.result);
    const complete = matches.every((m) => m.status === 'done' || m.status === 'bye');
    const entered = decided.map((m) => byKey.get(m.key)).filter((r): r is EnteredResult => r !== undefined);
    const lots = rules.tiebreak.lots ?? {};
    const pending = matches.flatMap((m): Array<[string, string]> => {
      const [one, two] = [m.sides[0].participantId, m.sides[1].participantId];
      return m.status !== 'done' && m.status !== 'bye' && one && two ? [[one, two]] : [];
    });
    if (rules.sport === 'gateball') {
      const rows = gateballStandings(
        participantIds,
        entered.flatMap((r) => (r.detail.sport === 'gateball' ? [gateballStandingMatch(r.enteredFor, r.detail.result)] : [])),
        { order: rules.tiebreak.gateballStandings, lots, pending },
      );
      return { group: name, rows: rows.map((r) => ({ ...r })), complete };
    }
    const rows = tableTennisStandings(
      participantIds,
      entered.flatMap((r) => {
        if (r.detail.sport !== 'table_tennis') return [];
        const match = standingMatchFromResult(r.enteredFor, r.detail.result);
        return match ? [match] : [];
      }),
      { lots, pending, team: entered.some((r) => r.detail.sport === 'table_tennis' && r.detail.team) },
    );
    return { group: name, rows: rows.map((r) => ({ ...r })), complete };
  });
}

export function derive(rules: TournamentRules, draw: Bracket, results: readonly EnteredResult[]): Derived {
  const byKey = new Map(results.map((r) => [r.key, r]));
  const engineResults = Object.fromEntries(results.map((r) => [r.key, toEngine(r)]));
  let bracket = draw;
  let state = applyResults(bracket, engineResults);
  let standings = groupStandings(rules, bracket, state, byKey);
  if (draw.format === 'groups_then_knockout') {
    // A place decided by a lot not yet drawn stays empty ("待抽签"): never a guessed player.
    const places = Object.fromEntries(
      standings.filter((s) => s.complete && s.group !== null)
        .map((s) => [s.group!, s.rows.map((r) => (r.byLot === true && r.lotDrawn !== true ? null : r.participantId))]),
    );
    if (Object.keys(places).length > 0) {
      bracket = resolveGroupPlaces(draw, places);
      state = applyResults(bracket, engineResults);
      standings = groupStandings(rules, bracket, state, byKey);
    }
  }
  return { bracket, state, standings, placings: standingsFinal(bracket, state) };
}
