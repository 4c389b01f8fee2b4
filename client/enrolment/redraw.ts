/**
 * Redoing a public draw (admins, docs/api.md "POST /api/terms/:termId/redraw"), pure: what the draw gave, so the
 * confirmation can say what will be removed, and whether the reason typed is one the server takes (it is kept
 * with the superseded draw and in the audit log).
 */
import type { DrawViewDto } from './types.ts';

/** The server's bounds for the reason (RedrawBody): 2 to 500 characters, not blank. */
export const REASON_MIN = 2;
export const REASON_MAX = 500;

export type ReasonProblem = 'required' | 'tooShort' | 'tooLong';

export function reasonProblem(reason: string): ReasonProblem | null {
  const clean = reason.trim();
  if (!clean) return 'required';
  const length = Array.from(clean).length;
  if (length < REASON_MIN) return 'tooShort';
  if (length > REASON_MAX) return 'tooLong';
  return null;
}

/** Seats the draw admitted, and people it put on a waiting list (once each, however many lists). */
export function drawCounts(view: DrawViewDto): { admitted: number; waiting: number } {
  return {
    admitted: view.placements.filter((p) => p.status === 'admitted').length,
    waiting: new Set(view.placements.filter((p) => p.status === 'waitlisted').map((p) => p.applicationId)).size,
  };
}
