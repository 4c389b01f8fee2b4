/**
 * Knockout seeding per ITTF regulation 3.6 (positions counted from 1 at the top of the draw; here 0-based):
 * seed 1 at the top, seed 2 at the bottom, seeds 3–4 drawn by lot to the two remaining half-ends (bottom of the
 * top half, top of the bottom half), seeds 5–8 to the four remaining quarter-ends, 9–16 to the eighth-ends, and
 * so on. Byes go to the seeds in seeding order (the bye sits beside the seed in its first-round match); when a
 * band of seeds is only partly given byes, the byes go to a subset of that band's positions balanced between
 * halves, quarters …, so byes are spread evenly and no first-round match has two.
 */
import { shuffled, type Rng } from './rng.ts';
import { EngineError, type Participant } from './types.ts';

export function nextPowerOfTwo(n: number): number {
  let size = 1;
  while (size < n) size *= 2;
  return size;
}

/** log2 of a power of two. */
export function log2(size: number): number {
  return Math.round(Math.log2(size));
}

/**
 * The positions (0-based) of seeding band `band` in a draw of `size`: band 0 is seed 1, band 1 seed 2, band m ≥ 2
 * seeds 2^(m-1)+1 … 2^m. Band m ≥ 2 takes the free end of each of the 2^(m-1) sections of the level above: the
 * bottom end of an upper section, the top end of a lower one. Returned in section order (top to bottom).
 */
export function bandPositions(size: number, band: number): number[] {
  if (band === 0) return [0];
  if (band === 1) return [size - 1];
  const sections = 2 ** (band - 1);
  const span = size / sections;
  const out: number[] = [];
  for (let i = 0; i < sections; i++) out.push(i % 2 === 0 ? (i + 1) * span - 1 : i * span);
  return out;
}

/** `count` items of `items` (a power-of-two long list of sections), split as evenly as possible between halves at every level. */
export function balancedSubset<T>(items: readonly T[], count: number, rng: Rng): T[] {
  if (count <= 0) return [];
  if (count >= items.length) return items.slice();
  const half = items.length / 2;
  let upper = Math.floor(count / 2);
  let lower = count - upper;
  if (count % 2 === 1 && rng.int(2) === 0) [upper, lower] = [lower, upper];
  return [...balancedSubset(items.slice(0, half), upper, rng), ...balancedSubset(items.slice(half), lower, rng)];
}

export interface SeedLayout {
  /** Position (0-based) of rank 1 … `ranks`. */
  rankPositions: number[];
  /** Positions that are byes (beside ranks 1 … `byes`). */
  byePositions: number[];
}

/**
 * Lays out ranks 1 … `ranks` (seeded players, and as many "bye-receiving" places as there are byes) in a draw of
 * `size`; ranks 1 … `byes` get a bye. `byes` must be below size / 2 and `ranks` at least `byes`.
 */
export function seedLayout(size: number, ranks: number, byes: number, rng: Rng): SeedLayout {
  const rankPositions: number[] = [];
  const byePositions: number[] = [];
  for (let band = 0; ; band++) {
    const lo = band <= 1 ? band + 1 : 2 ** (band - 1) + 1;
    if (lo > ranks || lo > size) break;
    const hi = Math.min(band <= 1 ? lo : 2 ** band, ranks);
    // In the last band (first-round opponents of the first half of the seeds) the byes already placed are not free.
    const positions = bandPositions(size, band).filter((p) => !byePositions.includes(p));
    const withBye = Math.max(0, Math.min(hi, byes) - lo + 1);
    const byeSections = balancedSubset(positions, withBye, rng);
    const rest = shuffled(positions.filter((p) => !byeSections.includes(p)), rng);
    const drawn = [...shuffled(byeSections, rng), ...rest];
    for (let rank = lo; rank <= hi; rank++) {
      const position = drawn[rank - lo] as number;
      rankPositions.push(position);
      if (rank <= byes) byePositions.push(position ^ 1);
    }
  }
  return { rankPositions, byePositions };
}

/** Seeded participants by seed (ties keep the input order), then the unseeded ones in input order. */
export function splitBySeed(participants: readonly Participant[]): { seeded: string[]; unseeded: string[] } {
  checkParticipants(participants);
  const seeded = participants
    .map((p, index) => ({ p, index }))
    .filter(({ p }) => typeof p.seed === 'number')
    .sort((a, b) => (a.p.seed as number) - (b.p.seed as number) || a.index - b.index)
    .map(({ p }) => p.id);
  const unseeded = participants.filter((p) => typeof p.seed !== 'number').map((p) => p.id);
  return { seeded, unseeded };
}

export function checkParticipants(participants: readonly Participant[], min = 2, max = 256): void {
  if (participants.length < min || participants.length > max) {
    throw new EngineError('invalid_participants', `A draw needs between ${min} and ${max} participants, not ${participants.length}.`);
  }
  const ids = new Set<string>();
  for (const p of participants) {
    if (typeof p.id !== 'string' || p.id === '') throw new EngineError('invalid_participants', 'Every participant needs an id.');
    if (ids.has(p.id)) throw new EngineError('invalid_participants', `Participant ${p.id} is listed twice.`);
    if (p.seed != null && !(Number.isFinite(p.seed))) {
      throw new EngineError('invalid_participants', `Participant ${p.id} has a seed that is not a number.`);
    }
    ids.add(p.id);
  }
}

/**
 * Positions of a knockout draw: the participant id at each position (0-based), `null` for a bye. Seeds by ITTF
 * 3.6; byes to the seeds first and spread evenly; unseeded players fill the other positions by lot.
 */
export function drawPositions(participants: readonly Participant[], rng: Rng): (string | null)[] {
  const { seeded, unseeded } = splitBySeed(participants);
  const size = Math.max(2, nextPowerOfTwo(participants.length));
  const byes = size - participants.length;
  const layout = seedLayout(size, Math.max(seeded.length, byes), byes, rng);
  const positions: (string | null | undefined)[] = new Array<undefined>(size).fill(undefined);
  for (const p of layout.byePositions) positions[p] = null;
  seeded.forEach((id, i) => {
    positions[layout.rankPositions[i] as number] = id;
  });
  const open = positions.flatMap((v, i) => (v === undefined ? [i] : []));
  const lot = shuffled(unseeded, rng);
  open.forEach((p, i) => {
    positions[p] = lot[i] as string;
  });
  return positions.map((v) => v ?? null);
}
