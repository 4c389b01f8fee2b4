import { describe, expect, it } from 'vitest';
import { forgetRecent, readRecent, RECENT_KEY, RECENT_LIMIT, rememberRecent, writeRecent, type RecentTournament } from './recent.ts';

function memoryStore(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  return { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v), data };
}

const entry = (id: string, name = id): RecentTournament => ({ id, name, venueId: 'v', sport: 'table_tennis', openedAt: '2026-12-01T01:00:00Z' });

describe('recent tournaments', () => {
  it('puts the last opened first without duplicates, up to the limit', () => {
    let list: RecentTournament[] = [];
    list = rememberRecent(list, entry('a'));
    list = rememberRecent(list, entry('b'));
    list = rememberRecent(list, entry('a', 'renamed'));
    expect(list.map((r) => [r.id, r.name])).toEqual([['a', 'renamed'], ['b', 'b']]);
    for (let i = 0; i < RECENT_LIMIT + 5; i++) list = rememberRecent(list, entry(`x${i}`));
    expect(list).toHaveLength(RECENT_LIMIT);
    expect(list[0]!.id).toBe(`x${RECENT_LIMIT + 4}`);
    expect(forgetRecent(list, list[0]!.id)).toHaveLength(RECENT_LIMIT - 1);
  });

  it('round-trips through storage and survives junk', () => {
    const store = memoryStore();
    writeRecent(store, [entry('a')]);
    expect(readRecent(store)).toEqual([entry('a')]);
    expect(readRecent(memoryStore({ [RECENT_KEY]: '{not json' }))).toEqual([]);
    expect(readRecent(memoryStore({ [RECENT_KEY]: JSON.stringify([{ id: 1 }, entry('b')]) }))).toEqual([entry('b')]);
    expect(readRecent(null)).toEqual([]);
    const broken = { getItem: () => null, setItem: () => { throw new Error('full'); } };
    expect(() => writeRecent(broken, [entry('a')])).not.toThrow();
  });
});
