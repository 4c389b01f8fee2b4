/**
 * How the bracket is drawn: knockout stages as columns of rounds (winners', losers', grand final for double
 * elimination), group stages as one table per group with its matches by round.
 */
import type { Match, StandingsGroup } from './types.ts';

export type SectionId = 'knockout' | 'winners' | 'losers' | 'grand_final';

export type RoundName =
  | { kind: 'final' }
  | { kind: 'semi' }
  | { kind: 'quarter' }
  | { kind: 'round'; round: number }
  | { kind: 'losers_round'; round: number }
  | { kind: 'grand_final' }
  | { kind: 'grand_final_reset' };

export interface Column {
  round: number;
  name: RoundName;
  matches: Match[];
}

export interface Section {
  id: SectionId;
  columns: Column[];
}

const SECTION_ORDER: SectionId[] = ['knockout', 'winners', 'losers', 'grand_final'];

function knockoutName(round: number, rounds: number): RoundName {
  if (round === rounds) return { kind: 'final' };
  if (round === rounds - 1) return { kind: 'semi' };
  if (round === rounds - 2) return { kind: 'quarter' };
  return { kind: 'round', round };
}

/** The knockout sections present among `matches`, each as rounds in order, matches by number. */
export function bracketSections(matches: readonly Match[]): Section[] {
  const sections: Section[] = [];
  for (const id of SECTION_ORDER) {
    const mine = matches.filter((m) => m.stage === id);
    if (mine.length === 0) continue;
    const rounds = Math.max(...mine.map((m) => m.round));
    const columns: Column[] = [];
    for (let round = 1; round <= rounds; round++) {
      const inRound = mine.filter((m) => m.round === round).sort((a, b) => a.number - b.number);
      if (inRound.length === 0) continue;
      let name: RoundName;
      if (id === 'losers') name = { kind: 'losers_round', round };
      else if (id === 'grand_final') name = round === 1 ? { kind: 'grand_final' } : { kind: 'grand_final_reset' };
      else name = knockoutName(round, rounds);
      columns.push({ round, name, matches: inRound });
    }
    sections.push({ id, columns });
  }
  return sections;
}

/** Third-place match of a knockout (`K3P`): drawn under the final. */
export const isThirdPlace = (m: Match): boolean => /3P$/.test(m.key);

export interface GroupBlock {
  group: string | null;
  rows: StandingsGroup['rows'];
  rounds: Array<{ round: number; matches: Match[] }>;
  /** Some match of the group has been decided (before that every row reads "by lot", which says nothing). */
  started: boolean;
  /** Every match of the group is decided: "by lot" is then final, not just "level so far". */
  complete: boolean;
}

/** One block per group (or one for a round robin): its table and its matches by round. */
export function groupBlocks(matches: readonly Match[], standings: readonly StandingsGroup[]): GroupBlock[] {
  const groupMatches = matches.filter((m) => m.stage === 'group' || m.stage === 'round_robin');
  const names = [...new Set([...standings.map((s) => s.group), ...groupMatches.map((m) => m.group)])];
  return names
    .sort((a, b) => (a ?? '').localeCompare(b ?? ''))
    .map((group) => {
      const mine = groupMatches.filter((m) => m.group === group);
      const roundNumbers = [...new Set(mine.map((m) => m.round))].sort((a, b) => a - b);
      return {
        group,
        rows: [...(standings.find((s) => s.group === group)?.rows ?? [])].sort((a, b) => a.rank - b.rank),
        rounds: roundNumbers.map((round) => ({ round, matches: mine.filter((m) => m.round === round).sort((a, b) => a.number - b.number) })),
        started: mine.some((m) => m.status === 'done'),
        complete: mine.length > 0 && mine.every((m) => m.status === 'done' || m.status === 'bye'),
      };
    });
}

/**
 * Where a side still waiting for its player comes from, when the key says so: in a knockout or winners'
 * bracket round r > 1, match n is fed by the winners of round r − 1 matches 2n − 1 and 2n.
 */
export function feederKey(match: Match, side: 0 | 1): string | null {
  const found = /^([KW])(\d+)-(\d+)$/.exec(match.key);
  if (!found) return null;
  const round = Number(found[2]);
  const number = Number(found[3]);
  if (round < 2) return null;
  return `${found[1]}${round - 1}-${2 * number - 1 + side}`;
}
