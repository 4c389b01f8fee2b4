import { describe, expect, it } from 'vitest';
import { movePick, possiblePicks, rankOf, samePicks, togglePick } from './choices.ts';

describe('picking ranked choices', () => {
  it('adds each touched class as the next choice, up to the most allowed', () => {
    let picks: string[] = [];
    for (const id of ['a', 'b', 'c', 'd']) picks = togglePick(picks, id, 3);
    expect(picks).toEqual(['a', 'b', 'c']);
    expect(rankOf(picks, 'b')).toBe(2);
    expect(rankOf(picks, 'd')).toBeNull();
  });

  it('takes a class out at a second touch; the later choices move up', () => {
    expect(togglePick(['a', 'b', 'c'], 'a', 3)).toEqual(['b', 'c']);
    expect(togglePick(['a', 'b', 'c'], 'c', 3)).toEqual(['a', 'b']);
  });

  it('moves a choice one place earlier or later, and not past either end', () => {
    expect(movePick(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(movePick(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(movePick(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(movePick(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
    expect(movePick(['a'], 5, -1)).toEqual(['a']);
  });

  it('never gives a list with a repeat or over the limit, whatever the touches', () => {
    const ids = ['a', 'b', 'c', 'd', 'e'];
    let picks: string[] = [];
    let seed = 7;
    for (let i = 0; i < 500; i += 1) {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      const id = ids[seed % ids.length]!;
      picks = seed % 3 === 0 ? movePick(picks, seed % 4, seed % 2 === 0 ? -1 : 1) : togglePick(picks, id, 3);
      expect(new Set(picks).size).toBe(picks.length);
      expect(picks.length).toBeLessThanOrEqual(3);
    }
  });

  it('brings back an earlier application without classes no longer possible, in its order', () => {
    expect(possiblePicks(['c', 'x', 'a', 'a'], new Set(['a', 'b', 'c']), 3)).toEqual(['c', 'a']);
    expect(possiblePicks(['a', 'b', 'c'], new Set(['a', 'b', 'c']), 2)).toEqual(['a', 'b']);
  });

  it('tells an unchanged list from a reordered one', () => {
    expect(samePicks(['a', 'b'], ['a', 'b'])).toBe(true);
    expect(samePicks(['a', 'b'], ['b', 'a'])).toBe(false);
    expect(samePicks(['a'], ['a', 'b'])).toBe(false);
  });
});
