/**
 * Password change and sign-out everywhere (docs/security.md "Sessions"): other sessions revoked and their sockets
 * closed, the current session kept (or, for logout-all, ended too); wrong or too short passwords change nothing;
 * passwords and tokens never reach the log.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app.ts';
import { createTestDatabase, storageAvailable } from '../support/database.ts';
import { createVenue, eventually, liveClient, signIn, startTestApp, subscribe, testConfig, type TestApp } from '../support/app.ts';
import { expectError } from '../support/expect-error.ts';

describe.runIf(storageAvailable)('sessions: password change and sign-out everywhere', () => {
  let t: TestApp;
  let admin: Awaited<ReturnType<typeof signIn>>;
  let venueId: string;

  const cookieOf = (setCookie: unknown) => String(Array.isArray(setCookie) ? setCookie[0] : setCookie);
  const login = (username: string, password: string) =>
    t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  const newSession = async (username: string, password: string) => {
    const response = await login(username, password);
    expect(response.statusCode, response.body).toBe(200);
    return cookieOf(response.headers['set-cookie']).split(';')[0]!;
  };
  const me = (cookie: string) => t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
  const changePassword = (cookie: string, payload: object) =>
    t.app.inject({ method: 'POST', url: '/api/auth/password', headers: { cookie }, payload });
  const passwordHashOf = async (userId: string) =>
    (await t.database.db.selectFrom('users').select('passwordHash').where('id', '=', userId).executeTakeFirstOrThrow()).passwordHash;
  const liveSessions = async (userId: string) =>
    (await t.database.db.selectFrom('sessions').select('id').where('userId', '=', userId).where('revokedAt', 'is', null).execute()).length;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await signIn(t, 'admin');
    venueId = (await createVenue(t, admin.cookie)).id;
  });
  afterAll(async () => t?.close());

  it('changes the password, signs out every other session and closes its sockets, keeps the current one', async () => {
    const user = await signIn(t, 'coordinator', [venueId]);
    const other = await newSession(user.username, user.password);
    const otherSocket = await liveClient(t.url, { cookie: other });
    const mySocket = await liveClient(t.url, { cookie: user.cookie });
    expect(await subscribe(otherSocket, `venue:${venueId}`)).toMatchObject({ ok: true });
    expect(await subscribe(mySocket, `venue:${venueId}`)).toMatchObject({ ok: true });
    let reason = '';
    otherSocket.on('disconnect', (r) => (reason = r));

    const changed = await changePassword(user.cookie, { currentPassword: user.password, newPassword: '新的密码-new-pass' });
    expect(changed.statusCode, changed.body).toBe(204);

    expectError(await me(other), 401, 'unauthenticated');
    expect((await me(user.cookie)).statusCode).toBe(200);
    expect(await liveSessions(user.userId)).toBe(1);
    await eventually(() => !otherSocket.connected, 'the other session’s socket to be disconnected');
    expect(reason).toBe('io server disconnect');
    expect(mySocket.connected).toBe(true);
    mySocket.close();

    expectError(await login(user.username, user.password), 401, 'unauthenticated');
    expect((await login(user.username, '新的密码-new-pass')).statusCode).toBe(200);
  });

  it('refuses a wrong current password and a too short new one, changing nothing', async () => {
    const user = await signIn(t, 'referee');
    const other = await newSession(user.username, user.password);
    const before = await passwordHashOf(user.userId);

    const wrong = expectError(await changePassword(user.cookie, { currentPassword: 'not my password', newPassword: 'long enough 1' }), 400, 'validation_failed');
    expect(wrong.field).toBe('currentPassword');
    expect(wrong.message).toMatch(/current password/i);
    expectError(await changePassword(user.cookie, { currentPassword: user.password, newPassword: 'short' }), 400, 'validation_failed');
    expectError(await changePassword(user.cookie, { currentPassword: user.password }), 400, 'validation_failed');

    expect(await passwordHashOf(user.userId)).toBe(before);
    expect((await me(other)).statusCode).toBe(200);
    expect((await me(user.cookie)).statusCode).toBe(200);
    expect(await liveSessions(user.userId)).toBe(2);
  });

  it('needs a signed-in user, and rate-limits guessing the current password', async () => {
    expectError(await t.app.inject({ method: 'POST', url: '/api/auth/password', payload: { currentPassword: 'x', newPassword: 'long enough 1' } }), 401, 'unauthenticated');
    expectError(await t.app.inject({ method: 'POST', url: '/api/auth/logout-all' }), 401, 'unauthenticated');
    const user = await signIn(t, 'referee');
    for (let i = 0; i < 10; i += 1) {
      expectError(await changePassword(user.cookie, { currentPassword: `guess ${i}`, newPassword: 'long enough 1' }), 400, 'validation_failed');
    }
    expectError(await changePassword(user.cookie, { currentPassword: user.password, newPassword: 'long enough 1' }), 429, 'rate_limited');
    expect((await login(user.username, user.password)).statusCode).toBe(200);
  });

  it('logout-all ends every session of the user, the current one included, and closes their sockets', async () => {
    const user = await signIn(t, 'coordinator', [venueId]);
    const other = await newSession(user.username, user.password);
    const stranger = await signIn(t, 'coordinator', [venueId]);
    const sockets = [await liveClient(t.url, { cookie: user.cookie }), await liveClient(t.url, { cookie: other })];
    const strangerSocket = await liveClient(t.url, { cookie: stranger.cookie });

    const out = await t.app.inject({ method: 'POST', url: '/api/auth/logout-all', headers: { cookie: user.cookie } });
    expect(out.statusCode, out.body).toBe(204);
    expect(cookieOf(out.headers['set-cookie'])).toMatch(/^centre_ops_session=;/);

    expectError(await me(user.cookie), 401, 'unauthenticated');
    expectError(await me(other), 401, 'unauthenticated');
    expect(await liveSessions(user.userId)).toBe(0);
    await eventually(() => sockets.every((s) => !s.connected), 'every socket of the user to be disconnected');
    await expect(liveClient(t.url, { cookie: other })).rejects.toThrow(/unauthenticated/);
    // Another user's session and socket are untouched.
    expect((await me(stranger.cookie)).statusCode).toBe(200);
    expect(strangerSocket.connected).toBe(true);
    strangerSocket.close();
  });

  it('never logs passwords, session tokens, or the secrets and personal data of a query', async () => {
    const lines: string[] = [];
    const { database } = await createTestDatabase();
    const app = await buildApp(testConfig({ logLevel: 'trace' }), {
      database,
      backgroundJobs: false,
      logStream: { write: (line: string) => void lines.push(line) },
    });
    // A careless handler that logs its whole body: the secret fields are still hidden. (Outside /api: the
    // authorization matrix refuses /api routes it has no row for.)
    app.post('/test/echo', async (request) => {
      request.log.info({ body: request.body }, 'body received');
      return { ok: true };
    });
    try {
      const user = await signIn({ app, database }, 'admin');
      const token = user.cookie.split('=')[1]!;
      expect((await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: user.cookie } })).statusCode).toBe(200);
      await app.inject({ method: 'GET', url: '/api/auth/me', headers: { authorization: 'Bearer dev_secret-device-token' } });
      await app.inject({ method: 'POST', url: '/api/auth/password', headers: { cookie: user.cookie }, payload: { currentPassword: user.password, newPassword: 'brand-new-secret-9' } });
      await app.inject({ method: 'POST', url: '/test/echo', payload: { password: 'echo-secret-1', token: 'echo-secret-2', pairingCode: '98765432', note: 'visible' } });
      // Secrets and personal data in a query: a calendar link's key, a card code, a typed phone number.
      await app.inject({ method: 'GET', url: '/api/venues/00000000-0000-4000-8000-000000000000/calendar.ics?key=feed-secret-key-77' });
      await app.inject({ method: 'GET', url: '/api/members?code=SECRETCARD9', headers: { cookie: user.cookie } });
      await app.inject({ method: 'GET', url: '/api/members?q=13912341741&limit=5', headers: { cookie: user.cookie } });

      const log = lines.join('');
      expect(log).toContain('signed in');
      expect(log).toContain('visible');
      expect(log).toContain('calendar.ics?key=[redacted]');
      for (const secret of [user.password, token, 'dev_secret-device-token', 'brand-new-secret-9', 'echo-secret-1', 'echo-secret-2', '98765432', 'feed-secret-key-77', 'SECRETCARD9', '13912341741']) {
        expect(log).not.toContain(secret);
      }
    } finally {
      await app.close();
    }
  });
});
