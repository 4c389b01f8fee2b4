/**
 * The state of a bracket, recomputed from the draw and every stored result. Nothing is mutated step by step, so
 * a corrected result gives exactly the bracket that entering the right result first would have given: later
 * matches get the new players, and stored results that name players no longer in their match are not applied
 * but flagged for the referee.
 *
 * A stored result is applied when its match has both players known and they are exactly the two participants the
 * result was entered for (in either order: the winner is identified by id, not by side).
 */
import type {
  Bracket, BracketState, Flag, Match, MatchState, ResultInput, SideIndex, Slot, StoredResult,
} from './types.ts';
import { EngineError } from './types.ts';

/** A side while resolving: a player, nobody ever (bye), or not known yet. */
type Side = { kind: 'player'; id: string } | { kind: 'empty' } | { kind: 'pending' };

const EMPTY: Side = { kind: 'empty' };
const PENDING: Side = { kind: 'pending' };

interface Resolved {
  state: MatchState;
  winner: Side;
  loser: Side;
  /** The side index that won (for `onlyIf`), when decided by play. */
  winnerSide: SideIndex | null;
}

function idOf(side: Side): string | null {
  return side.kind === 'player' ? side.id : null;
}

function baseState(match: Match, sides: [Side, Side]): MatchState {
  return {
    key: match.key, stage: match.stage, group: match.group, round: match.round, number: match.number,
    sides: [{ participantId: idOf(sides[0]) }, { participantId: idOf(sides[1]) }],
    status: 'waiting', winnerId: null, loserId: null, result: null, void: false,
  };
}

function isWellFormed(result: StoredResult): boolean {
  const p = result.participants;
  if (!Array.isArray(p) || p.length !== 2 || typeof p[0] !== 'string' || typeof p[1] !== 'string' || p[0] === p[1]) return false;
  if (result.winner !== 0 && result.winner !== 1 && result.winner !== null) return false;
  return !(result.walkover === true && result.winner === null);
}

export function applyResults(bracket: Bracket, results: Readonly<Record<string, StoredResult>>): BracketState {
  const byMatchKey = new Map(bracket.matches.map((m) => [m.key, m]));
  const memo = new Map<string, Resolved>();
  const flags: Flag[] = [];

  const sideOf = (slot: Slot): Side => {
    if (slot.bye) return EMPTY;
    if (slot.participantId !== null) return { kind: 'player', id: slot.participantId };
    const from = slot.from;
    if (from?.kind === 'winner') return resolve(from.key).winner;
    if (from?.kind === 'loser') return resolve(from.key).loser;
    return PENDING;
  };

  const flag = (key: string, reason: Flag['reason']): void => {
    const result = results[key];
    if (result) flags.push({ key, reason, result });
  };

  function resolve(key: string): Resolved {
    const done = memo.get(key);
    if (done) return done;
    const match = byMatchKey.get(key);
    if (!match) throw new EngineError('invalid_bracket', `The bracket links to a match ${key} that does not exist.`);
    const out = compute(match);
    memo.set(key, out);
    return out;
  }

  function compute(match: Match): Resolved {
    if (match.onlyIf) {
      const gate = resolve(match.onlyIf.key);
      if (gate.state.status === 'bye') return notPlayed(match);
      if (gate.state.status !== 'done' || gate.winnerSide === null) {
        return { state: baseState(match, [PENDING, PENDING]), winner: PENDING, loser: PENDING, winnerSide: null };
      }
      if (gate.winnerSide !== match.onlyIf.winnerSide) return notPlayed(match);
    }
    const sides: [Side, Side] = [sideOf(match.sides[0]), sideOf(match.sides[1])];
    const state = baseState(match, sides);
    if (sides[0].kind === 'pending' || sides[1].kind === 'pending') {
      return { state, winner: PENDING, loser: PENDING, winnerSide: null };
    }
    if (sides[0].kind === 'empty' || sides[1].kind === 'empty') {
      const present = sides[0].kind === 'player' ? sides[0] : sides[1];
      state.status = 'bye';
      state.winnerId = idOf(present);
      state.void = present.kind !== 'player';
      return { state, winner: present, loser: EMPTY, winnerSide: null };
    }
    const a = idOf(sides[0]) as string;
    const b = idOf(sides[1]) as string;
    state.status = 'ready';
    const result = results[match.key];
    if (!result) return { state, winner: PENDING, loser: PENDING, winnerSide: null };
    if (!isWellFormed(result)) {
      flag(match.key, 'invalid_result');
      return { state, winner: PENDING, loser: PENDING, winnerSide: null };
    }
    const [p, q] = result.participants;
    if (!((p === a && q === b) || (p === b && q === a))) {
      flag(match.key, 'participants_changed');
      return { state, winner: PENDING, loser: PENDING, winnerSide: null };
    }
    if (result.winner === null && !match.drawAllowed) {
      flag(match.key, 'draw_not_allowed');
      return { state, winner: PENDING, loser: PENDING, winnerSide: null };
    }
    state.status = 'done';
    state.result = result;
    if (result.winner === null) return { state, winner: EMPTY, loser: EMPTY, winnerSide: null };
    const winnerId = result.participants[result.winner];
    const loserId = result.participants[result.winner === 0 ? 1 : 0];
    state.winnerId = winnerId;
    state.loserId = loserId;
    return {
      state,
      winner: { kind: 'player', id: winnerId },
      loser: { kind: 'player', id: loserId },
      winnerSide: winnerId === a ? 0 : 1,
    };
  }

  function notPlayed(match: Match): Resolved {
    const state = baseState(match, [EMPTY, EMPTY]);
    state.status = 'bye';
    state.void = true;
    return { state, winner: EMPTY, loser: EMPTY, winnerSide: null };
  }

  const matches = bracket.matches.map((m) => resolve(m.key).state);
  for (const m of matches) {
    if (m.status !== 'waiting' && m.status !== 'bye') continue;
    flag(m.key, m.status === 'waiting' ? 'match_waiting' : 'match_not_played');
  }
  for (const key of Object.keys(results)) if (!byMatchKey.has(key)) flag(key, 'unknown_match');
  const byKey: Record<string, MatchState> = {};
  for (const m of matches) byKey[m.key] = m;
  const order = new Map(bracket.matches.map((m, i) => [m.key, i]));
  flags.sort((x, y) => (order.get(x.key) ?? Infinity) - (order.get(y.key) ?? Infinity) || x.key.localeCompare(y.key));
  return {
    matches,
    byKey,
    flags,
    complete: matches.every((m) => m.status === 'done' || m.status === 'bye'),
    championId: championOf(bracket, byKey),
  };
}

