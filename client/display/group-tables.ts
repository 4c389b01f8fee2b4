/**
 * Group tables (and the round-robin table) on a 16:9 screen: as few pages as keep the lines readable from
 * ten metres, and among those the largest type. A table longer than `MAX_TABLE_ROWS` continues in a second
 * block. Sizes are in rem of the display's root (42 px on 1920×1080): the main area is about 43 × 21 rem.
 */
import type { StandingsGroup, StandingsRow } from './tournament-types.ts';

export interface TableBlock {
  group: string | null;
  /** The part of a long table (1-based), or `null` when it is whole. */
  part: { index: number; count: number } | null;
  rows: StandingsRow[];
  /** Whether any match of the group has been played (ranks and "by lot" mean nothing before). */
  started: boolean;
  /** The rank shown per participant: "1=" for each of a tie still waiting for its draw (see `rankLabels`). */
  ranks: Record<string, string>;
}

export interface TablesLayout {
  columns: number;
  rows: number;
  /** Line height in rem. */
  line: number;
}

export interface TablesPage {
  kind: 'groups';
  blocks: TableBlock[];
  layout: TablesLayout;
}

export const MAX_TABLE_ROWS = 16;
/** Smallest line (rem) still read from ten metres; below it, tables go on more pages. */
export const MIN_LINE = 1.15;
const MAX_LINE = 1.9;
export const AREA = { width: 43.5, height: 20.8 };
const GAP = { x: 0.8, y: 0.5 };
/** A table's width in lines of type: name, rank and the figures (gateball shows more). */
const WIDTH_IN_LINES = { table_tennis: 11.5, gateball: 17 } as const;
/** Column headings, and the caption naming the group (a row is one line; see GroupsPage.svelte). */
const HEADINGS = 0.8;
const CAPTION = 1;

/** A table is captioned with its group (or its part); the one table of a round robin needs none. */
export const hasCaption = (block: TableBlock): boolean => block.group !== null || block.part !== null;

/**
 * The rank each row shows. Players tied by lot whose draw is not recorded yet share their best place ("2=" for
 * each of places 2, 3 and 4): the order the server lists them in is not decided, and "2, 3, 4" would read as if
 * it were. Once the draw is recorded, or for anyone else, the rank itself.
 */
export function rankLabels(rows: ReadonlyArray<Pick<StandingsRow, 'participantId' | 'rank' | 'byLot' | 'lotDrawn' | 'tiedWith'>>): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const row of rows) {
    if (!row.byLot || row.lotDrawn === true) {
      labels[row.participantId] = String(row.rank);
      continue;
    }
    const set = new Set([row.participantId, ...(row.tiedWith ?? [])]);
    const shared = Math.min(...rows.filter((r) => set.has(r.participantId)).map((r) => r.rank));
    labels[row.participantId] = `${shared}=`;
  }
  return labels;
}

export function tableBlocks(standings: readonly StandingsGroup[]): TableBlock[] {
  return standings.flatMap((s): TableBlock[] => {
    const started = s.rows.some((r) => (r.played ?? 0) > 0);
    const ranks = rankLabels(s.rows);
    const count = Math.ceil(s.rows.length / MAX_TABLE_ROWS);
    if (count <= 1) return [{ group: s.group, part: null, rows: s.rows, started, ranks }];
    const size = Math.ceil(s.rows.length / count);
    return Array.from({ length: count }, (_, i) => ({
      group: s.group,
      part: { index: i + 1, count },
      rows: s.rows.slice(i * size, (i + 1) * size),
      started,
      ranks,
    }));
  });
}

function lineFor(columns: number, rows: number, tableRows: number, sport: keyof typeof WIDTH_IN_LINES, caption: boolean): number {
  const byHeight = (AREA.height - (rows - 1) * GAP.y) / rows / (tableRows + HEADINGS + (caption ? CAPTION : 0));
  const byWidth = (AREA.width - (columns - 1) * GAP.x) / columns / WIDTH_IN_LINES[sport];
  return Math.min(MAX_LINE, byHeight, byWidth);
}

/** The grid for `count` tables of up to `tableRows` rows: fewest pages with readable lines, then largest. */
export function tablesLayout(
  count: number,
  tableRows: number,
  sport: keyof typeof WIDTH_IN_LINES,
  caption = true,
): TablesLayout & { perPage: number } {
  let best: (TablesLayout & { perPage: number; pages: number }) | null = null;
  for (let columns = 1; columns <= 4; columns += 1) {
    for (let rows = 1; rows <= 4; rows += 1) {
      const perPage = columns * rows;
      const line = lineFor(columns, rows, tableRows, sport, caption);
      const pages = Math.ceil(Math.max(1, count) / perPage);
      const readable = line >= MIN_LINE;
      const candidate = { columns, rows, line, perPage, pages };
      if (!best) {
        best = candidate;
        continue;
      }
      const bestReadable = best.line >= MIN_LINE;
      const better =
        readable !== bestReadable
          ? readable
          : readable
            ? pages < best.pages || (pages === best.pages && line > best.line + 1e-9)
            : line > best.line + 1e-9;
      if (better) best = candidate;
    }
  }
  const chosen = best!;
  return { columns: chosen.columns, rows: chosen.rows, line: chosen.line, perPage: chosen.perPage };
}

/** Split `items` into `ceil(n / perPage)` pages of nearly equal size (8 in pages of 6 → 4 + 4). */
export function balancedPages<T>(items: readonly T[], perPage: number): T[][] {
  if (items.length === 0) return [];
  const count = Math.ceil(items.length / Math.max(1, perPage));
  const pages: T[][] = [];
  for (let i = 0; i < count; i += 1) {
    pages.push(items.slice(Math.floor((i * items.length) / count), Math.floor(((i + 1) * items.length) / count)));
  }
  return pages;
}

export function groupPages(standings: readonly StandingsGroup[], sport: keyof typeof WIDTH_IN_LINES): TablesPage[] {
  const blocks = tableBlocks(standings).filter((b) => b.rows.length > 0);
  if (blocks.length === 0) return [];
  const tableRows = Math.max(...blocks.map((b) => b.rows.length));
  const caption = blocks.some(hasCaption);
  const { perPage } = tablesLayout(blocks.length, tableRows, sport, caption);
  return balancedPages(blocks, perPage).map((page) => {
    // Fewer tables on this page than the grid holds: use a grid for what is there (larger type).
    const fitted = tablesLayout(page.length, tableRows, sport, caption);
    return { kind: 'groups' as const, blocks: page, layout: { columns: fitted.columns, rows: fitted.rows, line: fitted.line } };
  });
}
