import { describe, expect, it } from 'vitest';
import { addChoice, keepChoosable, moveChoice, rankOf, removeChoice, sameChoices } from './choices.ts';
import { applicationSignature, SubmissionKey } from './submission.ts';

describe('choosing classes in order', () => {
  it('adds at the end up to the term’s number of choices, never twice', () => {
    let choices = addChoice([], 'calligraphy', 3);
    choices = addChoice(choices, 'piano', 3);
    choices = addChoice(choices, 'calligraphy', 3);
    expect(choices).toEqual(['calligraphy', 'piano']);
    choices = addChoice(choices, 'taichi', 3);
    expect(addChoice(choices, 'dance', 3)).toEqual(['calligraphy', 'piano', 'taichi']);
    expect(rankOf(choices, 'piano')).toBe(2);
    expect(rankOf(choices, 'dance')).toBeNull();
  });

  it('moves a choice up or down one place, staying put at either end', () => {
    const choices = ['a', 'b', 'c'];
    expect(moveChoice(choices, 'b', -1)).toEqual(['b', 'a', 'c']);
    expect(moveChoice(choices, 'b', 1)).toEqual(['a', 'c', 'b']);
    expect(moveChoice(choices, 'a', -1)).toEqual(['a', 'b', 'c']);
    expect(moveChoice(choices, 'c', 1)).toEqual(['a', 'b', 'c']);
    expect(moveChoice(choices, 'x', 1)).toEqual(['a', 'b', 'c']);
    expect(choices).toEqual(['a', 'b', 'c']);
  });

  it('removes a choice and the ones after move up; keeps only classes still open to the member', () => {
    expect(removeChoice(['a', 'b', 'c'], 'a')).toEqual(['b', 'c']);
    expect(keepChoosable(['a', 'b', 'c'], new Set(['c', 'a']))).toEqual(['a', 'c']);
    expect(sameChoices(['a', 'b'], ['a', 'b'])).toBe(true);
    expect(sameChoices(['a', 'b'], ['b', 'a'])).toBe(false);
  });
});

describe('the Idempotency-Key of a submission', () => {
  const counter = () => {
    let n = 0;
    return () => `key-${++n}`;
  };

  it('stays the same across retries of the same choices, and changes with the choices or after success', () => {
    const keys = new SubmissionKey(counter());
    const first = applicationSignature('term', ['a', 'b']);
    expect(keys.keyFor(first)).toBe('key-1');
    expect(keys.keyFor(first)).toBe('key-1'); // the answer was lost: send again with the same key
    expect(keys.keyFor(applicationSignature('term', ['b', 'a']))).toBe('key-2'); // the order is part of it
    keys.done();
    expect(keys.keyFor(applicationSignature('term', ['b', 'a']))).toBe('key-3');
  });
});
