/**
 * Courts and times: every match that will be played gets a room (court or table) and a start, in playing
 * order. A match starts no earlier than the matches it waits for have ended (for a group round: the group's
 * previous round), on whichever court is free first. Pure: the service stores the plan and books the courts.
 */
import { waves } from './engine/schedule.ts';
import type { Bracket, BracketState } from './engine/index.ts';

export interface SchedulePlan {
  slots: Record<string, { roomId: string; at: Date }>;
  /** When the last match ends: the courts are booked until then. */
  end: Date;
}

const STAGE_ORDER: Record<string, number> = { group: 0, round_robin: 0, winners: 1, knockout: 1, losers: 2, grand_final: 3 };

export function planSchedule(
  bracket: Bracket,
  state: BracketState,
  options: { roomIds: readonly string[]; startsAt: Date; matchMinutes: number },
): SchedulePlan {
  if (options.roomIds.length === 0) return { slots: {}, end: options.startsAt };
  const duration = options.matchMinutes * 60_000;
  const wave = waves(bracket);
  const playable = bracket.matches
    .filter((m) => !state.byKey[m.key]?.void && !(state.byKey[m.key]?.status === 'bye'))
    .sort(
      (a, b) =>
        (wave.get(a.key) ?? 0) - (wave.get(b.key) ?? 0) ||
        (STAGE_ORDER[a.stage] ?? 9) - (STAGE_ORDER[b.stage] ?? 9) ||
        a.round - b.round ||
        (a.group ?? '').localeCompare(b.group ?? '') ||
        a.number - b.number,
    );
  const roomFree = new Map(options.roomIds.map((id) => [id, options.startsAt.getTime()]));
  const ends = new Map<string, number>();
  const groupRoundEnd = new Map<string, number>();
  const slots: SchedulePlan['slots'] = {};
  let last = options.startsAt.getTime();

  for (const match of playable) {
    let earliest = options.startsAt.getTime();
    for (const side of match.sides) {
      const from = side.from;
      if (from && from.kind !== 'group_place') earliest = Math.max(earliest, ends.get(from.key) ?? earliest);
      if (from?.kind === 'group_place') earliest = Math.max(earliest, groupRoundEnd.get(`${from.group}:last`) ?? earliest);
    }
    if (match.onlyIf) earliest = Math.max(earliest, ends.get(match.onlyIf.key) ?? earliest);
    if (match.group !== null || match.stage === 'round_robin') {
      earliest = Math.max(earliest, groupRoundEnd.get(`${match.group}:${match.round - 1}`) ?? earliest);
    }
    let bestRoom = options.roomIds[0]!;
    let bestStart = Number.POSITIVE_INFINITY;
    for (const roomId of options.roomIds) {
      const start = Math.max(roomFree.get(roomId)!, earliest);
      if (start < bestStart) {
        bestStart = start;
        bestRoom = roomId;
      }
    }
    const end = bestStart + duration;
    roomFree.set(bestRoom, end);
    ends.set(match.key, end);
    if (match.group !== null || match.stage === 'round_robin') {
      for (const key of [`${match.group}:${match.round}`, `${match.group}:last`]) groupRoundEnd.set(key, Math.max(groupRoundEnd.get(key) ?? 0, end));
    }
    slots[match.key] = { roomId: bestRoom, at: new Date(bestStart) };
    last = Math.max(last, end);
  }
  return { slots, end: new Date(last) };
}
