/**
 * Several server processes on one PostgreSQL: they start together on an empty database (migrations and the
 * first admin happen once), and every event committed through either reaches the sockets of both, once each,
 * in seq order. Revoking a device through one process closes its socket on the other.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { createEmptyPostgresDatabase, storageAvailable } from '../support/database.ts';
import { eventually, liveClient, subscribe } from '../support/app.ts';
import { httpSignIn, postJson, startServerProcess, type ServerProcess } from '../support/processes.ts';

describe.runIf(storageAvailable)('two server processes on one PostgreSQL', () => {
  let databaseUrl: string;
  let a: ServerProcess;
  let b: ServerProcess;
  const env = () => ({ DATABASE_URL: databaseUrl, ADMIN_PASSWORD: 'shared-admin-pass' });

  beforeAll(async () => {
    databaseUrl = await createEmptyPostgresDatabase();
    [a, b] = await Promise.all([startServerProcess(env()), startServerProcess(env())]);
  });
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
  });

  it('migrated and initialised the new database exactly once', async () => {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      const users = await client.query(`select username from users where role = 'admin'`);
      expect(users.rows).toEqual([{ username: 'admin' }]);
      const migrations = await client.query('select name from kysely_migration');
      expect(migrations.rowCount).toBeGreaterThan(0);
      const venues = await client.query(`select count(*)::int as n from venues where name = '市老干部活动中心'`);
      expect(venues.rows[0].n).toBe(1);
    } finally {
      await client.end();
    }
  });

  it('delivers events committed on either process to sockets on both, once each, in order', async () => {
    const cookieA = await httpSignIn(a.url, 'admin', 'shared-admin-pass');
    const cookieB = await httpSignIn(b.url, 'admin', 'shared-admin-pass');
    const venue = (await postJson(`${a.url}/api/venues`, cookieA, { name: '双进程测试会场' })).json as { venue: { id: string } };
    const topic = `venue:${venue.venue.id}`;
    const onA = await liveClient(a.url, { cookie: cookieA });
    const onB = await liveClient(b.url, { cookie: cookieB });
    expect(await subscribe(onA, topic)).toMatchObject({ ok: true });
    expect(await subscribe(onB, topic)).toMatchObject({ ok: true });

    const rooms = Array.from({ length: 20 }, (_, i) => ({ name: `房间 ${i}`, kind: 'classroom', capacity: 10 + i }));
    const results = await Promise.all(
      rooms.map((room, i) => postJson(`${(i % 2 ? b : a).url}/api/venues/${venue.venue.id}/rooms`, i % 2 ? cookieB : cookieA, room)),
    );
    expect(results.map((r) => r.status)).toEqual(rooms.map(() => 201));

    await eventually(() => onA.events.length >= 20 && onB.events.length >= 20, 'all 20 events on both processes');
    await new Promise((r) => setTimeout(r, 300));
    for (const client of [onA, onB]) {
      const seqs = client.events.map((e) => e.seq);
      expect(seqs).toHaveLength(20);
      expect([...seqs].sort((x, y) => x - y)).toEqual(seqs);
      expect(client.events.every((e) => e.type === 'room.created')).toBe(true);
    }
    expect(onA.events.map((e) => e.seq)).toEqual(onB.events.map((e) => e.seq));

    // A client that saw events on A and reconnects to B with `after` gets exactly the rest.
    const lastOnA = onA.events[9]!.seq;
    const moved = await liveClient(b.url, { cookie: cookieB });
    await subscribe(moved, topic, lastOnA);
    expect(moved.events.map((e) => e.seq)).toEqual(onA.events.slice(10).map((e) => e.seq));
    for (const c of [onA, onB, moved]) c.disconnect();
  });

  it('closes a revoked device’s socket on the other process', async () => {
    const cookieA = await httpSignIn(a.url, 'admin', 'shared-admin-pass');
    const venues = (await (await fetch(`${a.url}/api/venues`, { headers: { cookie: cookieA } })).json()) as { venues: Array<{ id: string }> };
    const venueId = venues.venues[0]!.id;
    const created = (await postJson(`${a.url}/api/devices`, cookieA, { kind: 'kiosk', venueId, name: '测试签到机' })).json as {
      device: { id: string };
      pairingCode: string;
    };
    const paired = (await postJson(`${b.url}/api/devices/pair`, '', { pairingCode: created.pairingCode })).json as { token: string };
    const kiosk = await liveClient(b.url, { token: paired.token });
    expect(await subscribe(kiosk, `venue:${venueId}`)).toMatchObject({ ok: true });
    let disconnectedBy = '';
    kiosk.on('disconnect', (reason) => (disconnectedBy = reason));

    const revoked = await fetch(`${a.url}/api/devices/${created.device.id}`, { method: 'DELETE', headers: { cookie: cookieA } });
    expect(revoked.status).toBe(204);
    await eventually(() => disconnectedBy !== '', 'the kiosk socket on the other process to close');
    expect(disconnectedBy).toBe('io server disconnect');
    const me = await fetch(`${b.url}/api/auth/me`, { headers: { authorization: `Bearer ${paired.token}` } });
    expect(me.status).toBe(401);
  });
});
