/**
 * Exact comparison of won:lost ratios (ITTF 3.7.5.2 compares ratios, not differences). No division and no
 * floating point: a/b against c/d is decided by a·d against c·b, which is exact for the counts of a tournament
 * (whole numbers far below 2^26, so the products stay below 2^53).
 *
 * - A ratio with nothing lost and something won (n/0) is infinite: it beats every finite ratio, and two infinite
 *   ratios are equal (they cannot be told apart exactly; the next criterion or the lot decides).
 * - 0/0 (nothing won or lost among the tied players, e.g. only walkovers) counts as 1, "as many won as lost":
 *   it is neither a success nor a failure. So 0/0 equals 3/3, beats 1/2 and loses to 2/1.
 */
export interface WonLost {
  won: number;
  lost: number;
}

/** Negative when `a` is the better ratio, positive when `b` is, 0 when they are equal. */
export function compareRatio(a: WonLost, b: WonLost): number {
  const [aw, al] = a.won === 0 && a.lost === 0 ? [1, 1] : [a.won, a.lost];
  const [bw, bl] = b.won === 0 && b.lost === 0 ? [1, 1] : [b.won, b.lost];
  const aInfinite = al === 0;
  const bInfinite = bl === 0;
  if (aInfinite || bInfinite) return (bInfinite ? 1 : 0) - (aInfinite ? 1 : 0);
  return Math.sign(bw * al - aw * bl);
}
