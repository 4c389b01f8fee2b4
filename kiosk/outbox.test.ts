import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { REVOKED_CODE } from '../client/lib/checkin-queue.ts';
import { KioskOutbox } from './outbox.svelte.ts';

/** The server, as far as the outbox sees it: every check-in request, answered by `answer`. */
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

/** Lets the outbox's background passes (nudge) run to their end. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

// A fresh IndexedDB per test: the outbox's database has one fixed name.
beforeEach(() => {
  vi.stubGlobal('indexedDB', new IDBFactory());
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the kiosk outbox when staff unpair the kiosk', () => {
  it('moves what waits to the failed list with the reason, tells the app once, and tries no more', async () => {
    let answer: () => Response | Promise<Response> = offline;
    const calls = fakeFetch(() => answer());
    const onRevoked = vi.fn();
    const outbox = new KioskOutbox(() => 'token', { onRevoked });
    // Taken offline: both wait.
    const first = await outbox.submit(card('A'), '甲 · 随便看看');
    const second = await outbox.submit(card('B'), '乙 · 随便看看');
    expect([first.status, second.status]).toEqual(['queued', 'queued']);
    expect(outbox.pending).toBe(2);

    answer = revoked;
    outbox.nudge();
    await settle();
    expect(outbox.revoked).toBe(true);
    expect(onRevoked).toHaveBeenCalledTimes(1);
    expect(outbox.pending).toBe(0);
    expect(outbox.failed.map((f) => [f.note, f.error.code]).sort()).toEqual([
      ['乙 · 随便看看', REVOKED_CODE],
      ['甲 · 随便看看', REVOKED_CODE],
    ]);
    const tried = calls.length;

    // No retry, no sweep, no nudge sends anything; a new check-in is refused without being stored.
    outbox.nudge();
    await settle();
    const third = await outbox.submit(card('C'), '丙');
    expect(third.status).toBe('refused');
    expect(calls).toHaveLength(tried);
    expect(outbox.pending).toBe(0);
    expect(outbox.failed).toHaveLength(2);
    expect(onRevoked).toHaveBeenCalledTimes(1);
  });

  it('settles the queue when told by someone else (the socket), and takes check-ins again once paired anew', async () => {
    let answer: () => Response | Promise<Response> = offline;
    const calls = fakeFetch(() => answer());
    let token: string | null = 'old-token';
    const outbox = new KioskOutbox(() => token);
    await outbox.submit(card('A'), '甲');
    expect(outbox.pending).toBe(1);

    await outbox.revoke();
    expect(outbox.revoked).toBe(true);
    expect(outbox.pending).toBe(0);
    expect(outbox.failed.map((f) => f.error.code)).toEqual([REVOKED_CODE]);

    // Paired again: a new token, new check-ins go out; the refused one stays refused.
    token = 'new-token';
    answer = accepted;
    const before = calls.length;
    outbox.resume();
    await settle();
    expect(calls).toHaveLength(before);
    const next = await outbox.submit(card('B'), '乙');
    expect(next.status).toBe('sent');
    expect(outbox.failed).toHaveLength(1);
  });

  it('sends nothing without a token (before pairing), keeping what waits', async () => {
    const calls = fakeFetch(accepted);
    let token: string | null = null;
    const outbox = new KioskOutbox(() => token);
    const result = await outbox.submit(card('A'), '甲');
    expect(result.status).toBe('queued');
    expect(calls).toEqual([]);
    token = 'token';
    outbox.nudge();
    await settle();
    expect(calls).toHaveLength(1);
    expect(outbox.pending).toBe(0);
  });
});
