/**
 * Round robin by the circle method: players in seeding order around a circle, the first fixed, the others turning
 * one place per round. Everyone plays once per round; with an odd number one player rests each round (a `Rest`,
 * not a match). n players play n−1 rounds (n rounds when n is odd). Seeds 1 and 2 meet in the last round (as in
 * the ITTF group order 1–4, 2–3 / 1–3, 2–4 / 1–2, 3–4). Sides alternate so that every player is first side
 * (gateball: red) in half of their matches, give or take one.
 */
import { createRng, shuffled, type DrawSeed } from './rng.ts';
import { checkParticipants, splitBySeed } from './seeding.ts';
import type { Bracket, Match, Participant, Rest, Stage } from './types.ts';

export interface RoundRobinOptions {
  /** The lot for the order of unseeded players. Default 0. */
  drawSeed?: DrawSeed;
}

export function roundRobinKey(group: string | null, round: number, number: number): string {
  return group === null ? `R${round}-${number}` : `G:${group}-R${round}-${number}`;
}

/** Pairings of `ids` (seeding order): `[round][match] = [first side, second side]`, plus who rests when. */
export function circlePairings(ids: readonly string[]): { rounds: [string, string][][]; rests: string[][] } {
  const circle: (string | null)[] = [...ids];
  if (circle.length % 2 === 1) circle.push(null);
  const m = circle.length;
  const rounds: [string, string][][] = [];
  const rests: string[][] = [];
  for (let r = 0; r < m - 1; r++) {
    const pairs: [string, string][] = [];
    const resting: string[] = [];
    for (let i = 0; i < m / 2; i++) {
      const a = circle[i] as string | null;
      const b = circle[m - 1 - i] as string | null;
      if (a === null || b === null) {
        const present = a ?? b;
        if (present !== null) resting.push(present);
        continue;
      }
      // The fixed player alternates by round; the others are first side in the top row of the circle: each visits
      // every position once, so they are first side as often as second, apart from their match with the fixed one.
      const swap = i === 0 && r % 2 === 1;
      pairs.push(swap ? [b, a] : [a, b]);
    }
    rounds.push(pairs);
    rests.push(resting);
    // Turn everyone but the first one place: the last comes to position 1.
    circle.splice(1, 0, circle.pop() as string | null);
  }
  return { rounds, rests };
}

/** The matches (and rests) of one round robin among `ids`, for a stage and group. */
export function roundRobinMatches(ids: readonly string[], stage: Stage, group: string | null): { matches: Match[]; rests: Rest[] } {
  const { rounds, rests } = circlePairings(ids);
  const matches: Match[] = [];
  const restList: Rest[] = [];
  rounds.forEach((pairs, r) => {
    pairs.forEach(([a, b], n) => {
      matches.push({
        key: roundRobinKey(group, r + 1, n + 1), stage, group, round: r + 1, number: n + 1, drawAllowed: true,
        sides: [{ participantId: a }, { participantId: b }],
      });
    });
    for (const id of rests[r] ?? []) restList.push({ group, round: r + 1, participantId: id });
  });
  return { matches, rests: restList };
}

export function drawRoundRobin(participants: readonly Participant[], opts: RoundRobinOptions = {}): Bracket {
  checkParticipants(participants);
  const { seeded, unseeded } = splitBySeed(participants);
  const ids = [...seeded, ...shuffled(unseeded, createRng(opts.drawSeed ?? 0))];
  const { matches, rests } = roundRobinMatches(ids, 'round_robin', null);
  return { format: 'round_robin', participants: ids, matches, size: 0, groups: [], rests };
}
