/**
 * The shape shared by both sports' standings: order by a primary value; then resolve each group that is equal on
 * it by an ordered list of criteria judged among the tied players only. As soon as a criterion separates the
 * group into smaller groups, each smaller group that is still level is resolved afresh from the first criterion,
 * on its own (ITTF 3.7.5.3: the results of the separated players are left out). A group that no criterion
 * separates, or that reaches a `'lot'` step, is decided by lot.
 */

export interface Criterion<N extends string> {
  name: N;
  /**
   * Splits `ids` into classes of players equal on this criterion, best class first, judging only what `ids`
   * allows (for head-to-head: the matches among them). One class means "not separated".
   */
  classes(ids: readonly string[]): string[][];
}

export interface Placement<N extends string> {
  participantId: string;
  decidedBy: N | 'lot';
  /** The other players of the group this one was separated from (absent when never tied). */
  tiedWith?: string[];
  byLot: boolean;
  /** Decided by lot and the draw is recorded: every player of the lot group has a lot number. */
  drawn?: boolean;
}

export interface LotOptions {
  /** Lot numbers drawn by the referee: lower is placed higher. Players without one follow, in input order. */
  lots?: Readonly<Record<string, number>>;
  /** Input order of the players, for a stable result when no lot is given. */
  order: ReadonlyMap<string, number>;
}

/** Groups `ids` into classes of equal value by `compare` (negative = first is better), best first; stable. */
export function classesBy(ids: readonly string[], compare: (a: string, b: string) => number): string[][] {
  const sorted = [...ids].sort(compare);
  const classes: string[][] = [];
  for (const id of sorted) {
    const last = classes.at(-1);
    const head = last?.[0];
    if (last !== undefined && head !== undefined && compare(head, id) === 0) last.push(id);
    else classes.push([id]);
  }
  return classes;
}

function others(ids: readonly string[], id: string): string[] {
  return ids.filter((other) => other !== id);
}

export function drawLots<N extends string>(ids: readonly string[], options: LotOptions): Placement<N>[] {
  const lot = (id: string): number => {
    const value = options.lots?.[id];
    return typeof value === 'number' && Number.isFinite(value) ? value : Number.POSITIVE_INFINITY;
  };
  const index = (id: string): number => options.order.get(id) ?? Number.MAX_SAFE_INTEGER;
  const sorted = [...ids].sort((a, b) => {
    const la = lot(a);
    const lb = lot(b);
    if (la !== lb) return la < lb ? -1 : 1;
    return index(a) - index(b);
  });
  // A draw recorded for some of the players only (say, for another tie before a correction) decides nothing.
  const drawn = ids.every((id) => lot(id) !== Number.POSITIVE_INFINITY);
  return sorted.map((participantId) => ({ participantId, decidedBy: 'lot', tiedWith: others(ids, participantId), byLot: true, drawn }));
}

/** Resolves a group that is level on the primary value (at least two players). */
export function resolveTie<N extends string>(
  ids: readonly string[], criteria: ReadonlyArray<Criterion<N> | 'lot'>, options: LotOptions,
): Placement<N>[] {
  for (const criterion of criteria) {
    if (criterion === 'lot') break;
    const classes = criterion.classes(ids);
    if (classes.length < 2) continue;
    return classes.flatMap((cls): Placement<N>[] => {
      const [only] = cls;
      if (cls.length === 1 && only !== undefined) {
        return [{ participantId: only, decidedBy: criterion.name, tiedWith: others(ids, only), byLot: false }];
      }
      return resolveTie(cls, criteria, options);
    });
  }
  return drawLots<N>(ids, options);
}

/** Orders all players: by `primary`, then each level group by `resolveTie`. */
export function orderTable<P extends string, N extends string>(
  ids: readonly string[], primary: Criterion<P>, criteria: ReadonlyArray<Criterion<N> | 'lot'>, lots?: Readonly<Record<string, number>>,
): Placement<P | N>[] {
  const options: LotOptions = { order: new Map(ids.map((id, i) => [id, i])), ...(lots ? { lots } : {}) };
  return primary.classes(ids).flatMap((cls): Placement<P | N>[] => {
    const [only] = cls;
    if (cls.length === 1 && only !== undefined) return [{ participantId: only, decidedBy: primary.name, byLot: false }];
    return resolveTie<N>(cls, criteria, options);
  });
}
