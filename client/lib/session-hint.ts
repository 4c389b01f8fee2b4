/**
 * A hint, kept in localStorage, that this browser signed in to the coordinator app. The session cookie is
 * httpOnly, so the page cannot see it; without the hint the apps skip asking `GET /api/auth/me` on a fresh
 * browser, which would only answer 401 (and browsers log every 401 in the console). The server stays the
 * only authority: a stale hint costs one 401, a missing one just shows the login page.
 */
const KEY = 'centre-ops.session-hint';

export function hasSessionHint(): boolean {
  try {
    return globalThis.localStorage?.getItem(KEY) === '1';
  } catch {
    return false;
  }
}

export function setSessionHint(signedIn: boolean): void {
  try {
    if (signedIn) globalThis.localStorage?.setItem(KEY, '1');
    else globalThis.localStorage?.removeItem(KEY);
  } catch {
    // Storage unavailable: the apps still work, they just ask the server every time.
  }
}
