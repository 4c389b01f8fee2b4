/**
 * A term of weekly classes entered once: holidays skipped, a clashing occurrence reported or skipped, one
 * occurrence moved or cancelled on its own, "this and following" and "all" changes, and one live event per
 * series operation.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storageAvailable } from '../support/database.ts';
import { createVenue, eventually, liveClient, signIn, startTestApp, subscribe, type TestApp } from '../support/app.ts';
import { expectError } from '../support/expect-error.ts';

interface Booking {
  id: string;
  start: string;
  end: string;
  title: string;
  version: number;
  status: string;
  seriesId: string | null;
  occurrenceDate: string | null;
}

/** A spring term: Tuesdays 09:00–10:30 from 2 March to 29 June 2027 (18 Tuesdays). */
const TERM = {
  title: '老年大学 · 书法一班',
  kind: 'class',
  start: '2027-03-02T09:00:00+08:00',
  end: '2027-03-02T10:30:00+08:00',
  expectedCount: 28,
  recurrence: { rrule: 'FREQ=WEEKLY;BYDAY=TU;UNTIL=20270629' },
};

describe.runIf(storageAvailable)('booking series', () => {
  let t: TestApp;
  let cookie: string;
  let venueId: string;
  let roomId: string;
  const api = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown) =>
    t.app.inject({ method, url, headers: { cookie }, ...(payload === undefined ? {} : { payload: payload as object }) });
  const listTerm = async () =>
    ((await api('GET', `/api/bookings?venueId=${venueId}&roomId=${roomId}&from=2027-03-01T00:00:00Z&to=2027-07-01T00:00:00Z`)).json() as {
      bookings: Booking[];
    }).bookings;

  beforeAll(async () => {
    t = await startTestApp();
    cookie = (await signIn(t, 'admin')).cookie;
    venueId = (await createVenue(t, cookie)).id;
    const room = await api('POST', `/api/venues/${venueId}/rooms`, { name: '书画室', kind: 'classroom', capacity: 30 });
    roomId = (room.json() as { room: { id: string } }).room.id;
    // Two holidays in the term: the Qingming festival (5–6 April) and Labour Day week (1–5 May).
    for (const [start, end, reason] of [
      ['2027-04-05T00:00:00+08:00', '2027-04-07T00:00:00+08:00', '清明节'],
      ['2027-05-01T00:00:00+08:00', '2027-05-06T00:00:00+08:00', '劳动节'],
    ]) {
      const closure = await api('POST', `/api/venues/${venueId}/closures`, { start, end, reason });
      expect(closure.statusCode, closure.body).toBe(201);
    }
  });
  afterAll(async () => t?.close());

  it('reports the one clashing occurrence, and with skipConflicts books the rest, skipping holidays', async () => {
    // A one-off lecture in the same room on Tuesday 16 March.
    const lecture = await api('POST', '/api/bookings', { roomId, title: '健康讲座', start: '2027-03-16T09:30:00+08:00', end: '2027-03-16T11:00:00+08:00' });
    expect(lecture.statusCode).toBe(201);

    const refused = await api('POST', '/api/bookings', { roomId, ...TERM });
    const body = expectError(refused, 409, 'booking_conflict');
    expect(body.conflicts).toEqual([
      expect.objectContaining({ title: '健康讲座', occurrence: { start: '2027-03-16T01:00:00.000Z', end: '2027-03-16T02:30:00.000Z' } }),
    ]);
    expect(await listTerm()).toHaveLength(1);

    const created = await api('POST', '/api/bookings', { roomId, ...TERM, skipConflicts: true });
    expect(created.statusCode, created.body).toBe(201);
    const answer = created.json() as { bookings: Booking[]; seriesId: string; skipped: Array<{ start: string; reason: string }> };
    // 18 Tuesdays, less 6 April and 4 May (holidays), less 16 March (the lecture).
    expect(answer.bookings).toHaveLength(15);
    expect(answer.skipped.map((s) => [s.start.slice(0, 10), s.reason])).toEqual([
      ['2027-03-16', 'conflict'],
      ['2027-04-06', 'closure'],
      ['2027-05-04', 'closure'],
    ]);
    expect(new Set(answer.bookings.map((b) => b.seriesId))).toEqual(new Set([answer.seriesId]));
    expect(answer.bookings.every((b) => b.start.endsWith('T01:00:00.000Z'))).toBe(true);
  });

  it('moves one occurrence on its own, then moves this and the following ones, all or nothing', async () => {
    const term = (await listTerm()).filter((b) => b.seriesId);
    const april13 = term.find((b) => b.occurrenceDate === '2027-04-13')!;
    const single = await api('PATCH', `/api/bookings/${april13.id}`, { version: april13.version, start: '2027-04-14T09:00:00+08:00', end: '2027-04-14T10:30:00+08:00' });
    expect(single.statusCode, single.body).toBe(200);
    expect((single.json() as { bookings: Booking[] }).bookings).toHaveLength(1);

    const client = await liveClient(t.url, { cookie });
    await subscribe(client, `venue:${venueId}`);
    const june1 = (await listTerm()).find((b) => b.occurrenceDate === '2027-06-01')!;
    const following = await api('PATCH', `/api/bookings/${june1.id}`, {
      version: june1.version,
      scope: 'following',
      start: '2027-06-01T14:00:00+08:00',
      end: '2027-06-01T15:30:00+08:00',
      title: '书法一班（下午）',
    });
    expect(following.statusCode, following.body).toBe(200);
    const moved = (following.json() as { bookings: Booking[] }).bookings;
    expect(moved.map((b) => b.occurrenceDate)).toEqual(['2027-06-01', '2027-06-08', '2027-06-15', '2027-06-22', '2027-06-29']);
    expect(moved.every((b) => b.start.endsWith('T06:00:00.000Z') && b.title === '书法一班（下午）')).toBe(true);
    const may25 = (await listTerm()).find((b) => b.occurrenceDate === '2027-05-25')!;
    expect(may25.start.endsWith('T01:00:00.000Z')).toBe(true);

    await eventually(() => client.events.some((e) => e.type === 'booking.updated'), 'booking.updated');
    await t.app.dispatcher.idle();
    const updates = client.events.filter((e) => e.type === 'booking.updated');
    expect(updates).toHaveLength(1);
    expect((updates[0]!.data as { bookings: Booking[] }).bookings).toHaveLength(5);
    client.disconnect();

    // Moving all occurrences onto a slot where one of them clashes changes none of them.
    const blocker = await api('POST', '/api/bookings', { roomId, title: '合唱排练', start: '2027-03-09T11:00:00+08:00', end: '2027-03-09T12:00:00+08:00' });
    expect(blocker.statusCode).toBe(201);
    const first = (await listTerm()).find((b) => b.occurrenceDate === '2027-03-02')!;
    const all = await api('PATCH', `/api/bookings/${first.id}`, { version: first.version, scope: 'all', start: '2027-03-02T10:30:00+08:00', end: '2027-03-02T12:00:00+08:00' });
    const body = expectError(all, 409, 'booking_conflict');
    expect(body.conflicts).toEqual([expect.objectContaining({ title: '合唱排练' })]);
    const after = (await listTerm()).find((b) => b.id === first.id)!;
    expect(after).toMatchObject({ version: first.version, start: first.start });
  });

  it('cancels this and following occurrences in one event', async () => {
    const term = (await listTerm()).filter((b) => b.seriesId);
    const june15 = term.find((b) => b.occurrenceDate === '2027-06-15')!;
    const response = await api('DELETE', `/api/bookings/${june15.id}?scope=following`);
    expect(response.statusCode).toBe(204);
    const remaining = (await listTerm()).filter((b) => b.seriesId).map((b) => b.occurrenceDate);
    expect(remaining).not.toContain('2027-06-15');
    expect(remaining).not.toContain('2027-06-29');
    expect(remaining).toContain('2027-06-08');
  });

  it('refuses rules without an end, with too many occurrences, or malformed, writing nothing', async () => {
    const before = (await listTerm()).length;
    const base = { roomId, title: '无尽', start: '2027-08-02T09:00:00+08:00', end: '2027-08-02T10:00:00+08:00' };
    for (const rrule of ['FREQ=WEEKLY;BYDAY=MO', 'FREQ=DAILY;COUNT=5000', 'FREQ=YEARLY;COUNT=3', 'FREQ=WEEKLY;BYDAY=XX;COUNT=3', 'nonsense']) {
      expectError(await api('POST', '/api/bookings', { ...base, recurrence: { rrule } }), 400, 'validation_failed', 'recurrence.rrule');
    }
    expectError(
      await api('POST', '/api/bookings', { ...base, recurrence: { rrule: 'FREQ=WEEKLY;COUNT=3', exdates: ['2027-13-45'] } }),
      400,
      'validation_failed',
      'recurrence.exdates',
    );
    expect((await listTerm()).length).toBe(before);
  });

  it('keeps 09:00 local through a daylight-saving change in the venue zone', async () => {
    const berlin = await api('POST', '/api/venues', { name: '柏林友好中心', timezone: 'Europe/Berlin' });
    const berlinId = (berlin.json() as { venue: { id: string } }).venue.id;
    const room = await api('POST', `/api/venues/${berlinId}/rooms`, { name: 'Saal', kind: 'hall', capacity: 50 });
    const berlinRoom = (room.json() as { room: { id: string } }).room.id;
    const created = await api('POST', '/api/bookings', {
      roomId: berlinRoom,
      title: 'Chor',
      start: '2027-03-22T09:00:00+01:00',
      end: '2027-03-22T10:00:00+01:00',
      recurrence: { rrule: 'FREQ=WEEKLY;COUNT=3' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const starts = (created.json() as { bookings: Booking[] }).bookings.map((b) => b.start);
    expect(starts).toEqual(['2027-03-22T08:00:00.000Z', '2027-03-29T07:00:00.000Z', '2027-04-05T07:00:00.000Z']);
  });

  it('answers a conflict check before submitting', async () => {
    const check = await api('POST', '/api/bookings/check', { roomId, start: '2027-03-09T11:30:00+08:00', end: '2027-03-09T12:30:00+08:00' });
    expect(check.statusCode).toBe(200);
    expect(check.json()).toMatchObject({ ok: false, occurrences: 1, conflicts: [expect.objectContaining({ title: '合唱排练' })] });
    const holiday = await api('POST', '/api/bookings/check', { roomId, start: '2027-05-03T09:00:00+08:00', end: '2027-05-03T10:00:00+08:00' });
    expect(holiday.json()).toMatchObject({ ok: false, closures: [expect.objectContaining({ reason: '劳动节' })] });
    const single = await api('POST', '/api/bookings', { roomId, title: '节日加课', start: '2027-05-03T09:00:00+08:00', end: '2027-05-03T10:00:00+08:00' });
    expectError(single, 409, 'venue_closed');
  });
});
