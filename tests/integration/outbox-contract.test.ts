/**
 * The outbox contract, run on every storage (PGlite and PostgreSQL): what a committed change promises to
 * every subscriber, and what a rolled-back one must never do.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { write } from '../../server/realtime/write.ts';
import { nOf, testEvent } from '../support/test-event.ts';
import { storageAvailable } from '../support/database.ts';
import { createVenue, eventually, liveClient, signIn, startTestApp, subscribe, type TestApp } from '../support/app.ts';

describe.runIf(storageAvailable)('outbox contract', () => {
  let t: TestApp;
  let cookie: string;
  let venueId: string;
  const topic = () => `venue:${venueId}`;

  /** One committed change on the venue's topic, the way services make them. */
  const commitEvent = (n: number) =>
    write(t.database.db, async ({ emit }) => emit(testEvent(topic(), n)));

  beforeAll(async () => {
    t = await startTestApp();
    cookie = (await signIn(t, 'admin')).cookie;
    venueId = (await createVenue(t, cookie)).id;
  });
  afterAll(async () => t?.close());

  it('emits nothing for a rolled-back change, and the next commit arrives normally', async () => {
    const client = await liveClient(t.url, { cookie });
    const ack = await subscribe(client, topic());
    expect(ack.ok).toBe(true);
    await expect(
      write(t.database.db, async ({ trx, emit }) => {
        emit(testEvent(topic(), 'rolled back'));
        await sql`select 1`.execute(trx);
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    // A failure inside the append itself (after the events were written) must roll them back too.
    await expect(
      t.database.db.transaction().execute(async (trx) => {
        await trx.insertInto('outbox').values({ topic: topic(), type: 'test.event', data: JSON.stringify({ n: 'half' }) }).execute();
        throw new Error('abort after insert');
      }),
    ).rejects.toThrow('abort after insert');
    await commitEvent(1);
    await eventually(() => client.events.length >= 1, 'the committed event');
    await t.app.dispatcher.idle();
    expect(client.events.map((e) => e.data)).toEqual([{ n: 1 }]);
    client.disconnect();
  });

  it('delivers every committed change exactly once, in seq order, even when writes race', async () => {
    const client = await liveClient(t.url, { cookie });
    await subscribe(client, topic());
    const count = 60;
    await Promise.all(Array.from({ length: count }, (_, i) => commitEvent(i)));
    await eventually(() => client.events.length >= count, `${count} events`);
    await t.app.dispatcher.idle();
    const seqs = client.events.map((e) => e.seq);
    expect(seqs).toHaveLength(count);
    expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
    expect(new Set(seqs).size).toBe(count);
    expect(new Set(client.events.map((e) => nOf(e))).size).toBe(count);
    for (const event of client.events) {
      expect(event.topic).toBe(topic());
      expect(Number.isNaN(Date.parse(event.at))).toBe(false);
    }
    client.disconnect();
  });

  it('numbers the events of one transaction in the order they were emitted', async () => {
    const client = await liveClient(t.url, { cookie });
    await subscribe(client, topic());
    await write(t.database.db, async ({ emit }) => {
      for (const n of ['a', 'b', 'c', 'd']) emit(testEvent(topic(), n));
    });
    await eventually(() => client.events.length === 4, 'four events of one transaction');
    expect(client.events.map((e) => nOf(e))).toEqual(['a', 'b', 'c', 'd']);
    const seqs = client.events.map((e) => e.seq);
    expect(seqs.every((seq, i) => i === 0 || seq === seqs[i - 1]! + 1)).toBe(true);
    client.disconnect();
  });

  it('replays exactly what a reconnecting subscriber missed, then streams live, none twice', async () => {
    const first = await liveClient(t.url, { cookie });
    await subscribe(first, topic());
    await commitEvent(100);
    await eventually(() => first.events.length === 1, 'first event');
    const lastSeen = first.events[0]!.seq;
    first.disconnect();

    for (const n of [101, 102, 103]) await commitEvent(n);
    // Another topic's events in between must not be replayed here.
    const otherVenue = await createVenue(t, cookie);
    await write(t.database.db, async ({ emit }) => emit(testEvent(`venue:${otherVenue.id}`, 'other')));
    await t.app.dispatcher.idle();

    const again = await liveClient(t.url, { cookie });
    const ack = await subscribe(again, topic(), lastSeen);
    expect(ack).toMatchObject({ ok: true });
    expect('resync' in ack && ack.resync).toBeFalsy();
    expect(again.events.map((e) => nOf(e))).toEqual([101, 102, 103]);

    await commitEvent(104);
    await eventually(() => again.events.length === 4, 'the live event after the replay');
    await t.app.dispatcher.idle();
    const ns = again.events.map((e) => nOf(e));
    expect(ns).toEqual([101, 102, 103, 104]);
    const seqs = again.events.map((e) => e.seq);
    expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
    again.disconnect();
  });

  it('asks for a resync when `after` is older than the retained events, or was never issued', async () => {
    await commitEvent(200);
    await t.app.dispatcher.idle();
    await t.database.db.updateTable('outboxHorizon').set({ prunedThrough: t.app.dispatcher.emittedThrough }).execute();
    const client = await liveClient(t.url, { cookie });
    const old = await subscribe(client, topic(), 1);
    expect(old).toMatchObject({ ok: true, resync: true, seq: t.app.dispatcher.emittedThrough });
    const future = await subscribe(client, topic(), 1_000_000_000);
    expect(future).toMatchObject({ ok: true, resync: true });
    // After a resync the subscription is live.
    await commitEvent(201);
    await eventually(() => client.events.some((e) => nOf(e) === 201), 'live event after resync');
    client.disconnect();
    await t.database.db.updateTable('outboxHorizon').set({ prunedThrough: 0 }).execute();
  });

  it('refuses malformed, unknown and forbidden topics', async () => {
    const client = await liveClient(t.url, { cookie });
    expect(await subscribe(client, 'system')).toMatchObject({ ok: false, code: 'validation_failed' });
    expect(await subscribe(client, 'venue:00000000-0000-4000-8000-000000000000')).toMatchObject({ ok: false, code: 'not_found' });
    expect(await subscribe(client, 'tournament:00000000-0000-4000-8000-000000000000')).toMatchObject({ ok: false, code: 'not_found' });
    const other = await createVenue(t, cookie);
    const coordinator = await signIn(t, 'coordinator', [venueId]);
    const coordinatorClient = await liveClient(t.url, { cookie: coordinator.cookie });
    expect(await subscribe(coordinatorClient, `venue:${other.id}`)).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await subscribe(coordinatorClient, topic())).toMatchObject({ ok: true });
    client.disconnect();
    coordinatorClient.disconnect();
  });

  it('refuses a connection without credentials', async () => {
    await expect(liveClient(t.url, {})).rejects.toThrow(/unauthenticated/);
    await expect(liveClient(t.url, { token: 'dev_not-a-real-token' })).rejects.toThrow(/unauthenticated/);
  });
});
