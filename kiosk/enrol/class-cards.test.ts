import { describe, expect, it } from 'vitest';
import { choiceLimits, classCards, seatsOf, weeklyTime, yuan } from './class-cards.ts';
import type { ClassDto, EligibilityDto } from './types.ts';

const SHANGHAI = 'Asia/Shanghai';

function cls(id: string, fields: Partial<ClassDto> = {}): ClassDto {
  return {
    id,
    termId: 't1',
    name: `${id}班`,
    course: '书法',
    teacher: '王老师',
    level: null,
    feeCents: 30000,
    roomId: 'r1',
    capacity: 30,
    // Tuesday 2 March 2027, 09:00–11:00 in Shanghai.
    firstStart: '2027-03-02T01:00:00Z',
    firstEnd: '2027-03-02T03:00:00Z',
    rrule: 'FREQ=WEEKLY;BYDAY=TU;UNTIL=20270629',
    seriesId: null,
    minAgeFemale: null,
    minAgeMale: null,
    maxAge: null,
    categories: null,
    continuesClassId: null,
    seats: { admitted: 0, waitlisted: 0, offered: 0, applicants: 0, firstChoice: 0 },
    ...fields,
  };
}

const member = { id: 'm1', name: '张建国' };

describe('a class card', () => {
  it('says when the class meets each week, in the venue’s zone', () => {
    expect(weeklyTime(cls('a'), SHANGHAI)).toEqual({ weekdays: [2], start: '09:00', end: '11:00', firstDate: '2027-03-02' });
    expect(weeklyTime(cls('a', { rrule: 'RRULE:FREQ=WEEKLY;BYDAY=TH,TU' }), SHANGHAI).weekdays).toEqual([2, 4]);
    // Late evening in UTC is the next morning in Shanghai: the date and weekday are the venue's.
    const lateUtc = cls('b', { firstStart: '2027-03-01T23:30:00Z', firstEnd: '2027-03-02T01:30:00Z', rrule: 'FREQ=WEEKLY' });
    expect(weeklyTime(lateUtc, SHANGHAI)).toEqual({ weekdays: [2], start: '07:30', end: '09:30', firstDate: '2027-03-02' });
    expect(weeklyTime(cls('c', { rrule: 'FREQ=DAILY;COUNT=5' }), SHANGHAI).weekdays).toEqual([]);
  });

  it('counts offered seats as taken and never shows fewer than no free seats', () => {
    expect(seatsOf(cls('a', { capacity: 10, seats: { admitted: 7, offered: 2, waitlisted: 4, applicants: 20, firstChoice: 9 } }))).toEqual({
      capacity: 10,
      taken: 9,
      free: 1,
      waitlisted: 4,
      applicants: 20,
    });
    expect(seatsOf(cls('a', { capacity: 5, seats: { admitted: 6, offered: 0, waitlisted: 0, applicants: 6, firstChoice: 6 } })).free).toBe(0);
  });

  it('puts the classes the member may choose first, the others after with their reason', () => {
    const reason = { code: 'age' as const, zh: '本班招收 60 岁以上学员', en: 'This class is for students aged 60 and over' };
    const eligibility: EligibilityDto = {
      member,
      classes: [
        { classId: 'a', eligible: false, reason },
        { classId: 'b', eligible: true },
        { classId: 'c', eligible: true },
      ],
      application: null,
      placements: [],
    };
    const cards = classCards([cls('a'), cls('b'), cls('c'), cls('d')], eligibility, ['c'], SHANGHAI);
    expect(cards.map((c) => [c.id, c.eligible, c.rank])).toEqual([
      ['b', true, null],
      ['c', true, 1],
      ['a', false, null],
      ['d', false, null],
    ]);
    expect(cards[2]!.reason).toEqual(reason);
    // Not mentioned by the server: not offered, and no invented reason.
    expect(cards[3]!.reason).toBeNull();
  });

  it('writes fees in yuan without empty decimals', () => {
    expect(yuan(30000)).toBe('300');
    expect(yuan(30050)).toBe('300.50');
    expect(yuan(5)).toBe('0.05');
    expect(yuan(0)).toBe('0');
  });

  it('allows no more choices than the term or the possible classes', () => {
    expect(choiceLimits({ choicesPerApplication: 3, classesPerMember: 2 }, 5)).toEqual({ max: 3, classes: 2 });
    expect(choiceLimits({ choicesPerApplication: 3, classesPerMember: 2 }, 1)).toEqual({ max: 1, classes: 2 });
  });
});
