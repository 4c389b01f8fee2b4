/**
 * When a lot really decides (docs/rules.md "Lots"). A level group the criteria cannot separate is decided by lot only once
 * nothing left to play can change it: none of the players level on the primary value (match points; gateball:
 * wins, then draws) has a match to play — their head-to-head, games, points and score difference are final —
 * and nobody below them with matches to play can still come level. Before that the players are only level
 * (`decidedBy: 'level'`), never "by lot": a lot drawn while they can still be separated would mean nothing.
 * Points never go down (a loss still scores, a win stays a win), so nobody above can drop to them.
 */

export interface LotRow {
  participantId: string;
  byLot: boolean;
  decidedBy: string;
  /** The lot is final and the draw is recorded (staff entered the order drawn). */
  lotDrawn?: boolean;
}

export interface LotRules<R> {
  /** Equal on the primary value: the level group a tie-break starts from. */
  level(a: R, b: R): boolean;
  /** `row`, below `target`, could come level with it by playing `games` more matches. */
  couldReach(row: R, target: R, games: number): boolean;
}

/** Matches of the group not yet decided, by their two players. */
export type PendingMatch = readonly [string, string];

export function settleLots<R extends LotRow>(
  rows: readonly R[], pending: readonly PendingMatch[], rules: LotRules<R>, drawn: ReadonlySet<string>,
): Array<R & { decidedBy: R['decidedBy'] | 'level' }> {
  const toPlay = new Map<string, number>();
  for (const [a, b] of pending) {
    toPlay.set(a, (toPlay.get(a) ?? 0) + 1);
    toPlay.set(b, (toPlay.get(b) ?? 0) + 1);
  }
  const settled = (row: R): boolean => {
    const level = rows.filter((other) => rules.level(other, row));
    if (level.some((other) => toPlay.has(other.participantId))) return false;
    return !rows.some((other) => !rules.level(other, row) && rules.couldReach(other, row, toPlay.get(other.participantId) ?? 0));
  };
  return rows.map((row) => {
    const { lotDrawn: _old, ...rest } = row;
    if (!row.byLot) return rest as R;
    if (!settled(row)) return { ...rest, byLot: false, decidedBy: 'level' } as R & { decidedBy: 'level' };
    return { ...rest, lotDrawn: drawn.has(row.participantId) } as R;
  });
}
