/**
 * Calendar subscription links (docs/security.md "Calendar subscription links"). Each attack on the old links is a
 * test here:
 * - a link's key was an HMAC under one site-wide secret: it could not be revoked, outlived a disabled owner,
 *   and a referee assigned to no venue could make links for every venue;
 * - the key reached the request log (`calendar.ics?key=…`);
 * - (see also closures-and-feeds.test.ts; docs/security.md "Devices") a kiosk's or screen's feed carried booking
 *   notes.
 * Now each link is a random token stored as its sha256, owned by a user, checked against the owner's rights
 * at every request, listed and revoked by its owner and by admins.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app.ts';
import { hashSecret } from '../../server/modules/auth/tokens.ts';
import { createVenue, pairDevice, signIn, startTestApp, testConfig, type TestApp } from '../support/app.ts';
import { createTestDatabase, storageAvailable } from '../support/database.ts';
import { expectError } from '../support/expect-error.ts';

interface Link {
  id: string;
  label: string;
  target: { kind: 'venue' | 'room'; venueId: string; roomId: string | null };
  owner: { id: string; username: string; disabled: boolean };
  usable: boolean;
  lastUsedAt: string | null;
}
interface Made {
  link: Link;
  token: string;
  url: string;
}

describe.runIf(storageAvailable)('calendar subscription links', () => {
  let t: TestApp;
  let admin: Awaited<ReturnType<typeof signIn>>;
  let venueA: string;
  let venueB: string;
  let roomA: string;

  const call = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, cookie?: string, payload?: unknown) =>
    t.app.inject({ method, url, headers: cookie ? { cookie } : {}, ...(payload === undefined ? {} : { payload: payload as object }) });
  const make = async (cookie: string, path: string, label = 'Outlook 办公室'): Promise<Made> => {
    const response = await call('POST', `${path}/calendar-link`, cookie, { label });
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as Made;
  };
  /** The feed as a calendar program fetches it: no cookie, only the link's URL. */
  const fetchFeed = (url: string) => t.app.inject({ method: 'GET', url });

  beforeAll(async () => {
    t = await startTestApp();
    admin = await signIn(t, 'admin');
    venueA = (await createVenue(t, admin.cookie, '东湖老干部活动中心')).id;
    venueB = (await createVenue(t, admin.cookie, '西山老干部活动中心')).id;
    const room = await call('POST', `/api/venues/${venueA}/rooms`, admin.cookie, { name: '书画室', kind: 'classroom', capacity: 30 });
    roomA = (room.json() as { room: { id: string } }).room.id;
    const start = new Date(Date.now() + 3 * 86_400_000);
    await call('POST', '/api/bookings', admin.cookie, {
      roomId: roomA,
      title: '书法班',
      start: start.toISOString(),
      end: new Date(start.getTime() + 3_600_000).toISOString(),
      notes: '王阿姨 13812345678',
    });
  });
  afterAll(async () => t?.close());

  it('gives a device the feed without notes, a link with them', async () => {
    const { token } = await pairDevice(t, admin.cookie, venueA, 'display');
    const device = await t.app.inject({ method: 'GET', url: `/api/venues/${venueA}/calendar.ics`, headers: { authorization: `Bearer ${token}` } });
    expect(device.statusCode).toBe(200);
    expect(device.body).toContain('SUMMARY:书法班');
    expect(device.body).not.toMatch(/DESCRIPTION|13812345678/);

    const coordinator = await signIn(t, 'coordinator', [venueA]);
    const { url } = await make(coordinator.cookie, `/api/venues/${venueA}`);
    expect((await fetchFeed(url)).body.replace(/\r\n /g, '')).toContain('DESCRIPTION:王阿姨 13812345678');
  });

  it('lets no device make a link, and no referee assigned to no venue, for any venue', async () => {
    const kiosk = await pairDevice(t, admin.cookie, venueA, 'kiosk');
    const byKiosk = await t.app.inject({ method: 'POST', url: `/api/venues/${venueA}/calendar-link`, headers: { authorization: `Bearer ${kiosk.token}` }, payload: { label: 'x' } });
    expectError(byKiosk, 403, 'forbidden');

    const cityWide = await signIn(t, 'referee', []);
    for (const path of [`/api/venues/${venueA}`, `/api/venues/${venueB}`, `/api/rooms/${roomA}`]) {
      expectError(await call('POST', `${path}/calendar-link`, cityWide.cookie, { label: 'Outlook' }), 403, 'forbidden');
    }
    // A referee of venue A may for A, not for B.
    const refereeA = await signIn(t, 'referee', [venueA]);
    await make(refereeA.cookie, `/api/rooms/${roomA}`);
    expectError(await call('POST', `/api/venues/${venueB}/calendar-link`, refereeA.cookie, { label: 'Outlook' }), 403, 'forbidden');
    const count = await t.database.db.selectFrom('calendarLinks').select((eb) => eb.fn.countAll<string>().as('n')).where('userId', '=', cityWide.userId).executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
  });

  it('refuses a disabled owner’s link', async () => {
    const coordinator = await signIn(t, 'coordinator', [venueA]);
    const { url } = await make(coordinator.cookie, `/api/venues/${venueA}`);
    expect((await fetchFeed(url)).statusCode).toBe(200);
    expect((await call('PATCH', `/api/users/${coordinator.userId}`, admin.cookie, { disabled: true })).statusCode).toBe(200);
    const refused = expectError(await fetchFeed(url), 403, 'forbidden');
    expect(JSON.stringify(refused)).not.toContain('BEGIN:VCALENDAR');
    // Admins see the link as dead, with its owner.
    const all = (await call('GET', '/api/calendar-links/all', admin.cookie)).json() as { links: Link[] };
    expect(all.links.find((l) => l.owner.id === coordinator.userId)).toMatchObject({ usable: false, owner: { disabled: true } });
  });

  it('refuses the link of an owner no longer assigned to the venue, at the next request', async () => {
    const coordinator = await signIn(t, 'coordinator', [venueA]);
    const venueLink = await make(coordinator.cookie, `/api/venues/${venueA}`);
    const roomLink = await make(coordinator.cookie, `/api/rooms/${roomA}`, '手机');
    expect((await fetchFeed(venueLink.url)).statusCode).toBe(200);
    expect((await call('PATCH', `/api/users/${coordinator.userId}`, admin.cookie, { venueIds: [venueB] })).statusCode).toBe(200);
    expectError(await fetchFeed(venueLink.url), 403, 'forbidden');
    expectError(await fetchFeed(roomLink.url), 403, 'forbidden');
    // Given the venue back, the (unrevoked) links open again: the rights are looked up at each request.
    await call('PATCH', `/api/users/${coordinator.userId}`, admin.cookie, { venueIds: [venueA] });
    expect((await fetchFeed(venueLink.url)).statusCode).toBe(200);
  });

  it('refuses a revoked link; owners revoke their own, admins anyone’s, nobody else’s', async () => {
    const owner = await signIn(t, 'coordinator', [venueA]);
    const colleague = await signIn(t, 'coordinator', [venueA]);
    const first = await make(owner.cookie, `/api/venues/${venueA}`, 'Outlook');
    const second = await make(owner.cookie, `/api/rooms/${roomA}`, 'iPhone');

    const mine = (await call('GET', '/api/calendar-links', owner.cookie)).json() as { links: Link[] };
    expect(mine.links.map((l) => l.label)).toEqual(['iPhone', 'Outlook']);
    expect(JSON.stringify(mine)).not.toContain(first.token);
    expect(((await call('GET', '/api/calendar-links', colleague.cookie)).json() as { links: Link[] }).links).toEqual([]);
    expectError(await call('GET', '/api/calendar-links/all', owner.cookie), 403, 'forbidden');

    expectError(await call('DELETE', `/api/calendar-links/${first.link.id}`, colleague.cookie), 404, 'not_found');
    expect((await fetchFeed(first.url)).statusCode).toBe(200);
    expect((await call('DELETE', `/api/calendar-links/${first.link.id}`, owner.cookie)).statusCode).toBe(204);
    expectError(await fetchFeed(first.url), 401, 'unauthenticated');
    expectError(await call('DELETE', `/api/calendar-links/${first.link.id}`, owner.cookie), 404, 'not_found');

    expect((await call('DELETE', `/api/calendar-links/${second.link.id}`, admin.cookie)).statusCode).toBe(204);
    expectError(await fetchFeed(second.url), 401, 'unauthenticated');
    expect(((await call('GET', '/api/calendar-links', owner.cookie)).json() as { links: Link[] }).links).toEqual([]);

    const audit = await t.database.db.selectFrom('auditLog').selectAll().where('entityKind', '=', 'calendar_link').where('entityId', 'in', [first.link.id, second.link.id]).orderBy('id').execute();
    expect(audit.map((e) => [e.action, e.actorName])).toEqual([
      ['calendar_link.created', owner.username],
      ['calendar_link.created', owner.username],
      ['calendar_link.revoked', owner.username],
      ['calendar_link.revoked', admin.username],
    ]);
    expect(JSON.stringify(audit)).not.toContain(first.token);
  });

  it('opens only its own feed, and a key sent decides alone', async () => {
    const { token } = await make(admin.cookie, `/api/rooms/${roomA}`);
    expectError(await fetchFeed(`/api/venues/${venueA}/calendar.ics?key=${token}`), 401, 'unauthenticated');
    expectError(await fetchFeed(`/api/venues/${venueB}/calendar.ics?key=${token}`), 401, 'unauthenticated');
    // A key decides alone: a dead key is refused even with a session that could read the feed.
    expectError(await call('GET', `/api/venues/${venueA}/calendar.ics?key=${'x'.repeat(43)}`, admin.cookie), 401, 'unauthenticated');
  });

  it('stores only the token’s hash: the token is nowhere in the database', async () => {
    const { token, link } = await make(admin.cookie, `/api/venues/${venueA}`, '存储检查');
    const row = await t.database.db.selectFrom('calendarLinks').selectAll().where('id', '=', link.id).executeTakeFirstOrThrow();
    expect(row.tokenHash).toBe(hashSecret(token));
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    const tables = await sql<{ name: string }>`
      select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`.execute(t.database.db);
    for (const { name } of tables.rows) {
      const hit = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(name)} x where x::text like ${`%${token}%`}`.execute(t.database.db);
      expect(hit.rows[0]!.n, name).toBe(0);
    }
  });

  it('records when a link was last used, at most every few minutes', async () => {
    const { url, link } = await make(admin.cookie, `/api/venues/${venueA}`, '使用时间');
    const lastUsed = async () => (await t.database.db.selectFrom('calendarLinks').select('lastUsedAt').where('id', '=', link.id).executeTakeFirstOrThrow()).lastUsedAt;
    expect(await lastUsed()).toBeNull();
    await fetchFeed(url);
    const first = await lastUsed();
    expect(first).not.toBeNull();
    await fetchFeed(url);
    expect((await lastUsed())?.getTime()).toBe(first!.getTime());
    await t.database.db.updateTable('calendarLinks').set({ lastUsedAt: new Date(Date.now() - 10 * 60_000) }).where('id', '=', link.id).execute();
    await fetchFeed(url);
    expect((await lastUsed())!.getTime()).toBeGreaterThan(Date.now() - 60_000);
    const listed = ((await call('GET', '/api/calendar-links', admin.cookie)).json() as { links: Link[] }).links.find((l) => l.id === link.id);
    expect(listed?.lastUsedAt).not.toBeNull();
  });

  it('caps live links per user, also against a burst of parallel requests', async () => {
    const user = await signIn(t, 'coordinator', [venueA]);
    await t.database.db
      .insertInto('calendarLinks')
      .values(Array.from({ length: 45 }, (_, i) => ({ userId: user.userId, venueId: venueA, roomId: null, label: `旧链接 ${i}`, tokenHash: hashSecret(`old-${user.userId}-${i}`) })))
      .execute();
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => call('POST', `/api/venues/${venueA}/calendar-link`, user.cookie, { label: `并发 ${i}` })));
    expect(answers.filter((a) => a.statusCode === 201)).toHaveLength(5);
    for (const refused of answers.filter((a) => a.statusCode !== 201)) expectError(refused, 409, 'conflict');
    expect(((await call('GET', '/api/calendar-links', user.cookie)).json() as { links: Link[] }).links).toHaveLength(50);
  });

  it('never writes a link’s key to the log', async () => {
    const lines: string[] = [];
    const { database } = await createTestDatabase();
    const app = await buildApp(testConfig({ logLevel: 'trace' }), { database, backgroundJobs: false, logStream: { write: (line: string) => void lines.push(line) } });
    try {
      const user = await signIn({ app, database }, 'admin');
      const venueId = (await createVenue({ app }, user.cookie)).id;
      const made = await app.inject({ method: 'POST', url: `/api/venues/${venueId}/calendar-link`, headers: { cookie: user.cookie }, payload: { label: 'Outlook' } });
      const { token, url } = made.json() as Made;
      expect((await app.inject({ method: 'GET', url })).statusCode).toBe(200);
      await app.inject({ method: 'GET', url: `${url}&x=1` }); // refused by the schema: still no key in the log
      await app.inject({ method: 'GET', url: `/api/rooms/${venueId}/calendar.ics?key=${token}` });
      const wrong = 'WrongKeyThatIsAlsoSecret0123456789abcdefghi';
      await app.inject({ method: 'GET', url: `/api/venues/${venueId}/calendar.ics?key=${wrong}` });
      const log = lines.join('');
      expect(log).toContain('calendar.ics');
      expect(log).not.toContain(token);
      expect(log).not.toContain(wrong);
    } finally {
      await app.close();
    }
  });
});
