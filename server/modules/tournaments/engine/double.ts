/**
 * Double elimination. The winners' bracket (`W{r}-{n}`) is a single-elimination draw (ITTF seeding, byes).
 * The losers' bracket (`L{r}-{n}`) has 2·(k−1) rounds for a draw of 2^k:
 * - L1 ("minor"): the losers of W1-(2n−1) and W1-(2n) meet in L1-n;
 * - L(2j) ("major"): the winner of L(2j−1)-n (side 0) meets a loser dropping from winners' round j+1 (side 1);
 * - L(2j+1) ("minor"): winners of L(2j)-(2n−1) and L(2j)-(2n) meet.
 * The drops of each major round are put in an order (`dropOrder`) that keeps players who already met apart as long
 * as the pattern allows. The grand final `GF1` sets the winners' champion (side 0) against the losers' champion
 * (side 1); the reset `GF2` is played only when the losers' champion wins GF1, so nobody is out before two losses.
 * Byes propagate: the loser of a bye is nobody, so a losers' match fed by a bye is a bye too (or void if both are).
 */
import { createRng } from './rng.ts';
import { checkParticipants, drawPositions, log2, splitBySeed } from './seeding.ts';
import { knockoutKey, knockoutMatches, slotsFromPositions, type SingleEliminationOptions } from './single.ts';
import type { Bracket, Match, Participant, Slot } from './types.ts';

export type DoubleEliminationOptions = Pick<SingleEliminationOptions, 'drawSeed'>;

type Ordering = 'natural' | 'reverse' | 'half_shift' | 'reverse_half_shift' | 'pair_flip';

function ordered(kind: Ordering, count: number): number[] {
  const natural = Array.from({ length: count }, (_, i) => i + 1);
  const half = count / 2;
  if (count < 2) return natural;
  switch (kind) {
    case 'natural': return natural;
    case 'reverse': return natural.reverse();
    case 'half_shift': return [...natural.slice(half), ...natural.slice(0, half)];
    case 'reverse_half_shift': return [...natural.slice(0, half).reverse(), ...natural.slice(half).reverse()];
    case 'pair_flip': return natural.map((n) => (n % 2 === 1 ? n + 1 : n - 1));
  }
}

/**
 * Drop orders of the major losers' rounds L2, L4, L6, L8, then natural. Chosen by exhaustive search over these five
 * patterns (draws of 8 to 128; 256 with the first two fixed) for the fewest losers' matches in which two players
 * who met in the winners' bracket could meet again, earliest rounds first: with this table such a rematch is
 * possible only in the last 3 of 6 losers' rounds for a draw of 16, the last 4 of 8 (32) and of 10 (64), 5 of 12
 * (128) and 6 of 14 (256), which is the best these patterns allow. double.test.ts checks it.
 */
const DROP_ORDERS: readonly Ordering[] = ['reverse', 'half_shift', 'reverse_half_shift', 'pair_flip'];

/**
 * Which winners' match drops into each match of major losers' round L(2j): entry n-1 is the number of the
 * winners' round j+1 match whose loser plays L(2j)-n.
 */
export function dropOrder(size: number, j: number): number[] {
  return ordered(DROP_ORDERS[j - 1] ?? 'natural', size / 2 ** (j + 1));
}

export function loserKey(round: number, number: number): string {
  return knockoutKey('L', round, number);
}

export function doubleEliminationMatches(firstRound: readonly Slot[]): Match[] {
  const size = firstRound.length;
  const k = log2(size);
  const winners = knockoutMatches(firstRound, 'winners', 'W');
  const byKey = new Map(winners.map((m) => [m.key, m]));
  const losers: Match[] = [];
  const add = (round: number, number: number, sides: [Slot, Slot]): void => {
    const match: Match = { key: loserKey(round, number), stage: 'losers', group: null, round, number, sides, drawAllowed: false };
    losers.push(match);
    byKey.set(match.key, match);
  };
  const fromWinner = (key: string): Slot => ({ participantId: null, from: { kind: 'winner', key } });
  const fromLoser = (key: string): Slot => ({ participantId: null, from: { kind: 'loser', key } });
  if (k >= 2) {
    for (let n = 1; n <= size / 4; n++) {
      add(1, n, [fromLoser(knockoutKey('W', 1, 2 * n - 1)), fromLoser(knockoutKey('W', 1, 2 * n))]);
    }
    for (let j = 1; j <= k - 1; j++) {
      const order = dropOrder(size, j);
      order.forEach((w, i) => {
        add(2 * j, i + 1, [fromWinner(loserKey(2 * j - 1, i + 1)), fromLoser(knockoutKey('W', j + 1, w))]);
      });
      if (j === k - 1) break;
      for (let n = 1; n <= order.length / 2; n++) {
        add(2 * j + 1, n, [fromWinner(loserKey(2 * j, 2 * n - 1)), fromWinner(loserKey(2 * j, 2 * n))]);
      }
    }
  }
  const wbFinal = knockoutKey('W', k, 1);
  const lbChampion = k >= 2 ? fromWinner(loserKey(2 * (k - 1), 1)) : fromLoser(wbFinal);
  const finals: Match[] = [
    { key: 'GF1', stage: 'grand_final', group: null, round: 1, number: 1, drawAllowed: false, sides: [fromWinner(wbFinal), lbChampion] },
    {
      key: 'GF2', stage: 'grand_final', group: null, round: 2, number: 1, drawAllowed: false,
      sides: [fromLoser('GF1'), fromWinner('GF1')], onlyIf: { key: 'GF1', winnerSide: 1 },
    },
  ];
  for (const m of finals) byKey.set(m.key, m);
  // Forward links, from the backward ones.
  for (const m of [...losers, ...finals]) {
    m.sides.forEach((slot, side) => {
      const from = slot.from;
      if (m.key === 'GF2' || !from || from.kind === 'group_place') return;
      const source = byKey.get(from.key);
      if (!source) return;
      if (from.kind === 'winner') source.winnerTo = { key: m.key, side: side as 0 | 1 };
      else source.loserTo = { key: m.key, side: side as 0 | 1 };
    });
  }
  return [...winners, ...losers, ...finals];
}

export function drawDoubleElimination(participants: readonly Participant[], opts: DoubleEliminationOptions = {}): Bracket {
  checkParticipants(participants);
  const positions = drawPositions(participants, createRng(opts.drawSeed ?? 0));
  const { seeded, unseeded } = splitBySeed(participants);
  return {
    format: 'double_elimination',
    participants: [...seeded, ...unseeded],
    matches: doubleEliminationMatches(slotsFromPositions(positions)),
    size: positions.length,
    groups: [],
    rests: [],
  };
}
