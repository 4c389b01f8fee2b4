import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { runDraw } from '../../server/shared/enrolment-draw.ts';
import { checkDraw } from './draw-check.ts';
import { drawClasses, hashGroups } from './draw-view.ts';
import { aClass, anApplication } from './testing.ts';
import type { DrawViewDto } from './types.ts';

const sha = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const SECRET = sha('a secret for the tests');

/** A real draw of five applications for two classes of two seats, one seat a member. */
function aDraw(publicNumber = '483920'): DrawViewDto {
  const applications = [
    { id: 'a1', choices: ['c1', 'c2'], tier: 1 as const },
    { id: 'a2', choices: ['c1'], tier: 1 as const },
    { id: 'a3', choices: ['c1', 'c2'], tier: 1 as const },
    { id: 'a4', choices: ['c2', 'c1'], tier: 1 as const },
    { id: 'a5', choices: ['c1'], tier: 1 as const },
  ];
  const seats = [
    { classId: 'c1', seats: 2 },
    { classId: 'c2', seats: 2 },
  ];
  const result = runDraw({ secret: SECRET, publicNumber, applications, seats: new Map(seats.map((s) => [s.classId, s.seats])), classesPerMember: 1 }, sha);
  return {
    draw: {
      termId: 't1',
      round: 1,
      secret: SECRET,
      seedHash: sha(SECRET),
      publicNumber,
      seed: result.seed,
      order: result.order,
      classesPerMember: 1,
      priorityCategories: [],
      applications,
      seats,
      drawnAt: '2027-02-21T02:00:00.000Z',
    },
    placements: result.placements,
  };
}

const classes = [aClass('c1', { name: '书法一班' }), aClass('c2', { name: '国画一班' }), aClass('c3', { name: '没有人报的班' })];
const applications = [
  anApplication('a1', '张晓华', '0001001', ['c1', 'c2']),
  anApplication('a2', '李明', '0001002', ['c1']),
  anApplication('a3', '欧阳晓明', null, ['c1', 'c2']),
  anApplication('a4', '王芳', '0001004', ['c2', 'c1']),
  anApplication('a5', '赵敏', '0001005', ['c1']),
];

describe('the draw on the projector', () => {
  it('lists each drawn class: seats in draw order, the waiting list by place, names masked', () => {
    const view = aDraw();
    const shown = drawClasses(view, classes, applications);
    expect(shown.map((c) => c.name)).toEqual(['书法一班', '国画一班']);
    const c1 = shown[0]!;
    expect(c1.admitted).toHaveLength(2);
    const firstTwo = view.draw.order.filter((id) => view.placements.some((p) => p.applicationId === id && p.classId === 'c1' && p.status === 'admitted'));
    expect(c1.admitted.map((p) => p.applicationId)).toEqual(firstTwo);
    expect(c1.waiting.map((p) => p.position)).toEqual(c1.waiting.map((_, i) => i + 1));
    const everyone = shown.flatMap((c) => [...c.admitted, ...c.waiting]);
    expect(everyone.find((p) => p.applicationId === 'a1')).toMatchObject({ name: '张*华', tail: '1001' });
    expect(everyone.find((p) => p.applicationId === 'a3')).toMatchObject({ name: '欧**明', tail: null });
    // Nobody's full name reaches the screen.
    expect(JSON.stringify(shown)).not.toMatch(/张晓华|李明|王芳|赵敏|欧阳晓明/);
  });

  it('still shows who is where when the names could not be loaded', () => {
    const shown = drawClasses(aDraw(), classes, []);
    expect(shown[0]!.admitted[0]!.name).toMatch(/^#a\d$/);
  });

  it('checks the commitment and recomputes the result', async () => {
    const asyncSha = async (text: string) => sha(text);
    expect(await checkDraw(aDraw(), asyncSha)).toEqual({ commitment: true, result: true });
    const tampered = aDraw();
    tampered.placements = tampered.placements.map((p, i) => (i === 0 ? { ...p, status: p.status === 'admitted' ? 'waitlisted' : 'admitted' } : p));
    expect(await checkDraw(tampered, asyncSha)).toEqual({ commitment: true, result: false });
    const otherSecret = aDraw();
    otherSecret.draw = { ...otherSecret.draw, seedHash: sha('another') };
    expect((await checkDraw(otherSecret, asyncSha)).commitment).toBe(false);
  });

  it('writes a hash in groups for reading aloud', () => {
    expect(hashGroups('0123456789abcdef')).toEqual(['01234567', '89abcdef']);
  });
});
