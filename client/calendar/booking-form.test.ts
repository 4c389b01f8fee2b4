import { describe, expect, it } from 'vitest';
import type { Booking } from '../lib/types.ts';
import { checkBody, createBody, moveStartDate, toolbarStart, updateBody, valuesForBooking, valuesForSelection } from './booking-form.ts';
import { toggleWeekday, weeklyDates } from './rrule.ts';
import { parseWall, weekdayOf } from './zone.ts';

const hours = { opensAt: '08:00', closesAt: '21:00' };
const SH = 'Asia/Shanghai';

describe('booking form', () => {
  it('starts from a selected time span, in venue wall time', () => {
    const values = valuesForSelection(parseWall('2027-03-02', '09:00'), parseWall('2027-03-02', '10:30'), 'r1', hours);
    expect(values).toMatchObject({ startDate: '2027-03-02', startTime: '09:00', endDate: '2027-03-02', endTime: '10:30', roomId: 'r1' });
    expect(values.repeat).toMatchObject({ mode: 'none', weekdays: [2] });
  });

  it('turns a selection of whole days into the opening hours of those days', () => {
    const values = valuesForSelection(parseWall('2027-03-01'), parseWall('2027-03-06'), 'r1', hours);
    expect(values).toMatchObject({ startDate: '2027-03-01', startTime: '08:00', endDate: '2027-03-05', endTime: '21:00' });
  });

  it('builds a create request with instants and the weekly rule', () => {
    const values = valuesForSelection(parseWall('2027-03-02', '09:00'), parseWall('2027-03-02', '10:30'), 'r1', hours);
    values.title = ' 书法班 ';
    values.kind = 'class';
    values.expectedCount = 30;
    values.repeat = { mode: 'weekly', weekdays: [2, 4], until: '2027-06-30', exdates: ['2027-04-06'] };
    values.skipConflicts = true;
    expect(createBody(values, SH)).toEqual({
      ok: true,
      value: {
        roomId: 'r1',
        start: '2027-03-02T01:00:00.000Z',
        end: '2027-03-02T02:30:00.000Z',
        title: '书法班',
        kind: 'class',
        expectedCount: 30,
        recurrence: { rrule: 'FREQ=WEEKLY;BYDAY=TU,TH;UNTIL=20270630', exdates: ['2027-04-06'] },
        skipConflicts: true,
      },
    });
    expect(checkBody(values, SH)).toEqual({
      roomId: 'r1',
      start: '2027-03-02T01:00:00.000Z',
      end: '2027-03-02T02:30:00.000Z',
      recurrence: { rrule: 'FREQ=WEEKLY;BYDAY=TU,TH;UNTIL=20270630', exdates: ['2027-04-06'] },
    });
  });

  it('says which field is wrong', () => {
    const values = valuesForSelection(parseWall('2027-03-02', '09:00'), parseWall('2027-03-02', '10:30'), 'r1', hours);
    expect(createBody(values, SH)).toMatchObject({ ok: false, field: 'title' });
    values.title = 'x';
    values.endTime = '08:00';
    expect(createBody(values, SH)).toMatchObject({ ok: false, field: 'end', problem: 'booking.problem.endBeforeStart' });
    expect(checkBody(values, SH)).toBeNull();
    values.endTime = '10:00';
    values.repeat = { ...values.repeat, mode: 'weekly', weekdays: [] };
    expect(createBody(values, SH)).toMatchObject({ ok: false, field: 'recurrence', problem: 'booking.problem.noWeekdays' });
  });

  it('sends only what changed, with the version and the scope of a series', () => {
    const booking: Booking = {
      id: 'b1',
      venueId: 'v1',
      roomId: 'r1',
      start: '2027-03-02T01:00:00Z',
      end: '2027-03-02T02:30:00Z',
      title: '书法班',
      kind: 'class',
      status: 'confirmed',
      seriesId: 's1',
      occurrenceDate: '2027-03-02',
      version: 3,
      expectedCount: null,
      notes: null,
    };
    const values = valuesForBooking(booking, SH);
    expect(values).toMatchObject({ startTime: '09:00', endTime: '10:30', notes: '' });
    expect(updateBody(values, booking, SH, 'all')).toEqual({ ok: true, value: { version: 3, scope: 'all' } });
    values.startTime = '09:30';
    values.notes = '带砚台';
    expect(updateBody(values, booking, SH, 'following')).toEqual({
      ok: true,
      value: { version: 3, start: '2027-03-02T01:30:00.000Z', notes: '带砚台', scope: 'following' },
    });
    expect(updateBody(values, { ...booking, seriesId: null }, SH, 'all')).toEqual({
      ok: true,
      value: { version: 3, start: '2027-03-02T01:30:00.000Z', notes: '带砚台' },
    });
  });
});

