/**
 * Venue closures (holidays, a room's maintenance) and the iCalendar feeds that calendar programs subscribe to.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storageAvailable } from '../support/database.ts';
import { createVenue, pairDevice, signIn, startTestApp, type TestApp } from '../support/app.ts';
import { expectError } from '../support/expect-error.ts';

describe.runIf(storageAvailable)('closures and calendar feeds', () => {
  let t: TestApp;
  let cookie: string;
  let venueId: string;
  let roomId: string;
  const api = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown, headers: Record<string, string> = { cookie }) =>
    t.app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload: payload as object }) });
  const soon = (days: number, hour: number) => new Date(Date.UTC(2026, 11, 1 + days, hour - 8)).toISOString();

  beforeAll(async () => {
    t = await startTestApp();
    cookie = (await signIn(t, 'admin')).cookie;
    venueId = (await createVenue(t, cookie, '市老干部活动中心')).id;
    const room = await api('POST', `/api/venues/${venueId}/rooms`, { name: '多功能报告厅', kind: 'hall', capacity: 220 });
    roomId = (room.json() as { room: { id: string } }).room.id;
  });
  afterAll(async () => t?.close());

  it('refuses a closure over bookings unless asked to cancel them, then cancels them in the same change', async () => {
    const booking = await api('POST', '/api/bookings', { roomId, title: '健康讲座', start: soon(20, 9), end: soon(20, 11) });
    expect(booking.statusCode).toBe(201);
    const closure = { start: soon(20, 0), end: soon(21, 0), reason: '设备检修', roomId };
    const refused = expectError(await api('POST', `/api/venues/${venueId}/closures`, closure), 409, 'booking_conflict');
    expect(refused.conflicts).toEqual([expect.objectContaining({ title: '健康讲座' })]);
    expect((await api('GET', `/api/venues/${venueId}/closures`)).json()).toEqual({ closures: [] });

    const done = await api('POST', `/api/venues/${venueId}/closures`, { ...closure, cancelBookings: true });
    expect(done.statusCode, done.body).toBe(201);
    expect(done.json()).toMatchObject({ closure: { reason: '设备检修', roomId }, cancelled: [expect.objectContaining({ title: '健康讲座', status: 'cancelled' })] });
    const listed = (await api('GET', `/api/venues/${venueId}/closures`)).json() as { closures: Array<{ id: string }> };
    expect(listed.closures).toHaveLength(1);

    expectError(await api('POST', '/api/bookings', { roomId, title: '加场', start: soon(20, 14), end: soon(20, 15) }), 409, 'venue_closed');
    expect((await api('DELETE', `/api/closures/${listed.closures[0]!.id}`)).statusCode).toBe(204);
    expect((await api('POST', '/api/bookings', { roomId, title: '加场', start: soon(20, 14), end: soon(20, 15) })).statusCode).toBe(201);
  });

  it('serves a valid iCalendar feed of a room, with stable UIDs and cancelled bookings marked', async () => {
    const created = await api('POST', '/api/bookings', { roomId, title: '书法展开幕式, 第一场; 欢迎', start: soon(10, 9), end: soon(10, 10), notes: '请提前\n十分钟入场' });
    const booking = (created.json() as { bookings: Array<{ id: string }> }).bookings[0]!;
    const cancelled = await api('POST', '/api/bookings', { roomId, title: '取消的活动', start: soon(11, 9), end: soon(11, 10) });
    await api('DELETE', `/api/bookings/${(cancelled.json() as { bookings: Array<{ id: string }> }).bookings[0]!.id}`);

    const feed = await api('GET', `/api/rooms/${roomId}/calendar.ics`);
    expect(feed.statusCode).toBe(200);
    expect(feed.headers['content-type']).toMatch(/^text\/calendar/);
    const text = feed.body;
    expect(text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(text.split('\r\n').every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
    expect(text.replace(/\r\n /g, '')).toContain('SUMMARY:书法展开幕式\\, 第一场\\; 欢迎');
    expect(text).toContain('BEGIN:VTIMEZONE\r\nTZID:Asia/Shanghai');
    expect(text).toContain(`UID:${booking.id}@centre-ops`);
    expect(text).toMatch(/DTSTART;TZID=Asia\/Shanghai:20261211T090000/);
    expect(text).toContain('STATUS:CANCELLED');
    const again = await api('GET', `/api/rooms/${roomId}/calendar.ics`);
    expect(again.body.match(/UID:[^\r]+/g)).toEqual(text.match(/UID:[^\r]+/g));
  });

  it('makes a subscription link whose key opens that one feed without signing in, shown once', async () => {
    const made = await api('POST', `/api/venues/${venueId}/calendar-link`, { label: 'Outlook 办公室' });
    expect(made.statusCode, made.body).toBe(201);
    const { url, token, link } = made.json() as { url: string; token: string; link: { id: string; label: string } };
    expect(url).toMatch(new RegExp(`^/api/venues/${venueId}/calendar\\.ics\\?key=[A-Za-z0-9_-]{43}$`));
    expect(url.endsWith(`key=${token}`)).toBe(true);
    expect(link.label).toBe('Outlook 办公室');
    const anonymous = await t.app.inject({ method: 'GET', url });
    expect(anonymous.statusCode).toBe(200);
    expect(anonymous.body).toContain('X-WR-CALNAME:市老干部活动中心');

    // Listed without its token; the GET gives the plain feed URL, never a key.
    const info = await api('GET', `/api/venues/${venueId}/calendar-link`);
    expect(info.json()).toMatchObject({ url: `/api/venues/${venueId}/calendar.ics`, links: [expect.objectContaining({ id: link.id, label: 'Outlook 办公室' })] });
    expect(info.body).not.toContain(token);

    expectError(await t.app.inject({ method: 'GET', url: `/api/rooms/${roomId}/calendar.ics?key=${token}` }), 401, 'unauthenticated');
    expectError(await t.app.inject({ method: 'GET', url: `/api/venues/${venueId}/calendar.ics?key=${'A'.repeat(43)}` }), 401, 'unauthenticated');
  });

  it('gives kiosks and hall screens the feed without booking notes; staff and links keep them', async () => {
    await api('POST', '/api/bookings', { roomId, title: '家属座谈', start: soon(12, 9), end: soon(12, 10), notes: '联系人 13912345678' });
    const kiosk = await pairDevice(t, cookie, venueId, 'kiosk');
    const display = await pairDevice(t, cookie, venueId, 'display');
    for (const { token } of [kiosk, display]) {
      for (const path of [`/api/venues/${venueId}/calendar.ics`, `/api/rooms/${roomId}/calendar.ics`]) {
        const feed = await api('GET', path, undefined, { authorization: `Bearer ${token}` });
        expect(feed.statusCode).toBe(200);
        expect(feed.body).toContain('SUMMARY:家属座谈');
        expect(feed.body).not.toContain('DESCRIPTION');
        expect(feed.body).not.toContain('13912345678');
      }
    }
    const staff = await api('GET', `/api/rooms/${roomId}/calendar.ics`);
    expect(staff.body.replace(/\r\n /g, '')).toContain('DESCRIPTION:联系人 13912345678');
    const { url } = (await api('POST', `/api/rooms/${roomId}/calendar-link`, { label: '手机' })).json() as { url: string };
    expect((await t.app.inject({ method: 'GET', url })).body.replace(/\r\n /g, '')).toContain('DESCRIPTION:联系人 13912345678');
  });

  it('lets a kiosk read the venue’s bookings but not change them', async () => {
    const { token } = await pairDevice(t, cookie, venueId, 'kiosk');
    const headers = { authorization: `Bearer ${token}` };
    const list = await api('GET', `/api/bookings?venueId=${venueId}&from=${soon(0, 0)}&to=${soon(30, 0)}`, undefined, headers);
    expect(list.statusCode).toBe(200);
    expectError(await api('POST', '/api/bookings', { roomId, title: '设备下单', start: soon(25, 9), end: soon(25, 10) }, headers), 403, 'forbidden');
  });
});
