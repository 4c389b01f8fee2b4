/**
 * The classes a member picks, best first (第一志愿, 第二志愿, …): the order is the application's `choices` and
 * decides the draw (docs/rules.md "Enrolment draw" "Placement"), so the page must make it easy to see and change.
 * Plain functions on arrays of class ids; the page keeps the array in its state.
 */

/** Add a class at the end, unless it is there already or the list is full (`max`: the term's choicesPerApplication). */
export function addChoice(choices: readonly string[], classId: string, max: number): string[] {
  if (choices.includes(classId) || choices.length >= max) return [...choices];
  return [...choices, classId];
}

export function removeChoice(choices: readonly string[], classId: string): string[] {
  return choices.filter((c) => c !== classId);
}

/** Move a class one place up (-1) or down (+1); at either end it stays. */
export function moveChoice(choices: readonly string[], classId: string, step: -1 | 1): string[] {
  const from = choices.indexOf(classId);
  const to = from + step;
  if (from < 0 || to < 0 || to >= choices.length) return [...choices];
  const next = [...choices];
  [next[from], next[to]] = [next[to]!, next[from]!];
  return next;
}

/** 1 for the first choice, …; null when not chosen. */
export function rankOf(choices: readonly string[], classId: string): number | null {
  const i = choices.indexOf(classId);
  return i < 0 ? null : i + 1;
}

export function sameChoices(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((c, i) => c === b[i]);
}

/**
 * Choices still worth keeping after the class list changed under the page (a live reload, a class that became
 * closed to the member): only classes that exist and that the member may choose, in the same order.
 */
export function keepChoosable(choices: readonly string[], choosable: ReadonlySet<string>): string[] {
  return choices.filter((c) => choosable.has(c));
}
