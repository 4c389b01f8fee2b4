import { describe, expect, it } from 'vitest';
import { stripRooms } from './room-strip.ts';

const rooms = Array.from({ length: 15 }, (_, i) => ({ id: `r${i + 1}` }));

describe('the welcome screen strip of rooms', () => {
  it('names every room of a small centre', () => {
    const strip = stripRooms(rooms.slice(0, 6), new Map(), 8);
    expect(strip.shown.map((r) => r.id)).toEqual(['r1', 'r2', 'r3', 'r4', 'r5', 'r6']);
    expect(strip.others).toBe(0);
  });

  it('names rooms with people first, keeps the usual order, and sums up the rest', () => {
    const counts = new Map([
      ['r12', { count: 4 }],
      ['r3', { count: 1 }],
      ['r15', { count: 0, level: 'full' }],
      ['r9', { count: 2 }],
    ]);
    const strip = stripRooms(rooms, counts, 8);
    expect(strip.shown.map((r) => r.id)).toEqual(['r1', 'r2', 'r3', 'r4', 'r9', 'r12', 'r15']);
    expect(strip.others).toBe(8);
    expect(strip.othersCount).toBe(0);
  });

  it('counts the people of the rooms it cannot name', () => {
    const counts = new Map(rooms.map((r, i) => [r.id, { count: i + 1 }]));
    const strip = stripRooms(rooms, counts, 8);
    expect(strip.shown).toHaveLength(7);
    expect(strip.others).toBe(8);
    expect(strip.othersCount).toBe([8, 9, 10, 11, 12, 13, 14, 15].reduce((a, b) => a + b, 0));
  });
});
