import { describe, expect, it } from 'vitest';
import { balancedPages, groupPages, MIN_LINE, tableBlocks, tablesLayout } from './group-tables.ts';
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
