/**
 * Final places where the knockout format defines them (round-robin and group tables are the standings module's):
 * - single elimination: 1 winner, 2 runner-up, 3 both semifinal losers (or 3 and 4 from the third-place match),
 *   5 the quarterfinal losers, 9 …: the losers of round r of R share place 2^(R−r) + 1;
 * - double elimination: 1 and 2 from the grand final (or its reset), 3 the losers' final loser, then the losers
 *   of each earlier losers' round share the place after everyone who went further;
 * - groups then knockout: the knockout's places as in single elimination (the players knocked out in the groups
 *   are left to the group standings).
 * Only places already decided are listed: a player still in the running has none yet.
 */
import type { Bracket, BracketState, Match, Placing } from './types.ts';

/** Matches that can never have two players, whatever the results (a side is a bye, or fed only by byes). */
export function structuralByes(bracket: Bracket): Set<string> {
  const byKey = new Map(bracket.matches.map((m) => [m.key, m]));
  const memo = new Map<string, { winnerEmpty: boolean; loserEmpty: boolean; bye: boolean }>();
  const empty = (match: Match, side: 0 | 1): boolean => {
    const slot = match.sides[side];
    if (slot.bye) return true;
    if (slot.from?.kind === 'winner') return info(slot.from.key).winnerEmpty;
    if (slot.from?.kind === 'loser') return info(slot.from.key).loserEmpty;
    return false;
  };
  function info(key: string): { winnerEmpty: boolean; loserEmpty: boolean; bye: boolean } {
    const known = memo.get(key);
    if (known) return known;
    const match = byKey.get(key);
    let out = { winnerEmpty: false, loserEmpty: false, bye: false };
    if (match && !match.onlyIf) {
      const a = empty(match, 0);
      const b = empty(match, 1);
      out = { winnerEmpty: a && b, loserEmpty: a || b, bye: a || b };
    }
    memo.set(key, out);
    return out;
  }
  return new Set(bracket.matches.filter((m) => info(m.key).bye).map((m) => m.key));
}

export function standingsFinal(bracket: Bracket, state: BracketState): Placing[] {
  if (bracket.format === 'round_robin') return [];
  const placings = bracket.format === 'double_elimination' ? doublePlacings(bracket, state) : knockoutPlacings(bracket, state);
  return placings.sort((a, b) => a.place - b.place || a.participantId.localeCompare(b.participantId));
}

function knockoutPlacings(bracket: Bracket, state: BracketState): Placing[] {
  const rounds = Math.round(Math.log2(bracket.size));
  const out: Placing[] = [];
  const third = state.byKey.K3P;
  for (const m of state.matches) {
    if (m.stage !== 'knockout' || m.key === 'K3P' || m.loserId === null) continue;
    if (third && m.round === rounds - 1) continue; // the third-place match decides their places
    out.push({ participantId: m.loserId, place: 2 ** (rounds - m.round) + 1 });
  }
  if (third && (third.status === 'done' || third.status === 'bye')) {
    if (third.winnerId !== null) out.push({ participantId: third.winnerId, place: 3 });
    if (third.loserId !== null) out.push({ participantId: third.loserId, place: 4 });
  }
  if (state.championId !== null) out.push({ participantId: state.championId, place: 1 });
  return out;
}

function doublePlacings(bracket: Bracket, state: BracketState): Placing[] {
  const byes = structuralByes(bracket);
  const eliminated = new Map<number, number>();
  for (const m of bracket.matches) {
    if (m.stage === 'losers' && !byes.has(m.key)) eliminated.set(m.round, (eliminated.get(m.round) ?? 0) + 1);
  }
  const out: Placing[] = [];
  for (const m of state.matches) {
    if (m.stage !== 'losers' || m.loserId === null) continue;
    let ahead = 2;
    for (const [round, count] of eliminated) if (round > m.round) ahead += count;
    out.push({ participantId: m.loserId, place: ahead + 1 });
  }
  const gf1 = state.byKey.GF1;
  const gf2 = state.byKey.GF2;
  const final = gf2 && !gf2.void ? gf2 : gf1;
  if (final && final.status === 'done' && final.loserId !== null) out.push({ participantId: final.loserId, place: 2 });
  if (state.championId !== null) out.push({ participantId: state.championId, place: 1 });
  return out;
}
