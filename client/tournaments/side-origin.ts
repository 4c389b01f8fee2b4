/**
 * Where a side's player comes from while nobody is there yet ("A组第1名", "第5场胜者", "第3场负者"), for the
 * coordinator's bracket and order of play and the hall screens' bracket. The draw says it as `from` on each
 * side (in `GET /api/tournaments/:id` only, never in a match's event): a group place, or the winner or loser of
 * an earlier match named by its key. People do not read keys, so an earlier match is named by its number in
 * the order of play (1, 2, 3 … as the order of play and the match boxes show it); the coordinator app and the
 * hall screens count it the same way (`matchNumbers`).
 */
import { orderOfPlay, type PlayOrderFields } from './order-of-play.ts';

export type SideOrigin =
  | { kind: 'winner' | 'loser'; key: string }
  | { kind: 'group_place'; group: string; place: number };

/** What stands in for a missing player: a group place, or an earlier match's winner or loser by its number. */
export type OriginLabel =
  /** `lot`: the place is decided by a lot not drawn yet ("待抽签"): nobody is guessed there. */
  | { kind: 'group_place'; group: string; place: number; lot?: boolean }
  /** `number` is `null` when the match is not in the order of play (a bye): the key names it then. */
  | { kind: 'winner' | 'loser'; number: number | null; key: string };

interface SideLike {
  participantId: string | null;
  from?: unknown;
  bye?: boolean | undefined;
  /** A group place waiting for a draw by lot (`markAwaitingLots`). */
  awaitingLot?: boolean | undefined;
}

interface MatchLike {
  key: string;
  status: string;
  sides: readonly SideLike[];
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/** Reads a side's `from` (typed `unknown` on the wire); `null` for anything else. */
export function readOrigin(from: unknown): SideOrigin | null {
  if (!isObject(from)) return null;
  if ((from.kind === 'winner' || from.kind === 'loser') && typeof from.key === 'string') return { kind: from.kind, key: from.key };
  if (from.kind === 'group_place' && typeof from.group === 'string' && typeof from.place === 'number') {
    return { kind: 'group_place', group: from.group, place: from.place };
  }
  return null;
}

/** Each played match's number in the order of play (from 1), by key. */
export function matchNumbers(matches: readonly (PlayOrderFields & { key: string })[], roomIds: readonly string[] = []): Map<string, number> {
  return new Map(orderOfPlay(matches, roomIds).map((m, i) => [m.key, i + 1]));
}

/** What to show for side `side` of `match`; `null` when it has its player, is a bye, or its origin is not known. */
export function originOf(match: MatchLike, side: 0 | 1, numbers: ReadonlyMap<string, number>): OriginLabel | null {
  const s = match.sides[side];
  if (!s || s.participantId !== null || s.bye || match.status === 'bye') return null;
  const origin = readOrigin(s.from);
  if (!origin) return null;
  if (origin.kind === 'group_place') return s.awaitingLot ? { ...origin, lot: true } : origin;
  return { kind: origin.kind, key: origin.key, number: numbers.get(origin.key) ?? null };
}

/**
 * A newer copy of a match (an event, a write's answer) does not say where its sides come from; that never
 * changes after the draw, so it keeps what the loaded copy said.
 */
export function keepOrigins<M extends { sides: readonly SideLike[] }>(current: M, next: M): M {
  if (!current.sides.some((s) => s.from !== undefined || s.bye !== undefined)) return next;
  const sides = next.sides.map((side, i) => {
    const known = current.sides[i];
    return {
      ...side,
      ...(side.from === undefined && known?.from !== undefined ? { from: known.from } : {}),
      ...(side.bye === undefined && known?.bye !== undefined ? { bye: known.bye } : {}),
    };
  });
  return { ...next, sides };
}

interface LotStandings {
  group: string | null;
  rows: ReadonlyArray<{ rank: number; byLot?: unknown; lotDrawn?: unknown }>;
}

/**
 * Marks the waiting sides whose group place a lot decides that staff have not drawn yet (`awaitingLot`), from
 * the standings (which every change of a group sends). The server never places a guessed player there; the
 * screens say "待抽签" instead of "A组第1名" until the draw is recorded.
 */
export function markAwaitingLots<M extends { sides: readonly SideLike[] }>(matches: readonly M[], standings: readonly LotStandings[]): M[] {
  const awaiting = (group: string, place: number): boolean => {
    const row = standings.find((s) => s.group === group)?.rows.find((r) => r.rank === place);
    return row?.byLot === true && row.lotDrawn !== true;
  };
  let any = false;
  const marked = matches.map((m) => {
    let changed = false;
    const sides = m.sides.map((side) => {
      const origin = readOrigin(side.from);
      const want = side.participantId === null && origin?.kind === 'group_place' && awaiting(origin.group, origin.place);
      if (want === (side.awaitingLot === true)) return side;
      changed = true;
      const { awaitingLot: _was, ...rest } = side;
      return want ? { ...rest, awaitingLot: true } : rest;
    });
    any ||= changed;
    return changed ? { ...m, sides } : m;
  });
  // Unchanged, the same array: screens that compare by identity need not redraw.
  return any ? marked : (matches as M[]);
}
