import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError, NetworkError } from '../client/lib/api.ts';
import { CheckInQueue, classify, isRevoked, retryDelay, REVOKED_CODE, type QueueItem, type Sender } from './checkin-queue.ts';
import { IndexedDbQueueStore } from './queue-store.ts';
import { uuidV4 } from './uuid.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

let dbCount = 0;
const opened: CheckInQueue[] = [];

/** A fake server: records every (key, body) it was sent; `down` makes it unreachable. */
function fakeServer() {
  const calls: Array<{ key: string; item: QueueItem }> = [];
  const visits = new Map<string, string>();
  const state = { down: false, revoked: false, refuse: new Set<string>() };
  const send: Sender = async (item) => {
    calls.push({ key: item.key, item });
    if (state.down) throw new NetworkError('network unreachable');
    if (state.revoked) throw revokedAnswer();
    if (item.op.kind === 'checkin' && state.refuse.has(item.op.body.memberCode ?? '')) {
      throw new ApiError({ statusCode: 404, code: 'member_not_found', message: 'No member has this card.' });
    }
    // Idempotent like the server: the same key finds the same visit.
    if (!visits.has(item.key)) visits.set(item.key, `visit-${visits.size + 1}`);
    return { visit: { id: visits.get(item.key) } };
  };
  return { calls, visits, state, send };
}

async function open(name: string, send: Sender): Promise<CheckInQueue> {
  const queue = new CheckInQueue(await IndexedDbQueueStore.open(name), send);
  opened.push(queue);
  return queue;
}

const card = (code: string) => ({ venueId: 'v1', memberCode: code });

/** What server/http/authenticate.ts answers to a device staff unpaired. */
const revokedAnswer = () =>
  new ApiError({ statusCode: 401, code: 'unauthenticated', revoked: true, message: 'This device was unpaired by staff; ask them for a new pairing code.' });

afterEach(() => {
  for (const queue of opened.splice(0)) queue.close();
});

