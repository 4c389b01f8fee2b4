/**
 * Login CSRF through another spelling of the login URL (issue: `POST /api/auth/login?x=1` with a foreign
 * Origin signed in, while the bare path was refused). The check compares the matched route, so every URL
 * the router takes for the login route is refused from another site, and every other URL finds no route.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storageAvailable } from '../support/database.ts';
import { signIn, startTestApp, type TestApp } from '../support/app.ts';

describe.runIf(storageAvailable)('login from another site, however the URL is spelled', () => {
  let t: TestApp;
  let user: Awaited<ReturnType<typeof signIn>>;

  beforeAll(async () => {
    t = await startTestApp();
    user = await signIn(t, 'coordinator');
  });
  afterAll(async () => t?.close());

  const spellings = [
    '/api/auth/login',
    '/api/auth/login?x=1',
    '/api/auth/login?',
    '/api/auth/login?next=/api/auth/login',
    '/api/auth/login?%zz',
    '/api/auth/login;x=1',
    '/api/auth/login/',
    '/api/auth//login',
    '/API/auth/login',
    '/api/auth/%6Cogin',
    '/api/auth/login%3Fx=1',
  ];

  it('never signs in from a foreign Origin, and never sets a session cookie', async () => {
    for (const url of spellings) {
      // Over a real connection, so that no test helper normalises the URL on the way.
      const response = await fetch(`${t.url}${url}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: 'http://evil.example' },
        body: JSON.stringify({ username: user.username, password: user.password }),
      });
      expect(response.headers.get('set-cookie'), url).toBeNull();
      // Refused as cross-site (403) when the router takes it for the login route, else no such route (404).
      expect([403, 404], `${url} → ${response.status}`).toContain(response.status);
      const body = (await response.json()) as { code: string };
      expect(body.code, url).toBe(response.status === 403 ? 'forbidden' : 'not_found');
    }
  });

  it('still signs in from the server’s own page, with or without a query string', async () => {
    for (const url of ['/api/auth/login', '/api/auth/login?x=1']) {
      const response = await fetch(`${t.url}${url}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: new URL(t.url).origin },
        body: JSON.stringify({ username: user.username, password: user.password }),
      });
      expect(response.status, url).toBe(200);
      expect(response.headers.get('set-cookie'), url).toMatch(/^centre_ops_session=/);
    }
  });
});
