/**
 * Helpers for the engine's tests (not used by the application): fields of players, playing a bracket out with a
 * decision function, counting losses.
 */
import { applyResults, recordResult } from './apply.ts';
import { resolveGroupPlaces } from './groups.ts';
import { createRng } from './rng.ts';
import { orderOfPlay } from './schedule.ts';
import type { Bracket, BracketState, MatchState, Participant, SideIndex, StoredResult } from './types.ts';

/** p1 … pn; the first `seeded` have seeds 1 … seeded. */
export function field(n: number, seeded = n): Participant[] {
  return Array.from({ length: n }, (_, i) => (i < seeded ? { id: `p${i + 1}`, seed: i + 1 } : { id: `p${i + 1}` }));
}

export type Decide = (match: MatchState) => SideIndex | null;

/** A decision function from a seed: random winners, and in groups now and then a draw when `draws` is set. */
export function randomDecider(seed: number, draws = false): Decide {
  const rng = createRng(seed);
  return (m) => {
    if (draws && (m.stage === 'group' || m.stage === 'round_robin') && rng.int(5) === 0) return null;
    return rng.int(2) as SideIndex;
  };
}

/** Group places by a stand-in table (wins, then fewer losses, then id); the real one is the standings module's. */
export function simplePlaces(bracket: Bracket, state: BracketState): Record<string, string[]> {
  const places: Record<string, string[]> = {};
  for (const g of bracket.groups) {
    const score = new Map(g.participantIds.map((id) => [id, 0]));
    for (const m of state.matches) {
      if (m.group !== g.name || m.status !== 'done') continue;
      for (const side of m.sides) {
        const id = side.participantId as string;
        score.set(id, (score.get(id) ?? 0) + (m.winnerId === id ? 2 : m.winnerId === null ? 1 : 0));
      }
    }
    places[g.name] = [...g.participantIds].sort((a, b) => (score.get(b) ?? 0) - (score.get(a) ?? 0) || a.localeCompare(b));
  }
  return places;
}

export interface PlayedOut {
  bracket: Bracket;
  results: Record<string, StoredResult>;
  state: BracketState;
  /** Every state on the way, the last one included. */
  states: BracketState[];
}

/**
 * Plays every ready match, wave after wave, until nothing is ready (or `maxResults` results are in). For groups
 * then knockout, resolves the group places once the groups are done. Existing results can be passed in.
 */
export function playOut(start: Bracket, decide: Decide, opts: { maxResults?: number; results?: Record<string, StoredResult> } = {}): PlayedOut {
  let bracket = start;
  const results: Record<string, StoredResult> = { ...(opts.results ?? {}) };
  let state = applyResults(bracket, results);
  const states = [state];
  let entered = 0;
  for (;;) {
    const ready = orderOfPlay(bracket, state);
    if (ready.length === 0) {
      const groupsOpen = bracket.matches.some((m) => m.sides.some((s) => s.from?.kind === 'group_place' && s.participantId === null && !s.bye));
      const groupsDone = state.matches.every((m) => m.stage !== 'group' || m.status === 'done');
      if (groupsOpen && groupsDone) {
        bracket = resolveGroupPlaces(bracket, simplePlaces(bracket, state));
        state = applyResults(bracket, results);
        states.push(state);
        continue;
      }
      break;
    }
    for (const m of ready) {
      if (opts.maxResults !== undefined && entered >= opts.maxResults) return { bracket, results, state, states };
      results[m.key] = recordResult(state, m.key, { winner: decide(m) });
      entered++;
    }
    state = applyResults(bracket, results);
    states.push(state);
  }
  return { bracket, results, state, states };
}

/** Losses per participant in decided matches (byes are not losses). */
export function losses(state: BracketState): Map<string, number> {
  const out = new Map<string, number>();
  for (const m of state.matches) if (m.status === 'done' && m.loserId !== null) out.set(m.loserId, (out.get(m.loserId) ?? 0) + 1);
  return out;
}

/** Participants per (stage, group, round): throws when someone appears twice, or on both sides of a match. */
export function checkOncePerRound(state: BracketState): void {
  const seen = new Map<string, Set<string>>();
  for (const m of state.matches) {
    const [a, b] = m.sides.map((s) => s.participantId);
    if (a !== null && a !== undefined && a === b) throw new Error(`${m.key}: ${a} on both sides`);
    const round = `${m.stage}/${m.group ?? ''}/${m.round}`;
    const set = seen.get(round) ?? new Set<string>();
    seen.set(round, set);
    for (const id of [a, b]) {
      if (id === null || id === undefined) continue;
      if (set.has(id)) throw new Error(`${id} plays twice in ${round}`);
      set.add(id);
    }
  }
}

/** The better seed (lower number in `pN`) always wins. */
export const favourite: Decide = (m) => {
  const [a, b] = m.sides.map((s) => Number(s.participantId?.slice(1)));
  return (a as number) < (b as number) ? 0 : 1;
};

/** A valid groups-then-knockout configuration from shares. */
export function groupsConfig(n: number, groupShare: number, advanceShare: number): { groupCount: number; advancePerGroup: number } {
  const groupCount = 1 + Math.floor(groupShare * (Math.min(16, Math.floor(n / 2)) - 1));
  const smallest = Math.floor(n / groupCount);
  const advancePerGroup = Math.max(groupCount === 1 ? 2 : 1, 1 + Math.floor(advanceShare * (Math.min(4, smallest) - 1)));
  return { groupCount, advancePerGroup };
}
