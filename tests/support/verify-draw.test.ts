/**
 * The outside verifiers of docs/rules.md "Enrolment draw" (verify-draw.ts, and the copy printed in the docs, run
 * as the reader would run it) accept what the draw code produces and reject a tampered draw.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { runDraw, type DrawApplication } from '../../server/shared/enrolment-draw.ts';
import { propertyRuns } from './property-runs.ts';
import { verifyDraw, type PublishedDraw } from './verify-draw.ts';

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/** A term of `classes` classes and `applicants` applicants, its choices and seats spread by a seeded PRNG. */
function publishedDraw(build: number, classes: number, applicants: number, classesPerMember: number, publicNumber = '483920'): PublishedDraw {
  let state = build >>> 0;
  const random = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };
  const classIds = Array.from({ length: classes }, (_, i) => `class-${i}`);
  const seats = classIds.map((classId) => ({ classId, seats: Math.floor(random() * 6) }));
  const applications = Array.from({ length: applicants }, (_, i): DrawApplication & { choices: string[] } => {
    const choices = new Set<string>();
    const wanted = Math.floor(random() * (Math.min(4, classes) + 1));
    while (choices.size < wanted) choices.add(classIds[Math.floor(random() * classes)]!);
    return { id: `app-${i}`, choices: [...choices], tier: random() < 0.2 ? 0 : 1 };
  });
  const secret = sha256(`secret ${build}`);
  const input = { secret, publicNumber, applications, seats: new Map(seats.map((s) => [s.classId, s.seats])), classesPerMember };
  const { seed, order, placements } = runDraw(input, sha256);
  return { secret, seedHash: sha256(secret), publicNumber, seed, order, classesPerMember, applications, seats, placements };
}

const draw = publishedDraw(7, 12, 80, 2);
const copy = (): PublishedDraw => structuredClone(draw);

/** The ways a published draw might be tampered with, each of which both verifiers must catch. */
const tampered: Record<string, () => PublishedDraw> = {
  'two applicants swapped in the order': () => {
    const d = copy();
    [d.order[3], d.order[4]] = [d.order[4]!, d.order[3]!];
    return d;
  },
  'a class given one more seat': () => {
    const d = copy();
    const full = d.placements.find((p) => p.status === 'waitlisted')!.classId;
    d.seats.find((s) => s.classId === full)!.seats += 1;
    return d;
  },
  'another public number': () => {
    const d = copy();
    d.publicNumber = '483921';
    return d;
  },
  'a seat moved to someone on the waiting list': () => {
    const d = copy();
    const held = (classId: string) => d.placements.findLast((p) => p.status === 'admitted' && p.classId === classId);
    const waiter = d.placements.find((p) => p.status === 'waitlisted' && p.position === 1 && held(p.classId))!;
    const holder = held(waiter.classId)!;
    [waiter.applicationId, holder.applicationId] = [holder.applicationId, waiter.applicationId];
    return d;
  },
  'a placement dropped': () => {
    const d = copy();
    d.placements.splice(5, 1);
    return d;
  },
  'another secret with its own seedHash, the rest kept': () => {
    const d = copy();
    d.secret = sha256('another secret');
    d.seedHash = sha256(d.secret);
    return d;
  },
};

describe('verifyDraw', () => {
  it('accepts a draw made by runDraw, extra fields and any order of placements included', () => {
    expect(draw.placements.some((p) => p.status === 'waitlisted')).toBe(true);
    expect(verifyDraw(draw)).toEqual({ ok: true });
    const d = { ...copy(), termId: 'term-1', drawnAt: '2025-09-01T02:00:00Z' };
    d.placements.reverse();
    expect(verifyDraw(d)).toEqual({ ok: true });
  });

  for (const [name, make] of Object.entries(tampered)) {
    it(`rejects a draw with ${name}`, () => {
      const verdict = verifyDraw(make());
      expect(verdict.ok).toBe(false);
      if (!verdict.ok) expect(verdict.problems.length).toBeGreaterThan(0);
    });
  }

  it('names what is wrong', () => {
    const d = copy();
    d.seedHash = sha256('x');
    expect(verifyDraw(d)).toEqual({ ok: false, problems: ['seedHash is not sha256(secret)'] });
  });

  it('agrees with runDraw on random terms (property)', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 1, max: 10 }), fc.integer({ min: 0, max: 60 }), fc.integer({ min: 1, max: 3 }), (build, classes, applicants, perMember) => {
        expect(verifyDraw(publishedDraw(build, classes, applicants, perMember))).toEqual({ ok: true });
      }),
      { numRuns: propertyRuns(200) },
    );
  });
});

describe('the verifier printed in docs/rules.md', () => {
  const rules = readFileSync(path.resolve(import.meta.dirname, '../../docs/rules.md'), 'utf8');
  const section = rules.slice(rules.indexOf('## Enrolment draw'));
  const code = /```js\n([\s\S]*?)```/.exec(section)?.[1] ?? '';
  const dir = mkdtempSync(path.join(tmpdir(), 'verify-draw-'));
  const script = path.join(dir, 'verify-draw.mjs');
  writeFileSync(script, code);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** What the script prints for a draw, and whether it exits with 0. */
  function run(d: PublishedDraw): { out: string; ok: boolean } {
    const file = path.join(dir, 'draw.json');
    writeFileSync(file, JSON.stringify(d));
    const result = spawnSync(process.execPath, [script, file], { encoding: 'utf8' });
    return { out: result.stdout.trim() + result.stderr.trim(), ok: result.status === 0 };
  }

  it('is short enough to copy and accepts a draw made by runDraw', () => {
    expect(code.split('\n').length).toBeLessThan(40);
    expect(run(draw)).toEqual({ out: 'ok', ok: true });
  });

  it('rejects every tampered draw', () => {
    for (const [name, make] of Object.entries(tampered)) expect(run(make()).ok, name).toBe(false);
  });
});
