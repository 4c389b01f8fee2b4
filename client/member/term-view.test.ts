import { describe, expect, it } from 'vitest';
import type { ClassDto, TermDto } from '../../server/modules/enrolment/schemas.ts';
import { phaseLine, seatsLine, visibleTerms, withSeats } from './term-view.ts';

const term: TermDto = {
  id: 't1',
  venueId: 'v',
  name: '2027 春季',
  mode: 'lottery',
  renewFrom: null,
  renewUntil: null,
  applyFrom: '2027-02-01T00:00:00Z',
  applyUntil: '2027-02-10T10:00:00Z',
  classesPerMember: 2,
  choicesPerApplication: 3,
  priorityCategories: [],
  offerHours: 48,
  payUntil: null,
  seedHash: 'x'.repeat(64),
  drawnAt: null,
  phase: 'applying',
  applications: 0,
};
const cls: ClassDto = {
  id: 'c1',
  termId: 't1',
  name: '一班',
  course: '书法',
  teacher: null,
  level: null,
  feeCents: 30000,
  roomId: 'r',
  capacity: 30,
  firstStart: '2027-03-02T01:00:00Z',
  firstEnd: '2027-03-02T02:30:00Z',
  rrule: 'FREQ=WEEKLY;COUNT=16',
  seriesId: null,
  minAgeFemale: null,
  minAgeMale: null,
  maxAge: null,
  categories: null,
  continuesClassId: null,
  seats: { admitted: 0, waitlisted: 0, offered: 0, applicants: 85, firstChoice: 40 },
};
const at = (s: string) => `AT(${s})`;

describe('the terms a member sees', () => {
  it('lists open terms first, then coming ones, then recently finished ones; drops old ones', () => {
    const now = new Date('2027-02-05T00:00:00Z');
    const terms: TermDto[] = [
      { ...term, id: 'old', phase: 'drawn', applyFrom: '2026-01-01T00:00:00Z', applyUntil: '2026-01-10T00:00:00Z' },
      { ...term, id: 'done', phase: 'drawn', applyFrom: '2026-12-01T00:00:00Z', applyUntil: '2026-12-10T00:00:00Z' },
      { ...term, id: 'next', phase: 'setup', applyFrom: '2027-06-01T00:00:00Z' },
      { ...term, id: 'open' },
    ];
    expect(visibleTerms(terms, now).map((t) => t.id)).toEqual(['open', 'next', 'done']);
  });

  it('words each phase with the date that matters', () => {
    expect(phaseLine(term, at)).toEqual({ key: 'mapp.phase.applyingLottery', params: { date: 'AT(2027-02-10T10:00:00Z)' } });
    expect(phaseLine({ ...term, mode: 'first_come' }, at).key).toBe('mapp.phase.applyingFirstCome');
    expect(phaseLine({ ...term, phase: 'setup' }, at)).toEqual({ key: 'mapp.phase.setup', params: { date: 'AT(2027-02-01T00:00:00Z)' } });
    expect(phaseLine({ ...term, phase: 'closed' }, at).key).toBe('mapp.phase.closed');
  });

  it('says places against applicants in a lottery, and places left first come', () => {
    expect(seatsLine(term, cls)).toEqual({ key: 'mapp.class.seatsLottery', params: { capacity: 30, applicants: 85 } });
    const firstCome = { ...term, mode: 'first_come' as const };
    expect(seatsLine(firstCome, { ...cls, seats: { ...cls.seats, admitted: 27, offered: 1 } })).toEqual({ key: 'mapp.class.seatsLeft', params: { left: 2 } });
    expect(seatsLine(firstCome, { ...cls, seats: { ...cls.seats, admitted: 30 } })).toEqual({ key: 'mapp.class.full' });
  });

  it('takes live seat counts onto the classes, keeping what the event does not carry', () => {
    const [next] = withSeats([cls], [{ classId: 'c1', capacity: 32, admitted: 5, waitlisted: 2, offered: 1 }]);
    expect(next).toMatchObject({ capacity: 32, seats: { admitted: 5, waitlisted: 2, offered: 1, applicants: 85, firstChoice: 40 } });
  });
});
