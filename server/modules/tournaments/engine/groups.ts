/**
 * Groups: players go into groups by snake seeding (seed 1 → A, 2 → B, …, the last group, then back: with four
 * groups seeds 1–4 go to A–D, 5–8 to D–A), seeded players by seed and then the unseeded ones in an order drawn
 * by lot. Each group is a round robin (`G:A-R1-1` …). The knockout after the groups is drawn by
 * `drawKnockoutFromGroups` (knockout-groups.ts) with sides that name group places until the lead supplies the
 * final group standings through `resolveGroupPlaces`.
 */
import { createRng, shuffled, type DrawSeed } from './rng.ts';
import { roundRobinMatches } from './round-robin.ts';
import { checkParticipants, splitBySeed } from './seeding.ts';
import { EngineError, type Bracket, type Group, type Match, type Participant, type Rest } from './types.ts';

export interface GroupsOptions {
  /** The lot for the order of unseeded players. Default 0. */
  drawSeed?: DrawSeed;
}

/** A, B, …, Z, AA, AB, … */
export function groupName(index: number): string {
  let name = '';
  let n = index + 1;
  while (n > 0) {
    const rem = (n - 1) % 26;
    name = String.fromCharCode(65 + rem) + name;
    n = Math.floor((n - 1) / 26);
  }
  return name;
}

/** Snake seeding of `ids` (in seeding order) into `count` groups. */
export function snake(ids: readonly string[], count: number): string[][] {
  const groups: string[][] = Array.from({ length: count }, () => []);
  ids.forEach((id, i) => {
    const row = Math.floor(i / count);
    const col = i % count;
    (groups[row % 2 === 0 ? col : count - 1 - col] as string[]).push(id);
  });
  return groups;
}

export function drawGroups(participants: readonly Participant[], groupCount: number, opts: GroupsOptions = {}): Bracket {
  checkParticipants(participants);
  if (!Number.isInteger(groupCount) || groupCount < 1 || participants.length < 2 * groupCount) {
    throw new EngineError('invalid_options', `${participants.length} participants cannot make ${groupCount} groups of at least two.`);
  }
  const { seeded, unseeded } = splitBySeed(participants);
  const ids = [...seeded, ...shuffled(unseeded, createRng(opts.drawSeed ?? 0))];
  const groups: Group[] = snake(ids, groupCount).map((members, i) => ({ name: groupName(i), participantIds: members }));
  const byGroup = groups.map((g) => roundRobinMatches(g.participantIds, 'group', g.name));
  // Round by round across the groups (A round 1, B round 1, …), so the list is also a sensible order of play.
  const matches: Match[] = byGroup.flatMap((g) => g.matches)
    .sort((a, b) => a.round - b.round || groups.findIndex((g) => g.name === a.group) - groups.findIndex((g) => g.name === b.group) || a.number - b.number);
  const rests: Rest[] = byGroup.flatMap((g) => g.rests);
  return { format: 'groups_then_knockout', participants: ids, matches, size: 0, groups, rests };
}

/**
 * Fills the knockout's group-place sides from final group standings: `places[group]` lists the group's players
 * from first place down (it may stop after the places that qualify); `null` is a place a lot still to be drawn
 * decides (the side stays empty, marked `awaitingLot`). A group not listed stays unresolved; calling
 * again with corrected standings replaces the earlier places (knockout results that no longer fit are then
 * flagged by `applyResults`). A place beyond the group's size becomes a bye.
 */
export function resolveGroupPlaces(bracket: Bracket, places: Readonly<Record<string, readonly (string | null)[]>>): Bracket {
  const groups = new Map(bracket.groups.map((g) => [g.name, g]));
  for (const [name, order] of Object.entries(places)) {
    const group = groups.get(name);
    if (!group) throw new EngineError('invalid_places', `There is no group ${name}.`);
    const seen = new Set<string>();
    for (const id of order) {
      if (id === null) continue;
      if (!group.participantIds.includes(id)) throw new EngineError('invalid_places', `${id} does not play in group ${name}.`);
      if (seen.has(id)) throw new EngineError('invalid_places', `${id} is placed twice in group ${name}.`);
      seen.add(id);
    }
  }
  const matches = bracket.matches.map((m) => {
    if (!m.sides.some((s) => s.from?.kind === 'group_place')) return m;
    const sides = m.sides.map((slot) => {
      const from = slot.from;
      if (from?.kind !== 'group_place') return slot;
      const order = places[from.group];
      const base = { from, ...(slot.position === undefined ? {} : { position: slot.position }) };
      if (!order) return { participantId: null, ...base };
      const id = order[from.place - 1];
      if (id === null) return { participantId: null, awaitingLot: true as const, ...base };
      if (id !== undefined) return { participantId: id, ...base };
      const size = groups.get(from.group)?.participantIds.length ?? 0;
      return from.place > size ? { participantId: null, bye: true as const, ...base } : { participantId: null, ...base };
    }) as Match['sides'];
    return { ...m, sides };
  });
  return { ...bracket, matches };
}
