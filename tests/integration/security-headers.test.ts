/**
 * The security headers (server/http/security-headers.ts, docs/deploying.md) on every kind of response: the
 * three pages, a hashed asset, an /api answer and error answers. The browser tests prove the apps work under
 * this policy; this file pins the policy itself, so loosening it is a visible change.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMPTY_STYLE_HASH, HSTS_VALUE } from '../../server/http/security-headers.ts';
import { createTestDatabase, storageAvailable } from '../support/database.ts';
import { signIn, startApp, type TestApp } from '../support/app.ts';
import { expectError } from '../support/expect-error.ts';
import { makeFakeDist } from '../support/fake-dist.ts';

type Headers = Record<string, string | string[] | number | undefined>;

/** The policy as directive → sources. */
function csp(headers: Headers): Map<string, string[]> {
  const raw = headers['content-security-policy'];
  expect(typeof raw, 'content-security-policy header').toBe('string');
  const directives = new Map<string, string[]>();
  for (const part of String(raw).split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) directives.set(name, sources);
  }
  return directives;
}

function expectSecurityHeaders(headers: Headers, what: string): void {
  const policy = csp(headers);
  expect(policy.get('default-src'), what).toEqual(["'self'"]);
  expect(policy.get('script-src'), what).toEqual(["'self'"]);
  expect(policy.get('script-src-attr'), what).toEqual(["'none'"]);
  expect(policy.get('style-src'), what).toEqual(["'self'"]);
  expect(policy.get('style-src-elem'), what).toEqual(["'self'", EMPTY_STYLE_HASH]);
  expect(policy.get('style-src-attr'), what).toEqual(["'none'"]);
  expect(policy.get('img-src'), what).toEqual(["'self'", 'data:', 'blob:']);
  expect(policy.get('font-src'), what).toEqual(["'self'", 'data:']);
  expect(policy.get('connect-src')?.[0], what).toBe("'self'");
  expect(policy.get('frame-ancestors'), what).toEqual(["'none'"]);
  expect(policy.get('object-src'), what).toEqual(["'none'"]);
  expect(policy.get('base-uri'), what).toEqual(["'self'"]);
  expect(policy.get('form-action'), what).toEqual(["'self'"]);
  // A plain-http LAN site must keep loading its own assets over http.
  expect(policy.has('upgrade-insecure-requests'), what).toBe(false);
  // Nothing anywhere allows eval, inline script, or another origin by wildcard.
  for (const [name, sources] of policy) {
    expect(sources, `${what}: ${name}`).not.toContain("'unsafe-eval'");
    expect(sources, `${what}: ${name}`).not.toContain('*');
    expect(sources, `${what}: ${name}`).not.toContain("'unsafe-inline'");
  }

  expect(headers['x-content-type-options'], what).toBe('nosniff');
  expect(headers['referrer-policy'], what).toBe('no-referrer');
  expect(headers['x-frame-options'], what).toBe('DENY');
  expect(headers['cross-origin-opener-policy'], what).toBe('same-origin');
  expect(headers['cross-origin-resource-policy'], what).toBe('same-origin');
  expect(headers['origin-agent-cluster'], what).toBe('?1');
  expect(headers['x-dns-prefetch-control'], what).toBe('off');
  expect(headers['x-permitted-cross-domain-policies'], what).toBe('none');
  expect(headers['x-download-options'], what).toBe('noopen');
  expect(headers['x-xss-protection'], what).toBe('0');
  expect(headers['cross-origin-embedder-policy'], what).toBeUndefined();
  expect(headers['x-powered-by'], what).toBeUndefined();
  // Plain http: no HSTS.
  expect(headers['strict-transport-security'], what).toBeUndefined();
}