describe('the check-in queue', () => {
  it('stores each intent with a fresh UUID key before anything is sent', async () => {
    const server = fakeServer();
    const queue = await open(`q${++dbCount}`, server.send);
    const a = await queue.checkIn(card('A'), '甲');
    const b = await queue.checkIn(card('B'));
    expect(a.key).toMatch(UUID);
    expect(b.key).not.toBe(a.key);
    expect(server.calls).toEqual([]);
    expect((await queue.pending()).map((i) => i.note)).toEqual(['甲', '']);
    expect(queue.durable).toBe(true);
  });

  it('sends in order and empties the queue', async () => {
    const server = fakeServer();
    const queue = await open(`q${++dbCount}`, server.send);
    const items = [await queue.checkIn(card('A')), await queue.checkIn(card('B')), await queue.checkIn(card('C'))];
    expect(await queue.flush()).toEqual({ sent: 3, refused: 0, stoppedBy: null });
    expect(server.calls.map((c) => c.key)).toEqual(items.map((i) => i.key));
    expect(await queue.pending()).toEqual([]);
    expect(queue.outcome(items[1]!.key)).toEqual({ status: 'sent', answer: { visit: { id: 'visit-2' } } });
  });

  it('keeps items after a network failure and retries them with the same keys', async () => {
    const server = fakeServer();
    const queue = await open(`q${++dbCount}`, server.send);
    server.state.down = true;
    const a = await queue.checkIn(card('A'));
    const b = await queue.checkIn(card('B'));
    const report = await queue.flush();
    expect(report.sent).toBe(0);
    expect(report.stoppedBy).toBeInstanceOf(NetworkError);
    // The pass stops at the first failure: B waits behind A, order kept.
    expect(server.calls.map((c) => c.key)).toEqual([a.key]);
    const pending = await queue.pending();
    expect(pending.map((i) => i.key)).toEqual([a.key, b.key]);
    expect(pending[0]).toMatchObject({ attempts: 1, lastError: 'network unreachable' });

    server.state.down = false;
    expect(await queue.flush()).toMatchObject({ sent: 2, stoppedBy: null });
    expect(server.calls.map((c) => c.key)).toEqual([a.key, a.key, b.key]);
    expect(server.visits.size).toBe(2);
  });

  it('drops an item the server refuses (4xx) into the failed list and goes on', async () => {
    const server = fakeServer();
    server.state.refuse.add('UNKNOWN');
    const queue = await open(`q${++dbCount}`, server.send);
    await queue.checkIn(card('A'));
    const bad = await queue.checkIn(card('UNKNOWN'), 'card UNKNOWN');
    await queue.checkIn(card('C'));
    expect(await queue.flush()).toEqual({ sent: 2, refused: 1, stoppedBy: null });
    expect(await queue.pending()).toEqual([]);
    const failed = await queue.failed();
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({ key: bad.key, note: 'card UNKNOWN', error: { statusCode: 404, code: 'member_not_found' } });
    expect(queue.outcome(bad.key)?.status).toBe('refused');
    // A refused item is not retried.
    await queue.flush();
    expect(server.calls.filter((c) => c.key === bad.key)).toHaveLength(1);
    await queue.forgetFailed(bad.key);
    expect(await queue.failed()).toEqual([]);
    await queue.clearFailed();
  });

  it('keeps items on 5xx, 429 and 401 (the check-in is fine, the moment is not)', () => {
    const error = (statusCode: number) => new ApiError({ statusCode, code: 'x', message: 'x' });
    expect(classify(new NetworkError('down'))).toBe('retry');
    expect(classify(new DOMException('timed out', 'TimeoutError'))).toBe('retry');
    expect(classify(error(503))).toBe('retry');
    expect(classify(error(500))).toBe('retry');
    expect(classify(error(429))).toBe('retry');
    expect(classify(error(401))).toBe('retry');
    expect(classify(error(400))).toBe('refuse');
    expect(classify(error(403))).toBe('refuse');
    expect(classify(error(404))).toBe('refuse');
    expect(classify(error(409))).toBe('refuse');
  });

  it('refuses everything waiting, once, when the server says this device was unpaired', async () => {
    const server = fakeServer();
    server.state.down = true;
    const queue = await open(`q${++dbCount}`, server.send);
    const items = [await queue.checkIn(card('A'), '甲'), await queue.checkIn(card('B'), '乙'), await queue.enqueue({ kind: 'checkout', visitId: 'v9' }, '丙')];
    await queue.flush();

    // Back online, but staff unpaired the kiosk meanwhile: one try, and all three go to the failed list.
    server.state.down = false;
    server.state.revoked = true;
    const report = await queue.flush();
    expect(report).toMatchObject({ sent: 0, refused: 3, stoppedBy: null });
    expect(isRevoked(report.revoked)).toBe(true);
    expect(server.calls.map((c) => c.key)).toEqual([items[0]!.key, items[0]!.key]);
    expect(await queue.pending()).toEqual([]);
    const failed = (await queue.failed()).sort((a, b) => a.position - b.position);
    expect(failed.map((f) => [f.key, f.note, f.error.statusCode, f.error.code])).toEqual(
      items.map((i) => [i.key, i.note, 401, REVOKED_CODE]),
    );
    // The one that was tried counts the try; the others were never sent.
    expect(failed.map((f) => f.attempts)).toEqual([2, 0, 0]);
    for (const item of items) expect(queue.outcome(item.key)).toMatchObject({ status: 'refused' });

    // Nothing is left to retry: later passes send nothing.
    expect(await queue.flush()).toEqual({ sent: 0, refused: 0, stoppedBy: null });
    expect(server.calls).toHaveLength(2);
  });

  it('refuses everything waiting when told of the unpairing by someone else, between passes', async () => {
    const server = fakeServer();
    server.state.down = true;
    const queue = await open(`q${++dbCount}`, server.send);
    const a = await queue.checkIn(card('A'));
    const b = await queue.checkIn(card('B'));
    await queue.flush();
    expect(await queue.refuseAll(revokedAnswer())).toBe(2);
    expect(await queue.pending()).toEqual([]);
    expect((await queue.failed()).map((f) => f.key).sort()).toEqual([a.key, b.key].sort());
    expect((await queue.failed()).every((f) => f.error.code === REVOKED_CODE)).toBe(true);
    expect(await queue.refuseAll(revokedAnswer())).toBe(0);
    // A new intent after re-pairing goes out as usual; the refused ones stay refused.
    server.state.down = false;
    await queue.checkIn(card('C'));
    expect(await queue.flush()).toEqual({ sent: 1, refused: 0, stoppedBy: null });
    expect(await queue.failed()).toHaveLength(2);
  });

  it('tells a revoked device (401 revoked: true) from a token the server does not know yet (401, retried)', () => {
    expect(classify(revokedAnswer())).toBe('revoked');
    expect(classify(new ApiError({ statusCode: 401, code: 'unauthenticated', message: 'not paired' }))).toBe('retry');
    expect(classify(new ApiError({ statusCode: 403, code: 'forbidden', revoked: true, message: 'x' }))).toBe('refuse');
    expect(isRevoked(new NetworkError('down'))).toBe(false);
  });

  it('survives closing and reopening the database, keys and order included', async () => {
    const name = `q${++dbCount}`;
    const server = fakeServer();
    server.state.down = true;
    const first = await open(name, server.send);
    const a = await first.checkIn(card('A'));
    const b = await first.checkIn(card('B'));
    await first.flush();
    first.close();
    opened.splice(opened.indexOf(first), 1);

    server.state.down = false;
    const second = await open(name, server.send);
    expect((await second.pending()).map((i) => i.key)).toEqual([a.key, b.key]);
    const c = await second.checkIn(card('C'));
    await second.flush();
    expect(server.calls.map((x) => x.key)).toEqual([a.key, a.key, b.key, c.key]);
    expect(await second.pending()).toEqual([]);
  });

  it('never sends one item twice in overlapping flushes', async () => {
    const server = fakeServer();
    const queue = await open(`q${++dbCount}`, server.send);
    await queue.checkIn(card('A'));
    await queue.checkIn(card('B'));
    await Promise.all([queue.flush(), queue.flush(), queue.flush()]);
    expect(server.calls).toHaveLength(2);
  });

  it('withdraws a pending item, or says what became of a sent one', async () => {
    const server = fakeServer();
    server.state.down = true;
    const queue = await open(`q${++dbCount}`, server.send);
    const a = await queue.checkIn(card('A'));
    await queue.flush();
    expect(await queue.withdraw(a.key)).toBe('removed');
    expect(await queue.pending()).toEqual([]);

    server.state.down = false;
    const b = await queue.checkIn(card('B'));
    // Withdrawing while a flush is running waits for it: never pulled out from under a send.
    const flushing = queue.flush();
    const withdrawn = await queue.withdraw(b.key);
    await flushing;
    expect(withdrawn).toEqual({ status: 'sent', answer: { visit: { id: 'visit-1' } } });
    expect(await queue.withdraw('not-a-key')).toBe('unknown');
  });

  it('queues check-outs behind the check-ins they follow', async () => {
    const server = fakeServer();
    const queue = await open(`q${++dbCount}`, server.send);
    await queue.checkIn(card('A'));
    await queue.enqueue({ kind: 'checkout', visitId: 'visit-1' });
    await queue.flush();
    expect(server.calls.map((c) => c.item.op.kind)).toEqual(['checkin', 'checkout']);
  });
});

describe('retry timing and keys', () => {
  it('backs off 2, 4, 8 … seconds up to a minute', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 20].map((n) => retryDelay(n))).toEqual([2000, 4000, 8000, 16000, 32000, 60000, 60000, 60000]);
    expect(retryDelay(0)).toBe(2000);
  });

  it('makes version-4 UUIDs without crypto.randomUUID', () => {
    expect(uuidV4()).toMatch(UUID);
    expect(uuidV4((b) => b.fill(0))).toBe('00000000-0000-4000-8000-000000000000');
    expect(new Set(Array.from({ length: 100 }, () => uuidV4())).size).toBe(100);
  });
});
