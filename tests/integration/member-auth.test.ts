/**
 * Member PINs and member sessions (docs/security.md "Member PINs"; docs/api.md "Senior-university enrolment"):
 * the desk issues a six-digit PIN, shown once and stored hashed; a member signs in with member number and PIN
 * on the phone pages and gets their own cookie; wrong PINs are counted like staff passwords, per address and
 * per member number; a new PIN, signing out, removal and the idle and absolute limits end sessions and close
 * their sockets; a member may use only the routes the access table gives members.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '../../server/modules/auth/password.ts';
import { hashSecret } from '../../server/modules/auth/tokens.ts';
import { endLapsedMemberSessions, MEMBER_SESSION_IDLE_MS, MEMBER_SESSION_MAX_AGE_MS, MEMBER_SESSION_TOUCH_MS } from '../../server/modules/member-auth/expiry.ts';
import { storageAvailable } from '../support/database.ts';
import { createVenue, eventually, liveClient, pairDevice, signIn, startTestApp, subscribe, type TestApp } from '../support/app.ts';
import { expectError } from '../support/expect-error.ts';

const COOKIE = 'member_session';

describe.runIf(storageAvailable)('member PINs and member sessions', () => {
  let t: TestApp;
  let admin: Awaited<ReturnType<typeof signIn>>;
  let coordinator: Awaited<ReturnType<typeof signIn>>;
  let venueId: string;
  let kioskToken: string;

  // Every sign-in comes from an address of its own unless a test says otherwise: the per-address limit (30 per
  // ten minutes) is tested once, on purpose, and must not be reached by the other tests adding up.
  let addressCounter = 0;
  const freshAddress = () => `198.51.100.${(addressCounter += 1)}`;

  const cookieOf = (setCookie: unknown): string => {
    const all = (Array.isArray(setCookie) ? setCookie : [setCookie]).map(String);
    const mine = all.find((c) => c.startsWith(`${COOKIE}=`));
    if (!mine) throw new Error(`no member cookie in ${all.join(' | ')}`);
    return mine;
  };
  const login = (memberNo: string, pin: string, options: { address?: string; cookie?: string; headers?: Record<string, string> } = {}) =>
    t.app.inject({
      method: 'POST',
      url: '/api/member-auth/login',
      headers: { 'x-forwarded-for': options.address ?? freshAddress(), ...(options.cookie ? { cookie: options.cookie } : {}), ...options.headers },
      payload: { memberNo, pin },
    });
  const signInMember = async (memberNo: string, pin: string) => {
    const response = await login(memberNo, pin);
    expect(response.statusCode, response.body).toBe(200);
    return cookieOf(response.headers['set-cookie']).split(';')[0]!;
  };
  const me = (cookie: string) => t.app.inject({ method: 'GET', url: '/api/member-auth/me', headers: { cookie } });
  const issuePin = (memberId: string, cookie = coordinator.cookie) => t.app.inject({ method: 'POST', url: `/api/members/${memberId}/pin`, headers: { cookie } });
  const newPin = async (memberId: string) => {
    const response = await issuePin(memberId);
    expect(response.statusCode, response.body).toBe(200);
    return (response.json() as { pin: string }).pin;
  };
  const newMember = async (memberNo: string | null = `SZ-${randomUUID().slice(0, 8)}`) => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/members',
      headers: { cookie: admin.cookie },
      payload: { name: `会员${randomUUID().slice(0, 4)}`, ...(memberNo ? { memberNo } : {}) },
    });
    expect(response.statusCode, response.body).toBe(201);
    const member = (response.json() as { member: { id: string; name: string } }).member;
    return { ...member, memberNo: memberNo ?? '' };
  };
  /** A member with a PIN, signed in once. */
  const signedMember = async () => {
    const member = await newMember();
    const pin = await newPin(member.id);
    return { ...member, pin, cookie: await signInMember(member.memberNo, pin) };
  };
  const sessionsOf = (memberId: string) => t.database.db.selectFrom('memberSessions').selectAll().where('memberId', '=', memberId).execute();
  const sessionOf = (cookie: string) =>
    t.database.db.selectFrom('memberSessions').selectAll().where('tokenHash', '=', hashSecret(cookie.split('=')[1]!)).executeTakeFirst();
  /** Moves a session's clock: as if last used, or expiring, `ms` from now (negative: in the past). */
  const shift = async (cookie: string, column: 'last_seen_at' | 'expires_at', ms: number) => {
    const session = await sessionOf(cookie);
    await sql`update member_sessions set ${sql.ref(column)} = now() + make_interval(secs => ${ms / 1000}) where id = ${session!.id}`.execute(t.database.db);
  };

  beforeAll(async () => {
    t = await startTestApp({ trustProxy: true });
    admin = await signIn(t, 'admin');
    venueId = (await createVenue(t, admin.cookie)).id;
    coordinator = await signIn(t, 'coordinator', [venueId]);
    kioskToken = (await pairDevice(t, admin.cookie, venueId, 'kiosk')).token;
  });
  afterAll(async () => t?.close());

  describe('issuing a PIN', () => {
    it('gives staff six digits once, keeps only a hash, and audits it without the PIN', async () => {
      const member = await newMember();
      const response = await issuePin(member.id);
      expect(response.statusCode, response.body).toBe(200);
      expect(response.headers['cache-control']).toBe('no-store');
      const { pin } = response.json() as { pin: string };
      expect(pin).toMatch(/^[0-9]{6}$/);

      const stored = await t.database.db.selectFrom('memberPins').selectAll().where('memberId', '=', member.id).executeTakeFirstOrThrow();
      expect(stored.pinHash).not.toContain(pin);
      expect(stored.pinHash.startsWith('scrypt$')).toBe(true);
      expect(await verifyPassword(pin, stored.pinHash)).toBe(true);
      expect(stored.setBy).toBe(coordinator.userId);

      const entries = await t.database.db.selectFrom('auditLog').selectAll().where('entityKind', '=', 'member').where('entityId', '=', member.id).execute();
      const issued = entries.filter((e) => JSON.stringify(e.changes).includes('"pin"'));
      expect(issued).toHaveLength(1);
      expect(issued[0]).toMatchObject({ actorKind: 'user', actorId: coordinator.userId, action: 'member.pin_issued' });
      expect(JSON.stringify(entries)).not.toContain(pin);

      // An admin may too; the second PIN replaces the first.
      const again = await issuePin(member.id, admin.cookie);
      expect(again.statusCode).toBe(200);
      const second = (again.json() as { pin: string }).pin;
      expectError(await login(member.memberNo, pin === second ? String((Number(pin) + 1) % 1_000_000).padStart(6, '0') : pin), 401, 'unauthenticated');
      expect((await login(member.memberNo, second)).statusCode).toBe(200);
    });

    it('is for staff only: a kiosk, a member and nobody are refused, and nothing changes', async () => {
      const member = await newMember();
      const other = await signedMember();
      expectError(await t.app.inject({ method: 'POST', url: `/api/members/${member.id}/pin`, headers: { authorization: `Bearer ${kioskToken}` } }), 403, 'forbidden');
      expectError(await t.app.inject({ method: 'POST', url: `/api/members/${member.id}/pin` }), 401, 'unauthenticated');
      expectError(await issuePin(member.id, other.cookie), 403, 'forbidden');
      const referee = await signIn(t, 'referee', [venueId]);
      expectError(await issuePin(member.id, referee.cookie), 403, 'forbidden');
      expect(await t.database.db.selectFrom('memberPins').selectAll().where('memberId', '=', member.id).execute()).toEqual([]);
    });

    it('asks for a member number first, and refuses an unknown or removed member', async () => {
      const numberless = await newMember(null);
      const body = expectError(await issuePin(numberless.id), 409, 'conflict', 'memberNo');
      expect(body.messageZh).toMatch(/会员编号/);
      expectError(await issuePin(randomUUID()), 404, 'not_found');
      const removed = await newMember();
      expect((await t.app.inject({ method: 'DELETE', url: `/api/members/${removed.id}`, headers: { cookie: admin.cookie } })).statusCode).toBe(204);
      expectError(await issuePin(removed.id), 404, 'not_found');
    });
  });

  describe('signing in', () => {
    it('opens a member session: its own cookie, HttpOnly and SameSite=Lax, only the token’s hash stored', async () => {
      const member = await newMember();
      const pin = await newPin(member.id);
      const response = await login(` ${member.memberNo.toLowerCase()} `, pin);
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json()).toEqual({ member: { id: member.id, name: member.name } });
      const setCookie = cookieOf(response.headers['set-cookie']);
      expect(setCookie).toMatch(/; HttpOnly/i);
      expect(setCookie).toMatch(/; SameSite=Lax/i);
      expect(setCookie).toMatch(/; Path=\//i);
      expect(setCookie).not.toMatch(/; Secure/i);
      const cookie = setCookie.split(';')[0]!;
      const token = cookie.split('=')[1]!;
      const [session] = await sessionsOf(member.id);
      expect(session!.tokenHash).toBe(hashSecret(token));
      expect(JSON.stringify(session)).not.toContain(token);
      // 30 days at most (expiry.ts says why), from now.
      expect(Math.abs(session!.expiresAt.getTime() - (Date.now() + MEMBER_SESSION_MAX_AGE_MS))).toBeLessThan(60_000);

      const who = await me(cookie);
      expect(who.statusCode, who.body).toBe(200);
      expect(who.json()).toEqual({ member: { id: member.id, name: member.name } });
    });

    it('sets the cookie Secure when the site is reached over HTTPS', async () => {
      const member = await newMember();
      const pin = await newPin(member.id);
      const response = await login(member.memberNo, pin, { headers: { 'x-forwarded-proto': 'https' } });
      expect(response.statusCode, response.body).toBe(200);
      expect(cookieOf(response.headers['set-cookie'])).toMatch(/; Secure/i);
    });

    it('gives one answer for an unknown number, a wrong PIN, a member without a PIN and a removed member', async () => {
      const member = await newMember();
      const pin = await newPin(member.id);
      const wrongPin = pin === '000000' ? '000001' : '000000';
      const withoutPin = await newMember();
      const removed = await newMember();
      const removedPin = await newPin(removed.id);
      expect((await t.app.inject({ method: 'DELETE', url: `/api/members/${removed.id}`, headers: { cookie: admin.cookie } })).statusCode).toBe(204);

      const answers = [
        await login(member.memberNo, wrongPin),
        await login(`NO-SUCH-${randomUUID().slice(0, 6)}`, pin),
        await login(withoutPin.memberNo, '123456'),
        await login(removed.memberNo, removedPin),
      ].map((response) => expectError(response, 401, 'unauthenticated'));
      for (const body of answers) {
        expect(body).toEqual(answers[0]);
        expect(body.messageZh).toMatch(/会员编号或报名密码不对/);
      }
      expect(await sessionsOf(member.id)).toEqual([]);
    });

    it('refuses a PIN that is not six digits as a validation error, checking nothing', async () => {
      const member = await newMember();
      await newPin(member.id);
      for (const pin of ['12345', '1234567', '12a456', '']) expectError(await login(member.memberNo, pin), 400, 'validation_failed', 'pin');
      expectError(
        await t.app.inject({ method: 'POST', url: '/api/member-auth/login', payload: { memberNo: member.memberNo, pin: '123456', extra: 1 } }),
        400,
        'validation_failed',
      );
    });

    it('replaces the member session the browser held (no fixation)', async () => {
      const member = await signedMember();
      const again = await login(member.memberNo, member.pin, { cookie: member.cookie });
      expect(again.statusCode).toBe(200);
      const fresh = cookieOf(again.headers['set-cookie']).split(';')[0]!;
      expect(fresh).not.toBe(member.cookie);
      expectError(await me(member.cookie), 401, 'unauthenticated');
      expect((await me(fresh)).statusCode).toBe(200);
      expect(await sessionsOf(member.id)).toHaveLength(1);
    });

    it('ends the staff session of the same browser, so the phone pages act as the member who signed in', async () => {
      const member = await newMember();
      const pin = await newPin(member.id);
      const staff = await signIn(t, 'coordinator', [venueId]);
      const response = await login(member.memberNo, pin, { cookie: staff.cookie });
      expect(response.statusCode, response.body).toBe(200);
      const setCookies = (response.headers['set-cookie'] as string[]).map(String);
      expect(setCookies.some((c) => /^centre_ops_session=;/.test(c))).toBe(true);
      expectError(await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: staff.cookie } }), 401, 'unauthenticated');
      const cookie = cookieOf(setCookies).split(';')[0]!;
      expect((await me(cookie)).json()).toEqual({ member: { id: member.id, name: member.name } });
    });

    it('refuses a sign-in from another web site', async () => {
      const member = await newMember();
      const pin = await newPin(member.id);
      expectError(await login(member.memberNo, pin, { headers: { origin: 'https://evil.example' } }), 403, 'forbidden');
      expect(await sessionsOf(member.id)).toEqual([]);
    });
  });

  describe('limits on wrong PINs', () => {
    const wrongOf = (pin: string, i: number) => String((Number(pin) + 1 + i) % 1_000_000).padStart(6, '0');

    it('refuses the member number after ten wrong PINs in ten minutes, from any address, the right PIN too; a new PIN clears it', async () => {
      const member = await newMember();
      const pin = await newPin(member.id);
      const bystander = await newMember();
      const bystanderPin = await newPin(bystander.id);
      for (let i = 0; i < 10; i += 1) expectError(await login(member.memberNo, wrongOf(pin, i)), 401, 'unauthenticated');
      const refused = await login(member.memberNo, pin);
      const body = expectError(refused, 429, 'rate_limited');
      expect(body.retryAfter).toBeGreaterThan(0);
      expect(Number(refused.headers['retry-after'])).toBe(body.retryAfter);
      expect(body.messageZh).toMatch(/尝试次数太多.*服务台/);
      expect(await sessionsOf(member.id)).toEqual([]);
      // Another member signs in from the same address meanwhile.
      expect((await login(bystander.memberNo, bystanderPin)).statusCode).toBe(200);

      const fresh = await newPin(member.id);
      expect((await login(member.memberNo, fresh)).statusCode).toBe(200);
    });

    it('counts wrong PINs only: a member signing in right many times is never refused', async () => {
      const member = await newMember();
      const pin = await newPin(member.id);
      for (let i = 0; i < 14; i += 1) expect((await login(member.memberNo, pin)).statusCode).toBe(200);
    });

    it('refuses a member number for the day after thirty wrong PINs, however the ten-minute windows fall', async () => {
      const member = await newMember();
      const pin = await newPin(member.id);
      const key = `member-login-no:${member.memberNo.toUpperCase()}`;
      for (let round = 0; round < 3; round += 1) {
        for (let i = 0; i < 10; i += 1) expectError(await login(member.memberNo, wrongOf(pin, round * 10 + i)), 401, 'unauthenticated');
        // The ten-minute window ends (its counter starts again); the day's does not.
        await sql`update rate_limits set window_start = now() - interval '11 minutes' where key = ${key}`.execute(t.database.db);
      }
      const body = expectError(await login(member.memberNo, pin), 429, 'rate_limited');
      expect(body.retryAfter as number).toBeGreaterThan(23 * 3600);
      expect(body.message).toMatch(/hours/);
      const fresh = await newPin(member.id);
      expect((await login(member.memberNo, fresh)).statusCode).toBe(200);
    });

    it('refuses an address after thirty attempts in ten minutes, before any PIN is looked at', async () => {
      const address = '203.0.113.9';
      const members = await Promise.all(Array.from({ length: 3 }, () => newMember()));
      const pins = await Promise.all(members.map((m) => newPin(m.id)));
      for (let i = 0; i < 30; i += 1) {
        const m = i % 3;
        const response = await login(members[m]!.memberNo, i < 27 ? wrongOf(pins[m]!, i) : pins[m]!, { address });
        expect(response.statusCode, `attempt ${i + 1}`).toBe(i < 27 ? 401 : 200);
      }
      expectError(await login(members[0]!.memberNo, pins[0]!, { address }), 429, 'rate_limited');
      // The member numbers' own counters were not used up by the refused attempt.
      expect((await login(members[0]!.memberNo, pins[0]!)).statusCode).toBe(200);
    });
  });

  describe('ending sessions', () => {
    it('signs out: the session is gone, the cookie cleared, the socket closed', async () => {
      const member = await signedMember();
      const socket = await liveClient(t.url, { cookie: member.cookie });
      try {
        const out = await t.app.inject({ method: 'POST', url: '/api/member-auth/logout', headers: { cookie: member.cookie } });
        expect(out.statusCode).toBe(204);
        expect(String(out.headers['set-cookie'])).toMatch(/^member_session=;/);
        expectError(await me(member.cookie), 401, 'unauthenticated');
        expect(await sessionsOf(member.id)).toEqual([]);
        await eventually(() => !socket.connected, 'the member’s socket closes');
      } finally {
        socket.close();
      }
      // Without a cookie (or signed out already) it is harmless.
      expect((await t.app.inject({ method: 'POST', url: '/api/member-auth/logout' })).statusCode).toBe(204);
      expect((await t.app.inject({ method: 'POST', url: '/api/member-auth/logout', headers: { cookie: member.cookie } })).statusCode).toBe(204);
    });

    it('a new PIN ends every session of the member and closes their sockets; the old PIN no longer opens', async () => {
      const member = await signedMember();
      const second = await signInMember(member.memberNo, member.pin);
      const other = await signedMember();
      const sockets = await Promise.all([liveClient(t.url, { cookie: member.cookie }), liveClient(t.url, { cookie: second }), liveClient(t.url, { cookie: other.cookie })]);
      try {
        const fresh = await newPin(member.id);
        expectError(await me(member.cookie), 401, 'unauthenticated');
        expectError(await me(second), 401, 'unauthenticated');
        expect(await sessionsOf(member.id)).toEqual([]);
        await eventually(() => !sockets[0]!.connected && !sockets[1]!.connected, 'the member’s sockets close');
        expect(sockets[2]!.connected).toBe(true);
        expect((await me(other.cookie)).statusCode).toBe(200);
        if (fresh !== member.pin) expectError(await login(member.memberNo, member.pin), 401, 'unauthenticated');
        expect((await login(member.memberNo, fresh)).statusCode).toBe(200);
      } finally {
        for (const socket of sockets) socket.close();
      }
    });

    it('a session unused for seven days no longer signs in; use keeps it alive', async () => {
      const member = await signedMember();
      await shift(member.cookie, 'last_seen_at', -(MEMBER_SESSION_IDLE_MS - 60_000));
      expect((await me(member.cookie)).statusCode).toBe(200);
      await eventually(async () => Date.now() - (await sessionOf(member.cookie))!.lastSeenAt.getTime() < MEMBER_SESSION_TOUCH_MS, 'use recorded');
      await shift(member.cookie, 'last_seen_at', -(MEMBER_SESSION_IDLE_MS + 60_000));
      expectError(await me(member.cookie), 401, 'unauthenticated');
    });

    it('a session past its 30 days no longer signs in, however recently used', async () => {
      const member = await signedMember();
      await shift(member.cookie, 'expires_at', -1_000);
      expectError(await me(member.cookie), 401, 'unauthenticated');
    });

    it('a removed member’s session stops at once, and the sweep ends it with the lapsed ones and closes their sockets', async () => {
      const removed = await signedMember();
      const idle = await signedMember();
      const active = await signedMember();
      const sockets = await Promise.all([removed, idle, active].map((m) => liveClient(t.url, { cookie: m.cookie })));
      try {
        expect((await t.app.inject({ method: 'DELETE', url: `/api/members/${removed.id}`, headers: { cookie: admin.cookie } })).statusCode).toBe(204);
        expectError(await me(removed.cookie), 401, 'unauthenticated');
        await shift(idle.cookie, 'last_seen_at', -(MEMBER_SESSION_IDLE_MS + 60_000));
        expect(await endLapsedMemberSessions(t.database.db)).toBeGreaterThanOrEqual(2);
        await eventually(() => !sockets[0]!.connected && !sockets[1]!.connected, 'the ended sessions’ sockets close');
        expect(await sessionsOf(removed.id)).toEqual([]);
        expect(await sessionsOf(idle.id)).toEqual([]);
        expect(sockets[2]!.connected).toBe(true);
        expect((await me(active.cookie)).statusCode).toBe(200);
        expect(await endLapsedMemberSessions(t.database.db)).toBe(0);
      } finally {
        for (const socket of sockets) socket.close();
      }
    });
  });

  describe('what a member may use', () => {
    it('who am I is for members: staff get 403, nobody 401', async () => {
      expectError(await t.app.inject({ method: 'GET', url: '/api/member-auth/me', headers: { cookie: coordinator.cookie } }), 403, 'forbidden');
      expectError(await t.app.inject({ method: 'GET', url: '/api/member-auth/me' }), 401, 'unauthenticated');
    });

    it('a member calling staff routes gets 403 and changes nothing', async () => {
      const member = await signedMember();
      const as = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
        t.app.inject({ method, url, headers: { cookie: member.cookie }, ...(payload ? { payload } : {}) });
      expectError(await as('GET', '/api/members?q=会员'), 403, 'forbidden');
      expectError(await as('GET', `/api/members/${member.id}`), 403, 'forbidden');
      expectError(await as('PATCH', `/api/members/${member.id}`, { name: '改名' }), 403, 'forbidden');
      expectError(await as('GET', '/api/auth/me'), 403, 'forbidden');
      expectError(await as('POST', '/api/auth/password', { currentPassword: 'x', newPassword: 'long enough 12' }), 403, 'forbidden');
      expectError(await as('GET', `/api/venues/${venueId}/rooms`), 403, 'forbidden');
      expectError(await as('GET', `/api/bookings?venueId=${venueId}&from=2031-01-01T00:00:00Z&to=2031-02-01T00:00:00Z`), 403, 'forbidden');
      expectError(await as('POST', `/api/members/${member.id}/pin`), 403, 'forbidden');
      expect((await t.database.db.selectFrom('members').select('name').where('id', '=', member.id).executeTakeFirstOrThrow()).name).toBe(member.name);
    });

    it('a member socket follows a term of any venue, never a venue; a forged member cookie does not connect', async () => {
      const member = await signedMember();
      const applyFrom = new Date(Date.now() - 3_600_000).toISOString();
      const applyUntil = new Date(Date.now() + 86_400_000).toISOString();
      const created = await t.app.inject({
        method: 'POST',
        url: '/api/terms',
        headers: { cookie: coordinator.cookie },
        payload: { venueId, name: '2027 春季', mode: 'lottery', applyFrom, applyUntil },
      });
      expect(created.statusCode, created.body).toBe(201);
      const termId = (created.json() as { term: { id: string } }).term.id;
      const socket = await liveClient(t.url, { cookie: member.cookie });
      try {
        expect(await subscribe(socket, `term:${termId}`)).toMatchObject({ ok: true });
        expect(await subscribe(socket, `venue:${venueId}`)).toMatchObject({ ok: false, code: 'forbidden' });
        expect(await subscribe(socket, `term:${randomUUID()}`)).toMatchObject({ ok: false, code: 'not_found' });
      } finally {
        socket.close();
      }
      await expect(liveClient(t.url, { cookie: `${COOKIE}=forged` })).rejects.toThrow();
    });
  });
});
