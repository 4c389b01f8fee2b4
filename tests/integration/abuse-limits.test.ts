/**
 * Abuse limits (docs/security.md "Abuse limits"). Sign-in and pairing attempts are counted in the database, so the
 * limits hold for the whole site however many processes serve it: two apps on one database here. Check-ins have a
 * flood guard per device or account and per address: a kiosk gone wrong is refused (429, nothing recorded) while
 * every other kiosk goes on being served.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app.ts';
import { storageAvailable } from '../support/database.ts';
import { createVenue, pairDevice, signIn, startTestApp, testConfig, type TestApp } from '../support/app.ts';
import { expectError } from '../support/expect-error.ts';

const DEVICE_LIMIT = 30;
const ADDRESS_LIMIT = 50;

describe.runIf(storageAvailable)('abuse limits', () => {
  let t: TestApp;
  /** A second server process on the same database. */
  let other: FastifyInstance;
  let admin: Awaited<ReturnType<typeof signIn>>;
  let venueId: string;

  const visits = async () => Number((await t.database.db.selectFrom('visits').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const checkIn = (token: string, remoteAddress = '10.0.0.1') =>
    t.app.inject({
      method: 'POST',
      url: '/api/checkins',
      remoteAddress,
      headers: { authorization: `Bearer ${token}`, 'idempotency-key': randomUUID() },
      payload: { venueId, guests: 1 },
    });

  beforeAll(async () => {
    t = await startTestApp({ checkinLimitPerMinute: DEVICE_LIMIT, checkinLimitPerAddressPerMinute: ADDRESS_LIMIT });
    // The second process shares the database but not its memory; it must not close the shared database.
    other = await buildApp(testConfig(), { database: { ...t.database, close: async () => undefined }, logger: false, backgroundJobs: false });
    await other.ready();
    admin = await signIn(t, 'admin');
    venueId = (await createVenue(t, admin.cookie)).id;
  });
  afterAll(async () => {
    await other?.close();
    await t?.close();
  });

  it('counts wrong passwords for one user across processes: the 11th try is refused on either', async () => {
    const user = await signIn(t, 'coordinator', [venueId]);
    for (let i = 0; i < 10; i += 1) {
      const app = i % 2 === 0 ? t.app : other;
      const wrong = await app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: `10.1.0.${i}`, payload: { username: user.username, password: `wrong ${i}` } });
      expectError(wrong, 401, 'unauthenticated');
    }
    for (const app of [t.app, other]) {
      const refused = await app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: '10.1.1.1', payload: { username: user.username, password: user.password } });
      const body = expectError(refused, 429, 'rate_limited');
      expect(body.message).toMatch(/wait \d+ seconds/);
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    }
  });

  it('counts pairing attempts per address across processes', async () => {
    for (let i = 0; i < 20; i += 1) {
      const app = i % 2 === 0 ? t.app : other;
      expectError(await app.inject({ method: 'POST', url: '/api/devices/pair', remoteAddress: '10.2.0.1', payload: { pairingCode: String(10_000_000 + i) } }), 404, 'not_found');
    }
    expectError(await other.inject({ method: 'POST', url: '/api/devices/pair', remoteAddress: '10.2.0.1', payload: { pairingCode: '12345678' } }), 429, 'rate_limited');
    // Another address is not held back by it.
    expectError(await t.app.inject({ method: 'POST', url: '/api/devices/pair', remoteAddress: '10.2.0.2', payload: { pairingCode: '12345678' } }), 404, 'not_found');
  });

  it('refuses a flooding kiosk without recording anything, while another kiosk is served', async () => {
    const flooding = await pairDevice(t, admin.cookie, venueId, 'kiosk');
    const neighbour = await pairDevice(t, admin.cookie, venueId, 'kiosk');
    const before = await visits();
    const answers = await Promise.all(Array.from({ length: DEVICE_LIMIT + 10 }, () => checkIn(flooding.token, '10.3.0.1')));
    const accepted = answers.filter((a) => a.statusCode === 201).length;
    const refused = answers.filter((a) => a.statusCode === 429);
    expect(accepted).toBe(DEVICE_LIMIT);
    expect(refused).toHaveLength(10);
    for (const answer of refused) expect(expectError(answer, 429, 'rate_limited').message).toMatch(/Nothing was recorded/);
    expect(await visits()).toBe(before + DEVICE_LIMIT);
    // The kiosk next to it, even behind the same router, goes on.
    expect((await checkIn(neighbour.token, '10.3.0.1')).statusCode).toBe(201);
  });

  it('limits one address however many kiosks it has, and only that address', async () => {
    const kiosks = await Promise.all(Array.from({ length: 3 }, () => pairDevice(t, admin.cookie, venueId, 'kiosk')));
    const answers = [];
    for (let i = 0; i < ADDRESS_LIMIT + 3; i += 1) answers.push(await checkIn(kiosks[i % 3]!.token, '10.4.0.1'));
    expect(answers.filter((a) => a.statusCode === 201)).toHaveLength(ADDRESS_LIMIT);
    expect(answers.filter((a) => a.statusCode === 429)).toHaveLength(3);
    expect((await checkIn(kiosks[0]!.token, '10.4.0.2')).statusCode).toBe(201);
  });
});
