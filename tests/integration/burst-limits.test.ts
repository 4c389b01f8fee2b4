/**
 * Bursts of parallel guesses against the sign-in and password limits (docs/security.md "Abuse limits"). The limits
 * used to ask "blocked?" before checking a password and count the failure after it, so a burst passed the question
 * together: 30 parallel wrong sign-ins from one address had 30 passwords checked under a limit of 10, and the
 * right password at the end of a burst of 100 password changes changed the password. Now every attempt is counted
 * first, in one atomic statement, and only an attempt within the limit has its password checked.
 *
 * "Passwords checked" is counted on verifyPassword itself (the old code checked every password of a burst and
 * only then answered 429 to those counted past the limit, so the answers alone would not show it); now a
 * request refused by a limit is also answered before its password is looked at. Two apps on one database stand for two server processes (the real thing, on
 * PostgreSQL, is burst-limits-processes.pg.test.ts). Addresses are given with X-Forwarded-For, which the apps
 * believe (TRUST_PROXY), as behind the site's proxy.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildApp } from '../../server/app.ts';
import { hashPassword, verifyPassword } from '../../server/modules/auth/password.ts';
import { hashSecret, newSessionToken } from '../../server/modules/auth/tokens.ts';
import { startTestApp, testConfig, type TestApp } from '../support/app.ts';
import { storageAvailable } from '../support/database.ts';
import { expectError } from '../support/expect-error.ts';

/** Every password the server checks, counted (the real check still runs). */
const verified = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../server/modules/auth/password.ts', async (original) => {
  const real = await original<typeof import('../../server/modules/auth/password.ts')>();
  return {
    ...real,
    verifyPassword: async (password: string, stored: string) => {
      verified.count += 1;
      return real.verifyPassword(password, stored);
    },
  };
});

const BURST = 50;
const USERNAME_LIMIT = 10;
const ADDRESS_LIMIT = 30;
const PASSWORD_USER_LIMIT = 10;
const PASSWORD_ADDRESS_LIMIT = 30;

let addressCounter = 0;
/** A new client address for each test, so the tests do not share the per-address counters. */
const freshAddress = () => `10.${20 + Math.floor(addressCounter / 250)}.${(addressCounter++ % 250) + 1}.1`;

const checked = (answers: LightMyRequestResponse[]) => answers.filter((a) => a.statusCode !== 429);

