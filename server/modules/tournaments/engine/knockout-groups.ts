/**
 * The knockout after a group stage. Qualifiers are ranked by place, then group: A1, B1, …, then A2, B2, ….
 * - Group winners are seeded like ITTF seeds in group order (A1 top, B1 bottom, C1/D1 to the half-ends by lot, …),
 *   and byes go to them first (then to the runners-up of the first groups), spread evenly.
 * - Every later place (runners-up, thirds …) is placed by an optimal assignment so that players from one group
 *   meet as late as possible: with two qualifiers per group, always in different halves. Among equally good
 *   placements, a runner-up faces the winner of the paired group (A1–B2, B1–A2, C1–D2, D1–C2 …) where that
 *   group's winner sits in the other half; the rest is by lot.
 * Sides read `{kind: 'group_place', group, place}` until `resolveGroupPlaces` fills them in.
 */
import { minCostAssignment } from './assign.ts';
import { createRng, shuffled, type DrawSeed } from './rng.ts';
import { log2, nextPowerOfTwo, seedLayout } from './seeding.ts';
import { knockoutMatches } from './single.ts';
import { EngineError, type Bracket, type Participant, type Slot } from './types.ts';
import { drawGroups } from './groups.ts';

export interface KnockoutFromGroupsOptions {
  drawSeed?: DrawSeed;
  thirdPlace?: boolean;
}

interface Qualifier {
  group: number;
  place: number;
}

/** The round in which positions a and b (0-based) would meet. */
export function meetingRound(a: number, b: number): number {
  return Math.floor(Math.log2(a ^ b)) + 1;
}

/** Knockout positions of the qualifiers: `layout[position]` is a group place, or `null` for a bye. */
export function groupKnockoutLayout(groupCount: number, advance: number, seed: DrawSeed): (Qualifier | null)[] {
  const rng = createRng(seed);
  const qualifiers = groupCount * advance;
  const size = Math.max(2, nextPowerOfTwo(qualifiers));
  const rounds = log2(size);
  const byes = size - qualifiers;
  const layout = seedLayout(size, Math.max(groupCount, byes), byes, rng);
  const cells: (Qualifier | null | undefined)[] = new Array<undefined>(size).fill(undefined);
  for (const p of layout.byePositions) cells[p] = null;
  for (let g = 0; g < groupCount; g++) cells[layout.rankPositions[g] as number] = { group: g, place: 1 };
  const placed: number[][] = Array.from({ length: groupCount }, (_, g) => [layout.rankPositions[g] as number]);
  const winnerAt = new Map(placed.map((p, g) => [p[0] as number, g]));
  // Positions reserved for later places that get a bye (ranks beyond the group winners), by rank.
  const byeRanks = layout.rankPositions.slice(groupCount, byes);
  // Costs, most important first: fill the positions that carry a bye (force), keep group mates apart (meeting a
  // round earlier weighs 8×), byes to the first groups, the A1–B2 crossing. Each weight exceeds the total of all
  // the smaller ones, and every cost stays an integer well below 2^53.
  const weight = 8;
  const spare = groupCount ** 3 + groupCount + 1;
  const force = (spare * (advance - 1) * weight ** (rounds - 1) + groupCount ** 2) * groupCount + 1;
  for (let place = 2; place <= advance; place++) {
    const tierStart = (place - 1) * groupCount;
    const mustTake = byeRanks.slice(Math.max(0, tierStart - groupCount), Math.max(0, Math.min(byes, tierStart + groupCount) - groupCount));
    const reservedLater = new Set(byeRanks.slice(Math.max(0, Math.min(byes, tierStart + groupCount) - groupCount)));
    const free = cells.flatMap((c, p) => (c === undefined && !reservedLater.has(p) ? [p] : []));
    const columns = shuffled(free, rng);
    const rows = shuffled(Array.from({ length: groupCount }, (_, g) => g), rng);
    const cost = rows.map((g) => columns.map((p) => {
      let separation = 0;
      for (const mate of placed[g] as number[]) separation += weight ** (rounds - meetingRound(p, mate));
      const byeCost = mustTake.includes(p) ? g : 0;
      const opponent = winnerAt.get(p ^ 1);
      const cross = opponent === undefined || opponent === (g ^ 1) ? 0 : 1;
      return (mustTake.includes(p) ? 0 : force) + separation * spare + byeCost * (groupCount + 1) + cross;
    }));
    const chosen = minCostAssignment(cost);
    rows.forEach((g, i) => {
      const p = columns[chosen[i] as number] as number;
      cells[p] = { group: g, place };
      (placed[g] as number[]).push(p);
    });
  }
  const final = cells.map((c) => c ?? null);
  if (advance >= 3) improveBySwaps(final, groupCount, rounds);
  return final;
}