describe('booking form: a term’s weekdays', () => {
  // 2026-12-07 is a Monday, 12-08 a Tuesday, 12-10 a Thursday.
  const monday = () => valuesForSelection(parseWall('2026-12-07', '09:00'), parseWall('2026-12-07', '10:30'), 'r1', hours);

  it('moves the auto-ticked weekday and the end date with the start date, so Tue/Thu from a Tuesday is only Tue/Thu', () => {
    let values = monday();
    values.title = '太极拳';
    values.repeat = { ...values.repeat, mode: 'weekly', until: '2027-01-14' };
    expect(values.repeat.weekdays).toEqual([1]);
    values = moveStartDate(values, '2026-12-08');
    expect(values).toMatchObject({ startDate: '2026-12-08', endDate: '2026-12-08' });
    expect(values.repeat.weekdays).toEqual([2]);
    values.repeat = toggleWeekday(values.repeat, 4, true);
    const built = createBody(values, SH);
    expect(built.ok && built.value.recurrence?.rrule).toBe('FREQ=WEEKLY;BYDAY=TU,TH;UNTIL=20270114');
    expect(weeklyDates(values.repeat, values.startDate).map(weekdayOf)).not.toContain(1);
    expect(weeklyDates(values.repeat, values.startDate)).toHaveLength(12);
  });

  it('keeps the weekdays the user chose when the start date changes afterwards', () => {
    let values = monday();
    values.repeat = { ...values.repeat, mode: 'weekly', until: '2027-01-14' };
    values.repeat = toggleWeekday(values.repeat, 1, false);
    values.repeat = toggleWeekday(values.repeat, 2, true);
    values.repeat = toggleWeekday(values.repeat, 4, true);
    values = moveStartDate(values, '2026-12-10');
    expect(values.repeat.weekdays).toEqual([2, 4]);
    expect(values.endDate).toBe('2026-12-10');
  });

  it('keeps a multi-day booking’s length when its start date moves', () => {
    const values = valuesForSelection(parseWall('2026-12-07', '09:00'), parseWall('2026-12-13', '17:00'), 'r1', hours);
    expect(moveStartDate(values, '2026-12-14')).toMatchObject({ startDate: '2026-12-14', endDate: '2026-12-20' });
  });
});

describe('booking form: where "new booking" starts', () => {
  it('is the next whole hour today while an hour is left, else opening time (the next day after closing)', () => {
    const at = (date: string, time: string) => parseWall(date, time);
    expect(toolbarStart(at('2026-12-07', '10:20'), '2026-12-07', hours)).toEqual(at('2026-12-07', '11:00'));
    expect(toolbarStart(at('2026-12-07', '06:10'), '2026-12-07', hours)).toEqual(at('2026-12-07', '08:00'));
    expect(toolbarStart(at('2026-12-07', '22:51'), '2026-12-07', hours)).toEqual(at('2026-12-08', '08:00'));
    expect(toolbarStart(at('2026-12-07', '22:51'), '2026-12-10', hours)).toEqual(at('2026-12-10', '08:00'));
  });
});
