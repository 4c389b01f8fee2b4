/**
 * The occupancy wall's rows, as pure functions: per room the people in it now against its capacity, the
 * warning level (the server's, else the same 90 % / 100 % rule), and the activity it has now (or next today);
 * and the pages the rooms are split into when they do not all fit one screen.
 */
import type { CapacityLevel } from '../../server/shared/capacity.ts';
import type { DayBooking, Headcount } from '../lib/checkin-types.ts';
import { capacityLevel, roomActivity } from '../lib/today.ts';
import type { Room } from '../lib/types.ts';

export interface OccupancyRow {
  roomId: string;
  name: string;
  count: number;
  capacity: number;
  level: CapacityLevel;
  /** Share of the bar to fill, 0..1 (a room over capacity shows full). */
  fill: number;
  activity: { title: string; start: string; end: string; expectedCount: number | null; now: boolean } | null;
}

export function occupancyRows(
  rooms: readonly Room[],
  headcount: Headcount | null,
  bookings: readonly DayBooking[],
  now: Date,
  timeZone: string,
): OccupancyRow[] {
  const counts = new Map((headcount?.rooms ?? []).map((r) => [r.roomId, r]));
  return rooms.map((room) => {
    const counted = counts.get(room.id);
    const count = counted?.count ?? 0;
    const capacity = counted?.capacity || room.capacity;
    const found = roomActivity(room.id, bookings, now, timeZone);
    return {
      roomId: room.id,
      name: room.name,
      count,
      capacity,
      level: counted?.level ?? capacityLevel(count, capacity),
      fill: capacity > 0 ? Math.min(1, count / capacity) : 0,
      activity: found
        ? {
            title: found.booking.title,
            start: found.booking.start,
            end: found.booking.end,
            expectedCount: found.booking.expectedCount,
            now: found.now,
          }
        : null,
    };
  });
}

export interface WallLayout {
  columns: number;
  rows: number;
  /** Rooms on one screen; more than that rotate in pages. */
  perPage: number;
  /** Type size of a room tile relative to the largest tier. */
  scale: number;
}

/**
 * How the rooms share a 16:9 screen: as large as their number allows, so that a whole centre (15–18 rooms)
 * is on one screen and a member finds their room without waiting for a page; beyond 18 rooms, pages of 18
 * rotate (`pageAt`). The counts stay the largest thing on every tier.
 */
export function wallLayout(rooms: number): WallLayout {
  const tier =
    rooms <= 4
      ? { columns: 1, rows: 4, scale: 1.25 }
      : rooms <= 8
        ? { columns: 2, rows: 4, scale: 1 }
        : rooms <= 12
          ? { columns: 3, rows: 4, scale: 0.9 }
          : { columns: 3, rows: 6, scale: 0.8 };
  // Balanced columns (5 rooms: 3 + 2, not 4 + 1).
  const rows = Math.max(1, Math.min(tier.rows, Math.ceil(rooms / tier.columns)));
  return { ...tier, rows, perPage: tier.columns * tier.rows };
}

export const PAGE_SECONDS = 12;

export function paginate<T>(items: readonly T[], perPage: number): T[][] {
  if (items.length === 0) return [[]];
  const pages: T[][] = [];
  for (let i = 0; i < items.length; i += perPage) pages.push(items.slice(i, i + perPage));
  return pages;
}

/** Which page to show at a moment: every page in turn, `seconds` each, the same on every screen. */
export function pageAt(now: Date, pages: number, seconds = PAGE_SECONDS): number {
  if (pages <= 1) return 0;
  return Math.floor(now.getTime() / 1000 / seconds) % pages;
}
