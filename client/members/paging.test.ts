import { describe, expect, it } from 'vitest';
import { MAX_LIMIT, PAGE_SIZE, pageOf, pageRequest } from './paging.ts';

const rows = (n: number, start = 0) => Array.from({ length: n }, (_, i) => start + i);

describe('member list paging', () => {
  it('asks for one row more than it shows', () => {
    expect(pageRequest(0)).toEqual({ limit: PAGE_SIZE + 1, offset: 0 });
    expect(pageRequest(2, 20)).toEqual({ limit: 21, offset: 40 });
  });

  it('stays within what the server accepts', () => {
    expect(pageRequest(0, 500).limit).toBe(MAX_LIMIT);
    expect(pageRequest(-3, 10)).toEqual({ limit: 11, offset: 0 });
    expect(pageRequest(1, 0)).toEqual({ limit: 2, offset: 1 });
  });

  it('knows a next page from the extra row and hides it', () => {
    const page = pageOf(rows(21, 40), 2, 20);
    expect(page.items).toEqual(rows(20, 40));
    expect(page).toMatchObject({ page: 2, hasPrevious: true, hasNext: true, from: 41, to: 60 });
  });

  it('ends where the rows end', () => {
    expect(pageOf(rows(7, 40), 2, 20)).toMatchObject({ hasNext: false, from: 41, to: 47 });
    expect(pageOf(rows(20), 0, 20)).toMatchObject({ hasPrevious: false, hasNext: false, from: 1, to: 20 });
  });

  it('says so when a page is empty', () => {
    expect(pageOf([], 0, 20)).toMatchObject({ items: [], hasNext: false, hasPrevious: false, from: 0, to: 0 });
    expect(pageOf([], 3, 20)).toMatchObject({ hasPrevious: true, from: 0, to: 0 });
  });

  it('covers 300 members in 6 pages of 50 without gaps or overlaps', () => {
    const all = rows(300);
    const seen: number[] = [];
    let page = 0;
    for (;;) {
      const { limit, offset } = pageRequest(page);
      const shown = pageOf(all.slice(offset, offset + limit), page);
      seen.push(...shown.items);
      if (!shown.hasNext) break;
      page++;
    }
    expect(page).toBe(5);
    expect(seen).toEqual(all);
  });
});
