/**
 * Seat counts as the applications tab shows them: `seats.changed` patches a term's classes (the event carries
 * every class of the term, counted as committed when it was made), and each class's row says how much
 * pressure it is under. Applicant counts are not in the event: the store reloads the term for them.
 */
import type { ClassDto, SeatsDto } from './types.ts';

/** The classes with the event's counts; classes it does not name, or another term's event, stay as they are. */
export function applySeats(classes: readonly ClassDto[], termId: string, seats: SeatsDto): ClassDto[] {
  if (seats.termId !== termId) return [...classes];
  const byId = new Map(seats.classes.map((c) => [c.classId, c]));
  return classes.map((cls) => {
    const next = byId.get(cls.id);
    if (!next) return cls;
    return {
      ...cls,
      capacity: next.capacity,
      seats: { ...cls.seats, admitted: next.admitted, waitlisted: next.waitlisted, offered: next.offered },
    };
  });
}

export interface SeatRow {
  cls: ClassDto;
  /** Seats nobody holds or is being offered. */
  free: number;
  /** More applicants than free seats: the draw (or arrival order) decides. */
  oversubscribed: boolean;
  /** Applicants beyond the free seats (0 when all fit). */
  over: number;
}

export function seatRow(cls: ClassDto): SeatRow {
  const free = Math.max(0, cls.capacity - cls.seats.admitted - cls.seats.offered);
  return {
    cls,
    free,
    oversubscribed: cls.seats.applicants > free,
    over: Math.max(0, cls.seats.applicants - free),
  };
}

export interface SeatTotals {
  capacity: number;
  admitted: number;
  waitlisted: number;
  offered: number;
  firstChoice: number;
}

export function seatTotals(classes: readonly ClassDto[]): SeatTotals {
  const totals: SeatTotals = { capacity: 0, admitted: 0, waitlisted: 0, offered: 0, firstChoice: 0 };
  for (const cls of classes) {
    totals.capacity += cls.capacity;
    totals.admitted += cls.seats.admitted;
    totals.waitlisted += cls.seats.waitlisted;
    totals.offered += cls.seats.offered;
    totals.firstChoice += cls.seats.firstChoice;
  }
  return totals;
}
