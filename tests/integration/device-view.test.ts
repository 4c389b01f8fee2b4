/**
 * What kiosks and hall screens are sent (realtime/device-view.ts): a booking's notes, free text where staff
 * may write a phone number, reach staff but never a device — over HTTP, live, in batch frames, or replayed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LiveEvent } from '../../server/realtime/protocol.ts';
import { storageAvailable } from '../support/database.ts';
import { createVenue, eventually, liveClient, pairDevice, signIn, startTestApp, subscribe, type TestApp } from '../support/app.ts';

const NOTE = '联系家属 13800138000';

describe.runIf(storageAvailable)('what devices are sent', () => {
  let t: TestApp;
  let admin: string;
  let venueId: string;
  let roomId: string;

  const bookingsOf = (events: LiveEvent[]) =>
    events.filter((e) => e.type.startsWith('booking.')).flatMap((e) => (e.data as { bookings: Array<{ title: string; notes: string | null }> }).bookings);

  beforeAll(async () => {
    t = await startTestApp();
    admin = (await signIn(t, 'admin')).cookie;
    venueId = (await createVenue(t, admin)).id;
    const room = await t.app.inject({ method: 'POST', url: `/api/venues/${venueId}/rooms`, headers: { cookie: admin }, payload: { name: '书画室', kind: 'classroom', capacity: 20 } });
    roomId = (room.json() as { room: { id: string } }).room.id;
  });
  afterAll(async () => t?.close());

  it('keeps booking notes from kiosks and screens, live, batched, replayed and over HTTP, and gives them to staff', async () => {
    const display = await pairDevice(t, admin, venueId, 'display');
    const kiosk = await pairDevice(t, admin, venueId, 'kiosk');
    const staff = await liveClient(t.url, { cookie: admin });
    const screen = await liveClient(t.url, { token: display.token });
    const batchedKiosk = await liveClient(t.url, { token: kiosk.token });
    try {
      const ack = await subscribe(staff, `venue:${venueId}`);
      const position = ack.ok ? ack.seq : 0;
      await subscribe(screen, `venue:${venueId}`);
      await subscribe(batchedKiosk, `venue:${venueId}`, undefined, { batch: true });

      const created = await t.app.inject({
        method: 'POST',
        url: '/api/bookings',
        headers: { cookie: admin },
        payload: { roomId, start: '2031-03-03T01:00:00Z', end: '2031-03-03T02:00:00Z', title: '国画班', notes: NOTE },
      });
      expect(created.statusCode).toBe(201);
      for (const socket of [staff, screen, batchedKiosk]) await eventually(() => bookingsOf(socket.events).length === 1, 'the booking event');

      expect(bookingsOf(staff.events)[0]).toMatchObject({ title: '国画班', notes: NOTE });
      for (const device of [screen, batchedKiosk]) expect(bookingsOf(device.events)[0]).toMatchObject({ title: '国画班', notes: null });

      // A screen that reconnects and replays what it missed gets the same view.
      const late = await liveClient(t.url, { token: display.token });
      try {
        await subscribe(late, `venue:${venueId}`, position);
        await eventually(() => bookingsOf(late.events).length === 1, 'the replayed booking');
        expect(bookingsOf(late.events)[0]!.notes).toBeNull();
      } finally {
        late.close();
      }

      const list = (token: string | null) =>
        t.app.inject({
          method: 'GET',
          url: `/api/bookings?venueId=${venueId}&from=2031-03-01T00:00:00Z&to=2031-04-01T00:00:00Z`,
          headers: token ? { authorization: `Bearer ${token}` } : { cookie: admin },
        });
      expect((await list(display.token)).json()).toMatchObject({ bookings: [{ title: '国画班', notes: null }] });
      expect((await list(null)).json()).toMatchObject({ bookings: [{ title: '国画班', notes: NOTE }] });
      expect(JSON.stringify([screen.events, batchedKiosk.events])).not.toContain('13800138000');
    } finally {
      for (const socket of [staff, screen, batchedKiosk]) socket.close();
    }
  });
});
