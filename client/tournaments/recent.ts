/**
 * Tournaments this browser created or opened, newest first, kept in localStorage. The list page shows them
 * beside the venue's list from the server, and is all there is when the server cannot list (older servers
 * have no `GET /api/tournaments?venueId=`).
 */

export interface RecentTournament {
  id: string;
  name: string;
  venueId: string;
  sport: string;
  /** ISO instant of the last time it was opened here. */
  openedAt: string;
}

export const RECENT_KEY = 'centre-ops.recentTournaments';
export const RECENT_LIMIT = 30;

/** The storage this needs (localStorage, or a stand-in in tests). */
export type KeyValueStore = Pick<Storage, 'getItem' | 'setItem'>;

function isRecent(value: unknown): value is RecentTournament {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as Record<string, unknown>;
  return typeof r.id === 'string' && typeof r.name === 'string' && typeof r.venueId === 'string' &&
    typeof r.sport === 'string' && typeof r.openedAt === 'string';
}

export function readRecent(store: KeyValueStore | null | undefined): RecentTournament[] {
  try {
    const parsed: unknown = JSON.parse(store?.getItem(RECENT_KEY) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter(isRecent) : [];
  } catch {
    return [];
  }
}

/** Puts `entry` first (replacing an older entry of the same id) and keeps the newest `RECENT_LIMIT`. */
export function rememberRecent(list: readonly RecentTournament[], entry: RecentTournament): RecentTournament[] {
  return [entry, ...list.filter((r) => r.id !== entry.id)].slice(0, RECENT_LIMIT);
}

export function forgetRecent(list: readonly RecentTournament[], id: string): RecentTournament[] {
  return list.filter((r) => r.id !== id);
}

export function writeRecent(store: KeyValueStore | null | undefined, list: readonly RecentTournament[]): void {
  try {
    store?.setItem(RECENT_KEY, JSON.stringify(list));
  } catch {
    // Private mode or a full disk: the list is a convenience.
  }
}

/** The browser's localStorage when there is one. */
export function browserStore(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}
