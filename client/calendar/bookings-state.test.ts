import { describe, expect, it } from 'vitest';
import type { Booking } from '../lib/types.ts';
import { asBooking, BookingsState, type InstantRange } from './bookings-state.ts';

const week: InstantRange = { start: Date.parse('2027-03-01T00:00:00+08:00'), end: Date.parse('2027-03-08T00:00:00+08:00') };

function booking(id: string, over: Partial<Booking> = {}): Booking {
  return {
    id,
    venueId: 'v1',
    roomId: 'r1',
    start: '2027-03-02T09:00:00+08:00',
    end: '2027-03-02T10:00:00+08:00',
    title: '书法班',
    kind: 'class',
    status: 'confirmed',
    seriesId: null,
    occurrenceDate: null,
    version: 1,
    expectedCount: 20,
    notes: null,
    ...over,
  };
}

function loaded(bookings: Booking[], options: { includeCancelled?: boolean } = {}): BookingsState {
  const state = new BookingsState(options);
  expect(state.finishLoad(state.beginLoad(), week, bookings)).toBe(true);
  return state;
}

describe('bookings state', () => {
  it('shows a created booking once, however often the event comes', () => {
    const state = loaded([]);
    const created = booking('b1');
    expect(state.applyEvent({ type: 'booking.created', data: { bookings: [created], seriesId: null } })).toEqual([
      { id: 'b1', booking: created },
    ]);
    expect(state.applyEvent({ type: 'booking.created', data: { bookings: [created], seriesId: null } })).toEqual([]);
    expect(state.all()).toEqual([created]);
  });

  it('applies a newer version and ignores an older one', () => {
    const state = loaded([booking('b1', { version: 2 })]);
    const moved = booking('b1', { version: 3, start: '2027-03-02T11:00:00+08:00', end: '2027-03-02T12:00:00+08:00' });
    expect(state.applyEvent({ type: 'booking.updated', data: { bookings: [moved] } })).toEqual([{ id: 'b1', booking: moved }]);
    const stale = booking('b1', { version: 2, title: '旧标题' });
    expect(state.applyEvent({ type: 'booking.updated', data: { bookings: [stale] } })).toEqual([]);
    expect(state.shown('b1')).toEqual(moved);
  });

  it('removes a cancelled booking, or shows it as cancelled when asked to', () => {
    const state = loaded([booking('b1')]);
    const cancelled = booking('b1', { version: 2, status: 'cancelled' });
    expect(state.applyEvent({ type: 'booking.cancelled', data: { bookings: [cancelled] } })).toEqual([{ id: 'b1', booking: null }]);
    expect(state.all()).toEqual([]);
    // An update that was overtaken by the cancellation cannot bring it back.
    expect(state.applyEvent({ type: 'booking.updated', data: { bookings: [booking('b1', { version: 1 })] } })).toEqual([]);

    const showing = loaded([booking('b2')], { includeCancelled: true });
    const gone = booking('b2', { version: 2, status: 'cancelled' });
    expect(showing.applyEvent({ type: 'booking.cancelled', data: { bookings: [gone] } })).toEqual([{ id: 'b2', booking: gone }]);
  });

  it('at an equal version a cancellation wins over a confirmation', () => {
    const state = loaded([booking('b1', { version: 4, status: 'cancelled' })], { includeCancelled: true });
    expect(state.upsert([booking('b1', { version: 4 })])).toEqual([]);
    expect(state.shown('b1')?.status).toBe('cancelled');
  });

  it('a series is one event with many occurrences; only those in the range are shown', () => {
    const state = loaded([]);
    const occurrences = Array.from({ length: 36 }, (_, i) => {
      const day = new Date(Date.parse('2027-03-02T01:00:00Z') + i * 7 * 86_400_000);
      return booking(`s1-${i}`, {
        seriesId: 's1',
        occurrenceDate: day.toISOString().slice(0, 10),
        start: day.toISOString(),
        end: new Date(day.getTime() + 90 * 60_000).toISOString(),
      });
    });
    const changes = state.applyEvent({ type: 'booking.created', data: { bookings: occurrences, seriesId: 's1' } });
    expect(changes.map((c) => c.id)).toEqual(['s1-0']);
    expect(state.latest('s1-35')?.seriesId).toBe('s1');

    // "This and following" cancelled from the 10th on: nothing shown changes, but a later snapshot cannot revive them.
    const following = occurrences.slice(10).map((b) => ({ ...b, version: 2, status: 'cancelled' as const }));
    expect(state.applyEvent({ type: 'booking.cancelled', data: { bookings: following } })).toEqual([]);
    expect(state.latest('s1-20')?.status).toBe('cancelled');
    // "All" moved one hour later: the one shown moves.
    const moved = occurrences.slice(0, 10).map((b) => ({
      ...b,
      version: 2,
      start: new Date(Date.parse(b.start) + 3_600_000).toISOString(),
      end: new Date(Date.parse(b.end) + 3_600_000).toISOString(),
    }));
    const change = state.applyEvent({ type: 'booking.updated', data: { bookings: moved } });
    expect(change).toEqual([{ id: 's1-0', booking: moved[0] }]);
  });

  it('a booking moved out of the range is removed, and one moved into it appears', () => {
    const state = loaded([booking('b1')]);
    const away = booking('b1', { version: 2, start: '2027-03-09T09:00:00+08:00', end: '2027-03-09T10:00:00+08:00' });
    expect(state.upsert([away])).toEqual([{ id: 'b1', booking: null }]);
    const back = { ...away, version: 3, start: '2027-03-07T23:00:00+08:00', end: '2027-03-08T01:00:00+08:00' };
    expect(state.upsert([back])).toEqual([{ id: 'b1', booking: back }]);
  });

  it('a snapshot in flight does not undo live events that arrived meanwhile', () => {
    const state = loaded([booking('b1')]);
    const ticket = state.beginLoad();
    const created = booking('b2');
    const renamed = booking('b1', { version: 2, title: '新名称' });
    state.upsert([created, renamed]);
    // The snapshot was read before both changes.
    expect(state.finishLoad(ticket, week, [booking('b1')])).toBe(true);
    expect(state.all().map((b) => [b.id, b.title])).toEqual([
      ['b1', '新名称'],
      ['b2', '书法班'],
    ]);
  });

  it('a snapshot forgets bookings the server no longer lists, and only the latest load counts', () => {
    const state = loaded([booking('b1'), booking('b2')]);
    const first = state.beginLoad();
    const second = state.beginLoad();
    expect(state.finishLoad(first, week, [])).toBe(false);
    expect(state.all()).toHaveLength(2);
    expect(state.finishLoad(second, week, [booking('b2', { version: 5 })])).toBe(true);
    expect(state.all().map((b) => [b.id, b.version])).toEqual([['b2', 5]]);
  });

  it('ignores malformed bookings and other event types', () => {
    const state = loaded([]);
    expect(state.applyEvent({ type: 'booking.created', data: { bookings: [{ id: 'x' }, null] } })).toEqual([]);
    expect(state.applyEvent({ type: 'booking.created', data: null })).toEqual([]);
    expect(state.applyEvent({ type: 'room.created', data: { bookings: [booking('b1')] } })).toEqual([]);
    expect(asBooking({ ...booking('b1'), status: 'maybe' })).toBeNull();
    expect(asBooking({ ...booking('b1'), notes: undefined, expectedCount: undefined })).toMatchObject({ notes: null, expectedCount: null });
  });
});
