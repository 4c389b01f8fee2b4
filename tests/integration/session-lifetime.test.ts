/**
 * How long a sign-in lasts (docs/security.md "Sessions"; server/modules/auth/expiry.ts): a new session on every
 * sign-in that ends the one the browser held, a session unused for the idle limit or past its absolute expiry no
 * longer signs anyone in, and the sweep ends lapsed sessions and closes their sockets on every process.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { endLapsedSessions, SESSION_IDLE_MS, SESSION_TOUCH_MS } from '../../server/modules/auth/expiry.ts';
import { storageAvailable } from '../support/database.ts';
import { createVenue, eventually, liveClient, signIn, startTestApp, subscribe, type TestApp } from '../support/app.ts';
import { expectError } from '../support/expect-error.ts';

describe.runIf(storageAvailable)('session lifetime: rotation, idle limit, expiry', () => {
  let t: TestApp;
  let venueId: string;

  const me = (cookie: string) => t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
  const sessionOf = async (cookie: string) => {
    const { hashSecret } = await import('../../server/modules/auth/tokens.ts');
    return t.database.db.selectFrom('sessions').selectAll().where('tokenHash', '=', hashSecret(cookie.split('=')[1]!)).executeTakeFirstOrThrow();
  };
  /** Moves a session's clock: as if it was last used, or expires, `ms` from now (negative: in the past). */
  const shift = async (cookie: string, column: 'last_used_at' | 'expires_at', ms: number) => {
    const { id } = await sessionOf(cookie);
    await sql`update sessions set ${sql.ref(column)} = now() + make_interval(secs => ${ms / 1000}) where id = ${id}`.execute(t.database.db);
  };

  beforeAll(async () => {
    t = await startTestApp();
    const admin = await signIn(t, 'admin');
    venueId = (await createVenue(t, admin.cookie)).id;
  });
  afterAll(async () => t?.close());

  it('signing in again replaces the session the browser held (no fixation)', async () => {
    const user = await signIn(t, 'coordinator', [venueId]);
    const again = await t.app.inject({ method: 'POST', url: '/api/auth/login', headers: { cookie: user.cookie }, payload: { username: user.username, password: user.password } });
    expect(again.statusCode).toBe(200);
    const fresh = String(again.headers['set-cookie']).split(';')[0]!;
    expect(fresh).not.toBe(user.cookie);
    expectError(await me(user.cookie), 401, 'unauthenticated');
    expect((await me(fresh)).statusCode).toBe(200);
  });

  it('a session unused for the idle limit no longer signs in; use keeps it alive', async () => {
    const user = await signIn(t, 'coordinator', [venueId]);
    await shift(user.cookie, 'last_used_at', -(SESSION_IDLE_MS - 60_000));
    expect((await me(user.cookie)).statusCode).toBe(200);
    // That use was recorded (it was older than the touch interval), so the session is fresh again.
    await eventually(async () => Date.now() - (await sessionOf(user.cookie)).lastUsedAt.getTime() < SESSION_TOUCH_MS, 'use recorded');
    await shift(user.cookie, 'last_used_at', -(SESSION_IDLE_MS + 60_000));
    expectError(await me(user.cookie), 401, 'unauthenticated');
  });

  it('a session past its absolute expiry no longer signs in, however recently used', async () => {
    const user = await signIn(t, 'coordinator', [venueId]);
    await shift(user.cookie, 'expires_at', -1_000);
    expectError(await me(user.cookie), 401, 'unauthenticated');
  });

  it('the sweep ends lapsed sessions and closes their open sockets; live ones are untouched', async () => {
    const idle = await signIn(t, 'coordinator', [venueId]);
    const active = await signIn(t, 'coordinator', [venueId]);
    const idleSocket = await liveClient(t.url, { cookie: idle.cookie });
    const activeSocket = await liveClient(t.url, { cookie: active.cookie });
    try {
      expect((await subscribe(idleSocket, `venue:${venueId}`)).ok).toBe(true);
      expect((await subscribe(activeSocket, `venue:${venueId}`)).ok).toBe(true);
      await shift(idle.cookie, 'last_used_at', -(SESSION_IDLE_MS + 60_000));
      expect(await endLapsedSessions(t.database.db)).toBeGreaterThanOrEqual(1);
      await eventually(() => !idleSocket.connected, 'the idle session’s socket is closed');
      expect((await sessionOf(idle.cookie)).revokedAt).not.toBeNull();
      expect(activeSocket.connected).toBe(true);
      expect((await me(active.cookie)).statusCode).toBe(200);
      expect(await endLapsedSessions(t.database.db)).toBe(0);
    } finally {
      idleSocket.close();
      activeSocket.close();
    }
  });
});
