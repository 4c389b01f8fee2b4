/**
 * Order of play: the matches that can be played now, earliest "wave" first. A match's wave is the earliest point
 * at which it could be played if every match took one slot: group and round-robin round r is wave r, a knockout's
 * first round comes after the last group round, and every other match comes one wave after the latest match it
 * waits for. This interleaves the losers' bracket with the winners' bracket the way it must be played (L1 after
 * W1, L2 after W2 and L1, …) and keeps groups level with each other.
 */
import type { Bracket, BracketState, Match, MatchState, Stage } from './types.ts';

const STAGE_ORDER: Record<Stage, number> = { group: 0, round_robin: 0, winners: 1, knockout: 1, losers: 2, grand_final: 3 };

/** Wave of every match (1-based). */
export function waves(bracket: Bracket): Map<string, number> {
  const byKey = new Map(bracket.matches.map((m) => [m.key, m]));
  const lastGroupRound = Math.max(0, ...bracket.matches.filter((m) => m.stage === 'group' || m.stage === 'round_robin').map((m) => m.round));
  const out = new Map<string, number>();
  const wave = (match: Match): number => {
    const known = out.get(match.key);
    if (known !== undefined) return known;
    if (match.stage === 'group' || match.stage === 'round_robin') {
      out.set(match.key, match.round);
      return match.round;
    }
    let before = lastGroupRound;
    const sources = match.sides.flatMap((s) => (s.from && s.from.kind !== 'group_place' ? [s.from.key] : []));
    if (match.onlyIf) sources.push(match.onlyIf.key);
    for (const key of sources) {
      const source = byKey.get(key);
      if (source) before = Math.max(before, wave(source));
    }
    out.set(match.key, before + 1);
    return before + 1;
  };
  for (const m of bracket.matches) wave(m);
  return out;
}

/** Ready matches in playing order (wave, then winners' before losers' bracket, group, round, number). */
export function orderOfPlay(bracket: Bracket, state: BracketState): MatchState[] {
  const w = waves(bracket);
  const groupIndex = new Map(bracket.groups.map((g, i) => [g.name, i]));
  const position = new Map(bracket.matches.map((m, i) => [m.key, i]));
  return state.matches
    .filter((m) => m.status === 'ready')
    .sort((a, b) => (w.get(a.key) ?? 0) - (w.get(b.key) ?? 0)
      || STAGE_ORDER[a.stage] - STAGE_ORDER[b.stage]
      || a.round - b.round
      || (groupIndex.get(a.group ?? '') ?? -1) - (groupIndex.get(b.group ?? '') ?? -1)
      || a.number - b.number
      || (position.get(a.key) ?? 0) - (position.get(b.key) ?? 0));
}

export interface NextMatchesOptions {
  /** How many matches to start (free courts or tables). */
  count: number;
  /** Participants who are playing now (matches already live) and so cannot start another. */
  busy?: Iterable<string>;
  /** Matches already live: left out, and their players count as busy. */
  live?: Iterable<string>;
}

/** The next matches to start on `count` free courts: in order of play, no participant twice, nobody busy. */
export function nextMatches(bracket: Bracket, state: BracketState, opts: NextMatchesOptions): MatchState[] {
  const busy = new Set(opts.busy ?? []);
  const live = new Set(opts.live ?? []);
  for (const key of live) for (const side of state.byKey[key]?.sides ?? []) if (side.participantId !== null) busy.add(side.participantId);
  const out: MatchState[] = [];
  for (const m of orderOfPlay(bracket, state)) {
    if (out.length >= opts.count) break;
    if (live.has(m.key)) continue;
    const ids = m.sides.map((s) => s.participantId).filter((id): id is string => id !== null);
    if (ids.some((id) => busy.has(id))) continue;
    out.push(m);
    for (const id of ids) busy.add(id);
  }
  return out;
}
