/** Rows to the interface's shapes (schemas.ts), and the term's phase from the clock. */
import { termPhase } from '../../shared/term-phase.ts';
import type { ClassDto, ApplicationDto, PlacementDto, SeatCounts, TermDto } from './schemas.ts';
import type { ApplicationRow, ClassRow, PlacementRow, TermRow } from './queries.ts';

const iso = (d: Date | string) => new Date(d).toISOString();
const isoOrNull = (d: Date | string | null) => (d === null ? null : iso(d));

export { termPhase };

export function toTerm(t: TermRow, now = new Date()): TermDto {
  return {
    id: t.id,
    venueId: t.venueId,
    name: t.name,
    mode: t.mode,
    renewFrom: isoOrNull(t.renewFrom),
    renewUntil: isoOrNull(t.renewUntil),
    applyFrom: iso(t.applyFrom),
    applyUntil: iso(t.applyUntil),
    classesPerMember: t.classesPerMember,
    choicesPerApplication: t.choicesPerApplication,
    priorityCategories: t.priorityCategories ?? [],
    offerHours: t.offerHours,
    payUntil: isoOrNull(t.payUntil),
    seedHash: t.seedHash,
    drawnAt: isoOrNull(t.drawnAt),
    phase: termPhase(t, now),
    applications: Number(t.applications ?? 0),
  };
}

export const NO_SEATS: SeatCounts = { admitted: 0, waitlisted: 0, offered: 0, applicants: 0, firstChoice: 0 };

export function toClass(c: ClassRow, seats: SeatCounts = NO_SEATS): ClassDto {
  return {
    id: c.id,
    termId: c.termId,
    name: c.name,
    course: c.course,
    teacher: c.teacher,
    level: c.level,
    feeCents: c.feeCents,
    roomId: c.roomId,
    capacity: c.capacity,
    firstStart: iso(c.firstStart),
    firstEnd: iso(c.firstEnd),
    rrule: c.rrule,
    seriesId: c.seriesId,
    minAgeFemale: c.minAgeFemale,
    minAgeMale: c.minAgeMale,
    maxAge: c.maxAge,
    categories: c.categories,
    continuesClassId: c.continuesClassId,
    seats,
  };
}

/** `staff`: with the member's name and number (the office's lists); a member or kiosk gets ids only. */
export function toApplication(a: ApplicationRow & { memberName?: string; memberNo?: string | null }, staff = false): ApplicationDto {
  return {
    id: a.id,
    termId: a.termId,
    memberId: a.memberId,
    choices: a.choices,
    channel: a.channel,
    createdAt: iso(a.createdAt),
    updatedAt: iso(a.updatedAt),
    ...(staff && a.memberName !== undefined ? { memberName: a.memberName, memberNo: a.memberNo ?? null } : {}),
  };
}

export function toPlacement(p: PlacementRow, staff = false): PlacementDto {
  return {
    id: p.id,
    termId: p.termId,
    applicationId: p.applicationId,
    memberId: p.memberId,
    classId: p.classId,
    status: p.status,
    position: p.position === null ? null : Number(p.position),
    source: p.source,
    offerExpiresAt: isoOrNull(p.offerExpiresAt),
    payBy: isoOrNull(p.payBy),
    paidAt: isoOrNull(p.paidAt),
    receiptNo: p.receiptNo,
    amountCents: p.amountCents,
    withdrawnReason: p.withdrawnReason,
    ...(staff ? { memberName: p.memberName, memberNo: p.memberNo } : {}),
  };
}
