/**
 * Which rooms the welcome screen's strip names. A city centre has fifteen rooms or more; all of them wrapped
 * past the bottom of a 1280×800 kiosk (and hid its connection badge). So the strip names at most a handful:
 * rooms with people in them first, then the others in their usual order, and one "其他 N 个活动室" for the rest.
 */
export const STRIP_MAX = 8;

interface Room {
  id: string;
}
interface Count {
  count: number;
  level?: string;
}

export interface Strip<R extends Room> {
  /** In the venue's own room order. */
  shown: R[];
  others: number;
  /** People in the rooms not shown. */
  othersCount: number;
}

export function stripRooms<R extends Room>(rooms: readonly R[], counts: ReadonlyMap<string, Count>, max: number): Strip<R> {
  if (rooms.length <= max) return { shown: [...rooms], others: 0, othersCount: 0 };
  // Room for max - 1: the last place goes to the "others" entry.
  const room = max - 1;
  const busy = rooms.filter((r) => (counts.get(r.id)?.count ?? 0) > 0 || counts.get(r.id)?.level === 'full' || counts.get(r.id)?.level === 'warning');
  const keep = new Set(busy.slice(0, room).map((r) => r.id));
  for (const r of rooms) {
    if (keep.size >= room) break;
    keep.add(r.id);
  }
  const shown = rooms.filter((r) => keep.has(r.id));
  const rest = rooms.filter((r) => !keep.has(r.id));
  return { shown, others: rest.length, othersCount: rest.reduce((sum, r) => sum + (counts.get(r.id)?.count ?? 0), 0) };
}
