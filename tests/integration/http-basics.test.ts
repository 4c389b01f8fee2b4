/**
 * What every request shares (docs/api.md "Conventions" and "Health"): health, the error shape for unknown
 * routes, bad JSON and oversized bodies, request ids, and the built pages with their caching rules.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BODY_LIMIT_BYTES } from '../../server/app.ts';
import { createTestDatabase, storageAvailable } from '../support/database.ts';
import { signIn, startApp, startTestApp, type TestApp } from '../support/app.ts';
import { expectError } from '../support/expect-error.ts';
import { fakePage, makeFakeDist } from '../support/fake-dist.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

describe.runIf(storageAvailable)('http basics', () => {
  let t: TestApp;
  let admin: string;
  const venueCount = async () => (await t.database.db.selectFrom('venues').select('id').execute()).length;

  beforeAll(async () => {
    t = await startTestApp();
    admin = (await signIn(t, 'admin')).cookie;
  });
  afterAll(async () => t?.close());

  it('GET /api/health answers 200 {status: ok, db: ok}', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok', db: 'ok' });
    const real = await fetch(`${t.url}/api/health`);
    expect(real.status).toBe(200);
    expect(await real.json()).toEqual({ status: 'ok', db: 'ok' });
  });

  it('answers unknown routes with 404 not_found in the error shape', async () => {
    const body = expectError(await t.app.inject({ method: 'GET', url: '/api/nope' }), 404, 'not_found');
    expect(body.message).toContain('/api/nope');
    expectError(await t.app.inject({ method: 'POST', url: '/api/nope', headers: { cookie: admin }, payload: {} }), 404, 'not_found');
    expectError(await t.app.inject({ method: 'DELETE', url: '/api/venues' }), 404, 'not_found');
    // Without a build configured, pages are simply not here.
    expectError(await t.app.inject({ method: 'GET', url: '/kiosk/' }), 404, 'not_found');
  });

  it('answers a body that is not JSON with 400 validation_failed and changes nothing', async () => {
    const before = await venueCount();
    for (const payload of ['{"name": "Broken', 'not json at all', '']) {
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/venues',
        headers: { cookie: admin, 'content-type': 'application/json' },
        payload,
      });
      expectError(response, 400, 'validation_failed');
    }
    expectError(
      await t.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json' }, payload: '{"username":' }),
      400,
      'validation_failed',
    );
    expect(await venueCount()).toBe(before);
  });

  it('answers a body over the limit with 413 payload_too_large and changes nothing', async () => {
    const before = await venueCount();
    const name = 'x'.repeat(BODY_LIMIT_BYTES + 1);
    const response = await t.app.inject({ method: 'POST', url: '/api/venues', headers: { cookie: admin }, payload: { name } });
    expectError(response, 413, 'payload_too_large');
    const real = await fetch(`${t.url}/api/venues`, {
      method: 'POST',
      headers: { cookie: admin, 'content-type': 'application/json' },
      body: JSON.stringify({ name }),
    });
    expect(real.status).toBe(413);
    expect(await real.json()).toMatchObject({ statusCode: 413, code: 'payload_too_large' });
    expect(await venueCount()).toBe(before);
    // Just under the limit is parsed (and then refused by the schema, not by the size).
    const under = await t.app.inject({ method: 'POST', url: '/api/venues', headers: { cookie: admin }, payload: { name: 'y'.repeat(BODY_LIMIT_BYTES - 100) } });
    expectError(under, 400, 'validation_failed', 'name');
  });

  it('puts an x-request-id on every response and echoes a sane incoming one', async () => {
    const responses = [
      await t.app.inject({ method: 'GET', url: '/api/health' }),
      await t.app.inject({ method: 'GET', url: '/api/nope' }),
      await t.app.inject({ method: 'GET', url: '/api/auth/me' }),
      await t.app.inject({ method: 'POST', url: '/api/venues', headers: { cookie: admin, 'content-type': 'application/json' }, payload: '{' }),
    ];
    const ids = responses.map((r) => String(r.headers['x-request-id']));
    for (const id of ids) expect(id).toMatch(UUID);
    expect(new Set(ids).size).toBe(ids.length);

    const sane = 'proxy-7f3a.req_42';
    const echoed = await t.app.inject({ method: 'GET', url: '/api/health', headers: { 'x-request-id': sane } });
    expect(echoed.headers['x-request-id']).toBe(sane);
    const echoedOnError = await t.app.inject({ method: 'GET', url: '/api/nope', headers: { 'x-request-id': sane } });
    expect(echoedOnError.headers['x-request-id']).toBe(sane);
  });

  it('replaces an incoming x-request-id that is not sane with its own', async () => {
    for (const insane of ['has spaces in it', 'x'.repeat(65), '<script>alert(1)</script>', 'a;b=c']) {
      const response = await t.app.inject({ method: 'GET', url: '/api/health', headers: { 'x-request-id': insane } });
      expect(response.statusCode).toBe(200);
      expect(response.headers['x-request-id'], `for incoming "${insane}"`).toMatch(UUID);
    }
  });

  describe('built pages', () => {
    let dist: string;
    let empty: string;
    let built: TestApp;
    let unbuilt: TestApp;
    let removeDist: () => void = () => {};

    beforeAll(async () => {
      ({ dist, empty, remove: removeDist } = makeFakeDist());
      const a = await createTestDatabase();
      built = await startApp(a.database, a.url, { staticDir: dist });
      const b = await createTestDatabase();
      unbuilt = await startApp(b.database, b.url, { staticDir: empty });
    });
    afterAll(async () => {
      await built?.close();
      await unbuilt?.close();
      removeDist();
    });

    it('serves each app’s page at its public path, revalidated on every load', async () => {
      for (const [url, name] of [
        ['/', 'coordinator'],
        ['/kiosk/', 'kiosk'],
        ['/m/', 'member'],
        ['/m/?verify=abc', 'member'],
        ['/display/?venue=x', 'display'],
        ['/display/?tournament=abc', 'display'],
        ['/?view=week', 'coordinator'],
      ] as const) {
        const response = await built.app.inject({ method: 'GET', url });
        expect(response.statusCode, url).toBe(200);
        expect(response.headers['content-type'], url).toMatch(/^text\/html/);
        expect(response.headers['cache-control'], url).toBe('no-cache');
        expect(response.body, url).toBe(fakePage(name));
        expect(response.headers['x-request-id'], url).toBeDefined();
      }
    });

    it('redirects /kiosk, /display and /m to their canonical addresses, keeping the query', async () => {
      const kiosk = await built.app.inject({ method: 'GET', url: '/kiosk?venue=abc&x=1' });
      expect(kiosk.statusCode).toBe(301);
      expect(kiosk.headers.location).toBe('/kiosk/?venue=abc&x=1');
      const plain = await built.app.inject({ method: 'GET', url: '/kiosk' });
      expect(plain.statusCode).toBe(301);
      expect(plain.headers.location).toBe('/kiosk/');
      const display = await built.app.inject({ method: 'GET', url: '/display?venue=x' });
      expect(display.statusCode).toBe(301);
      expect(display.headers.location).toBe('/display/?venue=x');
      const member = await built.app.inject({ method: 'GET', url: '/m?verify=abc' });
      expect(member.statusCode).toBe(301);
      expect(member.headers.location).toBe('/m/?verify=abc');
    });

    it('serves hashed assets as immutable for a year, and a missing one as 404 in the error shape', async () => {
      const response = await fetch(`${built.url}/assets/app-abc123.js`);
      expect(response.status).toBe(200);
      expect(await response.text()).toBe('console.log("app");\n');
      const cacheControl = response.headers.get('cache-control') ?? '';
      expect(cacheControl).toContain('immutable');
      expect(cacheControl).toContain('max-age=31536000');
      expect(response.headers.get('content-type')).toMatch(/javascript/);
      expectError(await built.app.inject({ method: 'GET', url: '/assets/app-missing.js' }), 404, 'not_found');
      expectError(await built.app.inject({ method: 'GET', url: '/assets/../client/index.html' }), 404, 'not_found');
    });

    it('keeps the API working beside the pages', async () => {
      const health = await built.app.inject({ method: 'GET', url: '/api/health' });
      expect(health.json()).toEqual({ status: 'ok', db: 'ok' });
      expectError(await built.app.inject({ method: 'GET', url: '/api/nope' }), 404, 'not_found');
    });

    it('answers 503 in the error shape when the apps are not built', async () => {
      for (const url of ['/', '/kiosk/', '/display/?venue=x', '/m/']) {
        const body = expectError(await unbuilt.app.inject({ method: 'GET', url }), 503, 'service_unavailable');
        expect(body.message).toMatch(/build/i);
      }
      expect((await unbuilt.app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
    });
  });
});
