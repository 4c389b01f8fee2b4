import { describe, expect, it } from 'vitest';
import type { Booking } from '../lib/types.ts';
import { bookingEventInputs, overCapacity } from './event-view.ts';

const hours = { opensAt: '08:00', closesAt: '21:00' };
const exhibition: Booking = {
  id: 'b1',
  venueId: 'v1',
  roomId: 'r1',
  start: '2026-12-07T01:00:00Z', // 09:00 in Shanghai
  end: '2026-12-13T09:00:00Z', // 17:00
  title: '迎新春书画作品展',
  kind: 'exhibition',
  status: 'confirmed',
  seriesId: null,
  occurrenceDate: null,
  version: 1,
  expectedCount: 300,
  notes: null,
};

describe('event view', () => {
  it('calls a booking over capacity only when more are expected than the room holds', () => {
    expect(overCapacity({ expectedCount: 300 }, { capacity: 150 })).toBe(true);
    expect(overCapacity({ expectedCount: 150 }, { capacity: 150 })).toBe(false);
    expect(overCapacity({ expectedCount: null }, { capacity: 150 })).toBe(false);
    expect(overCapacity({ expectedCount: 300 }, undefined)).toBe(false);
  });

  it('draws a booking over several days as a part per day, grouped under the booking, not dragged', () => {
    const inputs = bookingEventInputs(exhibition, 'Asia/Shanghai', hours);
    expect(inputs).toHaveLength(7);
    expect(inputs.every((i) => i.groupId === 'b1' && i.editable === false)).toBe(true);
    expect(new Set(inputs.map((i) => i.id)).size).toBe(7);
    // The second day: open 08:00–21:00 there, as instants for "in the room now".
    expect(inputs[1]!.extendedProps!.part).toMatchObject({ start: '2026-12-08T00:00:00.000Z', end: '2026-12-08T13:00:00.000Z' });
  });

  it('leaves a booking within one day as one event with the booking’s id', () => {
    const inputs = bookingEventInputs({ ...exhibition, end: '2026-12-07T03:00:00Z' }, 'Asia/Shanghai', hours);
    expect(inputs).toHaveLength(1);
    expect(inputs[0]).toMatchObject({ id: 'b1', editable: true });
  });
});
