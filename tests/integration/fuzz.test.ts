/**
 * Hostile input against every /api route (docs/security.md "Hostile input"): as an admin (session cookie), as a kiosk
 * (device token), as a member signed in on the phone pages (member session cookie), anonymously and with forged
 * credentials, with malformed and hostile bodies, path segments, querystrings and headers. For every answer: no
 * 5xx; an error comes in docs/api.md's shape
 * `{statusCode, code, message}` with statusCode equal to the HTTP status; and no row of any table changed
 * (fuzz-fixture.ts says which columns are left out, and why).
 *
 * The generators only make requests that must be refused (fuzz-arbitraries.ts `brokenBody`; real ids only where
 * the body or query is broken; routes that take no input get ids of nothing). A request that succeeds and
 * changes a row is a defect of the server or of a generator; never weaken the row check to make it pass.
 *
 * A failure names the route, its seed and fast-check's path to the shrunk counterexample; replay exactly that
 * with FUZZ_ROUTE='POST /api/bookings' FUZZ_PATH='12:0:1' (and FUZZ_SEED if it was set). FUZZ_RUNS changes the
 * number of requests per route (a local run tries the first quarter of CI's: CI=true or FUZZ_RUNS=80 tries them
 * all), FUZZ_VERBOSE=1 prints how often each route answered what.
 *
 * The second part, "size limits", checks each limit of docs/api.md at its edge.
 */
import fc from 'fast-check';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BODY_LIMIT_BYTES } from '../../server/app.ts';
import { ERROR_STATUS } from '../../server/errors.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { storageAvailable } from '../support/database.ts';
import { expectError } from '../support/expect-error.ts';
import { databaseFingerprint } from '../support/db-fingerprint.ts';
import { apiRoutes, buildWorld, type FuzzWorld } from '../support/fuzz-fixture.ts';
import { requestArbitrary, toInject } from '../support/fuzz-requests.ts';
import { SPECS } from '../support/fuzz-routes.ts';
import { propertyRuns } from '../support/property-runs.ts';

const SEED = Number(process.env.FUZZ_SEED ?? 20261129);
/**
 * Requests per route: in CI 80, about 7,600 in all (a minute or two on PostgreSQL, more on PGlite, whose single
 * connection also computes every fingerprint); a quarter of that locally (property-runs.ts).
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? propertyRuns(80));
const ONLY_ROUTE = process.env.FUZZ_ROUTE;
const REPLAY_PATH = process.env.FUZZ_PATH;

const CONTRACT_CODES = new Set(Object.keys(ERROR_STATUS));

/** docs/api.md's error shape, with statusCode equal to the HTTP status, and no 5xx. */
function checkAnswer(response: LightMyRequestResponse, request: InjectOptions): void {
  const context = `${request.method} ${String(request.url).slice(0, 300)} → ${response.statusCode} ${response.body.slice(0, 500)}`;
  expect(response.statusCode, context).toBeLessThan(500);
  if (response.statusCode < 400) return;
  expect(String(response.headers['content-type']), context).toMatch(/^application\/json/);
  const body = JSON.parse(response.body) as { statusCode?: unknown; code?: unknown; message?: unknown };
  expect(body.statusCode, context).toBe(response.statusCode);
  expect(typeof body.code === 'string' && CONTRACT_CODES.has(body.code), `${context}: code is one of errors.ts`).toBe(true);
  expect(typeof body.message === 'string' && body.message.trim().length > 0, `${context}: message`).toBe(true);
}

