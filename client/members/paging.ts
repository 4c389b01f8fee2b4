/**
 * Paging over `GET /api/members?limit=&offset=`. Each page asks for one row more than it shows: that extra row
 * tells whether there is a next page. The server's `total` (staff get it) is what the list heading shows.
 */

export const PAGE_SIZE = 50;
/** The server's largest `limit`. */
export const MAX_LIMIT = 200;

export interface PageRequest {
  limit: number;
  offset: number;
}

/** The query for page `page` (0-based). */
export function pageRequest(page: number, pageSize = PAGE_SIZE): PageRequest {
  const size = Math.max(1, Math.min(Math.floor(pageSize), MAX_LIMIT - 1));
  const index = Math.max(0, Math.floor(page));
  return { limit: size + 1, offset: index * size };
}

export interface Page<T> {
  page: number;
  items: T[];
  hasPrevious: boolean;
  hasNext: boolean;
  /** 1-based positions of the first and last item shown; both 0 when the page is empty. */
  from: number;
  to: number;
  /** How many match in all, when the server says (it does for staff). */
  total?: number;
}

/** What page `page` shows, given the rows the request of `pageRequest(page, pageSize)` returned. */
export function pageOf<T>(rows: readonly T[], page: number, pageSize = PAGE_SIZE, total?: number): Page<T> {
  const { limit, offset } = pageRequest(page, pageSize);
  const size = limit - 1;
  const items = rows.slice(0, size);
  return {
    page: offset / size,
    items,
    hasPrevious: offset > 0,
    hasNext: rows.length > size,
    from: items.length > 0 ? offset + 1 : 0,
    to: items.length > 0 ? offset + items.length : 0,
    ...(total !== undefined ? { total } : {}),
  };
}
