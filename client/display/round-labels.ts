/**
 * What a round is called on the screen, as a descriptor the component translates ("半决赛", "败者组第 3 轮"):
 * knockout rounds are named from the end (final, semi-finals, quarter-finals, round of 16 …), double
 * elimination has its winners', losers' and grand finals, groups and round robins count rounds.
 */
import type { MatchInfo } from './tournament-types.ts';

export type RoundLabel =
  | { kind: 'final' }
  | { kind: 'semi' }
  | { kind: 'quarter' }
  | { kind: 'roundOf'; n: number }
  | { kind: 'third' }
  | { kind: 'winners'; n: number }
  | { kind: 'winnersFinal' }
  | { kind: 'losers'; n: number }
  | { kind: 'losersFinal' }
  | { kind: 'grandFinal' }
  | { kind: 'grandFinalReset' }
  | { kind: 'round'; n: number }
  | { kind: 'groupRound'; group: string; n: number };

/** The third-place match of a single elimination (the engine's stable key). */
export const THIRD_PLACE_KEY = 'K3P';

export function knockoutRoundLabel(round: number, totalRounds: number): RoundLabel {
  const fromEnd = totalRounds - round;
  if (fromEnd <= 0) return { kind: 'final' };
  if (fromEnd === 1) return { kind: 'semi' };
  if (fromEnd === 2) return { kind: 'quarter' };
  return { kind: 'roundOf', n: 2 ** (fromEnd + 1) };
}

/** Rounds of each bracket stage, for naming the last ones. */
export function stageRounds(matches: readonly MatchInfo[]): Map<string, number> {
  const rounds = new Map<string, number>();
  for (const m of matches) {
    if (m.key === THIRD_PLACE_KEY) continue;
    rounds.set(m.stage, Math.max(rounds.get(m.stage) ?? 0, m.round));
  }
  return rounds;
}

export function matchRoundLabel(match: MatchInfo, rounds: ReadonlyMap<string, number>): RoundLabel {
  if (match.key === THIRD_PLACE_KEY) return { kind: 'third' };
  const last = rounds.get(match.stage) ?? match.round;
  switch (match.stage) {
    case 'knockout':
      return knockoutRoundLabel(match.round, last);
    case 'winners':
      return match.round === last ? { kind: 'winnersFinal' } : { kind: 'winners', n: match.round };
    case 'losers':
      return match.round === last ? { kind: 'losersFinal' } : { kind: 'losers', n: match.round };
    case 'grand_final':
      return match.round >= 2 || match.key === 'GF2' ? { kind: 'grandFinalReset' } : { kind: 'grandFinal' };
    case 'group':
      return match.group ? { kind: 'groupRound', group: match.group, n: match.round } : { kind: 'round', n: match.round };
    default:
      return { kind: 'round', n: match.round };
  }
}