describe.runIf(storageAvailable)('fuzz: hostile requests to every route', () => {
  let t: TestApp;
  let world: FuzzWorld;
  let fingerprint: () => Promise<Record<string, string>>;
  let baseline: Record<string, string>;
  let routes: string[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    world = await buildWorld(t);
    fingerprint = () => databaseFingerprint(t.database.db);
    baseline = await fingerprint();
    routes = apiRoutes(t.app);
  }, 60_000);
  afterAll(async () => t?.close());

  it('knows every route of the app', () => {
    expect(routes.length).toBeGreaterThan(40);
    const unknown = routes.filter((key) => !(key in SPECS));
    // Every route needs its spec (tests/support/fuzz-routes.ts): how to break its input so it must be refused.
    expect(unknown, 'routes without a fuzz spec (add them to SPECS)').toEqual([]);
    expect(Object.keys(SPECS).filter((key) => !routes.includes(key)), 'specs of routes that no longer exist').toEqual([]);
  });

  it('answers every hostile request below 500, in the error shape, changing no row', async () => {
    const failures: string[] = [];
    const answers = new Map<string, number>();
    for (const key of routes.filter((k) => !ONLY_ROUTE || k === ONLY_ROUTE)) {
      const property = fc.asyncProperty(requestArbitrary(key, world), async (fuzzed) => {
        const request = toInject(key, fuzzed, world);
        const response = await t.app.inject(request);
        checkAnswer(response, request);
        const code = response.statusCode >= 400 ? String((JSON.parse(response.body) as { code?: unknown }).code) : 'ok';
        const tally = `${key} ${fuzzed.caller} ${response.statusCode} ${code}`;
        answers.set(tally, (answers.get(tally) ?? 0) + 1);
        const now = await fingerprint();
        const changed = Object.keys(now).filter((table) => now[table] !== baseline[table]);
        if (changed.length > 0) {
          baseline = now; // the next run compares with the changed state, so shrinking finds the minimal request
          throw new Error(`${request.method} ${String(request.url).slice(0, 200)} → ${response.statusCode} changed rows of: ${changed.join(', ')}`);
        }
      });
      const seed = SEED + [...key].reduce((h, c) => (h * 31 + c.charCodeAt(0)) | 0, 0);
      const details = await fc.check(property, { seed, numRuns: RUNS, endOnFailure: false, ...(REPLAY_PATH ? { path: REPLAY_PATH } : {}) });
      if (details.failed) {
        failures.push(`${key}: seed ${details.seed}, path "${details.counterexamplePath}"\n  counterexample: ${fc.stringify(details.counterexample).slice(0, 1500)}\n  ${String(details.errorInstance).slice(0, 1500)}`);
      }
    }
    if (process.env.FUZZ_VERBOSE) console.log([...answers].sort().map(([k, n]) => `${n}\t${k}`).join('\n'));
    expect(failures, failures.join('\n\n')).toEqual([]);
    // The whole sweep is one test: on a busy 2-core machine PGlite needed over three minutes for CI's count.
  }, 480_000);
});

/**
 * The limits themselves (docs/api.md "Limits"), each at its edge: what is just allowed is taken exactly as
 * sent, what is just over is refused naming the field, and nothing is stored.
 */
