/**
 * Kiosks and displays (docs/api.md "Devices", docs/security.md "Devices"): single-use, expiring pairing codes; what
 * a device token may read and do; and revocation that takes effect at once, open sockets included.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storageAvailable } from '../support/database.ts';
import { createVenue, eventually, liveClient, pairDevice, signIn, startTestApp, subscribe, type TestApp } from '../support/app.ts';
import { expectError } from '../support/expect-error.ts';

interface Device { id: string; kind: string; venueId: string; name: string; status: string; pairingExpiresAt: string | null; pairedAt: string | null; revokedAt: string | null }

describe.runIf(storageAvailable)('devices', () => {
  let t: TestApp;
  let admin: string;
  let venueId: string;
  let otherVenueId: string;

  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const req = (method: 'GET' | 'POST' | 'DELETE', url: string, headers: Record<string, string>, payload?: unknown) =>
    t.app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload: payload as object }) });
  const create = (cookie: string, body: object) => req('POST', '/api/devices', { cookie }, body);
  const pair = (pairingCode: string) => req('POST', '/api/devices/pair', {}, { pairingCode });
  const deviceRow = (id: string) => t.database.db.selectFrom('devices').select(['tokenHash', 'pairedAt', 'revokedAt']).where('id', '=', id).executeTakeFirstOrThrow();
  const deviceCount = async () => (await t.database.db.selectFrom('devices').select('id').execute()).length;
  const roomNames = async (id: string) => (await t.database.db.selectFrom('rooms').select('name').where('venueId', '=', id).execute()).map((r) => r.name).sort();

  beforeAll(async () => {
    t = await startTestApp();
    admin = (await signIn(t, 'admin')).cookie;
    venueId = (await createVenue(t, admin)).id;
    otherVenueId = (await createVenue(t, admin)).id;
    const room = await req('POST', `/api/venues/${venueId}/rooms`, { cookie: admin }, { name: 'Hall', kind: 'hall', capacity: 80 });
    expect(room.statusCode, room.body).toBe(201);
  });
  afterAll(async () => t?.close());

  it('creates a device awaiting pairing with an 8-digit code, and pairs it with a code typed with spaces or a dash', async () => {
    const response = await create(admin, { kind: 'kiosk', venueId, name: ' Front desk kiosk ' });
    expect(response.statusCode, response.body).toBe(201);
    const { device, pairingCode } = response.json() as { device: Device; pairingCode: string };
    expect(pairingCode).toMatch(/^\d{8}$/);
    expect(device).toMatchObject({ id: expect.any(String), kind: 'kiosk', venueId, name: 'Front desk kiosk', status: 'awaiting_pairing', pairedAt: null, revokedAt: null });
    const expiresIn = Date.parse(device.pairingExpiresAt!) - Date.now();
    expect(expiresIn).toBeGreaterThan(5 * 60_000);
    expect(expiresIn).toBeLessThanOrEqual(10 * 60_000);

    const paired = await pair(` ${pairingCode.slice(0, 4)} ${pairingCode.slice(4)} `);
    expect(paired.statusCode, paired.body).toBe(200);
    const body = paired.json() as { token: string; device: Device };
    expect(body.token).toEqual(expect.any(String));
    expect(body.device).toMatchObject({ id: device.id, status: 'paired', pairingExpiresAt: null });
    expect((await req('GET', '/api/auth/me', bearer(body.token))).statusCode).toBe(200);

    const dashed = (await create(admin, { kind: 'display', venueId, name: 'Lobby screen' })).json() as { pairingCode: string };
    expect((await pair(`${dashed.pairingCode.slice(0, 4)}-${dashed.pairingCode.slice(4)}`)).statusCode).toBe(200);
  });

  it('lets a pairing code be used only once', async () => {
    const { device, pairingCode } = (await create(admin, { kind: 'kiosk', venueId, name: 'Side door kiosk' })).json() as { device: Device; pairingCode: string };
    const first = await pair(pairingCode);
    expect(first.statusCode).toBe(200);
    const tokenHash = (await deviceRow(device.id)).tokenHash;
    const again = expectError(await pair(pairingCode), 404, 'not_found');
    expect(again.message).toMatch(/pairing code/i);
    expect(again.message).toMatch(/used|new one/i);
    expect((await deviceRow(device.id)).tokenHash).toBe(tokenHash);
    expect((await req('GET', '/api/auth/me', bearer((first.json() as { token: string }).token))).statusCode).toBe(200);
  });

  it('refuses an expired or malformed code and pairs nothing', async () => {
    const { device, pairingCode } = (await create(admin, { kind: 'display', venueId, name: 'Old screen' })).json() as { device: Device; pairingCode: string };
    await t.database.db.updateTable('devices').set({ pairingExpiresAt: new Date(Date.now() - 1_000) }).where('id', '=', device.id).execute();
    const expired = expectError(await pair(pairingCode), 404, 'not_found');
    expect(expired.message).toMatch(/10 minutes|expired|older/i);
    expect(await deviceRow(device.id)).toMatchObject({ tokenHash: null, pairedAt: null });
    const listed = (await req('GET', `/api/devices?venueId=${venueId}`, { cookie: admin })).json() as { devices: Device[] };
    expect(listed.devices.find((d) => d.id === device.id)?.status).toBe('pairing_expired');
    expectError(await pair('abcd efgh'), 404, 'not_found');
    expectError(await req('POST', '/api/devices/pair', {}, {}), 400, 'validation_failed', 'pairingCode');
  });

  it('rate-limits pairing attempts from one address', async () => {
    const { device, pairingCode } = (await create(admin, { kind: 'kiosk', venueId, name: 'Guessed kiosk' })).json() as { device: Device; pairingCode: string };
    const guess = (code: string, remoteAddress: string) => t.app.inject({ method: 'POST', url: '/api/devices/pair', payload: { pairingCode: code }, remoteAddress });
    for (let i = 0; i < 20; i += 1) expectError(await guess(String(90_000_000 + i), '10.9.0.1'), 404, 'not_found');
    // Even the right code is refused once the address is over the limit.
    const limited = expectError(await guess(pairingCode, '10.9.0.1'), 429, 'rate_limited');
    expect(limited.message).toMatch(/wait/i);
    expect(await deviceRow(device.id)).toMatchObject({ tokenHash: null, pairedAt: null });
    expect((await guess(pairingCode, '10.9.0.2')).statusCode).toBe(200);
  });

  it('lets a kiosk read its own venue, and nothing else', async () => {
    const { token } = await pairDevice(t, admin, venueId, 'kiosk');
    const me = await req('GET', '/api/auth/me', bearer(token));
    expect(me.statusCode, me.body).toBe(200);
    expect(me.json()).toEqual({
      device: { id: expect.any(String), kind: 'kiosk', venueId, name: 'kiosk 1', venue: expect.objectContaining({ id: venueId, timezone: 'Asia/Shanghai' }) },
    });
    const rooms = await req('GET', `/api/venues/${venueId}/rooms`, bearer(token));
    expect(rooms.statusCode, rooms.body).toBe(200);
    expect((rooms.json() as { rooms: Array<{ name: string }> }).rooms.map((r) => r.name)).toEqual(['Hall']);
    expect((await req('GET', '/api/venues', bearer(token))).json()).toMatchObject({ venues: [{ id: venueId }] });

    expectError(await req('GET', `/api/venues/${otherVenueId}/rooms`, bearer(token)), 403, 'forbidden');
    expectError(await req('GET', `/api/venues/${otherVenueId}`, bearer(token)), 403, 'forbidden');
    const venuesBefore = (await t.database.db.selectFrom('venues').select('id').execute()).length;
    expectError(await req('POST', '/api/venues', bearer(token), { name: 'Kiosk venue' }), 403, 'forbidden');
    expect((await t.database.db.selectFrom('venues').select('id').execute()).length).toBe(venuesBefore);
    const devicesBefore = await deviceCount();
    expectError(await req('POST', '/api/devices', bearer(token), { kind: 'kiosk', venueId, name: 'Rogue' }), 403, 'forbidden');
    expect(await deviceCount()).toBe(devicesBefore);
  });

  it('lets a display read rooms but not create them', async () => {
    const { token } = await pairDevice(t, admin, venueId, 'display');
    expect((await req('GET', `/api/venues/${venueId}/rooms`, bearer(token))).statusCode).toBe(200);
    const before = await roomNames(venueId);
    expectError(await req('POST', `/api/venues/${venueId}/rooms`, bearer(token), { name: 'Display room', kind: 'other', capacity: 2 }), 403, 'forbidden');
    expect(await roomNames(venueId)).toEqual(before);
    const socket = await liveClient(t.url, { token });
    expect(await subscribe(socket, `venue:${venueId}`)).toMatchObject({ ok: true });
    expect(await subscribe(socket, `venue:${otherVenueId}`)).toMatchObject({ ok: false, code: 'forbidden' });
    socket.disconnect();
  });

  it('revokes a device at once: 204, its token is refused saying so, and its socket is closed', async () => {
    const { deviceId, token } = await pairDevice(t, admin, venueId, 'kiosk');
    const socket = await liveClient(t.url, { token });
    expect(await subscribe(socket, `venue:${venueId}`)).toMatchObject({ ok: true });

    const deleted = await req('DELETE', `/api/devices/${deviceId}`, { cookie: admin });
    expect(deleted.statusCode, deleted.body).toBe(204);
    expect(deleted.body).toBe('');

    const refused = expectError(await req('GET', '/api/auth/me', bearer(token)), 401, 'unauthenticated');
    expect(refused.message).toMatch(/unpaired|revoked/i);
    expectError(await req('GET', `/api/venues/${venueId}/rooms`, bearer(token)), 401, 'unauthenticated');
    await eventually(() => !socket.connected, 'the revoked device’s socket to be disconnected');
    await expect(liveClient(t.url, { token })).rejects.toThrow(/unauthenticated/);

    const listed = (await req('GET', `/api/devices?venueId=${venueId}`, { cookie: admin })).json() as { devices: Device[] };
    expect(listed.devices.find((d) => d.id === deviceId)).toMatchObject({ status: 'revoked', revokedAt: expect.any(String) });
    // Revoking again changes nothing and still answers 204; an unknown device is 404.
    expect((await req('DELETE', `/api/devices/${deviceId}`, { cookie: admin })).statusCode).toBe(204);
    expectError(await req('DELETE', `/api/devices/${randomUUID()}`, { cookie: admin }), 404, 'not_found');
    expectError(await req('DELETE', '/api/devices/not-a-uuid', { cookie: admin }), 400, 'validation_failed', 'deviceId');
  });

  it('lets coordinators manage devices only of their own venues', async () => {
    const coordinator = (await signIn(t, 'coordinator', [venueId])).cookie;
    const own = await create(coordinator, { kind: 'display', venueId, name: 'Coordinator screen' });
    expect(own.statusCode, own.body).toBe(201);

    const before = await deviceCount();
    expectError(await create(coordinator, { kind: 'display', venueId: otherVenueId, name: 'Foreign screen' }), 403, 'forbidden');
    const referee = (await signIn(t, 'referee', [venueId])).cookie;
    expectError(await create(referee, { kind: 'kiosk', venueId, name: 'Referee kiosk' }), 403, 'forbidden');
    expectError(await req('POST', '/api/devices', {}, { kind: 'kiosk', venueId, name: 'Anonymous kiosk' }), 401, 'unauthenticated');
    expectError(await create(admin, { kind: 'kiosk', venueId: randomUUID(), name: 'Nowhere kiosk' }), 400, 'validation_failed', 'venueId');
    expectError(await create(admin, { kind: 'toaster', venueId, name: 'Toaster' }), 400, 'validation_failed', 'kind');
    expect(await deviceCount()).toBe(before);

    const foreign = (await create(admin, { kind: 'kiosk', venueId: otherVenueId, name: 'Other kiosk' })).json() as { device: Device };
    expectError(await req('DELETE', `/api/devices/${foreign.device.id}`, { cookie: coordinator }), 403, 'forbidden');
    expect((await deviceRow(foreign.device.id)).revokedAt).toBeNull();
    expectError(await req('GET', `/api/devices?venueId=${otherVenueId}`, { cookie: coordinator }), 403, 'forbidden');
    const mine = (await req('GET', '/api/devices', { cookie: coordinator })).json() as { devices: Device[] };
    expect(mine.devices.every((d) => d.venueId === venueId)).toBe(true);
  });
});
