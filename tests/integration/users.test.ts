/**
 * Staff accounts (docs/api.md "Users (admin)"): only an admin creates them; usernames are
 * unique without regard to case; a coordinator needs venues that exist. A refused request creates nothing.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storageAvailable } from '../support/database.ts';
import { createVenue, signIn, startTestApp, type TestApp } from '../support/app.ts';
import { expectError } from '../support/expect-error.ts';

describe.runIf(storageAvailable)('users', () => {
  let t: TestApp;
  let admin: string;
  let venueA: string;
  let venueB: string;

  const createUser = (payload: unknown, cookie: string | null = admin) =>
    t.app.inject({ method: 'POST', url: '/api/users', headers: cookie ? { cookie } : {}, payload: payload as object });
  const usernames = async () => (await t.database.db.selectFrom('users').select('username').orderBy('username').execute()).map((u) => u.username);
  const assignments = async () => (await t.database.db.selectFrom('userVenues').selectAll().execute()).length;

  /** Runs a request that must fail, and checks that no user and no venue assignment appeared. */
  async function refusedWithoutChange(request: () => ReturnType<typeof createUser>) {
    const [usersBefore, assignmentsBefore] = [await usernames(), await assignments()];
    const response = await request();
    expect(await usernames()).toEqual(usersBefore);
    expect(await assignments()).toBe(assignmentsBefore);
    return response;
  }

  beforeAll(async () => {
    t = await startTestApp();
    admin = (await signIn(t, 'admin')).cookie;
    venueA = (await createVenue(t, admin)).id;
    venueB = (await createVenue(t, admin)).id;
  });
  afterAll(async () => t?.close());

  it('lets an admin create a coordinator with venues, who can then sign in', async () => {
    const response = await createUser({ username: 'Wang.Li', password: 'a long password', role: 'coordinator', venueIds: [venueB, venueA] });
    expect(response.statusCode, response.body).toBe(201);
    const { user } = response.json() as { user: { id: string; username: string; role: string; venueIds: string[] } };
    expect(user).toEqual({ id: expect.any(String), username: 'Wang.Li', role: 'coordinator', venueIds: [venueA, venueB].sort() });

    const login = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'wang.li', password: 'a long password' } });
    expect(login.statusCode, login.body).toBe(200);
    expect(login.json()).toEqual({ user });

    const list = await t.app.inject({ method: 'GET', url: '/api/users', headers: { cookie: admin } });
    expect(list.statusCode).toBe(200);
    const listed = (list.json() as { users: Array<Record<string, unknown>> }).users.find((u) => u.id === user.id);
    expect(listed).toMatchObject({ username: 'Wang.Li', role: 'coordinator', venueIds: [venueA, venueB].sort(), disabled: false });
  });

  it('creates a referee without venues', async () => {
    const response = await createUser({ username: '裁判-张', password: 'referee password', role: 'referee' });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({ user: { username: '裁判-张', role: 'referee', venueIds: [] } });
  });

  it('refuses a username already taken, whatever its case: 409 duplicate', async () => {
    const first = await createUser({ username: 'zhao_min', password: 'first password', role: 'referee' });
    expect(first.statusCode, first.body).toBe(201);
    for (const username of ['zhao_min', 'ZHAO_MIN', 'Zhao_Min']) {
      const response = await refusedWithoutChange(() => createUser({ username, password: 'another password', role: 'coordinator', venueIds: [venueA] }));
      const body = expectError(response, 409, 'duplicate');
      expect(body.message).toContain(username);
    }
  });

  it('refuses a coordinator without venues, naming venueIds', async () => {
    for (const venueIds of [undefined, []]) {
      const response = await refusedWithoutChange(() => createUser({ username: 'no_venue', password: 'a long password', role: 'coordinator', venueIds }));
      expectError(response, 400, 'validation_failed', 'venueIds');
    }
  });

  it('refuses a venue that does not exist, naming venueIds', async () => {
    const response = await refusedWithoutChange(() =>
      createUser({ username: 'ghost_venue', password: 'a long password', role: 'coordinator', venueIds: [venueA, randomUUID()] }),
    );
    expectError(response, 400, 'validation_failed', 'venueIds');
  });

  it('refuses a short password, naming password', async () => {
    const response = await refusedWithoutChange(() => createUser({ username: 'short_pw', password: 'short', role: 'referee' }));
    expectError(response, 400, 'validation_failed', 'password');
  });

  it('refuses malformed fields, naming each', async () => {
    const base = { username: 'well_formed', password: 'a long password', role: 'referee' };
    const cases: Array<[object, string | RegExp]> = [
      [{ ...base, username: 'has space' }, 'username'],
      [{ ...base, username: undefined }, 'username'],
      [{ ...base, role: 'superuser' }, 'role'],
      [{ ...base, venueIds: ['not-a-uuid'] }, /^venueIds/],
      [{ ...base, isAdmin: true }, 'isAdmin'],
    ];
    for (const [payload, field] of cases) {
      const response = await refusedWithoutChange(() => createUser(payload));
      expectError(response, 400, 'validation_failed', field);
    }
  });

  it('lets only admins create or list users', async () => {
    const coordinator = (await signIn(t, 'coordinator', [venueA])).cookie;
    const referee = (await signIn(t, 'referee')).cookie;
    const payload = { username: 'sneaky', password: 'a long password', role: 'admin' };
    for (const cookie of [coordinator, referee]) {
      expectError(await refusedWithoutChange(() => createUser(payload, cookie)), 403, 'forbidden');
      expectError(await t.app.inject({ method: 'GET', url: '/api/users', headers: { cookie } }), 403, 'forbidden');
    }
    expectError(await refusedWithoutChange(() => createUser(payload, null)), 401, 'unauthenticated');
    expectError(await t.app.inject({ method: 'GET', url: '/api/users' }), 401, 'unauthenticated');
  });
});
