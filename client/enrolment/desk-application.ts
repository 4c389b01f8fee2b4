/**
 * The desk's application form as pure functions: the member's choices in order (at most the term's number), the
 * Idempotency-Key of a submission (kept across retries of the same submission, so a retry after a lost answer
 * changes nothing; a different submission gets a new one), and what the answer means in words.
 */
import type { ApplyAnswer, ClassDto, PlacementDto } from './types.ts';

/** `id` appended as the next choice, unless it is chosen already or the list is full. */
export function addChoice(choices: readonly string[], id: string, max: number): string[] {
  if (choices.includes(id) || choices.length >= max) return [...choices];
  return [...choices, id];
}

export const removeChoice = (choices: readonly string[], id: string): string[] => choices.filter((c) => c !== id);

/** The choice at `index` moved one place up (-1) or down (+1); out of range leaves the list as it is. */
export function moveChoice(choices: readonly string[], index: number, delta: -1 | 1): string[] {
  const target = index + delta;
  if (index < 0 || index >= choices.length || target < 0 || target >= choices.length) return [...choices];
  const next = [...choices];
  [next[index], next[target]] = [next[target]!, next[index]!];
  return next;
}

export interface Submission {
  /** What was submitted: the member and the choices in order. */
  signature: string;
  key: string;
}

export const signatureOf = (memberId: string, choices: readonly string[]): string => `${memberId}|${choices.join(',')}`;

/** Whether submitting now would be a retry of `pending` (the same member and choices). */
export const isRetry = (pending: Submission | null, memberId: string, choices: readonly string[]): boolean =>
  pending !== null && pending.signature === signatureOf(memberId, choices);

/**
 * The key for submitting `choices` for `memberId`: the pending one when this is a retry of the same submission
 * (the answer was lost, or the server was briefly away), else a new one.
 */
export function submissionFor(pending: Submission | null, memberId: string, choices: readonly string[], newKey: () => string): Submission {
  const signature = signatureOf(memberId, choices);
  return pending?.signature === signature ? pending : { signature, key: newKey() };
}

export type Outcome =
  | { kind: 'admitted'; className: string }
  | { kind: 'waitlisted'; className: string; position: number }
  | { kind: 'offered'; className: string }
  | { kind: 'registered'; classNames: string[] };

/** First-come: each placement the answer made; a lottery term: the application is in, the draw decides later. */
export function outcomes(answer: ApplyAnswer, classes: readonly ClassDto[]): Outcome[] {
  const name = (id: string) => classes.find((c) => c.id === id)?.name ?? '';
  if (!answer.placements || answer.placements.length === 0) return [{ kind: 'registered', classNames: answer.application.choices.map(name) }];
  const rank = (p: PlacementDto) => answer.application.choices.indexOf(p.classId);
  return [...answer.placements]
    .filter((p) => p.status !== 'withdrawn')
    .sort((a, b) => rank(a) - rank(b))
    .map((p): Outcome => {
      if (p.status === 'waitlisted') return { kind: 'waitlisted', className: name(p.classId), position: p.position ?? 0 };
      if (p.status === 'offered') return { kind: 'offered', className: name(p.classId) };
      return { kind: 'admitted', className: name(p.classId) };
    });
}
