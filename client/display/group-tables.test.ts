import { describe, expect, it } from 'vitest';
import { balancedPages, groupPages, MIN_LINE, rankLabels, tableBlocks, tablesLayout } from './group-tables.ts';
import { groups } from './tournament-fixtures.ts';

describe('group tables', () => {
  it('shows eight groups of four on two pages of four, with readable lines', () => {
    const pages = groupPages(groups(8, 4), 'table_tennis');
    expect(pages.map((p) => p.blocks.map((b) => b.group).join(''))).toEqual(['ABCD', 'EFGH']);
    expect(pages[0]!.layout).toMatchObject({ columns: 2, rows: 2 });
    expect(pages[0]!.layout.line).toBeGreaterThanOrEqual(MIN_LINE);
  });

  it('shows a twelve-team round robin as one large table', () => {
    const table = groups(1, 12).map((g) => ({ ...g, group: null }));
    const pages = groupPages(table, 'gateball');
    expect(pages).toHaveLength(1);
    expect(pages[0]!.layout).toMatchObject({ columns: 1, rows: 1 });
    expect(pages[0]!.layout.line).toBeGreaterThan(1.4);
  });

  it('fits two or four small groups on one page, larger when there are fewer', () => {
    const two = groupPages(groups(2, 3), 'table_tennis');
    const four = groupPages(groups(4, 3), 'table_tennis');
    expect(two).toHaveLength(1);
    expect(four).toHaveLength(1);
    expect(two[0]!.layout.line).toBeGreaterThanOrEqual(four[0]!.layout.line);
  });

  it('continues a long table in a second block', () => {
    const long = groups(1, 30).map((g) => ({ ...g, group: null }));
    const blocks = tableBlocks(long);
    expect(blocks.map((b) => [b.part, b.rows.length])).toEqual([
      [{ index: 1, count: 2 }, 15],
      [{ index: 2, count: 2 }, 15],
    ]);
    expect(groupPages(long, 'table_tennis').flatMap((p) => p.blocks)).toHaveLength(2);
  });

  it('knows whether a group has started (ranks by lot before any match mean nothing)', () => {
    expect(tableBlocks(groups(1, 4, 0))[0]!.started).toBe(false);
    expect(tableBlocks(groups(1, 4, 1))[0]!.started).toBe(true);
  });

  it('prefers fewer pages when the lines stay readable, else larger lines', () => {
    const many = tablesLayout(16, 4, 'table_tennis');
    expect(many.line).toBeGreaterThanOrEqual(MIN_LINE);
    expect(tablesLayout(1, 4, 'table_tennis')).toMatchObject({ columns: 1, rows: 1 });
  });

  it('balances pages', () => {
    expect(balancedPages([1, 2, 3, 4, 5, 6, 7, 8], 6).map((p) => p.length)).toEqual([4, 4]);
    expect(balancedPages([1, 2, 3], 8)).toEqual([[1, 2, 3]]);
    expect(balancedPages([], 4)).toEqual([]);
  });
});

describe('ranks of a tie waiting for the draw', () => {
  const row = (participantId: string, rank: number, extra: Record<string, unknown> = {}) => ({ participantId, rank, played: 2, ...extra });
  it('shows the shared place for each of the tie until the draw is recorded, then the ranks drawn', () => {
    const tie = { byLot: true, tiedWith: [] as string[] };
    const waiting = [
      row('a', 1, { ...tie, tiedWith: ['b', 'c'] }),
      row('b', 2, { ...tie, tiedWith: ['a', 'c'] }),
      row('c', 3, { ...tie, tiedWith: ['a', 'b'] }),
      row('d', 4),
    ];
    expect(rankLabels(waiting)).toEqual({ a: '1=', b: '1=', c: '1=', d: '4' });
    const drawn = waiting.map((r) => (r.participantId === 'd' ? r : { ...r, lotDrawn: true }));
    expect(rankLabels(drawn)).toEqual({ a: '1', b: '2', c: '3', d: '4' });
    const lower = [row('x', 1), row('y', 2, { byLot: true, tiedWith: ['z'] }), row('z', 3, { byLot: true, tiedWith: ['y'] })];
    expect(rankLabels(lower)).toEqual({ x: '1', y: '2=', z: '2=' });
  });

  it('keeps the shared place on every part of a long table', () => {
    const rows = Array.from({ length: 20 }, (_, i) => row(`p${i}`, i + 1, i >= 15 ? { byLot: true, tiedWith: ['p15', 'p16', 'p17'].filter((id) => id !== `p${i}`) } : {}));
    rows.splice(18);
    const blocks = tableBlocks([{ group: 'A', rows }]);
    expect(blocks).toHaveLength(2);
    expect(blocks[1]!.rows.map((r) => blocks[1]!.ranks[r.participantId])).toEqual(['10', '11', '12', '13', '14', '15', '16=', '16=', '16=']);
  });
});
