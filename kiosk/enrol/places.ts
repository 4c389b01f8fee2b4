/**
 * Where a member stands in each class they chose, as the result screen, the overview and the slip say it:
 * admitted, on the waiting list at place N, offered a seat until a time, not (yet) drawn, or no seat.
 */
import type { PlacementDto } from './types.ts';

export type PlaceStatus =
  /** A lottery not drawn yet: nothing to say but when. */
  | { kind: 'pending' }
  | { kind: 'admitted'; payBy: string | null; paid: boolean }
  | { kind: 'waitlisted'; position: number | null }
  | { kind: 'offered'; until: string | null }
  | { kind: 'withdrawn' }
  /** Placed (drawn, or first-come) and this choice gave no seat: the member had enough classes, or it was full. */
  | { kind: 'none' };

export interface PlaceLine {
  classId: string;
  /** The choice's number (1 = first choice); null for a seat that was not a choice (a renewal, 续报). */
  rank: number | null;
  status: PlaceStatus;
  placementId: string | null;
}

export function statusOf(p: PlacementDto): PlaceStatus {
  switch (p.status) {
    case 'admitted':
      return { kind: 'admitted', payBy: p.payBy, paid: p.paidAt !== null };
    case 'waitlisted':
      return { kind: 'waitlisted', position: p.position };
    case 'offered':
      return { kind: 'offered', until: p.offerExpiresAt };
    case 'withdrawn':
      return { kind: 'withdrawn' };
  }
}

/** The member's placement in a class: a live one before a withdrawn one (a seat declined, then offered again). */
function placementIn(placements: readonly PlacementDto[], classId: string): PlacementDto | null {
  const mine = placements.filter((p) => p.classId === classId);
  return mine.find((p) => p.status !== 'withdrawn') ?? mine[0] ?? null;
}

/**
 * A line per choice, in the member's order, then the seats that were no choice of theirs (a renewal).
 * `placed`: the term has placed its applications (first-come at once, a lottery once drawn); before that a
 * choice without a placement is pending, after it, it gave no seat.
 */
export function placeLines(choices: readonly string[], placements: readonly PlacementDto[], placed: boolean): PlaceLine[] {
  const lines = choices.map((classId, i): PlaceLine => {
    const p = placementIn(placements, classId);
    return { classId, rank: i + 1, status: p ? statusOf(p) : { kind: placed ? 'none' : 'pending' }, placementId: p?.id ?? null };
  });
  const others = placements.filter((p) => !choices.includes(p.classId) && p.status !== 'withdrawn');
  return [...lines, ...others.map((p): PlaceLine => ({ classId: p.classId, rank: null, status: statusOf(p), placementId: p.id }))];
}
