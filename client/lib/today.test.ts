import { describe, expect, it } from 'vitest';
import type { DayBooking } from './checkin-types.ts';
import {
  activitiesToday,
  applyBookingEvent,
  applyHeadcountEvent,
  asHeadcount,
  bookingWindow,
  capacityLevel,
  localDate,
  roomActivity,
} from './today.ts';

const booking = (id: string, start: string, end: string, extra: Partial<DayBooking> = {}): DayBooking => ({
  id,
  roomId: 'r1',
  start,
  end,
  title: id,
  kind: 'class',
  status: 'confirmed',
  expectedCount: null,
  ...extra,
});

const SH = 'Asia/Shanghai';

describe('localDate', () => {
  it('is the date in the venue zone', () => {
    expect(localDate('2026-11-29T17:00:00Z', SH)).toBe('2026-11-30');
    expect(localDate('2026-11-29T17:00:00Z', 'America/New_York')).toBe('2026-11-29');
  });
});

describe('activitiesToday', () => {
  // 15:00 in Shanghai.
  const now = new Date('2026-11-29T07:00:00Z');
  const list = [
    booking('morning', '2026-11-29T01:00:00Z', '2026-11-29T02:30:00Z'),
    booking('running', '2026-11-29T06:30:00Z', '2026-11-29T08:30:00Z'),
    booking('evening', '2026-11-29T11:00:00Z', '2026-11-29T12:00:00Z'),
    booking('tomorrow', '2026-11-29T17:00:00Z', '2026-11-29T18:00:00Z'),
    booking('cancelled', '2026-11-29T09:00:00Z', '2026-11-29T10:00:00Z', { status: 'cancelled' }),
    booking('week-long', '2026-11-23T01:00:00Z', '2026-11-29T09:00:00Z', { roomId: 'r2' }),
    booking('later', '2026-11-29T08:00:00Z', '2026-11-29T09:00:00Z'),
  ];

  it('keeps what runs now or starts later today, running first', () => {
    expect(activitiesToday(list, now, SH).map((b) => b.id)).toEqual(['week-long', 'running', 'later', 'evening']);
  });

  it('drops an activity at its end (half-open)', () => {
    expect(activitiesToday([booking('x', '2026-11-29T06:00:00Z', '2026-11-29T07:00:00Z')], now, SH)).toEqual([]);
  });

  it('tells a room what it has now, or next', () => {
    expect(roomActivity('r1', list, now, SH)).toMatchObject({ booking: { id: 'running' }, now: true });
    expect(roomActivity('r1', [list[2]!], now, SH)).toMatchObject({ booking: { id: 'evening' }, now: false });
    expect(roomActivity('r2', list, now, SH)).toMatchObject({ booking: { id: 'week-long' }, now: true });
    expect(roomActivity('r3', list, now, SH)).toBeNull();
  });
});

describe('events', () => {
  const a = booking('a', '2026-11-29T06:00:00Z', '2026-11-29T07:00:00Z');
  const b = booking('b', '2026-11-29T08:00:00Z', '2026-11-29T09:00:00Z');

  it('upserts bookings and removes cancelled ones', () => {
    const created = applyBookingEvent([a], { type: 'booking.created', data: { bookings: [b] } });
    expect(created.map((x) => x.id)).toEqual(['a', 'b']);
    const updated = applyBookingEvent(created, { type: 'booking.updated', data: { bookings: [{ ...a, title: 'A2' }] } });
    expect(updated.find((x) => x.id === 'a')?.title).toBe('A2');
    expect(applyBookingEvent(updated, { type: 'booking.cancelled', data: { bookings: [b] } }).map((x) => x.id)).toEqual(['a']);
    const same = [a];
    expect(applyBookingEvent(same, { type: 'room.updated', data: {} })).toBe(same);
  });

  it('replaces the headcount with the event’s, for this venue only', () => {
    const data = { venueId: 'v1', total: 3, rooms: [{ roomId: 'r1', count: 3, capacity: 3, level: 'full' }], at: 'x' };
    expect(applyHeadcountEvent(null, 'v1', { type: 'headcount.changed', data })).toEqual(data);
    expect(applyHeadcountEvent(null, 'v2', { type: 'headcount.changed', data })).toBeNull();
    expect(applyHeadcountEvent(null, 'v1', { type: 'checkin.created', data })).toBeNull();
    expect(asHeadcount({ venueId: 'v1' })).toBeNull();
  });

  it('mirrors the server’s capacity levels', () => {
    expect(capacityLevel(8, 10)).toBe('ok');
    expect(capacityLevel(9, 10)).toBe('warning');
    expect(capacityLevel(10, 10)).toBe('full');
    expect(capacityLevel(12, 10)).toBe('full');
    expect(capacityLevel(0, 0)).toBe('ok');
  });

  it('loads a day either side of now', () => {
    expect(bookingWindow(new Date('2026-11-29T07:00:00Z'))).toEqual({
      from: '2026-11-28T07:00:00.000Z',
      to: '2026-11-30T07:00:00.000Z',
    });
  });
});
