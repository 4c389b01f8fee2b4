/**
 * The bracket on a 16:9 screen: knockout rounds as columns, left to right. Double elimination shows the
 * winners' bracket with the grand final, then the losers' bracket. What does not fit one screen is split:
 * - a round with more than `maxRows` matches is cut into horizontal slices (halves, quarters …), each page
 *   carrying that slice through the later rounds it feeds, as far as they still divide;
 * - then the later rounds (from the first that fits whole) follow on their own page;
 * - more than `maxCols` rounds continue on the next page.
 */
import { matchRoundLabel, stageRounds, THIRD_PLACE_KEY, type RoundLabel } from './round-labels.ts';
import type { MatchInfo } from './tournament-types.ts';

export interface BracketColumn {
  label: RoundLabel;
  matches: MatchInfo[];
}

export type BracketSection = 'knockout' | 'winners' | 'losers';

export interface BracketPage {
  kind: 'bracket';
  section: BracketSection;
  /** Which slice of the draw (1-based) when the first rounds are split, e.g. 1 of 2 = the top half. */
  part: { index: number; count: number } | null;
  columns: BracketColumn[];
  /** The most matches in one column on this page (the component sizes the type by it). */
  rows: number;
}

export const BRACKET_MAX_ROWS = 8;
export const BRACKET_MAX_COLS = 5;

const byNumber = (a: MatchInfo, b: MatchInfo) => a.number - b.number || a.key.localeCompare(b.key);

function columnsOf(matches: readonly MatchInfo[], stages: readonly string[], rounds: ReadonlyMap<string, number>): BracketColumn[] {
  const out: BracketColumn[] = [];
  for (const stage of stages) {
    const inStage = matches.filter((m) => m.stage === stage && m.key !== THIRD_PLACE_KEY);
    const numbers = [...new Set(inStage.map((m) => m.round))].sort((a, b) => a - b);
    for (const round of numbers) {
      const list = inStage.filter((m) => m.round === round).sort(byNumber);
      out.push({ label: matchRoundLabel(list[0]!, rounds), matches: list });
    }
  }
  return out;
}

function slice(column: BracketColumn, index: number, count: number): BracketColumn {
  const n = column.matches.length;
  return { ...column, matches: column.matches.slice(Math.floor((index * n) / count), Math.floor(((index + 1) * n) / count)) };
}

/** Split one section's columns into screens (see the file comment). */
export function paginateColumns(
  columns: readonly BracketColumn[],
  maxRows = BRACKET_MAX_ROWS,
  maxCols = BRACKET_MAX_COLS,
): Array<{ part: { index: number; count: number } | null; columns: BracketColumn[] }> {
  const pages: Array<{ part: { index: number; count: number } | null; columns: BracketColumn[] }> = [];
  let i = 0;
  while (i < columns.length) {
    const first = columns[i]!;
    if (first.matches.length > maxRows) {
      const count = Math.ceil(first.matches.length / maxRows);
      const window: BracketColumn[] = [];
      for (let j = i; j < columns.length && window.length < maxCols && columns[j]!.matches.length >= count; j += 1) {
        window.push(columns[j]!);
      }
      for (let k = 0; k < count; k += 1) pages.push({ part: { index: k + 1, count }, columns: window.map((c) => slice(c, k, count)) });
      let fits = columns.findIndex((c, j) => j > i && c.matches.length <= maxRows);
      if (fits < 0) fits = columns.length;
      i = Math.max(i + 1, Math.min(fits, i + window.length));
      continue;
    }
    const page: BracketColumn[] = [];
    while (i < columns.length && page.length < maxCols && columns[i]!.matches.length <= maxRows) page.push(columns[i++]!);
    pages.push({ part: null, columns: page });
  }
  return pages;
}

function pagesOf(section: BracketSection, columns: BracketColumn[], maxRows: number, maxCols: number): BracketPage[] {
  return paginateColumns(columns, maxRows, maxCols).map((p) => ({
    kind: 'bracket' as const,
    section,
    part: p.part,
    columns: p.columns,
    rows: Math.max(1, ...p.columns.map((c) => c.matches.length)),
  }));
}

/** A grand-final reset that will not be played (the winners' side took the first final) is left out. */
const notPlayed = (m: MatchInfo) => m.status === 'bye' && m.sides.every((s) => s.participantId === null);

export function bracketPages(matches: readonly MatchInfo[], maxRows = BRACKET_MAX_ROWS, maxCols = BRACKET_MAX_COLS): BracketPage[] {
  const rounds = stageRounds(matches);
  const shown = matches.filter((m) => !(m.stage === 'grand_final' && m.round >= 2 && notPlayed(m)));
  if (shown.some((m) => m.stage === 'winners')) {
    return [
      ...pagesOf('winners', columnsOf(shown, ['winners', 'grand_final'], rounds), maxRows, maxCols),
      ...pagesOf('losers', columnsOf(shown, ['losers'], rounds), maxRows, maxCols),
    ];
  }
  const knockout = shown.filter((m) => m.stage === 'knockout');
  if (knockout.length === 0) return [];
  const columns = columnsOf(knockout, ['knockout'], rounds);
  const third = knockout.find((m) => m.key === THIRD_PLACE_KEY);
  const pages = pagesOf('knockout', columns, maxRows, maxCols);
  // The third-place match sits under the final, on the page that shows the final.
  const last = pages.at(-1);
  if (third && last) last.columns = [...last.columns, { label: { kind: 'third' }, matches: [third] }];
  return pages;
}

/** Whether the knockout is worth a screen yet: some player is already known in it (groups may still be on). */
export function bracketHasPlayers(matches: readonly MatchInfo[]): boolean {
  return matches.some(
    (m) => m.stage !== 'group' && m.stage !== 'round_robin' && m.sides.some((s) => s.participantId !== null),
  );
}
