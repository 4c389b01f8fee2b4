/**
 * Managing staff accounts (docs/api.md "Users (admin)"): `PATCH /api/users/:userId` changes role, venues, disabled
 * state and password. Disabling or resetting a password ends every session at once and closes the user's sockets;
 * an admin cannot lock themselves out or leave the system without an active admin (even when two admins race);
 * every change is audited, and a refused one changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { updateUser } from '../../server/modules/users/service.ts';
import { storageAvailable } from '../support/database.ts';
import { createVenue, eventually, liveClient, signIn, startTestApp, subscribe, type TestApp } from '../support/app.ts';
import { expectError } from '../support/expect-error.ts';

interface UserItem {
  id: string;
  username: string;
  role: string;
  venueIds: string[];
  disabled: boolean;
  createdAt: string;
}

describe.runIf(storageAvailable)('user management', () => {
  let t: TestApp;
  let admin: { cookie: string; userId: string };
  let venueA: string;
  let venueB: string;

  const patch = (userId: string, payload: unknown, cookie = admin.cookie) =>
    t.app.inject({ method: 'PATCH', url: `/api/users/${userId}`, headers: { cookie }, payload: payload as object });
  const me = async (cookie: string) => (await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).statusCode;
  const login = async (username: string, password: string) =>
    (await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } })).statusCode;
  const userRow = (id: string) =>
    t.database.db.selectFrom('users').select(['role', 'disabledAt', 'passwordHash']).where('id', '=', id).executeTakeFirstOrThrow();
  const venuesOf = async (id: string) =>
    (await t.database.db.selectFrom('userVenues').select('venueId').where('userId', '=', id).orderBy('venueId').execute()).map((r) => r.venueId);
  const actions = async (id: string) =>
    (await t.database.db.selectFrom('auditLog').select('action').where('entityId', '=', id).orderBy('id').execute()).map((r) => r.action);
  const activeAdmins = async () =>
    (await t.database.db.selectFrom('users').select('id').where('role', '=', 'admin').where('disabledAt', 'is', null).execute()).length;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await signIn(t, 'admin');
    venueA = (await createVenue(t, admin.cookie)).id;
    venueB = (await createVenue(t, admin.cookie)).id;
  });
  afterAll(async () => t?.close());

  it('changes role and venues, audited, and closes the user’s sockets so they come back with the new rights', async () => {
    const user = await signIn(t, 'coordinator', [venueA]);
    const socket = await liveClient(t.url, { cookie: user.cookie });
    expect(await subscribe(socket, `venue:${venueA}`)).toMatchObject({ ok: true });
    const closed = new Promise<string>((resolve) => socket.once('disconnect', resolve));

    const response = await patch(user.userId, { venueIds: [venueB, venueA] });
    expect(response.statusCode, response.body).toBe(200);
    expect((response.json() as { user: UserItem }).user).toMatchObject({ id: user.userId, role: 'coordinator', venueIds: [venueA, venueB].sort(), disabled: false });
    expect(await closed).toBe('io server disconnect');
    expect(await me(user.cookie)).toBe(200);

    const promoted = await patch(user.userId, { role: 'referee', venueIds: [venueB] });
    expect(promoted.statusCode, promoted.body).toBe(200);
    expect((await userRow(user.userId)).role).toBe('referee');
    expect(await venuesOf(user.userId)).toEqual([venueB]);
    const entries = await t.database.db.selectFrom('auditLog').select(['action', 'changes', 'actorId']).where('entityId', '=', user.userId).orderBy('id').execute();
    expect(entries.map((e) => e.action)).toEqual(['user.updated', 'user.updated']);
    expect(entries[1]!.changes).toEqual({ role: { from: 'coordinator', to: 'referee' }, venueIds: { from: [venueA, venueB].sort(), to: [venueB] } });
    expect(entries.every((e) => e.actorId === admin.userId)).toBe(true);

    const list = (await t.app.inject({ method: 'GET', url: '/api/users', headers: { cookie: admin.cookie } })).json() as { users: UserItem[] };
    expect(list.users.find((u) => u.id === user.userId)).toMatchObject({ role: 'referee', venueIds: [venueB] });
  });

  it('refuses bad changes and changes nothing', async () => {
    const user = await signIn(t, 'coordinator', [venueA]);
    const before = await userRow(user.userId);
    expectError(await patch(user.userId, { venueIds: ['00000000-0000-4000-8000-000000000000'] }), 400, 'validation_failed', 'venueIds');
    expectError(await patch(user.userId, { venueIds: [] }), 400, 'validation_failed', 'venueIds');
    expectError(await patch(user.userId, { password: 'short' }), 400, 'validation_failed');
    expectError(await patch(user.userId, {}), 400, 'validation_failed');
    expectError(await patch(user.userId, { role: 'admin', colour: 'red' }), 400, 'validation_failed');
    expectError(await patch('00000000-0000-4000-8000-000000000000', { disabled: true }), 404, 'not_found');
    expectError(await patch(user.userId, { disabled: true }, user.cookie), 403, 'forbidden');
    expect(await userRow(user.userId)).toEqual(before);
    expect(await venuesOf(user.userId)).toEqual([venueA]);
    expect(await actions(user.userId)).toEqual([]);
    expect(await me(user.cookie)).toBe(200);
  });

  it('disabling ends every session and socket at once; enabling lets the user sign in again', async () => {
    const user = await signIn(t, 'coordinator', [venueA]);
    const second = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: user.username, password: user.password } });
    const secondCookie = String(second.headers['set-cookie']).split(';')[0]!;
    const socket = await liveClient(t.url, { cookie: user.cookie });
    await subscribe(socket, `venue:${venueA}`);
    const closed = new Promise<string>((resolve) => socket.once('disconnect', resolve));

    const response = await patch(user.userId, { disabled: true });
    expect(response.statusCode, response.body).toBe(200);
    expect((response.json() as { user: UserItem }).user.disabled).toBe(true);
    expect(await me(user.cookie)).toBe(401);
    expect(await me(secondCookie)).toBe(401);
    expect(await closed).toBe('io server disconnect');
    expect(await login(user.username, user.password)).toBe(401);
    await expect(liveClient(t.url, { cookie: user.cookie })).rejects.toThrow(/unauthenticated/);
    const revoked = await t.database.db.selectFrom('sessions').select('revokedAt').where('userId', '=', user.userId).execute();
    expect(revoked.length).toBe(2);
    expect(revoked.every((s) => s.revokedAt !== null)).toBe(true);

    expect((await patch(user.userId, { disabled: false })).statusCode).toBe(200);
    expect(await me(user.cookie)).toBe(401); // ended sessions stay ended
    expect(await login(user.username, user.password)).toBe(200);
    expect(await actions(user.userId)).toEqual(['user.disabled', 'user.enabled']);
  });

  it('a password reset ends every session of the user and their sockets', async () => {
    const user = await signIn(t, 'referee');
    const socket = await liveClient(t.url, { cookie: user.cookie });
    const closed = new Promise<string>((resolve) => socket.once('disconnect', resolve));
    const hashBefore = (await userRow(user.userId)).passwordHash;
    expect((await patch(user.userId, { password: 'a brand new password' })).statusCode).toBe(200);
    expect(await me(user.cookie)).toBe(401);
    expect(await closed).toBe('io server disconnect');
    expect((await userRow(user.userId)).passwordHash).not.toBe(hashBefore);
    expect(await login(user.username, user.password)).toBe(401);
    expect(await login(user.username, 'a brand new password')).toBe(200);
    expect(await actions(user.userId)).toEqual(['user.password_reset']);
  });

  it('an admin may not disable themselves, reset their own password here, or demote the last active admin', async () => {
    expect(await activeAdmins()).toBe(1);
    expectError(await patch(admin.userId, { disabled: true }), 409, 'conflict', 'disabled');
    expectError(await patch(admin.userId, { password: 'my own new password' }), 400, 'validation_failed', 'password');
    const lastAdmin = expectError(await patch(admin.userId, { role: 'coordinator', venueIds: [venueA] }), 409, 'conflict');
    expect(lastAdmin.message).toMatch(/last active admin/);
    expect(lastAdmin.messageZh).toMatch(/管理员/);
    expect(await actions(admin.userId)).toEqual([]);

    const other = await signIn(t, 'admin');
    // With a second admin, either may step down; then the remaining one is the last.
    expect((await patch(admin.userId, { role: 'coordinator', venueIds: [venueA] }, other.cookie)).statusCode).toBe(200);
    expectError(await patch(other.userId, { role: 'referee' }, other.cookie), 409, 'conflict');
    expect((await patch(admin.userId, { role: 'admin' }, other.cookie)).statusCode).toBe(200);
    // A disabled admin does not count as active.
    expect((await patch(other.userId, { disabled: true })).statusCode).toBe(200);
    expectError(await patch(admin.userId, { role: 'referee' }), 409, 'conflict');
    expect((await patch(other.userId, { disabled: false })).statusCode).toBe(200);
    expect(await activeAdmins()).toBe(2);
    // Role changes leave sessions alone (only disabling or a password reset ends them).
    expect(await me(admin.cookie)).toBe(200);
  });

  it('two admins demoting each other at once leave one active admin', async () => {
    const first = await signIn(t, 'admin');
    const second = await signIn(t, 'admin');
    // Step the others down so exactly these two are the active admins.
    const others = await t.database.db.selectFrom('users').select('id').where('role', '=', 'admin').where('id', 'not in', [first.userId, second.userId]).execute();
    for (const o of others) expect((await patch(o.id, { disabled: true }, first.cookie)).statusCode).toBe(200);
    expect(await activeAdmins()).toBe(2);

    // Straight to the service, so both requests are past their access checks before either transaction starts.
    const principal = (u: { userId: string; username: string }) => ({ kind: 'user' as const, userId: u.userId, username: u.username, role: 'admin' as const, venueIds: [], sessionId: u.userId });
    const results = await Promise.allSettled([
      updateUser(t.database.db, principal(first), second.userId, { role: 'referee' }),
      updateUser(t.database.db, principal(second), first.userId, { role: 'referee' }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({ code: 'conflict', message: expect.stringMatching(/last active admin/) });
    expect(await activeAdmins()).toBe(1);
  });

  it('is for admins only', async () => {
    const coordinator = await signIn(t, 'coordinator', [venueA]);
    const target = await signIn(t, 'referee');
    expectError(await patch(target.userId, { disabled: true }, coordinator.cookie), 403, 'forbidden');
    expectError(await t.app.inject({ method: 'PATCH', url: `/api/users/${target.userId}`, payload: { disabled: true } }), 401, 'unauthenticated');
    expect(await me(target.cookie)).toBe(200);
    await eventually(async () => (await actions(target.userId)).length === 0, 'no entries');
  });
});
