/**
 * How many columns the room list of a display needs to fit the screen without scrolling: six rows per
 * column, up to four columns; beyond 24 rooms a denser grid (nine rows, smaller type) up to 36.
 * Past that, rooms beyond what fits are cut off rather than scrolled (a screen cannot be scrolled).
 */
export interface RoomLayout {
  columns: 1 | 2 | 3 | 4;
  dense: boolean;
}

export function layoutFor(count: number): RoomLayout {
  const dense = count > 24;
  const perColumn = dense ? 9 : 6;
  const columns = Math.min(4, Math.max(1, Math.ceil(count / perColumn))) as RoomLayout['columns'];
  return { columns, dense };
}
