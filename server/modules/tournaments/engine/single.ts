/**
 * Single elimination: a knockout of `size` (the next power of two) positions; first-round match n takes positions
 * 2n-1 and 2n, the winner of round r match n goes to round r+1 match ⌈n/2⌉ (odd n on side 0). Optionally a
 * third-place match (`K3P`) between the semifinal losers.
 */
import { createRng, type DrawSeed } from './rng.ts';
import { checkParticipants, drawPositions, log2, splitBySeed } from './seeding.ts';
import type { Bracket, Match, Participant, Slot, Stage } from './types.ts';

export interface SingleEliminationOptions {
  /** The lot: the same seed and participants give the same draw. Default 0. */
  drawSeed?: DrawSeed;
  /** Play a match for third place between the semifinal losers (default: no, both semifinal losers are 3rd). */
  thirdPlace?: boolean;
}

export function knockoutKey(prefix: string, round: number, number: number): string {
  return `${prefix}${round}-${number}`;
}

/** First-round slots from draw positions (`null` = bye). */
export function slotsFromPositions(positions: readonly (string | null)[]): Slot[] {
  return positions.map((id, i) => (id === null ? { participantId: null, bye: true, position: i + 1 } : { participantId: id, position: i + 1 }));
}

/**
 * The matches of a knockout whose first-round sides are `firstRound` (one slot per position, a power of two ≥ 2).
 * Keys are `${prefix}${round}-${number}`.
 */
export function knockoutMatches(firstRound: readonly Slot[], stage: Stage, prefix: string, thirdPlace = false): Match[] {
  const size = firstRound.length;
  const rounds = log2(size);
  const matches: Match[] = [];
  for (let round = 1; round <= rounds; round++) {
    const count = size / 2 ** round;
    for (let number = 1; number <= count; number++) {
      const sides: [Slot, Slot] = round === 1
        ? [firstRound[2 * number - 2] as Slot, firstRound[2 * number - 1] as Slot]
        : [
            { participantId: null, from: { kind: 'winner', key: knockoutKey(prefix, round - 1, 2 * number - 1) } },
            { participantId: null, from: { kind: 'winner', key: knockoutKey(prefix, round - 1, 2 * number) } },
          ];
      const match: Match = { key: knockoutKey(prefix, round, number), stage, group: null, round, number, sides, drawAllowed: false };
      if (round < rounds) match.winnerTo = { key: knockoutKey(prefix, round + 1, Math.ceil(number / 2)), side: number % 2 === 1 ? 0 : 1 };
      matches.push(match);
    }
  }
  if (thirdPlace && rounds >= 2) {
    const key = `${prefix}3P`;
    const semis = [knockoutKey(prefix, rounds - 1, 1), knockoutKey(prefix, rounds - 1, 2)];
    matches.push({
      key, stage, group: null, round: rounds, number: 2, drawAllowed: false,
      sides: [
        { participantId: null, from: { kind: 'loser', key: semis[0] as string } },
        { participantId: null, from: { kind: 'loser', key: semis[1] as string } },
      ],
    });
    semis.forEach((semi, side) => {
      const m = matches.find((x) => x.key === semi);
      if (m) m.loserTo = { key, side: side as 0 | 1 };
    });
  }
  return matches;
}

export function drawSingleElimination(participants: readonly Participant[], opts: SingleEliminationOptions = {}): Bracket {
  checkParticipants(participants);
  const positions = drawPositions(participants, createRng(opts.drawSeed ?? 0));
  const { seeded, unseeded } = splitBySeed(participants);
  return {
    format: 'single_elimination',
    participants: [...seeded, ...unseeded],
    matches: knockoutMatches(slotsFromPositions(positions), 'knockout', 'K', opts.thirdPlace ?? false),
    size: positions.length,
    groups: [],
    rests: [],
  };
}