describe.runIf(storageAvailable)('limits under bursts of parallel guesses', () => {
  let t: TestApp;
  /** A second server process on the same database. */
  let other: FastifyInstance;

  beforeAll(async () => {
    t = await startTestApp({ trustProxy: true });
    other = await buildApp(testConfig({ trustProxy: true }), { database: { ...t.database, close: async () => undefined }, logger: false, backgroundJobs: false });
    await other.ready();
  });
  afterAll(async () => {
    await other?.close();
    await t?.close();
  });
  beforeEach(() => {
    verified.count = 0;
  });

  /** A user with a session made directly (signing in over HTTP is what is being limited here). */
  async function user(password = 'the right password 1') {
    const username = `burst_${randomUUID().slice(0, 8)}`;
    const row = await t.database.db.insertInto('users').values({ username, passwordHash: await hashPassword(password), role: 'coordinator' }).returning('id').executeTakeFirstOrThrow();
    const token = newSessionToken();
    await t.database.db.insertInto('sessions').values({ userId: row.id, tokenHash: hashSecret(token), expiresAt: new Date(Date.now() + 3_600_000) }).execute();
    return { id: row.id, username, password, cookie: `centre_ops_session=${token}` };
  }

  const login = (app: FastifyInstance, address: string, username: string, password: string) =>
    app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'x-forwarded-for': address }, payload: { username, password } });
  const changePassword = (app: FastifyInstance, address: string, cookie: string, currentPassword: string, newPassword = 'a brand new password') =>
    app.inject({ method: 'POST', url: '/api/auth/password', headers: { 'x-forwarded-for': address, cookie }, payload: { currentPassword, newPassword } });

  it(`checks at most ${USERNAME_LIMIT} passwords of ${BURST} parallel wrong sign-ins for one user from one address`, async () => {
    const victim = await user();
    const address = freshAddress();
    const answers = await Promise.all(Array.from({ length: BURST }, (_, i) => login(t.app, address, victim.username, `wrong ${i}`)));
    expect(verified.count).toBeLessThanOrEqual(USERNAME_LIMIT);
    expect(checked(answers).length).toBeLessThanOrEqual(USERNAME_LIMIT);
    for (const answer of checked(answers)) expectError(answer, 401, 'unauthenticated');
    for (const answer of answers.filter((a) => a.statusCode === 429)) expect(Number(answer.headers['retry-after'])).toBeGreaterThan(0);
    // The right password is refused too now: the user name has used up its tries.
    expectError(await login(t.app, freshAddress(), victim.username, victim.password), 429, 'rate_limited');
  });

  it(`checks at most ${ADDRESS_LIMIT} passwords of ${BURST} parallel sign-ins from one address, whatever the user names`, async () => {
    const address = freshAddress();
    const answers = await Promise.all(Array.from({ length: BURST }, (_, i) => login(t.app, address, `nobody_${randomUUID().slice(0, 6)}_${i}`, 'wrong')));
    expect(verified.count).toBeLessThanOrEqual(ADDRESS_LIMIT);
    expect(checked(answers).length).toBeLessThanOrEqual(ADDRESS_LIMIT);
    expect(answers.filter((a) => a.statusCode === 429).length).toBeGreaterThanOrEqual(BURST - ADDRESS_LIMIT);
  });

  it(`checks at most ${USERNAME_LIMIT} passwords of ${BURST} parallel sign-ins from many addresses over two processes`, async () => {
    const victim = await user();
    const addresses = Array.from({ length: 5 }, () => freshAddress());
    const answers = await Promise.all(
      Array.from({ length: BURST }, (_, i) => login(i % 2 === 0 ? t.app : other, addresses[i % addresses.length]!, victim.username, `wrong ${i}`)),
    );
    expect(verified.count).toBeLessThanOrEqual(USERNAME_LIMIT);
    expect(checked(answers).length).toBeLessThanOrEqual(USERNAME_LIMIT);
    for (const answer of checked(answers)) expectError(answer, 401, 'unauthenticated');
  });

  it(`does not sign in with the right password at the end of a burst of ${BURST} guesses`, async () => {
    const victim = await user();
    const addresses = Array.from({ length: 5 }, () => freshAddress());
    const answers = await Promise.all(
      Array.from({ length: BURST }, (_, i) =>
        login(i % 2 === 0 ? t.app : other, addresses[i % addresses.length]!, victim.username, i === BURST - 1 ? victim.password : `wrong ${i}`),
      ),
    );
    expectError(answers[BURST - 1]!, 429, 'rate_limited');
    expect(answers.filter((a) => a.statusCode === 200)).toHaveLength(0);
    expect(verified.count).toBeLessThanOrEqual(USERNAME_LIMIT);
  });

  it('never refuses a user who signs in correctly again and again (a right password gives its attempt back)', async () => {
    const regular = await user();
    for (let i = 0; i < USERNAME_LIMIT + 3; i += 1) {
      const answer = await login(i % 2 === 0 ? t.app : other, freshAddress(), regular.username, regular.password);
      expect(answer.statusCode, answer.body).toBe(200);
    }
  });

  it(`checks at most ${PASSWORD_USER_LIMIT} current passwords of ${BURST} parallel password changes over two processes`, async () => {
    const victim = await user();
    const addresses = Array.from({ length: 3 }, () => freshAddress());
    const answers = await Promise.all(
      Array.from({ length: BURST }, (_, i) => changePassword(i % 2 === 0 ? t.app : other, addresses[i % 3]!, victim.cookie, `guess ${i}`)),
    );
    expect(verified.count).toBeLessThanOrEqual(PASSWORD_USER_LIMIT);
    expect(checked(answers).length).toBeLessThanOrEqual(PASSWORD_USER_LIMIT);
    for (const answer of checked(answers)) expect(expectError(answer, 400, 'validation_failed').field).toBe('currentPassword');
  });

  it('does not change the password when the right one comes last in a burst of 100', async () => {
    const victim = await user();
    const address = freshAddress();
    const before = await t.database.db.selectFrom('users').select('passwordHash').where('id', '=', victim.id).executeTakeFirstOrThrow();
    const answers = await Promise.all(
      Array.from({ length: 100 }, (_, i) => changePassword(i % 2 === 0 ? t.app : other, address, victim.cookie, i === 99 ? victim.password : `guess ${i}`, 'taken over 12345')),
    );
    expectError(answers[99]!, 429, 'rate_limited');
    expect(verified.count).toBeLessThanOrEqual(PASSWORD_USER_LIMIT);
    expect(checked(answers).length).toBeLessThanOrEqual(PASSWORD_USER_LIMIT);
    const after = await t.database.db.selectFrom('users').select('passwordHash').where('id', '=', victim.id).executeTakeFirstOrThrow();
    expect(after.passwordHash).toBe(before.passwordHash);
    expect(await verifyPassword('taken over 12345', after.passwordHash)).toBe(false);
  });

  it(`limits password changes per address: ${BURST} parallel ones by different users from one address check at most ${PASSWORD_ADDRESS_LIMIT}`, async () => {
    const users = await Promise.all(Array.from({ length: BURST }, () => user()));
    const address = freshAddress();
    verified.count = 0;
    const answers = await Promise.all(users.map((u, i) => changePassword(i % 2 === 0 ? t.app : other, address, u.cookie, 'not my password')));
    expect(verified.count).toBeLessThanOrEqual(PASSWORD_ADDRESS_LIMIT);
    expect(checked(answers).length).toBeLessThanOrEqual(PASSWORD_ADDRESS_LIMIT);
    expect(answers.filter((a) => a.statusCode === 429).length).toBeGreaterThanOrEqual(BURST - PASSWORD_ADDRESS_LIMIT);
    // Another address is not held back by it.
    const elsewhere = await user();
    expect((await changePassword(t.app, freshAddress(), elsewhere.cookie, elsewhere.password)).statusCode).toBe(204);
  });
});
