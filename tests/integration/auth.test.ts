/**
 * Sign-in, sessions and their limits (docs/api.md "Signing in", docs/security.md "Sessions"): the login answer and its
 * cookie, one message for every wrong pair, logout that also closes the session's sockets, rate limits, and
 * the refusal of cookie-authenticated writes from another web site.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io as connect } from 'socket.io-client';
import { storageAvailable } from '../support/database.ts';
import { createVenue, eventually, liveClient, signIn, startTestApp, subscribe, type TestApp } from '../support/app.ts';
import { expectError } from '../support/expect-error.ts';

describe.runIf(storageAvailable)('auth', () => {
  let t: TestApp;
  let admin: Awaited<ReturnType<typeof signIn>>;

  const login = (username: string, password: string, remoteAddress = '127.0.0.1') =>
    t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress });
  const me = (headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url: '/api/auth/me', headers });
  const countSessions = async () => Number((await t.database.db.selectFrom('sessions').select(t.database.db.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const countVenues = async () => Number((await t.database.db.selectFrom('venues').select(t.database.db.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const cookieOf = (setCookie: unknown) => String(Array.isArray(setCookie) ? setCookie[0] : setCookie);

  beforeAll(async () => {
    t = await startTestApp();
    admin = await signIn(t, 'admin');
  });
  afterAll(async () => t?.close());

  it('signs in with the right pair: the user, and an httpOnly SameSite=Lax session cookie', async () => {
    const venue = await createVenue(t, admin.cookie);
    const coordinator = await signIn(t, 'coordinator', [venue.id]);
    const before = await countSessions();
    // Usernames are matched without regard to case.
    const response = await login(coordinator.username.toUpperCase(), coordinator.password);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({
      user: { id: coordinator.userId, username: coordinator.username, role: 'coordinator', venueIds: [venue.id] },
    });
    const setCookie = cookieOf(response.headers['set-cookie']);
    expect(setCookie).toMatch(/^centre_ops_session=[^;]+/);
    expect(setCookie).toMatch(/;\s*HttpOnly/i);
    expect(setCookie).toMatch(/;\s*SameSite=Lax/i);
    expect(setCookie).toMatch(/;\s*Path=\//i);
    expect(await countSessions()).toBe(before + 1);

    const cookie = setCookie.split(';')[0]!;
    const mine = await me({ cookie });
    expect(mine.statusCode).toBe(200);
    expect(mine.json()).toEqual({
      user: { id: coordinator.userId, username: coordinator.username, role: 'coordinator', venueIds: [venue.id] },
    });
  });

  it('answers a wrong password and an unknown user alike: 401 with the same message, no session', async () => {
    const before = await countSessions();
    const wrongPassword = await login(admin.username, 'not the password');
    const unknownUser = await login('nobody_by_this_name', 'not the password');
    const a = expectError(wrongPassword, 401, 'unauthenticated');
    const b = expectError(unknownUser, 401, 'unauthenticated');
    expect(a.message).toBe(b.message);
    expect(wrongPassword.headers['set-cookie']).toBeUndefined();
    expect(unknownUser.headers['set-cookie']).toBeUndefined();
    expect(await countSessions()).toBe(before);
  });

  it('GET /api/auth/me needs a live session', async () => {
    expectError(await me(), 401, 'unauthenticated');
    expectError(await me({ cookie: 'centre_ops_session=forged-token' }), 401, 'unauthenticated');
    const ok = await me({ cookie: admin.cookie });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({ user: { id: admin.userId, username: admin.username, role: 'admin', venueIds: [] } });
  });

  it('logout revokes the session, leaves other sessions alone, and disconnects the session’s sockets', async () => {
    const venue = await createVenue(t, admin.cookie);
    const user = await signIn(t, 'coordinator', [venue.id]);
    const otherSession = cookieOf((await login(user.username, user.password)).headers['set-cookie']).split(';')[0]!;
    const socket = await liveClient(t.url, { cookie: user.cookie });
    expect(await subscribe(socket, `venue:${venue.id}`)).toMatchObject({ ok: true });
    let reason = '';
    socket.on('disconnect', (r) => (reason = r));

    const out = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: user.cookie } });
    expect(out.statusCode, out.body).toBe(204);
    expect(cookieOf(out.headers['set-cookie'])).toMatch(/^centre_ops_session=;/);

    expectError(await me({ cookie: user.cookie }), 401, 'unauthenticated');
    expect((await me({ cookie: otherSession })).statusCode).toBe(200);
    const revoked = await t.database.db.selectFrom('sessions').select(['revokedAt']).where('userId', '=', user.userId).execute();
    expect(revoked.filter((s) => s.revokedAt !== null)).toHaveLength(1);
    const events = await t.database.db.selectFrom('outbox').select(['type', 'data']).where('topic', '=', 'system').execute();
    expect(events.some((e) => e.type === 'session.revoked')).toBe(true);

    await eventually(() => !socket.connected, 'the logged-out session’s socket to be disconnected');
    expect(reason).toBe('io server disconnect');
    await expect(liveClient(t.url, { cookie: user.cookie })).rejects.toThrow(/unauthenticated/);
  });

  it('rate-limits repeated wrong passwords for one username, then refuses even the right one', async () => {
    const victim = await signIn(t, 'referee');
    const before = await countSessions();
    // Different addresses: the per-username limit (10 per 10 minutes) applies whoever is guessing.
    for (let i = 0; i < 10; i += 1) expectError(await login(victim.username, `guess ${i}`, `10.1.0.${i + 1}`), 401, 'unauthenticated');
    const limited = await login(victim.username, 'guess 11', '10.1.0.50');
    const body = expectError(limited, 429, 'rate_limited');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(body.message).toMatch(/wait/i);
    expectError(await login(victim.username, victim.password, '10.1.0.51'), 429, 'rate_limited');
    expect(await countSessions()).toBe(before);
    // Another user is not locked out by it.
    expect((await login(admin.username, admin.password, '10.1.0.52')).statusCode).toBe(200);
  });

  it('rate-limits one address that tries too often, whatever the usernames', async () => {
    const address = '10.2.0.1';
    for (let i = 0; i < 30; i += 1) expectError(await login(`someone_${i}`, 'wrong password', address), 401, 'unauthenticated');
    expectError(await login(admin.username, admin.password, address), 429, 'rate_limited');
    expect((await login(admin.username, admin.password, '10.2.0.2')).statusCode).toBe(200);
  });

  it('refuses a cookie-authenticated write from another origin and changes nothing', async () => {
    const before = await countVenues();
    const post = (headers: Record<string, string>, name: string) =>
      t.app.inject({ method: 'POST', url: '/api/venues', headers: { cookie: admin.cookie, ...headers }, payload: { name } });
    expectError(await post({ origin: 'http://evil.example' }, 'Evil venue'), 403, 'forbidden');
    expectError(await post({ origin: 'null' }, 'Null-origin venue'), 403, 'forbidden');
    expect(await countVenues()).toBe(before);
    const logout = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: admin.cookie, origin: 'http://evil.example' } });
    expectError(logout, 403, 'forbidden');
    expect((await me({ cookie: admin.cookie })).statusCode).toBe(200);
    // Reading from another origin is not a write.
    expect((await t.app.inject({ method: 'GET', url: '/api/venues', headers: { cookie: admin.cookie, origin: 'http://evil.example' } })).statusCode).toBe(200);
  });

  it('accepts the same write from the server’s own origin and without an Origin header', async () => {
    const own = new URL(t.url);
    const sameOrigin = await fetch(`${t.url}/api/venues`, {
      method: 'POST',
      headers: { cookie: admin.cookie, origin: own.origin, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Same-origin venue' }),
    });
    expect(sameOrigin.status, await sameOrigin.clone().text()).toBe(201);
    expect(((await sameOrigin.json()) as { venue: { name: string } }).venue.name).toBe('Same-origin venue');

    const host = await t.app.inject({
      method: 'POST',
      url: '/api/venues',
      headers: { cookie: admin.cookie, host: 'centre.example:8080', origin: 'http://centre.example:8080' },
      payload: { name: 'Host-origin venue' },
    });
    expect(host.statusCode, host.body).toBe(201);
    const script = await t.app.inject({ method: 'POST', url: '/api/venues', headers: { cookie: admin.cookie }, payload: { name: 'Script venue' } });
    expect(script.statusCode, script.body).toBe(201);
    const names = ((await t.app.inject({ method: 'GET', url: '/api/venues', headers: { cookie: admin.cookie } })).json() as { venues: Array<{ name: string }> }).venues.map((v) => v.name);
    expect(names).toEqual(expect.arrayContaining(['Same-origin venue', 'Host-origin venue', 'Script venue']));
  });

  it('refuses a cookie-authenticated socket from another origin', async () => {
    const socket = connect(t.url, {
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
      extraHeaders: { cookie: admin.cookie, origin: 'http://evil.example' },
    });
    const error = await new Promise<Error>((resolve) => {
      socket.once('connect', () => resolve(new Error('connected')));
      socket.once('connect_error', resolve);
    });
    socket.disconnect();
    expect(error.message).toBe('forbidden');
  });
});
