import { describe, expect, it } from 'vitest';
import { addChoice, isRetry, moveChoice, outcomes, removeChoice, submissionFor } from './desk-application.ts';
import { aClass, anApplication, aPlacement } from './testing.ts';
import { uuidFromBytes } from './uuid.ts';

describe('the desk application', () => {
  it('keeps the choices in order, each once, at most the term’s number', () => {
    let choices = addChoice([], 'c1', 2);
    choices = addChoice(choices, 'c2', 2);
    expect(addChoice(choices, 'c3', 2)).toEqual(['c1', 'c2']);
    expect(addChoice(['c1'], 'c1', 3)).toEqual(['c1']);
    expect(moveChoice(choices, 1, -1)).toEqual(['c2', 'c1']);
    expect(moveChoice(choices, 0, -1)).toEqual(['c1', 'c2']);
    expect(removeChoice(choices, 'c1')).toEqual(['c2']);
  });

  it('sends the same key again for a retry of the same submission, a new one for another', () => {
    let n = 0;
    const newKey = () => `k${++n}`;
    const first = submissionFor(null, 'm1', ['c1', 'c2'], newKey);
    expect(first.key).toBe('k1');
    expect(submissionFor(first, 'm1', ['c1', 'c2'], newKey)).toBe(first);
    expect(submissionFor(first, 'm1', ['c2', 'c1'], newKey).key).toBe('k2');
    expect(submissionFor(first, 'm2', ['c1', 'c2'], newKey).key).toBe('k3');
    expect(isRetry(first, 'm1', ['c1', 'c2'])).toBe(true);
    expect(isRetry(first, 'm1', ['c1'])).toBe(false);
    expect(isRetry(null, 'm1', ['c1', 'c2'])).toBe(false);
  });

  it('says what a first-come answer made, in the order of the choices', () => {
    const classes = [aClass('c1', { name: '书法一班' }), aClass('c2', { name: '国画一班' })];
    const application = anApplication('a1', '张晓华', '1', ['c1', 'c2']);
    expect(
      outcomes(
        {
          application,
          placements: [aPlacement('p2', { classId: 'c2', status: 'waitlisted', position: 3 }), aPlacement('p1', { classId: 'c1', status: 'admitted' })],
        },
        classes,
      ),
    ).toEqual([
      { kind: 'admitted', className: '书法一班' },
      { kind: 'waitlisted', className: '国画一班', position: 3 },
    ]);
    expect(outcomes({ application }, classes)).toEqual([{ kind: 'registered', classNames: ['书法一班', '国画一班'] }]);
  });

  it('makes version-4 UUIDs from random bytes', () => {
    const key = uuidFromBytes(new Uint8Array(16).fill(255));
    expect(key).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