describe.runIf(storageAvailable)('security headers', () => {
  let dist: string;
  let empty: string;
  let t: TestApp;
  let unbuilt: TestApp;
  let proxied: TestApp;
  let removeDist: () => void = () => {};

  beforeAll(async () => {
    ({ dist, empty, remove: removeDist } = makeFakeDist());
    const a = await createTestDatabase();
    t = await startApp(a.database, a.url, { staticDir: dist });
    const b = await createTestDatabase();
    unbuilt = await startApp(b.database, b.url, { staticDir: empty });
    const c = await createTestDatabase();
    proxied = await startApp(c.database, c.url, { staticDir: dist, trustProxy: true });
  });
  afterAll(async () => {
    await t?.close();
    await unbuilt?.close();
    await proxied?.close();
    removeDist();
  });

  it('sends them with each app’s page', async () => {
    for (const url of ['/', '/kiosk/', '/display/', '/display/?venue=x', '/m/', '/m/?verify=x']) {
      const response = await t.app.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(200);
      expect(response.headers['content-type'], url).toMatch(/^text\/html/);
      expectSecurityHeaders(response.headers, url);
    }
    // And over a real connection, not only through inject().
    const real = await fetch(`${t.url}/kiosk/`);
    expect(real.status).toBe(200);
    expectSecurityHeaders(Object.fromEntries(real.headers), 'fetch /kiosk/');
  });

  it('sends them with assets, redirects and /api answers', async () => {
    const asset = await t.app.inject({ method: 'GET', url: '/assets/app-abc123.js' });
    expect(asset.statusCode).toBe(200);
    expectSecurityHeaders(asset.headers, 'asset');
    const redirect = await t.app.inject({ method: 'GET', url: '/kiosk' });
    expect(redirect.statusCode).toBe(301);
    expectSecurityHeaders(redirect.headers, 'redirect');
    const health = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(health.statusCode).toBe(200);
    expectSecurityHeaders(health.headers, '/api/health');
  });

  it('sends them with error answers', async () => {
    const notFound = await t.app.inject({ method: 'GET', url: '/api/nope' });
    expectError(notFound, 404, 'not_found');
    expectSecurityHeaders(notFound.headers, '404');
    const badJson = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"username":',
    });
    expectError(badJson, 400, 'validation_failed');
    expectSecurityHeaders(badJson.headers, '400');
    const unauthenticated = await t.app.inject({ method: 'GET', url: '/api/auth/me' });
    expectError(unauthenticated, 401, 'unauthenticated');
    expectSecurityHeaders(unauthenticated.headers, '401');
    const notBuilt = await unbuilt.app.inject({ method: 'GET', url: '/kiosk/' });
    expectError(notBuilt, 503, 'service_unavailable');
    expectSecurityHeaders(notBuilt.headers, '503');
  });

  it('sends them, and a request id, with every kind of answer over a real connection', async () => {
    const { cookie } = await signIn(t);
    const json = { 'content-type': 'application/json' };
    const long = 'a'.repeat(600);
    // Each kind of answer the server gives: Fastify's routes and hooks, the router's own refusals (which run no
    // hook), the static files, and socket.io's long-polling answers (which never reach Fastify).
    const answers: Array<[string, string, RequestInit, number]> = [
      ['page', '/', {}, 200],
      ['HEAD of a page', '/kiosk/', { method: 'HEAD' }, 200],
      ['redirect', '/display', {}, 301],
      ['asset', '/assets/app-abc123.js', {}, 200],
      ['source map (never served)', '/assets/app-abc123.js.map', {}, 404],
      ['missing asset', '/assets/nope.js', {}, 404],
      ['missing page', '/nope', {}, 404],
      ['api answer', '/api/health', {}, 200],
      ['api answer with a body', '/api/auth/me', { headers: { cookie } }, 200],
      ['no content', '/api/auth/logout', { method: 'POST', headers: { 'x-test': '1' } }, 204],
      ['schema refusal', '/api/auth/login', { method: 'POST', headers: json, body: '{}' }, 400],
      ['broken JSON', '/api/auth/login', { method: 'POST', headers: json, body: '{"username":' }, 400],
      ['malformed %-escape under /api', '/api/bookings/%zz', {}, 400],
      ['malformed %-escape at the root', '/%zz', {}, 400],
      ['malformed %-escape in an asset path', '/assets/%zz', {}, 400],
      ['600-character id', `/api/bookings/${long}`, { headers: { cookie } }, 0],
      ['600-character id in a nested route', `/api/tournaments/${long}/matches`, { headers: { cookie } }, 0],
      ['600-character path part', `/${long}`, {}, 0],
      ['not signed in', '/api/auth/me', {}, 401],
      ['another site', '/api/auth/login?x=1', { method: 'POST', headers: { ...json, origin: 'http://evil.example' }, body: '{"username":"a","password":"b"}' }, 403],
      ['unknown route', '/api/nope', {}, 404],
      ['unknown method', '/api/health', { method: 'DELETE' }, 404],
      ['too large', '/api/auth/login', { method: 'POST', headers: json, body: JSON.stringify({ username: 'x'.repeat(300 * 1024) }) }, 413],
      ['a body that is not JSON', '/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/xml' }, body: '<x/>' }, 0],
      ['socket.io handshake', '/socket.io/?EIO=4&transport=polling', {}, 200],
      ['socket.io refusal', '/socket.io/?EIO=9&transport=polling', {}, 400],
      ['socket.io unknown session', '/socket.io/?EIO=4&transport=polling&sid=nope', {}, 400],
    ];
    for (const [what, url, init, status] of answers) {
      const response = await fetch(`${t.url}${url}`, { redirect: 'manual', ...init });
      const label = `${what}: ${init.method ?? 'GET'} ${url.slice(0, 60)}`;
      if (status) expect(response.status, label).toBe(status);
      else expect(response.status, label).toBeGreaterThanOrEqual(400);
      if (status === 400 && !url.startsWith('/socket.io/')) expect((await response.json()).code, label).toBe('validation_failed');
      expectSecurityHeaders(Object.fromEntries(response.headers), label);
      expect(response.headers.get('x-request-id'), label).toMatch(/^[A-Za-z0-9._-]{1,64}$/);
    }
    // A proxy's request id comes back on the router's own refusals and on socket.io's answers too.
    for (const url of ['/api/bookings/%zz', '/socket.io/?EIO=4&transport=polling']) {
      const response = await fetch(`${t.url}${url}`, { headers: { 'x-request-id': 'proxy-42' } });
      expect(response.headers.get('x-request-id'), url).toBe('proxy-42');
    }
    // A rate-limited answer: sign-in from one address until the limit answers.
    let limited: Response | undefined;
    for (let i = 0; i < 80 && !limited; i += 1) {
      const response = await fetch(`${proxied.url}/api/auth/login`, {
        method: 'POST',
        headers: { ...json, 'x-forwarded-for': '203.0.113.77' },
        body: JSON.stringify({ username: `nobody${i}`, password: 'wrong password' }),
      });
      if (response.status === 429) limited = response;
    }
    expect(limited?.status, 'sign-in limit').toBe(429);
    expectSecurityHeaders(Object.fromEntries(limited!.headers), '429');
  });

  it('lets socket.io reach the same host over ws: and wss:, and takes only a sane Host header into the policy', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/', headers: { host: 'hall.example:3000' } });
    expect(csp(response.headers).get('connect-src')).toEqual(["'self'", 'ws://hall.example:3000', 'wss://hall.example:3000']);
    const ipv6 = await t.app.inject({ method: 'GET', url: '/', headers: { host: '[::1]:3000' } });
    expect(csp(ipv6.headers).get('connect-src')).toEqual(["'self'", 'ws://[::1]:3000', 'wss://[::1]:3000']);
    for (const host of ["evil.example; script-src 'unsafe-inline'", 'a b', 'evil.example/*', '*', 'x'.repeat(300)]) {
      const hostile = await t.app.inject({ method: 'GET', url: '/', headers: { host } });
      expect(hostile.statusCode, host).toBe(200);
      expectSecurityHeaders(hostile.headers, `Host: ${host}`);
      expect(csp(hostile.headers).get('connect-src'), host).toEqual(["'self'"]);
    }
  });

  it('sends HSTS only for requests that came over HTTPS through a trusted proxy', async () => {
    const viaTrusted = await proxied.app.inject({ method: 'GET', url: '/', headers: { 'x-forwarded-proto': 'https' } });
    expect(viaTrusted.headers['strict-transport-security']).toBe(HSTS_VALUE);
    const viaTrustedError = await proxied.app.inject({ method: 'GET', url: '/api/nope', headers: { 'x-forwarded-proto': 'https' } });
    expect(viaTrustedError.headers['strict-transport-security']).toBe(HSTS_VALUE);
    const plainBehindProxy = await proxied.app.inject({ method: 'GET', url: '/' });
    expect(plainBehindProxy.headers['strict-transport-security']).toBeUndefined();
    // Without TRUST_PROXY a client's own X-Forwarded-Proto is not believed.
    const untrusted = await t.app.inject({ method: 'GET', url: '/', headers: { 'x-forwarded-proto': 'https' } });
    expect(untrusted.headers['strict-transport-security']).toBeUndefined();
  });
});
