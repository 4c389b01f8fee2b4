import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { REVOKED_CODE } from './checkin-queue.ts';
import { KioskQueue } from './queue.svelte.ts';

/** The server, as far as the queue sees it: every check-in request, answered by `answer`. */
function fakeFetch(answer: () => Response | Promise<Response>) {
  const calls: Array<{ url: string; key: string | null }> = [];
  const fetchMock = vi.fn(async (url: string, init: RequestInit) => {
    calls.push({ url, key: new Headers(init.headers).get('idempotency-key') });
    return answer();
  });
  vi.stubGlobal('fetch', fetchMock);
  return calls;
}

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const revoked = () =>
  json(401, { statusCode: 401, code: 'unauthenticated', revoked: true, message: 'This device was unpaired by staff; ask them for a new pairing code.' });
const offline = () => Promise.reject(new TypeError('Failed to fetch'));
const accepted = () =>
  json(201, { visit: { id: 'visit-1' }, headcount: { venueId: 'v1', total: 1, rooms: [], at: '' }, member: null, moved: null, replayed: false });

const card = (code: string) => ({ venueId: 'v1', memberCode: code });

/** Lets the queue's background passes (nudge) run to their end. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

// A fresh IndexedDB per test: the queue's database has one fixed name.
beforeEach(() => {
  vi.stubGlobal('indexedDB', new IDBFactory());
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the kiosk queue when staff unpair the kiosk', () => {
  it('moves what waits to the failed list with the reason, tells the app once, and tries no more', async () => {
    let answer: () => Response | Promise<Response> = offline;
    const calls = fakeFetch(() => answer());
    const onRevoked = vi.fn();
    const queue = new KioskQueue(() => 'token', { onRevoked });
    // Taken offline: both wait.
    const first = await queue.submit(card('A'), '甲 · 随便看看');
    const second = await queue.submit(card('B'), '乙 · 随便看看');
    expect([first.status, second.status]).toEqual(['queued', 'queued']);
    expect(queue.pending).toBe(2);

    answer = revoked;
    queue.nudge();
    await settle();
    expect(queue.revoked).toBe(true);
    expect(onRevoked).toHaveBeenCalledTimes(1);
    expect(queue.pending).toBe(0);
    expect(queue.failed.map((f) => [f.note, f.error.code]).sort()).toEqual([
      ['乙 · 随便看看', REVOKED_CODE],
      ['甲 · 随便看看', REVOKED_CODE],
    ]);
    const tried = calls.length;

    // No retry, no sweep, no nudge sends anything; a new check-in is refused without being stored.
    queue.nudge();
    await settle();
    const third = await queue.submit(card('C'), '丙');
    expect(third.status).toBe('refused');
    expect(calls).toHaveLength(tried);
    expect(queue.pending).toBe(0);
    expect(queue.failed).toHaveLength(2);
    expect(onRevoked).toHaveBeenCalledTimes(1);
  });

  it('settles the queue when told by someone else (the socket), and takes check-ins again once paired anew', async () => {
    let answer: () => Response | Promise<Response> = offline;
    const calls = fakeFetch(() => answer());
    let token: string | null = 'old-token';
    const queue = new KioskQueue(() => token);
    await queue.submit(card('A'), '甲');
    expect(queue.pending).toBe(1);

    await queue.revoke();
    expect(queue.revoked).toBe(true);
    expect(queue.pending).toBe(0);
    expect(queue.failed.map((f) => f.error.code)).toEqual([REVOKED_CODE]);

    // Paired again: a new token, new check-ins go out; the refused one stays refused.
    token = 'new-token';
    answer = accepted;
    const before = calls.length;
    queue.resume();
    await settle();
    expect(calls).toHaveLength(before);
    const next = await queue.submit(card('B'), '乙');
    expect(next.status).toBe('sent');
    expect(queue.failed).toHaveLength(1);
  });

  it('sends nothing without a token (before pairing), keeping what waits', async () => {
    const calls = fakeFetch(accepted);
    let token: string | null = null;
    const queue = new KioskQueue(() => token);
    const result = await queue.submit(card('A'), '甲');
    expect(result.status).toBe('queued');
    expect(calls).toEqual([]);
    token = 'token';
    queue.nudge();
    await settle();
    expect(calls).toHaveLength(1);
    expect(queue.pending).toBe(0);
  });
});
