/**
 * The device list says whether each kiosk and display is there (docs/api.md "Devices (kiosks and displays)"):
 * "last seen" is recorded when a device's socket connects and while it stays connected (a hall display hardly
 * makes HTTP requests), and `online` is true for a device seen within the last 150 seconds.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storageAvailable } from '../support/database.ts';
import { createVenue, eventually, liveClient, pairDevice, signIn, startTestApp, type TestApp } from '../support/app.ts';

interface DeviceAnswer {
  id: string;
  lastSeenAt: string | null;
  online: boolean;
}

describe.runIf(storageAvailable)('device presence', () => {
  let t: TestApp;
  let admin: string;
  let venueId: string;
  const list = async (): Promise<DeviceAnswer[]> => {
    const response = await t.app.inject({ method: 'GET', url: `/api/devices?venueId=${venueId}`, headers: { cookie: admin } });
    expect(response.statusCode, response.body).toBe(200);
    return (response.json() as { devices: DeviceAnswer[] }).devices;
  };
  const device = async (id: string) => (await list()).find((d) => d.id === id)!;
  const ageBy = (id: string, minutes: number) =>
    sql`update devices set last_seen_at = now() - make_interval(mins => ${minutes}) where id = ${id}`.execute(t.database.db);

  beforeAll(async () => {
    t = await startTestApp();
    admin = (await signIn(t, 'admin')).cookie;
    venueId = (await createVenue(t, admin)).id;
  });
  afterAll(async () => t?.close());

  it('shows a display offline with its last-seen time, and online as soon as its socket connects', async () => {
    const { token, deviceId } = await pairDevice(t, admin, venueId, 'display');
    await ageBy(deviceId, 60);
    const before = await device(deviceId);
    expect(before.online).toBe(false);
    expect(Date.now() - Date.parse(before.lastSeenAt!)).toBeGreaterThan(59 * 60_000);

    const socket = await liveClient(t.url, { token });
    try {
      await eventually(async () => (await device(deviceId)).online, 'the display online after its socket connected');
      expect(Date.now() - Date.parse((await device(deviceId)).lastSeenAt!)).toBeLessThan(60_000);
    } finally {
      socket.close();
    }
  });

  it('records when a device left: its socket closing is its last-seen time', async () => {
    const { token, deviceId } = await pairDevice(t, admin, venueId, 'kiosk');
    const socket = await liveClient(t.url, { token });
    await eventually(async () => (await device(deviceId)).online, 'the kiosk online');
    await ageBy(deviceId, 30);
    socket.close();
    await eventually(async () => Date.now() - Date.parse((await device(deviceId)).lastSeenAt!) < 60_000, 'last seen at the disconnect');
  });

  it('never shows a revoked device online', async () => {
    const { deviceId } = await pairDevice(t, admin, venueId, 'kiosk');
    expect((await device(deviceId)).online).toBe(true);
    const revoked = await t.app.inject({ method: 'DELETE', url: `/api/devices/${deviceId}`, headers: { cookie: admin } });
    expect(revoked.statusCode, revoked.body).toBeLessThan(300);
    expect((await device(deviceId)).online).toBe(false);
  });
});
