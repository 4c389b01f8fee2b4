import { describe, expect, it } from 'vitest';
import { classBody, initialClassFields, sessionDates, weeklyRule, withFirstDate, type ClassFields } from './class-form.ts';

const ZONE = 'Asia/Shanghai';
const filled = (over: Partial<ClassFields> = {}): ClassFields => ({
  ...initialClassFields('2027-03-02'),
  course: '书法',
  name: '书法初级一班',
  teacher: '王老师',
  roomId: 'r1',
  fee: '280',
  ...over,
});

describe('the add-class form', () => {
  it('books weekly on the first session’s weekday through the last date', () => {
    expect(weeklyRule('2027-06-29')).toBe('FREQ=WEEKLY;UNTIL=20270629');
    expect(sessionDates('2027-03-02', '2027-03-23')).toEqual(['2027-03-02', '2027-03-09', '2027-03-16', '2027-03-23']);
    expect(sessionDates('2027-03-02', '2027-03-01')).toEqual([]);
    expect(sessionDates('2027-03-02', 'soon')).toEqual([]);
  });

  it('runs eighteen weeks by default', () => {
    const f = initialClassFields('2027-03-02');
    expect(f.untilDate).toBe('2027-06-29');
    expect(sessionDates(f.firstDate, f.untilDate)).toHaveLength(18);
  });

  it('moves the last date with the first until the person sets it', () => {
    const moved = withFirstDate(initialClassFields('2027-03-02'), '2027-03-08');
    expect([moved.firstDate, moved.untilDate]).toEqual(['2027-03-08', '2027-07-05']);
    const chosen = withFirstDate({ ...moved, untilDate: '2027-06-28', untilChosen: true }, '2027-03-15');
    expect(chosen.untilDate).toBe('2027-06-28');
    expect(withFirstDate(moved, '').untilDate).toBe('2027-07-05');
  });

  it('makes the body: instants, fen, and no limit where none was set (left out, not null)', () => {
    const result = classBody(filled(), ZONE);
    expect(result).toEqual({
      ok: true,
      sessions: 18,
      body: {
        course: '书法',
        name: '书法初级一班',
        roomId: 'r1',
        capacity: 30,
        firstStart: '2027-03-02T01:00:00.000Z',
        firstEnd: '2027-03-02T02:30:00.000Z',
        rrule: 'FREQ=WEEKLY;UNTIL=20270629',
        teacher: '王老师',
        feeCents: 28_000,
      },
    });
  });

  it('sends the age bounds by sex, the categories and the class it continues', () => {
    const result = classBody(filled({ minAgeFemale: 50, minAgeMale: '55', maxAge: 80, categories: ['retired', 'veteran'], continuesClassId: 'c0', fee: '' }), ZONE);
    expect(result.ok && result.body).toMatchObject({ minAgeFemale: 50, minAgeMale: 55, maxAge: 80, categories: ['retired', 'veteran'], continuesClassId: 'c0', feeCents: 0 });
  });

  it('treats every category ticked as no limit', () => {
    const result = classBody(filled({ categories: ['veteran', 'retired', 'leader', 'other'] }), ZONE);
    expect(result.ok && 'categories' in result.body).toBe(false);
  });

  it('names each field that is wrong', () => {
    const result = classBody(
      filled({ course: '', roomId: '', endTime: '08:00', untilDate: '2027-03-01', capacity: 0, fee: '28.005', minAgeMale: 60, maxAge: 55 }),
      ZONE,
    );
    expect(!result.ok && result.problems.map((p) => `${p.field}:${p.code}`)).toEqual([
      'course:required',
      'roomId:required',
      'endTime:endBeforeStart',
      'untilDate:untilBeforeFirst',
      'capacity:outOfRange',
      'fee:badFee',
      'maxAge:maxBelowMin',
    ]);
  });
});