function championOf(bracket: Bracket, byKey: Record<string, MatchState>): string | null {
  if (bracket.format === 'round_robin') return null;
  const finals = bracket.format === 'double_elimination' ? ['GF2', 'GF1'] : [finalKey(bracket)];
  for (const key of finals) {
    const m = byKey[key];
    if (!m || m.void) continue;
    return m.status === 'done' || m.status === 'bye' ? m.winnerId : null;
  }
  return null;
}

/** The key of the knockout final (`K{rounds}-1`). */
export function finalKey(bracket: Bracket): string {
  return `K${Math.round(Math.log2(Math.max(bracket.size, 2)))}-1`;
}

/**
 * Stores a referee's result with the two players it is entered for. The match must have both players known
 * (`ready`, or `done` when correcting); otherwise there is nothing to enter a result for.
 */
export function recordResult(state: BracketState, key: string, input: ResultInput): StoredResult {
  const match = state.byKey[key];
  if (!match) throw new EngineError('not_ready', `There is no match ${key}.`);
  const a = match.sides[0].participantId;
  const b = match.sides[1].participantId;
  if ((match.status !== 'ready' && match.status !== 'done') || a === null || b === null) {
    throw new EngineError('not_ready', `Match ${key} does not have both players yet.`);
  }
  const stored: StoredResult = { participants: [a, b], winner: input.winner };
  if (input.walkover) stored.walkover = true;
  return stored;
}

/**
 * The same, naming the winner by participant id (`null` for a draw), as the result payloads do
 * (`{"walkover": participantId}`). The id must be one of the match's two players.
 */
export function recordWinner(state: BracketState, key: string, winnerId: string | null, opts: { walkover?: boolean } = {}): StoredResult {
  const sides = state.byKey[key]?.sides.map((s) => s.participantId) ?? [];
  const index = winnerId === null ? -1 : sides.indexOf(winnerId);
  if (winnerId !== null && index < 0) throw new EngineError('not_ready', `${winnerId} does not play in match ${key}.`);
  return recordResult(state, key, { winner: index < 0 ? null : (index as SideIndex), ...(opts.walkover ? { walkover: true } : {}) });
}
