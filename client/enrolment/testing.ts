/** Made-up terms, classes and placements for the unit tests beside this folder's pure code. */
import type { ApplicationDto, ClassDto, PlacementDto, TermDto } from './types.ts';

export function aTerm(over: Partial<TermDto> = {}): TermDto {
  return {
    id: 't1',
    venueId: 'v1',
    name: '2027 年春季学期',
    mode: 'lottery',
    renewFrom: null,
    renewUntil: null,
    applyFrom: '2027-02-10T00:30:00.000Z',
    applyUntil: '2027-02-20T09:00:00.000Z',
    classesPerMember: 2,
    choicesPerApplication: 3,
    priorityCategories: [],
    offerHours: 48,
    payUntil: null,
    seedHash: 'a'.repeat(64),
    drawnAt: null,
    phase: 'applying',
    applications: 0,
    ...over,
  };
}

export function aClass(id: string, over: Partial<ClassDto> = {}): ClassDto {
  return {
    id,
    termId: 't1',
    name: `班级 ${id}`,
    course: '书法',
    teacher: null,
    level: null,
    feeCents: 28_000,
    roomId: 'r1',
    capacity: 2,
    firstStart: '2027-03-02T01:00:00.000Z',
    firstEnd: '2027-03-02T02:30:00.000Z',
    rrule: 'FREQ=WEEKLY;UNTIL=20270629',
    seriesId: null,
    minAgeFemale: null,
    minAgeMale: null,
    maxAge: null,
    categories: null,
    continuesClassId: null,
    seats: { admitted: 0, waitlisted: 0, offered: 0, applicants: 0, firstChoice: 0 },
    ...over,
  };
}

export function anApplication(id: string, memberName: string, memberNo: string | null, choices: string[]): ApplicationDto {
  return {
    id,
    termId: 't1',
    memberId: `m-${id}`,
    choices,
    channel: 'desk',
    createdAt: '2027-02-11T01:00:00.000Z',
    updatedAt: '2027-02-11T01:00:00.000Z',
    memberName,
    memberNo,
  };
}

export function aPlacement(id: string, over: Partial<PlacementDto> = {}): PlacementDto {
  return {
    id,
    termId: 't1',
    applicationId: null,
    memberId: `m-${id}`,
    classId: 'c1',
    status: 'admitted',
    position: null,
    source: 'draw',
    offerExpiresAt: null,
    payBy: null,
    paidAt: null,
    receiptNo: null,
    amountCents: null,
    withdrawnReason: null,
    memberName: `会员${id}`,
    memberNo: `000${id}`,
    ...over,
  };
}
