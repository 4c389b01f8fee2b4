/**
 * The order of play: every match that will be played, by time then court, and what a court plays now and next
 * (the referee's "next match on court N").
 */
import type { Match } from './types.ts';

/** What the order needs of a match; the hall screens' matches have it too (they number matches the same way). */
export interface PlayOrderFields {
  status: string;
  scheduledAt: string | null;
  roomId: string | null;
  stage: string;
  round: number;
  group: string | null;
  number: number;
}

const time = (m: PlayOrderFields): number => (m.scheduledAt ? new Date(m.scheduledAt).getTime() : Number.POSITIVE_INFINITY);

const STAGE_ORDER: Record<string, number> = { group: 0, round_robin: 0, winners: 1, knockout: 1, losers: 2, grand_final: 3 };

/** Matches that are or will be played (byes and matches never played left out), in playing order. */
export function orderOfPlay<M extends PlayOrderFields>(matches: readonly M[], roomIds: readonly string[] = []): M[] {
  const roomIndex = (m: M) => (m.roomId ? (roomIds.indexOf(m.roomId) + 1 || roomIds.length + 1) : roomIds.length + 2);
  return matches
    .filter((m) => m.status !== 'bye')
    .sort((a, b) =>
      time(a) - time(b) ||
      roomIndex(a) - roomIndex(b) ||
      (STAGE_ORDER[a.stage] ?? 9) - (STAGE_ORDER[b.stage] ?? 9) ||
      a.round - b.round ||
      (a.group ?? '').localeCompare(b.group ?? '') ||
      a.number - b.number);
}

/** A court's match in play (or the one to call next) and the one after it. */
export function courtQueue(matches: readonly Match[], roomId: string): { now: Match | null; next: Match | null } {
  const mine = orderOfPlay(matches.filter((m) => m.roomId === roomId));
  const live = mine.find((m) => m.status === 'live') ?? null;
  const open = mine.filter((m) => m.status === 'ready' || m.status === 'waiting');
  if (live) return { now: live, next: open[0] ?? null };
  return { now: open[0] ?? null, next: open[1] ?? null };
}

/** The match a referee on this court should open: the one in play, else the first ready one. */
export function nextMatchOnCourt(matches: readonly Match[], roomId: string): Match | null {
  const mine = orderOfPlay(matches.filter((m) => m.roomId === roomId));
  return mine.find((m) => m.status === 'live') ?? mine.find((m) => m.status === 'ready') ?? null;
}

/** Matches whose stored result a correction upstream has made impossible: the referee must enter them again. */
export const flaggedMatches = (matches: readonly Match[]): Match[] => matches.filter((m) => m.flag !== null);
