/**
 * The enrolment draw (docs/rules.md "Enrolment draw"): hand-worked examples, properties over random terms up to
 * 300 classes and 8,000 applicants, and a statistical check that the lottery is fair, with real SHA-256.
 */
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { propertyRuns } from '../../tests/support/property-runs.ts';
import {
  drawOrder,
  isHex64,
  placeSerially,
  runDraw,
  runDrawAsync,
  seedText,
  ticketText,
  type DrawApplication,
  type DrawInput,
  type DrawPlacement,
  type DrawResult,
} from './enrolment-draw.ts';

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

const app = (id: string, choices: string[], tier: 0 | 1 = 1): DrawApplication => ({ id, choices, tier });
const seatsOf = (entries: Record<string, number>): Map<string, number> => new Map(Object.entries(entries));
const admitted = (applicationId: string, classId: string): DrawPlacement => ({ applicationId, classId, status: 'admitted', position: null });
const waitlisted = (applicationId: string, classId: string, position: number): DrawPlacement => ({
  applicationId,
  classId,
  status: 'waitlisted',
  position,
});

describe('placeSerially (hand-worked)', () => {
  it('gives each applicant in turn their best classes with a seat, and queues them for the full ones', () => {
    const order = [app('p1', ['A', 'B', 'C']), app('p2', ['A', 'B', 'C']), app('p3', ['B', 'A', 'C']), app('p4', ['C', 'A'])];
    expect(placeSerially(order, seatsOf({ A: 1, B: 1, C: 2 }), 2)).toEqual([
      admitted('p1', 'A'),
      admitted('p1', 'B'),
      waitlisted('p2', 'A', 1),
      waitlisted('p2', 'B', 1),
      admitted('p2', 'C'),
      waitlisted('p3', 'B', 2),
      waitlisted('p3', 'A', 2),
      admitted('p3', 'C'),
      waitlisted('p4', 'C', 1),
      waitlisted('p4', 'A', 3),
    ]);
  });

  it('with classesPerMember classes got, waitlists only classes ranked above the last one got', () => {
    // A is full; B and C are taken, so D (ranked below C) is neither got nor waited for.
    const placements = placeSerially([app('p', ['A', 'B', 'C', 'D'])], seatsOf({ A: 0, B: 1, C: 1, D: 1 }), 2);
    expect(placements).toEqual([waitlisted('p', 'A', 1), admitted('p', 'B'), admitted('p', 'C')]);
  });

  it('with fewer than classesPerMember, waitlists every ranked class not got, also below the ones got', () => {
    const placements = placeSerially([app('p', ['A', 'B', 'C'])], seatsOf({ A: 0, B: 1, C: 0 }), 2);
    expect(placements).toEqual([waitlisted('p', 'A', 1), admitted('p', 'B'), waitlisted('p', 'C', 1)]);
  });

  it('treats a class missing from the seats as having none, and an applicant without choices as placing nothing', () => {
    expect(placeSerially([app('p', ['X']), app('q', [])], new Map(), 1)).toEqual([waitlisted('p', 'X', 1)]);
  });

  it('refuses a repeated choice and a classesPerMember below 1 or not whole', () => {
    expect(() => placeSerially([app('p', ['A', 'B', 'A'])], seatsOf({ A: 5 }), 1)).toThrow(/twice/);
    expect(() => placeSerially([], new Map(), 0)).toThrow(RangeError);
    expect(() => placeSerially([], new Map(), 1.5)).toThrow(RangeError);
  });
});

