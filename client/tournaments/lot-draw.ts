/**
 * The ties a physical draw decides, read from a group's standings: players level once their group is played
 * out (the server marks them `byLot`), in sets (each row names the others of its set in `tiedWith`), and
 * whether staff have recorded the order drawn (`lotDrawn`). Players only level while matches remain are not
 * a lot (`decidedBy: 'level'`).
 */
import type { StandingRow } from './types.ts';

export interface LotSet {
  /** The tied players, in their current order (the order drawn once it is recorded). */
  ids: string[];
  /** The places they share, e.g. [2, 3, 4]. */
  places: number[];
  drawn: boolean;
}

export function lotSets(rows: readonly StandingRow[]): LotSet[] {
  const sets: LotSet[] = [];
  const seen = new Set<string>();
  for (const row of rows) {
    if (!row.byLot || seen.has(row.participantId)) continue;
    const members = new Set([row.participantId, ...(row.tiedWith ?? [])]);
    const inSet = rows.filter((r) => members.has(r.participantId));
    for (const r of inSet) seen.add(r.participantId);
    sets.push({ ids: inSet.map((r) => r.participantId), places: inSet.map((r) => r.rank), drawn: inSet.every((r) => r.lotDrawn === true) });
  }
  return sets;
}

/**
 * The rank each row shows: each of a tie still waiting for its draw shares the set's best place ("1=" for all
 * three of places 1–3), since the order they are listed in is not decided yet; everyone else their rank.
 */
export function rankLabels(rows: readonly StandingRow[]): Record<string, string> {
  const labels: Record<string, string> = Object.fromEntries(rows.map((r) => [r.participantId, String(r.rank)]));
  for (const set of lotSets(rows)) {
    if (set.drawn) continue;
    const shared = `${Math.min(...set.places)}=`;
    for (const id of set.ids) labels[id] = shared;
  }
  return labels;
}

/** Toggles `id` in the order being picked: a tap adds it at the end, a second tap takes it (and those after) out. */
export function pickNext(order: readonly string[], id: string): string[] {
  const at = order.indexOf(id);
  return at === -1 ? [...order, id] : order.slice(0, at);
}
