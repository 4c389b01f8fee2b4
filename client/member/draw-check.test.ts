import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { DrawViewDto } from '../../server/modules/enrolment/schemas.ts';
import { runDraw } from '../../server/shared/enrolment-draw.ts';
import { checkDraw } from './draw-check.ts';
import { sha256Hex } from './sha256.ts';

const sha = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const A = id(901);
const B = id(902);

/** A draw as GET /api/terms/:termId/draw publishes it: 12 applications for two classes of 3 and 2 seats. */
function published(): DrawViewDto {
  const secret = sha('a secret of the term');
  const applications = Array.from({ length: 12 }, (_, i) => ({
    id: id(i + 1),
    choices: i % 3 === 0 ? [B, A] : [A, B],
    tier: (i < 2 ? 0 : 1) as 0 | 1,
  }));
  const seats = [
    { classId: A, seats: 3 },
    { classId: B, seats: 2 },
  ];
  const publicNumber = '0483920';
  const result = runDraw({ secret, publicNumber, applications, seats: new Map(seats.map((s) => [s.classId, s.seats])), classesPerMember: 1 }, sha);
  return {
    draw: {
      termId: id(900),
      round: 1,
      secret,
      seedHash: sha(secret),
      publicNumber,
      seed: result.seed,
      order: result.order,
      classesPerMember: 1,
      priorityCategories: ['veteran'],
      applications,
      seats,
      drawnAt: '2027-02-20T02:00:00.000Z',
    },
    placements: result.placements,
  };
}

// The browser's way (crypto.subtle where present, else the plain one), as the page runs it.
const check = (view: DrawViewDto) => checkDraw(view, (text) => sha256Hex(text));

describe('checking a published draw in the browser', () => {
  it('says a faithful publication is verified, with the counts of its result', async () => {
    const result = await check(published());
    expect(result.problems).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.seedHash).toBe(published().draw.seedHash);
    expect(result.applications).toBe(12);
    expect(result.admitted).toBe(5);
    expect(result.waitlisted).toBeGreaterThan(0);
  });

  it('gives the same verdict with the plain SHA-256 an insecure page uses', async () => {
    expect((await checkDraw(published(), (text) => sha256Hex(text, null))).ok).toBe(true);
  });

  it('names a secret that is not the one committed to before the term opened', async () => {
    const view = published();
    view.draw.secret = sha('another secret');
    const result = await check(view);
    expect(result.ok).toBe(false);
    expect(result.problems.map((p) => p.kind)).toContain('seedHash');
    // With another secret the seed differs too, and so (almost surely) the order.
    expect(result.problems.map((p) => p.kind)).toContain('seed');
  });

  it('names a public number that is not the one the seed was made from', async () => {
    const view = published();
    view.draw.publicNumber = '483920'; // the leading zero matters: the number is text
    const result = await check(view);
    expect(result.problems[0]).toEqual({ kind: 'seed', computed: expect.stringMatching(/^[0-9a-f]{64}$/) });
  });

  it('names the first place where the published order differs', async () => {
    const view = published();
    [view.draw.order[3], view.draw.order[4]] = [view.draw.order[4]!, view.draw.order[3]!];
    const result = await check(view);
    expect(result.problems).toEqual([{ kind: 'order', firstDifference: 4 }]);
  });

  it('counts placements the rules do not give and ones left out, a duplicate included', async () => {
    const view = published();
    const first = view.placements[0]!;
    view.placements[0] = { ...first, status: 'waitlisted', position: 9 };
    view.placements.push(view.placements[1]!);
    const result = await check(view);
    expect(result.problems).toEqual([{ kind: 'placements', missing: 1, extra: 2 }]);
  });

  it('stops at a secret that is not 64 lower-case hex characters', async () => {
    const view = published();
    view.draw.secret = view.draw.secret.toUpperCase();
    expect(await check(view)).toMatchObject({ ok: false, problems: [{ kind: 'secretFormat' }], seed: '' });
  });
});
