/**
 * Single bookings: creating, listing, moving with optimistic versions, cancelling, and the refusals that
 * name what is in the way. Each failure changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storageAvailable } from '../support/database.ts';
import { createVenue, eventually, liveClient, signIn, startTestApp, subscribe, type TestApp } from '../support/app.ts';
import { expectError } from '../support/expect-error.ts';

interface Booking {
  id: string;
  roomId: string;
  start: string;
  end: string;
  title: string;
  version: number;
  status: string;
  seriesId: string | null;
}

describe.runIf(storageAvailable)('bookings', () => {
  let t: TestApp;
  let cookie: string;
  let venueId: string;
  let roomId: string;
  let otherRoomId: string;

  const api = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown) =>
    t.app.inject({ method, url, headers: { cookie }, ...(payload === undefined ? {} : { payload: payload as object }) });
  const create = async (body: Record<string, unknown>) => {
    const response = await api('POST', '/api/bookings', { roomId, kind: 'activity', ...body });
    expect(response.statusCode, response.body).toBe(201);
    return (response.json() as { bookings: Booking[] }).bookings[0]!;
  };
  const count = async () => Number((await t.database.db.selectFrom('bookings').select(t.database.db.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  beforeAll(async () => {
    t = await startTestApp();
    cookie = (await signIn(t, 'admin')).cookie;
    venueId = (await createVenue(t, cookie)).id;
    const room = await api('POST', `/api/venues/${venueId}/rooms`, { name: '书画室', kind: 'classroom', capacity: 30 });
    roomId = (room.json() as { room: { id: string } }).room.id;
    const other = await api('POST', `/api/venues/${venueId}/rooms`, { name: '舞蹈室', kind: 'studio', capacity: 40 });
    otherRoomId = (other.json() as { room: { id: string } }).room.id;
  });
  afterAll(async () => t?.close());

  it('creates a booking, lists it for its venue and week, and tells subscribers once', async () => {
    const client = await liveClient(t.url, { cookie });
    await subscribe(client, `venue:${venueId}`);
    const booking = await create({ start: '2026-12-07T09:00:00+08:00', end: '2026-12-07T10:30:00+08:00', title: '书法班', expectedCount: 25 });
    expect(booking).toMatchObject({ roomId, title: '书法班', status: 'confirmed', version: 1, seriesId: null });
    expect(Date.parse(booking.start)).toBe(Date.parse('2026-12-07T01:00:00Z'));

    const list = await api('GET', `/api/bookings?venueId=${venueId}&from=2026-12-07T00:00:00%2B08:00&to=2026-12-14T00:00:00%2B08:00`);
    expect(list.statusCode).toBe(200);
    expect((list.json() as { bookings: Booking[] }).bookings.map((b) => b.id)).toContain(booking.id);

    await eventually(() => client.events.some((e) => e.type === 'booking.created'), 'booking.created');
    const event = client.events.find((e) => e.type === 'booking.created')!;
    expect((event.data as { bookings: Booking[] }).bookings[0]!.id).toBe(booking.id);
    client.disconnect();
  });

  it('allows back-to-back bookings and refuses an overlap, naming the booking in the way', async () => {
    await create({ start: '2026-12-08T09:00:00+08:00', end: '2026-12-08T10:00:00+08:00', title: '太极拳' });
    await create({ start: '2026-12-08T10:00:00+08:00', end: '2026-12-08T11:00:00+08:00', title: '八段锦' });
    const before = await count();
    const clash = await api('POST', '/api/bookings', { roomId, start: '2026-12-08T09:30:00+08:00', end: '2026-12-08T10:30:00+08:00', title: '合唱' });
    const body = expectError(clash, 409, 'booking_conflict');
    const conflicts = body.conflicts as Array<{ title: string; roomId: string }>;
    expect(conflicts.map((c) => c.title).sort()).toEqual(['八段锦', '太极拳']);
    expect(body.message).toMatch(/太极拳|八段锦/);
    expect(await count()).toBe(before);
    // Another room at the same time is free.
    await create({ roomId: otherRoomId, start: '2026-12-08T09:30:00+08:00', end: '2026-12-08T10:30:00+08:00', title: '合唱' });
  });

  it('moves a booking with the version it saw, and refuses a stale version with the current booking', async () => {
    const booking = await create({ start: '2026-12-09T14:00:00+08:00', end: '2026-12-09T15:00:00+08:00', title: '摄影讲座' });
    const moved = await api('PATCH', `/api/bookings/${booking.id}`, { version: 1, start: '2026-12-09T15:00:00+08:00', end: '2026-12-09T16:30:00+08:00' });
    expect(moved.statusCode, moved.body).toBe(200);
    const after = (moved.json() as { booking: Booking }).booking;
    expect(after.version).toBe(2);
    expect(Date.parse(after.end)).toBe(Date.parse('2026-12-09T08:30:00Z'));

    const stale = await api('PATCH', `/api/bookings/${booking.id}`, { version: 1, title: '改名' });
    const body = expectError(stale, 409, 'version_conflict');
    expect(body.current).toMatchObject({ id: booking.id, version: 2, title: '摄影讲座' });
    const current = (await api('GET', `/api/bookings?venueId=${venueId}&from=2026-12-09T00:00:00Z&to=2026-12-10T00:00:00Z`)).json() as { bookings: Booking[] };
    expect(current.bookings.find((b) => b.id === booking.id)).toMatchObject({ title: '摄影讲座', version: 2 });
  });

  it('refuses a move onto an occupied slot, naming it, and keeps the booking where it was', async () => {
    const blocker = await create({ start: '2026-12-10T09:00:00+08:00', end: '2026-12-10T11:00:00+08:00', title: '老年合唱团' });
    const mover = await create({ start: '2026-12-10T14:00:00+08:00', end: '2026-12-10T15:00:00+08:00', title: '象棋' });
    const refused = await api('PATCH', `/api/bookings/${mover.id}`, { version: mover.version, start: '2026-12-10T10:00:00+08:00', end: '2026-12-10T11:00:00+08:00' });
    const body = expectError(refused, 409, 'booking_conflict');
    expect(body.conflicts).toEqual([expect.objectContaining({ id: blocker.id, title: '老年合唱团' })]);
    const list = (await api('GET', `/api/bookings?venueId=${venueId}&from=2026-12-10T00:00:00Z&to=2026-12-11T00:00:00Z`)).json() as { bookings: Booking[] };
    expect(list.bookings.find((b) => b.id === mover.id)).toMatchObject({ version: 1, start: mover.start });
    // Moving to the other room at that time works.
    const other = await api('PATCH', `/api/bookings/${mover.id}`, { version: 1, roomId: otherRoomId, start: '2026-12-10T10:00:00+08:00', end: '2026-12-10T11:00:00+08:00' });
    expect(other.statusCode, other.body).toBe(200);
  });

  it('cancels: the slot is free again, the list leaves it out unless asked', async () => {
    const booking = await create({ start: '2026-12-11T09:00:00+08:00', end: '2026-12-11T10:00:00+08:00', title: '茶话会' });
    expect((await api('DELETE', `/api/bookings/${booking.id}`)).statusCode).toBe(204);
    await create({ start: '2026-12-11T09:00:00+08:00', end: '2026-12-11T10:00:00+08:00', title: '新的茶话会' });
    const range = `venueId=${venueId}&from=2026-12-11T00:00:00Z&to=2026-12-12T00:00:00Z`;
    const visible = (await api('GET', `/api/bookings?${range}`)).json() as { bookings: Booking[] };
    expect(visible.bookings.map((b) => b.title)).toEqual(['新的茶话会']);
    const all = (await api('GET', `/api/bookings?${range}&includeCancelled=true`)).json() as { bookings: Booking[] };
    expect(all.bookings.find((b) => b.id === booking.id)).toMatchObject({ status: 'cancelled', version: 2 });
  });

  it('answers bad input with a clear error and writes nothing', async () => {
    const before = await count();
    const base = { roomId, title: '测试', start: '2026-12-12T09:00:00+08:00', end: '2026-12-12T10:00:00+08:00' };
    expectError(await api('POST', '/api/bookings', { ...base, end: '2026-12-12T08:00:00+08:00' }), 400, 'validation_failed', 'end');
    expectError(await api('POST', '/api/bookings', { ...base, start: 'next tuesday' }), 400, 'validation_failed', 'start');
    expectError(await api('POST', '/api/bookings', { ...base, roomId: '00000000-0000-4000-8000-000000000000' }), 404, 'not_found', 'roomId');
    expectError(await api('POST', '/api/bookings', { ...base, title: '' }), 400, 'validation_failed', 'title');
    expectError(await api('POST', '/api/bookings', { ...base, title: '长'.repeat(100_000) }), 413, 'payload_too_large');
    expectError(await api('POST', '/api/bookings', { ...base, title: 'x'.repeat(201) }), 400, 'validation_failed', 'title');
    expectError(await api('POST', '/api/bookings', { ...base, kind: 'party' }), 400, 'validation_failed', 'kind');
    expectError(await api('POST', '/api/bookings', { ...base, end: '2027-02-12T10:00:00+08:00' }), 400, 'validation_failed', 'end');
    expectError(await api('GET', `/api/bookings?venueId=${venueId}&from=2026-01-01T00:00:00Z&to=2028-01-01T00:00:00Z`), 400, 'validation_failed', 'to');
    expect(await count()).toBe(before);
  });

  it('lets only the venue’s own staff book, and devices only read', async () => {
    const stranger = await signIn(t, 'coordinator', [(await createVenue(t, cookie)).id]);
    const refused = await t.app.inject({
      method: 'POST',
      url: '/api/bookings',
      headers: { cookie: stranger.cookie },
      payload: { roomId, title: '越权', start: '2026-12-13T09:00:00+08:00', end: '2026-12-13T10:00:00+08:00' },
    });
    expectError(refused, 403, 'forbidden');
    const own = await signIn(t, 'coordinator', [venueId]);
    const allowed = await t.app.inject({
      method: 'POST',
      url: '/api/bookings',
      headers: { cookie: own.cookie },
      payload: { roomId, title: '本馆协调员', start: '2026-12-13T09:00:00+08:00', end: '2026-12-13T10:00:00+08:00' },
    });
    expect(allowed.statusCode, allowed.body).toBe(201);
  });
});
