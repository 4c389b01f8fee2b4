/**
 * A start refused because the courts are booked names every booking in the way (each court, not only the first),
 * and the draft can then be moved (date, time, courts) and started, or deleted (docs/guide-tournaments.md
 * "协调员：建赛与开赛").
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storageAvailable } from '../support/database.ts';
import { createVenue, signIn, startTestApp, type TestApp } from '../support/app.ts';
import { expectError } from '../support/expect-error.ts';

describe.runIf(storageAvailable)('tournament start with booked courts', () => {
  let t: TestApp;
  let cookie: string;
  let venueId: string;
  const courts: string[] = [];
  const api = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown) =>
    t.app.inject({ method, url, headers: { cookie }, ...(payload === undefined ? {} : { payload: payload as object }) });

  beforeAll(async () => {
    t = await startTestApp();
    cookie = (await signIn(t, 'admin')).cookie;
    venueId = (await createVenue(t, cookie)).id;
    for (const n of [1, 2]) {
      const room = await api('POST', `/api/venues/${venueId}/rooms`, { name: `门球场 ${n}`, kind: 'gateball_court', capacity: 20 });
      courts.push((room.json() as { room: { id: string } }).room.id);
    }
  });
  afterAll(async () => t?.close());

  it('names the booking on each court, then starts once the draft is moved', async () => {
    const startsAt = '2026-12-15T09:00:00+08:00';
    for (const [i, title] of ['门球队训练', '老年大学讲座'].entries()) {
      const booked = await api('POST', '/api/bookings', { roomId: courts[i], kind: 'activity', title, start: '2026-12-15T09:30:00+08:00', end: '2026-12-15T10:30:00+08:00' });
      expect(booked.statusCode, booked.body).toBe(201);
    }
    const created = await api('POST', '/api/tournaments', { venueId, name: '冬季门球赛', sport: 'gateball', format: 'round_robin', roomIds: courts, startsAt, matchMinutes: 40 });
    expect(created.statusCode, created.body).toBe(201);
    const id = (created.json() as { tournament: { id: string } }).tournament.id;
    for (const name of ['红队', '蓝队', '绿队', '黄队']) expect((await api('POST', `/api/tournaments/${id}/participants`, { name })).statusCode).toBe(201);

    const refused = expectError(await api('POST', `/api/tournaments/${id}/start`), 409, 'booking_conflict');
    const conflicts = refused.conflicts as Array<{ id: string; title: string; roomId: string; start: string; end: string }>;
    expect(conflicts.map((c) => [c.title, c.roomId]).sort()).toEqual([['老年大学讲座', courts[1]], ['门球队训练', courts[0]]].sort());
    expect(conflicts.every((c) => c.id && Date.parse(c.start) === Date.parse('2026-12-15T09:30:00+08:00'))).toBe(true);
    expect((await api('GET', `/api/tournaments/${id}`)).json()).toMatchObject({ tournament: { status: 'draft' } });

    // Moved to the afternoon on one court: nothing in the way, so it starts and books that court only.
    const moved = await api('PATCH', `/api/tournaments/${id}`, { startsAt: '2026-12-15T13:00:00+08:00', roomIds: [courts[1]] });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ tournament: { roomIds: [courts[1]] } });
    const started = await api('POST', `/api/tournaments/${id}/start`);
    expect(started.statusCode, started.body).toBe(200);
    const booked = await t.database.db.selectFrom('bookings').select(['roomId']).where('kind', '=', 'competition').where('venueId', '=', venueId).execute();
    expect(booked).toEqual([{ roomId: courts[1] }]);
  });

  it('refuses a court of another venue when a draft is moved, and deletes a draft', async () => {
    const other = await createVenue(t, cookie);
    const room = await api('POST', `/api/venues/${other.id}/rooms`, { name: '别处', kind: 'gateball_court', capacity: 20 });
    const created = await api('POST', '/api/tournaments', { venueId, name: '待删', sport: 'gateball', format: 'round_robin' });
    const id = (created.json() as { tournament: { id: string } }).tournament.id;
    expectError(await api('PATCH', `/api/tournaments/${id}`, { roomIds: [(room.json() as { room: { id: string } }).room.id] }), 400, 'validation_failed', 'roomIds');
    expect((await api('DELETE', `/api/tournaments/${id}`)).statusCode).toBe(204);
    expectError(await api('GET', `/api/tournaments/${id}`), 404, 'not_found');
  });
});
