/**
 * The booking check knows the venue's opening hours (docs/rules.md "Bookings"): a time after closing or before
 * opening is still bookable, but the check says how many occurrences are outside the hours, and which hours they
 * are. A booking over several days is open during the hours of each day, so an exhibition 09:00 → 17:00 a week
 * later is inside them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storageAvailable } from '../support/database.ts';
import { createVenue, signIn, startTestApp, type TestApp } from '../support/app.ts';

interface CheckAnswer {
  ok: boolean;
  occurrences: number;
  outsideHours: { count: number; opensAt: string; closesAt: string } | null;
}

describe.runIf(storageAvailable)('booking check and opening hours', () => {
  let t: TestApp;
  let cookie: string;
  let roomId: string;

  const api = (method: 'POST' | 'PATCH', url: string, payload: object) => t.app.inject({ method, url, headers: { cookie }, payload });
  const check = async (body: object): Promise<CheckAnswer> => {
    const response = await api('POST', '/api/bookings/check', { roomId, ...body });
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as CheckAnswer;
  };

  beforeAll(async () => {
    t = await startTestApp();
    cookie = (await signIn(t, 'admin')).cookie;
    const venueId = (await createVenue(t, cookie)).id;
    const hours = await api('PATCH', `/api/venues/${venueId}`, { opensAt: '08:00', closesAt: '21:00' });
    expect(hours.statusCode, hours.body).toBe(200);
    const room = await api('POST', `/api/venues/${venueId}/rooms`, { name: '多功能厅', kind: 'hall', capacity: 150 });
    roomId = (room.json() as { room: { id: string } }).room.id;
  });
  afterAll(async () => t?.close());

  it('says a booking after closing time is outside the hours, and still bookable', async () => {
    const late = await check({ start: '2026-12-08T20:00:00+08:00', end: '2026-12-08T22:00:00+08:00' });
    expect(late).toMatchObject({ ok: true, occurrences: 1, outsideHours: { count: 1, opensAt: '08:00', closesAt: '21:00' } });
    const created = await api('POST', '/api/bookings', {
      roomId,
      start: '2026-12-08T20:00:00+08:00',
      end: '2026-12-08T22:00:00+08:00',
      title: '晚间合唱排练',
      kind: 'activity',
    });
    expect(created.statusCode, created.body).toBe(201);
  });

  it('says nothing of a booking within the hours, or of an exhibition open during the hours of each day', async () => {
    expect((await check({ start: '2026-12-09T09:00:00+08:00', end: '2026-12-09T11:00:00+08:00' })).outsideHours).toBeNull();
    expect((await check({ start: '2026-12-14T09:00:00+08:00', end: '2026-12-20T17:00:00+08:00' })).outsideHours).toBeNull();
  });

  it('counts the occurrences of a series that are outside the hours', async () => {
    const answer = await check({
      start: '2026-12-15T07:00:00+08:00',
      end: '2026-12-15T08:30:00+08:00',
      recurrence: { rrule: 'FREQ=WEEKLY;BYDAY=TU,TH;UNTIL=20261224' },
    });
    expect(answer).toMatchObject({ occurrences: 4, outsideHours: { count: 4, opensAt: '08:00', closesAt: '21:00' } });
  });
});