describe('drawOrder (hand-worked)', () => {
  const apps = [app('a', [], 1), app('b', [], 0), app('c', [], 1), app('d', [], 0), app('e', [], 1)];
  const tickets = new Map([['a', '30'], ['b', 'ff'], ['c', '10'], ['d', '20'], ['e', '10']]);

  it('puts tier 0 first, then sorts by ticket as text, then by id', () => {
    expect(drawOrder(apps, tickets)).toEqual(['d', 'b', 'c', 'e', 'a']);
    expect(drawOrder([...apps].reverse(), (id) => tickets.get(id)!)).toEqual(['d', 'b', 'c', 'e', 'a']);
  });

  it('compares tickets as text, not as numbers', () => {
    expect(drawOrder([app('x', []), app('y', [])], new Map([['x', '9'], ['y', '10']]))).toEqual(['y', 'x']);
  });

  it('refuses a duplicate application and a missing ticket', () => {
    expect(() => drawOrder([app('a', []), app('a', [])], tickets)).toThrow(/twice/);
    expect(() => drawOrder([app('z', [])], tickets)).toThrow(/no ticket/);
  });
});

describe('runDraw (hand-worked, real SHA-256)', () => {
  // Expected hashes computed outside this code base (Python's hashlib) from the published rule.
  const secret = '0123456789abcdef'.repeat(4);
  const input: DrawInput = {
    secret,
    publicNumber: '483920',
    applications: [
      app('ann', ['yoga', 'choir']),
      app('bo', ['choir', 'yoga'], 0),
      app('cai', ['yoga', 'ink', 'choir']),
      app('dong', ['yoga']),
      app('eva', ['choir', 'ink'], 0),
    ],
    seats: seatsOf({ yoga: 2, choir: 1, ink: 1 }),
    classesPerMember: 2,
  };

  it('hashes the secret, the seed and the tickets as published', () => {
    expect(sha256(secret)).toBe('a8ae6e6ee929abea3afcfc5258c8ccd6f85273e0d4626d26c7279f3250f77c8e');
    expect(seedText(secret, '483920')).toBe(`${secret}:483920`);
    expect(ticketText('s', 'ann')).toBe('s:ann');
    const { seed, order, placements } = runDraw(input, sha256);
    expect(seed).toBe('19bdc00ff97a0a46f642b93764b64da1e2eb89ff83c29b561b3c698b41cbe7b4');
    expect(sha256(ticketText(seed, 'dong'))).toBe('0c024b998f9a5b10c0d445bfe7a574a272a991bfa727ef42a9c2b5e1de5df41c');
    expect(order).toEqual(['bo', 'eva', 'dong', 'cai', 'ann']);
    expect(placements).toEqual([
      admitted('bo', 'choir'),
      admitted('bo', 'yoga'),
      waitlisted('eva', 'choir', 1),
      admitted('eva', 'ink'),
      admitted('dong', 'yoga'),
      waitlisted('cai', 'yoga', 1),
      waitlisted('cai', 'ink', 1),
      waitlisted('cai', 'choir', 2),
      waitlisted('ann', 'yoga', 2),
      waitlisted('ann', 'choir', 3),
    ]);
  });

  it('gives the same draw with an asynchronous hash', async () => {
    expect(await runDrawAsync(input, async (text) => sha256(text))).toEqual(runDraw(input, sha256));
  });

  it('depends on the public number exactly as entered', () => {
    expect(runDraw({ ...input, publicNumber: '0483920' }, sha256).seed).not.toBe(runDraw(input, sha256).seed);
  });

  it('refuses a secret that is not 64 lower-case hex characters', () => {
    expect(isHex64(secret)).toBe(true);
    expect(isHex64(secret.toUpperCase())).toBe(false);
    expect(isHex64(secret.slice(1))).toBe(false);
    expect(() => runDraw({ ...input, secret: secret.toUpperCase() }, sha256)).toThrow(/secret/);
  });
});

// ---------------------------------------------------------------------------------------------------------
// Properties over random terms. fast-check draws the shape (sizes, a PRNG seed, the secret); the applications
// themselves come from the PRNG, so a term of 8,000 applicants costs one integer to generate and shrink.

interface Term extends DrawInput {
  classIds: string[];
}

