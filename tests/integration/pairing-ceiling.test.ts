/**
 * A site-wide ceiling on wrong pairing codes (docs/security.md "Abuse limits"). The per-address limit alone let
 * every address have its 20 fresh tries, so with many addresses (an IPv6 block) guessing an 8-digit code was
 * unbounded. Now at most 200 unsuccessful attempts an hour are looked at for the whole site, however many
 * addresses send them; past that pairing pauses (a right code too), admins see why and until when, and may resume
 * early, which the audit log records. Two apps on one database stand for two server processes; addresses come in
 * X-Forwarded-For, which the apps believe (TRUST_PROXY).
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app.ts';
import { PAIRING_ATTEMPTS_PER_ADDRESS, PAIRING_FAILURES_PER_HOUR } from '../../server/modules/devices/pairing-limits.ts';
import { createVenue, signIn, startTestApp, testConfig, type TestApp } from '../support/app.ts';
import { storageAvailable } from '../support/database.ts';
import { expectError } from '../support/expect-error.ts';
import type { PairingStatusDto as PairingStatus } from '../../server/modules/devices/schemas.ts';


describe.runIf(storageAvailable)('site-wide ceiling on wrong pairing codes', () => {
  let t: TestApp;
  let other: FastifyInstance;
  let admin: Awaited<ReturnType<typeof signIn>>;
  let coordinator: Awaited<ReturnType<typeof signIn>>;
  let venueId: string;
  let addressCounter = 0;
  const freshAddress = () => `2001:db8::${(addressCounter++).toString(16)}`;

  beforeAll(async () => {
    t = await startTestApp({ trustProxy: true });
    other = await buildApp(testConfig({ trustProxy: true }), { database: { ...t.database, close: async () => undefined }, logger: false, backgroundJobs: false });
    await other.ready();
    admin = await signIn(t, 'admin');
    venueId = (await createVenue(t, admin.cookie)).id;
    coordinator = await signIn(t, 'coordinator', [venueId]);
  });
  afterAll(async () => {
    await other?.close();
    await t?.close();
  });

  const pair = (app: FastifyInstance, address: string, pairingCode: string) =>
    app.inject({ method: 'POST', url: '/api/devices/pair', headers: { 'x-forwarded-for': address }, payload: { pairingCode } });
  const newCode = async () => {
    const created = await t.app.inject({ method: 'POST', url: '/api/devices', headers: { cookie: admin.cookie }, payload: { kind: 'kiosk', venueId, name: '新签到机' } });
    expect(created.statusCode).toBe(201);
    return created.json() as { pairingCode: string; device: { id: string } };
  };
  const status = async (cookie: string) => {
    const answer = await t.app.inject({ method: 'GET', url: '/api/devices/pairing-status', headers: { cookie } });
    expect(answer.statusCode, answer.body).toBe(200);
    return (answer.json() as { pairing: PairingStatus }).pairing;
  };
  const resume = (cookie: string) => t.app.inject({ method: 'POST', url: '/api/devices/pairing-status/resume', headers: { cookie } });
  const auditOf = (action: string) =>
    t.database.db.selectFrom('auditLog').select(['actorKind', 'actorName', 'details', 'at']).where('action', '=', action).orderBy('id').execute();
  /** A wrong code that is well-formed (8 digits), different each time. */
  let guess = 0;
  const wrongCode = () => String(90_000_000 + guess++);

  it('does not count real pairings or codes that cannot be one towards the ceiling', async () => {
    const before = (await status(admin.cookie)).failedAttempts;
    const { pairingCode } = await newCode();
    expect((await pair(t.app, freshAddress(), pairingCode)).statusCode).toBe(200);
    expectError(await pair(t.app, freshAddress(), 'abc'), 404, 'not_found');
    expectError(await pair(t.app, freshAddress(), wrongCode()), 404, 'not_found');
    expect((await status(admin.cookie)).failedAttempts).toBe(before + 1);
  });

  it('pauses pairing for everybody once many addresses, each under its own limit, have tried 200 wrong codes in the hour', async () => {
    await t.database.db.deleteFrom('rateLimits').where('key', '=', 'pairing-site:all').execute();
    // 12 addresses × 20 tries, all at once over two processes: each address stays within its limit of 20.
    const addresses = Array.from({ length: 12 }, () => freshAddress());
    const tries = addresses.flatMap((address, a) => Array.from({ length: PAIRING_ATTEMPTS_PER_ADDRESS }, (_, i) => ({ address, app: (a + i) % 2 === 0 ? t.app : other, code: wrongCode() })));
    const answers = await Promise.all(tries.map(({ app, address, code }) => pair(app, address, code)));
    // Exactly 200 codes were looked at, whatever the order the attempts arrived in.
    expect(answers.filter((a) => a.statusCode === 404)).toHaveLength(PAIRING_FAILURES_PER_HOUR);
    const refused = answers.filter((a) => a.statusCode === 429);
    expect(refused).toHaveLength(tries.length - PAIRING_FAILURES_PER_HOUR);
    const body = expectError(refused[0]!, 429, 'rate_limited') as unknown as { message: string; messageZh: string; pausedUntil: string; retryAfter: number };
    expect(body.message).toMatch(/Pairing is paused for the whole site until \d\d:\d\d/);
    expect(body.message).toMatch(/administrator/);
    expect(body.messageZh).toMatch(/暂停.*\d\d:\d\d/);
    expect(Date.parse(body.pausedUntil)).toBeGreaterThan(Date.now());
    expect(body.retryAfter).toBeGreaterThan(0);

    // A real kiosk with a right code, from an address never seen: paused means paused.
    const real = await newCode();
    expectError(await pair(other, freshAddress(), real.pairingCode), 429, 'rate_limited');
    const device = await t.database.db.selectFrom('devices').select('pairedAt').where('id', '=', real.device.id).executeTakeFirstOrThrow();
    expect(device.pairedAt).toBeNull();

    // Admins (and coordinators, who add devices) see why, since when and until when.
    const seen = await status(admin.cookie);
    expect(seen).toMatchObject({ paused: true, limit: PAIRING_FAILURES_PER_HOUR, canResume: true });
    expect(seen.failedAttempts).toBeGreaterThan(PAIRING_FAILURES_PER_HOUR);
    expect(Date.parse(seen.pausedUntil!) - Date.parse(seen.since!)).toBe(3_600_000);
    expect(seen.pausedUntil).toBe(body.pausedUntil);
    expect(Date.parse(seen.pausedAt!)).toBeGreaterThanOrEqual(Date.parse(seen.since!));
    expect(await status(coordinator.cookie)).toMatchObject({ paused: true, canResume: false, pausedUntil: seen.pausedUntil });
    // The pause is in the audit log once, by the system.
    const paused = await auditOf('device.pairing_paused');
    expect(paused).toHaveLength(1);
    expect(paused[0]).toMatchObject({ actorKind: 'system' });
    expect(paused[0]!.details).toMatchObject({ failedAttempts: PAIRING_FAILURES_PER_HOUR + 1, limit: PAIRING_FAILURES_PER_HOUR });

    // Only an admin may resume early; it is audited with the count it wiped, and the waiting kiosk pairs.
    expectError(await resume(coordinator.cookie), 403, 'forbidden');
    const resumed = await resume(admin.cookie);
    expect(resumed.statusCode, resumed.body).toBe(200);
    expect((resumed.json() as { pairing: PairingStatus }).pairing).toMatchObject({ paused: false, failedAttempts: 0, pausedUntil: null });
    const entries = await auditOf('device.pairing_resumed');
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actorKind: 'user', actorName: admin.username });
    expect(entries[0]!.details).toMatchObject({ failedAttempts: seen.failedAttempts, until: seen.pausedUntil });
    expect((await pair(other, freshAddress(), real.pairingCode)).statusCode).toBe(200);
    // Nothing to resume now.
    expectError(await resume(admin.cookie), 409, 'conflict');
  });
});
