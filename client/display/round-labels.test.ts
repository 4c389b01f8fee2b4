import { describe, expect, it } from 'vitest';
import { knockoutRoundLabel, matchRoundLabel, stageRounds } from './round-labels.ts';
import { knockout, match } from './tournament-fixtures.ts';

describe('round names', () => {
  it('names knockout rounds from the end', () => {
    expect([1, 2, 3, 4, 5, 6].map((r) => knockoutRoundLabel(r, 6))).toEqual([
      { kind: 'roundOf', n: 64 },
      { kind: 'roundOf', n: 32 },
      { kind: 'roundOf', n: 16 },
      { kind: 'quarter' },
      { kind: 'semi' },
      { kind: 'final' },
    ]);
  });

  it('names double elimination, group and round-robin rounds', () => {
    const matches = [
      match('W1-1', { stage: 'winners', round: 1 }),
      match('W2-1', { stage: 'winners', round: 2 }),
      match('L1-1', { stage: 'losers', round: 1 }),
      match('L2-1', { stage: 'losers', round: 2 }),
      match('GF1', { stage: 'grand_final', round: 1 }),
      match('GF2', { stage: 'grand_final', round: 2 }),
      match('G:B-R2-1', { stage: 'group', group: 'B', round: 2 }),
      match('R3-1', { stage: 'round_robin', round: 3 }),
      match('K3P', { stage: 'knockout', round: 2 }),
      ...knockout(4),
    ];
    const rounds = stageRounds(matches);
    expect(matches.slice(0, 9).map((m) => matchRoundLabel(m, rounds))).toEqual([
      { kind: 'winners', n: 1 },
      { kind: 'winnersFinal' },
      { kind: 'losers', n: 1 },
      { kind: 'losersFinal' },
      { kind: 'grandFinal' },
      { kind: 'grandFinalReset' },
      { kind: 'groupRound', group: 'B', n: 2 },
      { kind: 'round', n: 3 },
      { kind: 'third' },
    ]);
  });
});
