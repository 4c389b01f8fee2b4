import { describe, expect, it } from 'vitest';
import type { DayBooking } from '../lib/checkin-types.ts';
import type { Room } from '../lib/types.ts';
import { occupancyRows, pageAt, paginate, wallLayout } from './occupancy.ts';

const room = (id: string, capacity: number): Room => ({ id, venueId: 'v1', name: `Room ${id}`, kind: 'classroom', capacity });
const booking = (id: string, roomId: string, start: string, end: string): DayBooking => ({
  id,
  roomId,
  start,
  end,
  title: `Class ${id}`,
  kind: 'class',
  status: 'confirmed',
  expectedCount: 28,
});

describe('occupancy rows', () => {
  const now = new Date('2026-11-29T07:00:00Z');
  const rooms = [room('a', 10), room('b', 10), room('c', 20), room('d', 0)];
  const headcount = {
    venueId: 'v1',
    total: 21,
    rooms: [
      { roomId: 'a', count: 9, capacity: 10, level: 'warning' as const },
      { roomId: 'b', count: 12, capacity: 10 },
    ],
  };
  const bookings = [
    booking('now', 'a', '2026-11-29T06:00:00Z', '2026-11-29T08:00:00Z'),
    booking('later', 'c', '2026-11-29T09:00:00Z', '2026-11-29T10:00:00Z'),
  ];

  it('puts counts against capacity with the level and the bar', () => {
    const rows = occupancyRows(rooms, headcount, bookings, now, 'Asia/Shanghai');
    expect(rows.map((r) => [r.roomId, r.count, r.level, r.fill])).toEqual([
      ['a', 9, 'warning', 0.9],
      ['b', 12, 'full', 1],
      ['c', 0, 'ok', 0],
      ['d', 0, 'ok', 0],
    ]);
  });

  it('names the activity on now, or the next one today', () => {
    const rows = occupancyRows(rooms, headcount, bookings, now, 'Asia/Shanghai');
    expect(rows[0]!.activity).toMatchObject({ title: 'Class now', now: true, expectedCount: 28 });
    expect(rows[2]!.activity).toMatchObject({ title: 'Class later', now: false });
    expect(rows[1]!.activity).toBeNull();
  });

  it('shows zeros before the first headcount arrives', () => {
    expect(occupancyRows(rooms, null, [], now, 'Asia/Shanghai').every((r) => r.count === 0)).toBe(true);
  });
});

describe('pages', () => {
  it('fits a whole centre on one screen, larger when there are fewer rooms', () => {
    expect(wallLayout(3)).toMatchObject({ columns: 1, perPage: 4 });
    expect(wallLayout(8)).toMatchObject({ columns: 2, rows: 4, perPage: 8 });
    expect(wallLayout(12)).toMatchObject({ columns: 3, rows: 4, perPage: 12 });
    expect(wallLayout(16)).toMatchObject({ columns: 3, rows: 6, perPage: 18 });
    expect(wallLayout(40)).toMatchObject({ rows: 6, perPage: 18 });
    expect(wallLayout(5)).toMatchObject({ columns: 2, rows: 3 });
    expect(wallLayout(0)).toMatchObject({ columns: 1, rows: 1 });
    expect(wallLayout(3).scale).toBeGreaterThan(wallLayout(16).scale);
  });

  it('splits more rooms than fit into pages and rotates every twelve seconds', () => {
    const items = Array.from({ length: 40 }, (_, i) => i);
    expect(paginate(items, 18).map((p) => p.length)).toEqual([18, 18, 4]);
    expect(paginate([], 18)).toEqual([[]]);
    expect(pageAt(new Date(0), 2)).toBe(0);
    expect(pageAt(new Date(12_000), 2)).toBe(1);
    expect(pageAt(new Date(24_000), 2)).toBe(0);
    expect(pageAt(new Date(99_000), 1)).toBe(0);
  });
});
