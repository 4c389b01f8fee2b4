/**
 * The dispatcher's LISTEN connection can drop (a PostgreSQL restart, a network blip, an idle-killer).
 * Events committed while it is gone must still arrive, once each and in order, after it reconnects.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { write } from '../../server/realtime/write.ts';
import { nOf, testEvent } from '../support/test-event.ts';
import { createVenue, eventually, liveClient, signIn, startTestApp, subscribe, type TestApp } from '../support/app.ts';
import { storageAvailable } from '../support/database.ts';

describe.runIf(storageAvailable)('dispatcher after a lost LISTEN connection', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t?.close());

  it('catches up on what was committed while it was disconnected, without repeats', async () => {
    const { cookie } = await signIn(t, 'admin');
    const venue = await createVenue(t, cookie);
    const topic = `venue:${venue.id}`;
    const client = await liveClient(t.url, { cookie });
    await subscribe(client, topic);
    const commit = (n: number) => write(t.database.db, async ({ emit }) => emit(testEvent(topic, n)));

    await commit(0);
    await eventually(() => client.events.length === 1, 'the first event');

    const listeners = async () =>
      (
        await sql<{ n: number }>`select count(*)::int as n from pg_stat_activity
          where application_name = 'centre-ops-listen' and datname = current_database()`.execute(t.database.db)
      ).rows[0]!.n;
    for (let round = 1; round <= 3; round += 1) {
      await eventually(async () => (await listeners()) === 1, 'the listener to be connected');
      const killed = await sql<{ n: number }>`
        select count(pg_terminate_backend(pid))::int as n from pg_stat_activity
         where application_name = 'centre-ops-listen' and datname = current_database()`.execute(t.database.db);
      expect(killed.rows[0]!.n).toBe(1);
      // Committed while the listener is down: no NOTIFY reaches this process for these.
      for (let i = 0; i < 5; i += 1) await commit(round * 10 + i);
    }
    await eventually(() => client.events.length >= 16, 'all 16 events');
    await new Promise((r) => setTimeout(r, 300));
    const ns = client.events.map((e) => nOf(e));
    expect(ns).toEqual([0, 10, 11, 12, 13, 14, 20, 21, 22, 23, 24, 30, 31, 32, 33, 34]);
    client.disconnect();
  });
});
