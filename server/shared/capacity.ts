/**
 * How full a room is, the one definition of the rule: `full` at its capacity, `warning` from
 * CAPACITY_WARNING_PERCENT of it, else `ok`. The apps run it for screens that know only a count and a
 * capacity; the server's headcounts are computed in the database by `capacity_level`
 * (server/db/functions/capacity_level.sql), into whose text this file's percentage is written when it is
 * applied, and a test compares the two over a grid of counts and capacities.
 */

export const CAPACITY_LEVELS = ['ok', 'warning', 'full'] as const;
export type CapacityLevel = (typeof CAPACITY_LEVELS)[number];

/** A room is nearly full (`warning`) from this share of its capacity, in whole percent. */
export const CAPACITY_WARNING_PERCENT = 90;

/** The level of a room with `count` people in it; a room without a capacity is never full. */
export function capacityLevel(count: number, capacity: number): CapacityLevel {
  if (capacity <= 0) return 'ok';
  if (count >= capacity) return 'full';
  // Whole numbers on both sides, as in SQL: no rounding of a share.
  return count * 100 >= capacity * CAPACITY_WARNING_PERCENT ? 'warning' : 'ok';
}