describe.runIf(storageAvailable)('size limits', () => {
  let t: TestApp;
  let world: FuzzWorld;
  let fingerprint: () => Promise<Record<string, string>>;
  const admin = (options: InjectOptions) => t.app.inject({ ...options, headers: { cookie: world.adminCookie, ...(options.headers ?? {}) } });
  /** Asserts the refusal and that it changed nothing. */
  async function refused(options: InjectOptions, status: number, code: string, field?: string | RegExp) {
    const before = await fingerprint();
    const response = await admin(options);
    const body = expectError(response, status, code, field);
    expect(await fingerprint()).toEqual(before);
    return body;
  }

  beforeAll(async () => {
    t = await startTestApp();
    world = await buildWorld(t);
    fingerprint = () => databaseFingerprint(t.database.db);
  }, 60_000);
  afterAll(async () => t?.close());

  it('stores a 10,000-character note exactly as sent, and refuses 10,001 naming notes', async () => {
    const line = '老干部活动中心 “书法” ✍️ مرحبا\u200F 😀\t';
    let note = '';
    while ([...note].length < 9_999) note += `${line}\n`;
    note = `${[...note].slice(0, 9_999).join('')}。`;
    expect([...note].length).toBe(10_000);
    const created = await admin({
      method: 'POST', url: '/api/bookings',
      payload: { roomId: world.roomId, start: '2027-03-01T09:00:00+08:00', end: '2027-03-01T10:00:00+08:00', title: '长备注', notes: note },
    });
    expect(created.statusCode, created.body.slice(0, 300)).toBe(201);
    const id = (created.json() as { bookings: Array<{ id: string; notes: string }> }).bookings[0]!.id;
    const listed = await admin({ method: 'GET', url: `/api/bookings?venueId=${world.venueId}&from=2027-03-01T00:00:00Z&to=2027-03-02T00:00:00Z` });
    expect((listed.json() as { bookings: Array<{ id: string; notes: string }> }).bookings.find((b) => b.id === id)?.notes).toBe(note);
    const row = await t.database.db.selectFrom('bookings').select('notes').where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.notes).toBe(note);

    await refused({
      method: 'POST', url: '/api/bookings',
      payload: { roomId: world.roomId, start: '2027-03-02T09:00:00+08:00', end: '2027-03-02T10:00:00+08:00', title: '太长', notes: `${note}x` },
    }, 400, 'validation_failed', 'notes');
  });

  it('refuses a 10,000-character name in every name field, naming the field', async () => {
    const long = '名'.repeat(10_000);
    const cases: Array<[InjectOptions, string]> = [
      [{ method: 'POST', url: '/api/venues', payload: { name: long } }, 'name'],
      [{ method: 'PATCH', url: `/api/venues/${world.venueId}`, payload: { name: long } }, 'name'],
      [{ method: 'POST', url: `/api/venues/${world.venueId}/rooms`, payload: { name: long, kind: 'hall', capacity: 10 } }, 'name'],
      [{ method: 'PATCH', url: `/api/rooms/${world.roomId}`, payload: { name: long } }, 'name'],
      [{ method: 'POST', url: '/api/bookings', payload: { roomId: world.roomId, start: '2027-04-01T09:00:00+08:00', end: '2027-04-01T10:00:00+08:00', title: long } }, 'title'],
      [{ method: 'PATCH', url: `/api/bookings/${world.bookingId}`, payload: { version: 1, title: long } }, 'title'],
      [{ method: 'POST', url: `/api/venues/${world.venueId}/closures`, payload: { start: '2027-05-01T00:00:00+08:00', end: '2027-05-02T00:00:00+08:00', reason: long } }, 'reason'],
      [{ method: 'POST', url: '/api/members', payload: { name: long } }, 'name'],
      [{ method: 'POST', url: '/api/members', payload: { name: '王', formerUnit: long } }, 'formerUnit'],
      [{ method: 'PATCH', url: `/api/members/${world.memberId}`, payload: { name: long } }, 'name'],
      [{ method: 'POST', url: '/api/devices', payload: { kind: 'kiosk', venueId: world.venueId, name: long } }, 'name'],
      [{ method: 'POST', url: '/api/tournaments', payload: { venueId: world.venueId, name: long, sport: 'gateball', format: 'round_robin' } }, 'name'],
      [{ method: 'POST', url: `/api/tournaments/${world.tournamentId}/participants`, payload: { name: long } }, 'name'],
      [{ method: 'POST', url: '/api/users', payload: { username: long, password: 'long enough pw', role: 'admin' } }, 'username'],
      [{ method: 'POST', url: '/api/auth/login', payload: { username: long, password: 'x' } }, 'username'],
    ];
    for (const [options, field] of cases) {
      const body = await refused(options, 400, 'validation_failed', field);
      expect(body.message, `${options.method} ${options.url}`).toMatch(/more than \d+ characters/);
    }
  });

  it('refuses NUL and line breaks in names, and NUL in notes, naming the field', async () => {
    await refused({ method: 'POST', url: '/api/venues', payload: { name: '会场\u0000' } }, 400, 'validation_failed', 'name');
    await refused({ method: 'POST', url: '/api/members', payload: { name: '张\n三' } }, 400, 'validation_failed', 'name');
    await refused({ method: 'GET', url: `/api/members?q=${encodeURIComponent('张\u0000')}` }, 400, 'validation_failed', 'q');
    await refused({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin\u0000', password: 'x' } }, 400, 'validation_failed', 'username');
    const body = await refused({
      method: 'POST', url: '/api/bookings',
      payload: { roomId: world.roomId, start: '2027-04-02T09:00:00+08:00', end: '2027-04-02T10:00:00+08:00', title: '书法', notes: 'a\u0000b' },
    }, 400, 'validation_failed', 'notes');
    expect(body.message).toMatch(/NUL/);
    await refused({ method: 'POST', url: '/api/venues', payload: { name: '   ' } }, 400, 'validation_failed', 'name');
  });

  it('caps a series at 400 occurrences and two years ahead, naming recurrence', async () => {
    const series = (rrule: string): InjectOptions => ({
      method: 'POST', url: '/api/bookings',
      payload: { roomId: world.roomId, start: '2027-06-01T14:00:00+08:00', end: '2027-06-01T15:00:00+08:00', title: '太极', recurrence: { rrule } },
    });
    expect((await refused(series('FREQ=DAILY;COUNT=401'), 400, 'validation_failed', /^recurrence/)).message).toMatch(/401 bookings; at most 400/);
    expect((await refused(series('FREQ=MONTHLY;COUNT=30'), 400, 'validation_failed', /^recurrence/)).message).toMatch(/two years/);
    expect((await refused(series('FREQ=WEEKLY;UNTIL=21000101'), 400, 'validation_failed', /^recurrence/)).message).toMatch(/at most 400|two years/);
    await refused({ ...series('FREQ=WEEKLY;COUNT=2'), payload: { ...(series('x').payload as object), recurrence: { rrule: 'FREQ=WEEKLY;COUNT=2', exdates: Array.from({ length: 401 }, () => '2027-06-08') } } }, 400, 'validation_failed', /^recurrence\.exdates/);
    await refused(series('R'.repeat(501)), 400, 'validation_failed', 'recurrence.rrule');
  });

  it('caps page sizes and other numbers', async () => {
    await refused({ method: 'GET', url: '/api/members?limit=201' }, 400, 'validation_failed', 'limit');
    await refused({ method: 'GET', url: '/api/members?offset=-1' }, 400, 'validation_failed', 'offset');
    await refused({ method: 'GET', url: '/api/audit?limit=100000' }, 400, 'validation_failed', 'limit');
    await refused({ method: 'GET', url: `/api/bookings?venueId=${world.venueId}&from=2026-01-01T00:00:00Z&to=2028-01-01T00:00:00Z` }, 400, 'validation_failed', 'to');
    await refused({ method: 'POST', url: `/api/venues/${world.venueId}/rooms`, payload: { name: '大厅', kind: 'hall', capacity: 1e9 } }, 400, 'validation_failed', 'capacity');
    // Ajv turns these strings into Infinity and then skips its bounds; they must still be refused.
    await refused({ method: 'POST', url: `/api/venues/${world.venueId}/rooms`, payload: { name: '大厅', kind: 'hall', capacity: '1e309' } }, 400, 'validation_failed', 'capacity');
    await refused({ method: 'GET', url: '/api/members?limit=1e309' }, 400, 'validation_failed', 'limit');
    await refused({ method: 'GET', url: '/api/members?offset=Infinity' }, 400, 'validation_failed', 'offset');
    await refused({ method: 'PATCH', url: `/api/bookings/${world.bookingId}`, payload: { version: 'Infinity', title: 'x' } }, 400, 'validation_failed', 'version');
    await refused({ method: 'GET', url: `/api/reports/yearly?venueId=${world.venueId}&year=1e309` }, 400, 'validation_failed', 'year');
    // Versions are PostgreSQL integers: a bigger one is refused by the schema, not by the database.
    await refused({ method: 'PATCH', url: `/api/bookings/${world.bookingId}`, payload: { version: 3_000_000_000, title: 'x' } }, 400, 'validation_failed', 'version');
    await refused({ method: 'DELETE', url: `/api/bookings/${world.bookingId}?version=3000000000` }, 400, 'validation_failed', 'version');
    await refused({ method: 'POST', url: '/api/bookings', payload: { roomId: world.roomId, start: '9999-12-31T20:00:00Z', end: '9999-12-31T21:00:00Z', title: 'x' } }, 400, 'validation_failed', 'start');
    await refused({ method: 'POST', url: '/api/bookings', payload: { roomId: world.roomId, start: '2026-02-30T09:00:00+08:00', end: '2026-03-01T10:00:00+08:00', title: 'x' } }, 400, 'validation_failed', 'start');
  });

  it('answers a body over the limit with 413, a wrong content type with 415, broken JSON and non-UTF-8 with 400', async () => {
    const big = JSON.stringify({ name: 'x'.repeat(BODY_LIMIT_BYTES) });
    await refused({ method: 'POST', url: '/api/venues', headers: { 'content-type': 'application/json' }, payload: big }, 413, 'payload_too_large');
    await refused({ method: 'POST', url: '/api/members/import', headers: { 'content-type': 'text/csv' }, payload: Buffer.alloc(5 * 1024 * 1024 + 1, 0x41) }, 413, 'payload_too_large');
    await refused({ method: 'POST', url: '/api/venues', headers: { 'content-type': 'application/xml' }, payload: '<venue name="x"/>' }, 415, 'unsupported_media_type');
    await refused({ method: 'POST', url: '/api/venues', headers: { 'content-type': 'text/csv' }, payload: 'name\nx' }, 415, 'unsupported_media_type');
    await refused({ method: 'POST', url: '/api/venues', headers: { 'content-type': 'application/json' }, payload: '{"name": "x",}' }, 400, 'validation_failed', 'body');
    await refused({ method: 'POST', url: '/api/venues', headers: { 'content-type': 'application/json' }, payload: '{"__proto__": {"admin": true}, "name": "x"}' }, 400, 'validation_failed', 'body');
    const notUtf8 = Buffer.concat([Buffer.from('{"name": "'), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from('"}')]);
    const body = await refused({ method: 'POST', url: '/api/venues', headers: { 'content-type': 'application/json' }, payload: notUtf8 }, 400, 'validation_failed', 'body');
    expect(body.message).toMatch(/UTF-8/);
    // GBK bytes of 会场 are not UTF-8 either.
    await refused({ method: 'POST', url: '/api/venues', headers: { 'content-type': 'application/json' }, payload: Buffer.from([0x7b, 0x22, 0x6e, 0x61, 0x6d, 0x65, 0x22, 0x3a, 0x22, 0xbb, 0xe1, 0xb3, 0xa1, 0x22, 0x7d]) }, 400, 'validation_failed', 'body');
  });

  it('refuses an absurd Idempotency-Key and broken addresses in the error shape', async () => {
    const kiosk = { authorization: `Bearer ${world.kioskToken}` };
    const checkIn = (key: string): InjectOptions => ({ method: 'POST', url: '/api/checkins', headers: { ...kiosk, 'idempotency-key': key }, payload: { venueId: world.venueId, memberCode: 'M0002' } });
    await refused(checkIn('k'.repeat(20_000)), 400, 'validation_failed', /idempotency-key/i);
    await refused(checkIn('not-a-uuid'), 400, 'validation_failed', /idempotency-key/i);
    await refused({ method: 'GET', url: '/api/venues/%zz' }, 400, 'validation_failed');
    await refused({ method: 'GET', url: `/api/venues/${'a'.repeat(5000)}` }, 400, 'validation_failed');
    await refused({ method: 'GET', url: '/api/venues/urn:uuid:00000000-0000-4000-8000-000000000000' }, 400, 'validation_failed', 'venueId');
  });
});
