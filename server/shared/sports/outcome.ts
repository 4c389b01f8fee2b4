/**
 * What the bracket engine needs from a validated result, whatever the sport: who won (by play or by walkover),
 * or a draw (gateball only). Sides are numbered as in the result payloads: side 1 is listed first (in gateball,
 * red), side 2 second.
 */
export type Side = 1 | 2;

export type MatchOutcome =
  | { kind: 'win'; winnerSide: Side }
  | { kind: 'walkover'; winnerSide: Side; winnerId: string }
  | { kind: 'draw' };

/** The participants of a match in payload order; `null` while a side is still waiting for its player. */
export type MatchSides = readonly [string | null, string | null];

/**
 * A result that breaks a rule. `rule` is a stable code for the screen and tests; `message` and `messageZh` are
 * sentences a referee can act on (they say which game, rubber or ball, and what the rule is).
 */
export interface RuleViolation<R extends string = string> {
  ok: false;
  rule: R;
  message: string;
  messageZh: string;
  /** 1-based number of the game the rule is about (table tennis). */
  game?: number;
  /** 1-based number of the rubber (individual match) inside a team match (table tennis). */
  rubber?: number;
  /** Ball number 1–10 (gateball). */
  ball?: number;
}

export function violation<R extends string>(rule: R, message: string, messageZh: string, where: {
  game?: number; rubber?: number; ball?: number;
} = {}): RuleViolation<R> {
  return { ok: false, rule, message, messageZh, ...where };
}

export function otherSide(side: Side): Side {
  return side === 1 ? 2 : 1;
}

/** The winner's participant id, or `null` for a draw or a side that is not known yet. */
export function winnerIdOf(outcome: MatchOutcome, sides: MatchSides): string | null {
  if (outcome.kind === 'draw') return null;
  if (outcome.kind === 'walkover') return outcome.winnerId;
  return sides[outcome.winnerSide - 1] ?? null;
}

/**
 * Reads `{walkover: participantId}`: the named participant must be one of the two sides of this match.
 * Returns `undefined` when the payload is not a walkover at all.
 */
export function readWalkover(payload: unknown, sides: MatchSides):
  | { ok: true; outcome: Extract<MatchOutcome, { kind: 'walkover' }> }
  | RuleViolation<'walkover_not_a_side'>
  | undefined {
  if (!isRecord(payload) || !('walkover' in payload)) return undefined;
  const id = payload.walkover;
  const index = typeof id === 'string' && id !== '' ? sides.indexOf(id) : -1;
  if (index < 0 || typeof id !== 'string') {
    return violation('walkover_not_a_side',
      'A walkover must name the winner, and the winner must be one of the two sides of this match.',
      '弃权（不战而胜）须写明获胜方，且获胜方必须是本场比赛的两方之一。');
  }
  return { ok: true, outcome: { kind: 'walkover', winnerSide: index === 0 ? 1 : 2, winnerId: id } };
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A non-negative whole number of points that JavaScript represents exactly. */
export function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

/** Adds one to a side's count in a `[side 1, side 2]` pair and returns the side's new count. */
export function bump(pair: [number, number], side: Side): number {
  if (side === 1) return (pair[0] += 1);
  return (pair[1] += 1);
}

/**
 * The outcome in the bracket engine's terms (`engine/types.ts` `ResultInput`): the winner as a 0-based side
 * index, `null` for a draw, and whether it was a walkover. Structural, so neither module imports the other.
 */
export function toEngineResult(outcome: MatchOutcome): { winner: 0 | 1 | null; walkover: boolean } {
  if (outcome.kind === 'draw') return { winner: null, walkover: false };
  return { winner: outcome.winnerSide === 1 ? 0 : 1, walkover: outcome.kind === 'walkover' };
}
