/**
 * The placements tab's view of one class: who holds a seat (and whether they paid), who is being offered a seat
 * and until when, the waiting list by place, and who left and why. Pure, with the clock passed in.
 */
import type { ClassDto, PlacementDto } from './types.ts';

export interface ClassPlacements {
  cls: ClassDto;
  admitted: PlacementDto[];
  offered: PlacementDto[];
  waitlisted: PlacementDto[];
  withdrawn: PlacementDto[];
}

const byMember = (a: PlacementDto, b: PlacementDto): number =>
  (a.memberNo ?? '').localeCompare(b.memberNo ?? '') || (a.memberName ?? '').localeCompare(b.memberName ?? '', 'zh-CN') || a.id.localeCompare(b.id);

/** Each class of the term (in the term's order) with its placements sorted for the desk. */
export function placementsByClass(classes: readonly ClassDto[], placements: readonly PlacementDto[]): ClassPlacements[] {
  return classes.map((cls) => {
    const mine = placements.filter((p) => p.classId === cls.id);
    return {
      cls,
      admitted: mine.filter((p) => p.status === 'admitted').sort(byMember),
      offered: mine.filter((p) => p.status === 'offered').sort((a, b) => (a.offerExpiresAt ?? '').localeCompare(b.offerExpiresAt ?? '')),
      waitlisted: mine.filter((p) => p.status === 'waitlisted').sort((a, b) => (a.position ?? 0) - (b.position ?? 0)),
      withdrawn: mine.filter((p) => p.status === 'withdrawn').sort(byMember),
    };
  });
}

/**
 * Where an admitted seat stands with its fee: `paid`; `free` (no fee); `due` (unpaid, before `payBy` or with no
 * deadline); `overdue` (past `payBy`: the server releases it, the desk should call first).
 */
export type PayState = 'paid' | 'free' | 'due' | 'overdue';

export function payState(placement: PlacementDto, feeCents: number, now: Date): PayState {
  if (placement.paidAt) return 'paid';
  if (feeCents === 0) return 'free';
  if (placement.payBy && Date.parse(placement.payBy) <= now.getTime()) return 'overdue';
  return 'due';
}

/** How long until `until`: whole hours and minutes, rounded down; `expired` once it has passed. */
export function timeLeft(until: string, now: Date): { expired: boolean; hours: number; minutes: number } {
  const ms = Date.parse(until) - now.getTime();
  if (!(ms > 0)) return { expired: true, hours: 0, minutes: 0 };
  const minutes = Math.floor(ms / 60_000);
  return { expired: false, hours: Math.floor(minutes / 60), minutes: minutes % 60 };
}

/** Unpaid seats with a fee, to count on the class's heading. */
export const unpaidCount = (group: ClassPlacements, now: Date): number =>
  group.admitted.filter((p) => {
    const state = payState(p, group.cls.feeCents, now);
    return state === 'due' || state === 'overdue';
  }).length;

/** Whether a placement is the member typed (part of the name or the member number); everyone when blank. */
export function matchesMember(placement: PlacementDto, text: string): boolean {
  const needle = text.trim().toLowerCase();
  return !needle || (placement.memberName ?? '').toLowerCase().includes(needle) || (placement.memberNo ?? '').toLowerCase().includes(needle);
}
