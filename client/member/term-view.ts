/**
 * Which terms the phone page lists and how it words where each stands, and a class's seats, from the term's
 * computed `phase` (docs/api.md "Senior-university enrolment"). Pure: the page passes the clock and the way
 * it writes dates.
 */
import type { ClassDto, TermDto } from '../../server/modules/enrolment/schemas.ts';
import type { Line } from './status-view.ts';

/** A finished term stays listed this long after its window closed, so a member still finds their result. */
const KEEP_FINISHED_MS = 120 * 24 * 3_600_000;

/** Open terms first (a window open now), then the ones coming, then the finished ones; newest first within each. */
export function visibleTerms(terms: readonly TermDto[], now: Date): TermDto[] {
  const group = (t: TermDto) => (t.phase === 'applying' || t.phase === 'renewal' ? 0 : t.phase === 'setup' ? 1 : 2);
  return terms
    .filter((t) => group(t) < 2 || now.getTime() - new Date(t.applyUntil).getTime() < KEEP_FINISHED_MS)
    .sort((a, b) => group(a) - group(b) || b.applyFrom.localeCompare(a.applyFrom));
}

/** Whether new applications (and changes to one) are taken now. */
export const isApplying = (term: TermDto): boolean => term.phase === 'applying';

export function phaseLine(term: TermDto, at: (instant: string) => string): Line {
  switch (term.phase) {
    case 'setup':
      return { key: 'mapp.phase.setup', params: { date: at(term.applyFrom) } };
    case 'renewal':
      return { key: 'mapp.phase.renewal', params: { date: at(term.applyFrom) } };
    case 'applying':
      return term.mode === 'lottery'
        ? { key: 'mapp.phase.applyingLottery', params: { date: at(term.applyUntil) } }
        : { key: 'mapp.phase.applyingFirstCome', params: { date: at(term.applyUntil) } };
    case 'closed':
      return { key: 'mapp.phase.closed' };
    case 'drawn':
      return { key: 'mapp.phase.drawn' };
    case 'placed':
      return { key: 'mapp.phase.placed' };
  }
}

/**
 * A class's seats as a member weighs them. In a lottery term what matters is how many want it against how many
 * places there are; first come, what is left now.
 */
export function seatsLine(term: TermDto, cls: ClassDto): Line {
  if (term.mode === 'lottery' && (term.phase === 'applying' || term.phase === 'closed' || term.phase === 'setup' || term.phase === 'renewal')) {
    return { key: 'mapp.class.seatsLottery', params: { capacity: cls.capacity, applicants: cls.seats.applicants } };
  }
  const left = cls.capacity - cls.seats.admitted - cls.seats.offered;
  return left > 0 ? { key: 'mapp.class.seatsLeft', params: { left } } : { key: 'mapp.class.full' };
}

/** Seat counts from a `seats.changed` event onto the loaded classes (applicants are not in the event: kept). */
export function withSeats(
  classes: readonly ClassDto[],
  counts: ReadonlyArray<{ classId: string; capacity: number; admitted: number; waitlisted: number; offered: number }>,
): ClassDto[] {
  const byId = new Map(counts.map((c) => [c.classId, c]));
  return classes.map((cls) => {
    const c = byId.get(cls.id);
    if (!c) return cls;
    return { ...cls, capacity: c.capacity, seats: { ...cls.seats, admitted: c.admitted, waitlisted: c.waitlisted, offered: c.offered } };
  });
}
