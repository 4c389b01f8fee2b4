/**
 * The sign-in, password and pairing limits against bursts sent to two real server processes on one PostgreSQL
 * (docs/security.md "Abuse limits"), from many addresses (X-Forwarded-For, believed with TRUST_PROXY as behind the
 * site's proxy). Each attempt is counted in the database before its password or code is looked at, so the
 * limits hold for the site as a whole: a right password at the end of a burst is refused, and the site-wide
 * ceiling on wrong pairing codes lets exactly 200 be looked at, whichever process got them.
 * (burst-limits.test.ts and pairing-ceiling.test.ts run the same attacks on both databases in one process.)
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '../../server/modules/auth/password.ts';
import { PAIRING_ATTEMPTS_PER_ADDRESS, PAIRING_FAILURES_PER_HOUR } from '../../server/modules/devices/pairing-limits.ts';
import { createEmptyPostgresDatabase, storageAvailable } from '../support/database.ts';
import { expectError } from '../support/expect-error.ts';
import { httpSignIn, request, startServerProcess, type HttpAnswer, type ServerProcess } from '../support/processes.ts';

const ADMIN_PASSWORD = 'burst-admin-pass';
const BURST = 50;
const USERNAME_LIMIT = 10;
const PASSWORD_USER_LIMIT = 10;

describe.runIf(storageAvailable)('limits under bursts sent to two server processes', () => {
  let databaseUrl: string;
  let a: ServerProcess;
  let b: ServerProcess;
  let direct: pg.Client;
  let addressCounter = 0;
  const freshAddress = () => `2001:db8:1::${(addressCounter++).toString(16)}`;
  const either = (i: number) => (i % 2 === 0 ? a : b).url;
  const notRefused = (answers: HttpAnswer[]) => answers.filter((x) => x.statusCode !== 429);

  beforeAll(async () => {
    databaseUrl = await createEmptyPostgresDatabase();
    const env = { DATABASE_URL: databaseUrl, ADMIN_PASSWORD, TRUST_PROXY: 'true', DEMO_HISTORY: '0' };
    [a, b] = await Promise.all([startServerProcess(env), startServerProcess(env)]);
    direct = new pg.Client({ connectionString: databaseUrl });
    await direct.connect();
  });
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await direct?.end();
  });

  async function newUser(password = 'the right password 1') {
    const username = `burst_${randomUUID().slice(0, 8)}`;
    const { rows } = await direct.query<{ id: string }>(`insert into users (username, password_hash, role) values ($1, $2, 'coordinator') returning id`, [
      username,
      await hashPassword(password),
    ]);
    return { id: rows[0]!.id, username, password };
  }
  const login = (url: string, address: string, username: string, password: string) =>
    request(`${url}/api/auth/login`, { headers: { 'x-forwarded-for': address }, body: { username, password } });

  it(`refuses the right password at the end of ${BURST} parallel sign-ins from several addresses over both processes`, async () => {
    const victim = await newUser();
    const addresses = Array.from({ length: 5 }, () => freshAddress());
    const answers = await Promise.all(
      Array.from({ length: BURST }, (_, i) => login(either(i), addresses[i % 5]!, victim.username, i === BURST - 1 ? victim.password : `wrong ${i}`)),
    );
    expectError(answers[BURST - 1]!, 429, 'rate_limited');
    expect(answers.filter((x) => x.statusCode === 200)).toHaveLength(0);
    expect(notRefused(answers).length).toBeLessThanOrEqual(USERNAME_LIMIT);
    for (const answer of notRefused(answers)) expectError(answer, 401, 'unauthenticated');
  });

  it(`does not change the password when the right one comes last in ${BURST} parallel changes over both processes`, async () => {
    const victim = await newUser();
    const cookie = await httpSignIn(a.url, victim.username, victim.password);
    const addresses = Array.from({ length: 4 }, () => freshAddress());
    const answers = await Promise.all(
      Array.from({ length: BURST }, (_, i) =>
        request(`${either(i)}/api/auth/password`, {
          cookie,
          headers: { 'x-forwarded-for': addresses[i % 4]! },
          body: { currentPassword: i === BURST - 1 ? victim.password : `guess ${i}`, newPassword: 'taken over 12345' },
        }),
      ),
    );
    expectError(answers[BURST - 1]!, 429, 'rate_limited');
    expect(notRefused(answers).length).toBeLessThanOrEqual(PASSWORD_USER_LIMIT);
    const { rows } = await direct.query<{ password_hash: string }>('select password_hash from users where id = $1', [victim.id]);
    expect(await verifyPassword(victim.password, rows[0]!.password_hash)).toBe(true);
  });

  it(`looks at exactly ${PAIRING_FAILURES_PER_HOUR} wrong pairing codes from many addresses over both processes, then pauses pairing`, async () => {
    const addresses = Array.from({ length: 12 }, () => freshAddress());
    let guess = 0;
    const tries = addresses.flatMap((address) => Array.from({ length: PAIRING_ATTEMPTS_PER_ADDRESS }, () => ({ address, code: String(70_000_000 + guess++) })));
    const answers = await Promise.all(
      tries.map(({ address, code }, i) => request(`${either(i)}/api/devices/pair`, { headers: { 'x-forwarded-for': address }, body: { pairingCode: code } })),
    );
    expect(answers.filter((x) => x.statusCode === 404)).toHaveLength(PAIRING_FAILURES_PER_HOUR);
    expect(answers.filter((x) => x.statusCode === 429)).toHaveLength(tries.length - PAIRING_FAILURES_PER_HOUR);

    // Both processes show the pause to the admin; one resumes it, and pairing works again on the other.
    const admin = await httpSignIn(b.url, 'admin', ADMIN_PASSWORD);
    for (const server of [a, b]) {
      const status = await request(`${server.url}/api/devices/pairing-status`, { cookie: admin });
      expect((status.json as { pairing: { paused: boolean } }).pairing.paused).toBe(true);
    }
    expect((await request(`${a.url}/api/devices/pairing-status/resume`, { method: 'POST', cookie: admin })).statusCode).toBe(200);
    expectError(await request(`${b.url}/api/devices/pair`, { headers: { 'x-forwarded-for': freshAddress() }, body: { pairingCode: '69999999' } }), 404, 'not_found');
  });
});