/**
 * With three or more places per group, placing one place at a time can box a later place in (say, both free
 * quarters already full). Swaps of two non-winners that make group mates meet later are applied until none is
 * left; the cost is the same as in the assignment (earlier meetings weigh 8× more, then byes by rank).
 */
function improveBySwaps(cells: (Qualifier | null)[], groupCount: number, rounds: number): void {
  const positions = cells.flatMap((c, p) => (c !== null && c.place > 1 ? [p] : []));
  const byeBeside = (p: number): boolean => cells[p ^ 1] === null;
  const cost = (q: Qualifier, p: number): number => {
    let separation = 0;
    cells.forEach((other, at) => {
      if (other && other.group === q.group && other.place !== q.place) separation += 8 ** (rounds - meetingRound(p, at));
    });
    return separation * (cells.length * groupCount * 8) + (byeBeside(p) ? (q.place - 1) * groupCount + q.group : 0);
  };
  for (let changed = true, passes = 0; changed && passes < 50; passes++) {
    changed = false;
    for (const a of positions) {
      for (const b of positions) {
        const qa = cells[a] as Qualifier;
        const qb = cells[b] as Qualifier;
        if (a >= b || qa.group === qb.group) continue;
        const before = cost(qa, a) + cost(qb, b);
        const after = cost(qa, b) + cost(qb, a);
        if (after < before) {
          cells[a] = qb;
          cells[b] = qa;
          changed = true;
        }
      }
    }
  }
}

/**
 * Adds the knockout to a bracket drawn by `drawGroups`: `advancePerGroup` players from every group. Returns the
 * bracket with the group matches followed by the knockout (`K1-1` …).
 */
export function drawKnockoutFromGroups(groupsBracket: Bracket, advancePerGroup: number, opts: KnockoutFromGroupsOptions = {}): Bracket {
  const groups = groupsBracket.groups;
  const smallest = Math.min(...groups.map((g) => g.participantIds.length));
  if (!Number.isInteger(advancePerGroup) || advancePerGroup < 1 || advancePerGroup > smallest || groups.length * advancePerGroup < 2) {
    throw new EngineError('invalid_options',
      `Between 1 and ${smallest} players per group can go through, and at least two in all (asked: ${advancePerGroup}).`);
  }
  const layout = groupKnockoutLayout(groups.length, advancePerGroup, opts.drawSeed ?? 0);
  const firstRound: Slot[] = layout.map((q, i) => (q === null
    ? { participantId: null, bye: true, position: i + 1 }
    : { participantId: null, from: { kind: 'group_place', group: (groups[q.group] as { name: string }).name, place: q.place }, position: i + 1 }));
  const knockout = knockoutMatches(firstRound, 'knockout', 'K', opts.thirdPlace ?? false);
  const groupMatches = groupsBracket.matches.filter((m) => m.stage === 'group');
  return { ...groupsBracket, matches: [...groupMatches, ...knockout], size: layout.length };
}

export interface GroupsThenKnockoutOptions extends KnockoutFromGroupsOptions {
  groupCount: number;
  advancePerGroup: number;
}

/** Groups and the knockout after them, in one draw. */
export function drawGroupsThenKnockout(participants: readonly Participant[], opts: GroupsThenKnockoutOptions): Bracket {
  const groups = drawGroups(participants, opts.groupCount, opts.drawSeed === undefined ? {} : { drawSeed: opts.drawSeed });
  return drawKnockoutFromGroups(groups, opts.advancePerGroup, opts);
}
