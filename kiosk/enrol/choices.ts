/**
 * A member's ranked choices (志愿) as they pick class cards: a touch adds the class as the next choice, a second
 * touch takes it out (the later ones move up), and "提前" moves one up. Nothing here can make a list the server
 * refuses: no repeats, never more than the term allows, only classes the member may choose.
 */

/** Add the class as the last choice, or take it out when it is already chosen. A full list stays as it is. */
export function togglePick(picks: readonly string[], classId: string, max: number): string[] {
  if (picks.includes(classId)) return picks.filter((id) => id !== classId);
  if (picks.length >= max) return [...picks];
  return [...picks, classId];
}

/** Move the choice at `index` one place earlier (`delta` -1) or later (+1); at an end it stays. */
export function movePick(picks: readonly string[], index: number, delta: -1 | 1): string[] {
  const target = index + delta;
  if (index < 0 || index >= picks.length || target < 0 || target >= picks.length) return [...picks];
  const next = [...picks];
  [next[index], next[target]] = [next[target]!, next[index]!];
  return next;
}

/** The choice's number (1 = first choice), or null when the class is not chosen. */
export function rankOf(picks: readonly string[], classId: string): number | null {
  const index = picks.indexOf(classId);
  return index < 0 ? null : index + 1;
}

/**
 * The choices still possible: an earlier application's choices brought back for a change keep their order,
 * without classes the member may no longer choose (or that are gone), and at most `max`.
 */
export function possiblePicks(picks: readonly string[], eligible: ReadonlySet<string>, max: number): string[] {
  return [...new Set(picks)].filter((id) => eligible.has(id)).slice(0, max);
}

/** Whether two lists name the same classes in the same order (a change that changes nothing is not sent). */
export const samePicks = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((id, i) => b[i] === id);