/** mulberry32: a small seeded PRNG, enough to spread choices and seats. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const shape = (maxClasses: number, maxApplicants: number) =>
  fc.record({
    classes: fc.integer({ min: 1, max: maxClasses }),
    applicants: fc.integer({ min: 0, max: maxApplicants }),
    classesPerMember: fc.integer({ min: 1, max: 3 }),
    maxSeats: fc.integer({ min: 0, max: 40 }),
    priorityShare: fc.double({ min: 0, max: 1, noNaN: true }),
    build: fc.integer(),
    secret: fc.uint8Array({ minLength: 32, maxLength: 32 }),
    publicNumber: fc.string({ maxLength: 8 }),
  });

// Mostly small terms (where shrinking finds a readable counterexample), now and then one of full size.
const termArb = fc
  .oneof({ weight: 9, arbitrary: shape(8, 40) }, { weight: 1, arbitrary: shape(300, 8000) })
  .map((s): Term => {
    const random = prng(s.build);
    const classIds = Array.from({ length: s.classes }, (_, i) => `class-${i}`);
    const seats = new Map(classIds.map((id) => [id, Math.floor(random() * (s.maxSeats + 1))]));
    const applications = Array.from({ length: s.applicants }, (_, i): DrawApplication => {
      const wanted = Math.floor(random() * (Math.min(5, s.classes) + 1));
      const choices = new Set<string>();
      // Squaring skews demand towards the first classes, so some are oversubscribed and some are not.
      while (choices.size < wanted) choices.add(classIds[Math.floor(random() ** 2 * s.classes)]!);
      return { id: `app-${i}`, choices: [...choices], tier: random() < s.priorityShare ? 0 : 1 };
    });
    const secret = Buffer.from(s.secret).toString('hex');
    return { secret, publicNumber: s.publicNumber, applications, seats, classesPerMember: s.classesPerMember, classIds };
  });

const runs = { numRuns: propertyRuns(120) };
/** CI runs every case (some with 8,000 applicants over 300 classes) on a shared machine: time enough, never asserted. */
const PROPERTY_TIMEOUT_MS = 120_000;

/** Each application's placements, in the order placeSerially gave them. */
function placementsByApplication(result: DrawResult): Map<string, DrawPlacement[]> {
  const by = new Map<string, DrawPlacement[]>(result.order.map((id) => [id, []]));
  for (const p of result.placements) by.get(p.applicationId)!.push(p);
  return by;
}

