/**
 * A class's weekly sessions clashing with the calendar usually clash with the same booking every week: the
 * refusal lists each clash (an 18-week class against another gives 18). The form shows them grouped, one line
 * per booking in the way, with its first clash and how many sessions it takes.
 */
import type { BookingConflict } from '../lib/types.ts';

export interface ClashGroup {
  /** The first clash with this booking (the earliest). */
  first: BookingConflict;
  count: number;
}

export function groupClashes(conflicts: readonly BookingConflict[]): ClashGroup[] {
  const groups = new Map<string, ClashGroup>();
  const sorted = [...conflicts].sort((a, b) => a.start.localeCompare(b.start));
  for (const c of sorted) {
    // A series' occurrences have their own ids: the title and room name what is in the way.
    const key = `${c.title}\u0000${c.roomId}`;
    const group = groups.get(key);
    if (group) group.count += 1;
    else groups.set(key, { first: c, count: 1 });
  }
  return [...groups.values()];
}
