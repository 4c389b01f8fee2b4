import { describe, expect, it } from 'vitest';
import { attendanceGrid, percentText, sessionDay } from './attendance-view.ts';
import { aClass } from './testing.ts';
import type { AttendanceDto, AttendanceStudent } from './types.ts';

const session = (bookingId: string, start: string, held: boolean, present: number) => ({ bookingId, start, end: start, held, present });
const student = (name: string, memberNo: string, attended: string[], absentStreak: number): AttendanceStudent => ({
  placementId: `p-${name}`,
  memberId: `m-${name}`,
  name,
  memberNo,
  phone: '13900000000',
  attended,
  absentStreak,
  flagged: absentStreak >= 3,
});

const view: AttendanceDto = {
  class: aClass('c1'),
  sessions: [
    session('b1', '2027-03-02T01:00:00.000Z', true, 2),
    session('b2', '2027-03-09T01:00:00.000Z', true, 1),
    session('b3', '2027-03-16T01:00:00.000Z', true, 1),
    session('b4', '2027-03-23T01:00:00.000Z', true, 1),
    session('b5', '2027-03-30T01:00:00.000Z', false, 0),
  ],
  students: [student('甲', '003', ['b1', 'b2', 'b3', 'b4'], 0), student('丙', '001', [], 4), student('乙', '002', ['b1'], 3)],
  rate: 5 / 12,
};

describe('attendance grid', () => {
  it('has a column per session held and a row of ✓ per student', () => {
    const grid = attendanceGrid(view);
    expect(grid.held.map((s) => s.bookingId)).toEqual(['b1', 'b2', 'b3', 'b4']);
    expect(grid.upcoming).toBe(1);
    expect(grid.rows.map((r) => [r.student.name, r.cells.map((c) => (c ? '✓' : ' ')).join(''), r.attended])).toEqual([
      ['甲', '✓✓✓✓', 4],
      ['丙', '    ', 0],
      ['乙', '✓   ', 1],
    ]);
    expect(grid.rows[2]!.rate).toBe(0.25);
  });

  it('lists the students to call, longest absent first', () => {
    expect(attendanceGrid(view).toCall.map((s) => s.name)).toEqual(['丙', '乙']);
  });

  it('has no rate before the first session', () => {
    const before = attendanceGrid({ ...view, sessions: view.sessions.map((s) => ({ ...s, held: false })), rate: null });
    expect(before.held).toEqual([]);
    expect(before.rows[0]!.rate).toBeNull();
    expect(percentText(null)).toBe('—');
  });

  it('dates sessions on the venue’s calendar and rounds rates to whole percents', () => {
    // 23:30 UTC on 1 March is 07:30 on 2 March in Shanghai.
    expect(sessionDay('2027-03-01T23:30:00.000Z', 'Asia/Shanghai')).toBe('3/2');
    expect(sessionDay('2027-03-01T23:30:00.000Z', 'Europe/London')).toBe('3/1');
    expect(percentText(5 / 12)).toBe('42%');
    expect(percentText(1)).toBe('100%');
  });
});