describe('the draw (property)', () => {
  it('orders a permutation of the applications, tier 0 first, the same for the same inputs in any input order', () => {
    fc.assert(
      fc.property(termArb, fc.integer(), (term, shuffle) => {
        const result = runDraw(term, sha256);
        expect([...result.order].sort()).toEqual(term.applications.map((a) => a.id).sort());
        const tiers = new Map(term.applications.map((a) => [a.id, a.tier]));
        const firstTier1 = result.order.findIndex((id) => tiers.get(id) === 1);
        if (firstTier1 >= 0) expect(result.order.slice(firstTier1).every((id) => tiers.get(id) === 1)).toBe(true);
        const random = prng(shuffle);
        const shuffled = [...term.applications];
        for (let i = shuffled.length - 1; i > 0; i--) {
          const j = Math.floor(random() * (i + 1));
          [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
        }
        expect(runDraw({ ...term, applications: shuffled }, sha256)).toEqual(result);
      }),
      runs,
    );
  }, PROPERTY_TIMEOUT_MS);

  it('fills no class over capacity, gives nobody more than classesPerMember, and numbers waiting lists 1..n in order', () => {
    fc.assert(
      fc.property(termArb, (term) => {
        const result = runDraw(term, sha256);
        const place = new Map(result.order.map((id, i) => [id, i]));
        const taken = new Map<string, number>();
        const heldBy = new Map<string, number>();
        const queues = new Map<string, DrawPlacement[]>();
        const pairs = new Set<string>();
        for (const p of result.placements) {
          const pair = `${p.applicationId}\u0000${p.classId}`;
          expect(pairs.has(pair)).toBe(false);
          pairs.add(pair);
          if (p.status === 'admitted') {
            expect(p.position).toBeNull();
            taken.set(p.classId, (taken.get(p.classId) ?? 0) + 1);
            heldBy.set(p.applicationId, (heldBy.get(p.applicationId) ?? 0) + 1);
          } else {
            queues.set(p.classId, [...(queues.get(p.classId) ?? []), p]);
          }
        }
        for (const [classId, n] of taken) expect(n).toBeLessThanOrEqual(term.seats.get(classId) ?? 0);
        for (const n of heldBy.values()) expect(n).toBeLessThanOrEqual(term.classesPerMember);
        for (const queue of queues.values()) {
          expect(queue.map((p) => p.position)).toEqual(queue.map((_, i) => i + 1));
          const turns = queue.map((p) => place.get(p.applicationId)!);
          expect(turns).toEqual([...turns].sort((a, b) => a - b));
        }
      }),
      runs,
    );
  }, PROPERTY_TIMEOUT_MS);

  it('is serial: a class ranked above one got (or any, with fewer than allowed) and not got was full at their turn', () => {
    fc.assert(
      fc.property(termArb, (term) => {
        const result = runDraw(term, sha256);
        const applications = new Map(term.applications.map((a) => [a.id, a]));
        const placed = placementsByApplication(result);
        const takenSoFar = new Map<string, number>();
        for (const id of result.order) {
          const { choices } = applications.get(id)!;
          const mine = placed.get(id)!;
          const got = new Set(mine.filter((p) => p.status === 'admitted').map((p) => p.classId));
          const waits = new Set(mine.filter((p) => p.status === 'waitlisted').map((p) => p.classId));
          const lastGot = Math.max(-1, ...[...got].map((c) => choices.indexOf(c)));
          const passedOver = got.size === term.classesPerMember ? lastGot : choices.length;
          choices.forEach((classId, rank) => {
            const full = (takenSoFar.get(classId) ?? 0) >= (term.seats.get(classId) ?? 0);
            if (got.has(classId)) expect(full).toBe(false);
            else if (rank < passedOver) {
              expect(full).toBe(true);
              expect(waits.has(classId)).toBe(true);
            } else expect(waits.has(classId)).toBe(false);
          });
          expect([...got, ...waits].every((c) => choices.includes(c))).toBe(true);
          for (const classId of got) takenSoFar.set(classId, (takenSoFar.get(classId) ?? 0) + 1);
        }
      }),
      runs,
    );
  }, PROPERTY_TIMEOUT_MS);
});

describe('the lottery is fair (statistical, real SHA-256)', () => {
  it('admits each of n first-choosers of a class of k seats with frequency k/n over 2,000 draws', () => {
    // Fixed secret and public numbers 0..1999: the test is deterministic, and the bound (5 standard deviations
    // of a binomial) is wide enough that a fair draw would fail it with odds of about one in 1.7 million per
    // applicant, so a failure means a bias, not bad luck.
    const draws = 2000;
    const k = 3;
    const n = 10;
    const applications = Array.from({ length: n }, (_, i) => app(`member-${i}`, ['taichi']));
    const secret = sha256('enrolment draw fairness');
    const wins = new Map(applications.map((a) => [a.id, 0]));
    const firsts = new Map(applications.map((a) => [a.id, 0]));
    for (let i = 0; i < draws; i++) {
      const result = runDraw({ secret, publicNumber: String(i), applications, seats: seatsOf({ taichi: k }), classesPerMember: 1 }, sha256);
      for (const p of result.placements) if (p.status === 'admitted') wins.set(p.applicationId, wins.get(p.applicationId)! + 1);
      firsts.set(result.order[0]!, firsts.get(result.order[0]!)! + 1);
    }
    const within = (count: number, p: number) => Math.abs(count - draws * p) <= 5 * Math.sqrt(draws * p * (1 - p));
    for (const count of wins.values()) expect(within(count, k / n)).toBe(true);
    for (const count of firsts.values()) expect(within(count, 1 / n)).toBe(true);
    expect([...wins.values()].reduce((a, b) => a + b, 0)).toBe(draws * k);
  }, PROPERTY_TIMEOUT_MS);
});
