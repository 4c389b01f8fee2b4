/**
 * PostgreSQL going away under load and coming back, seen by a real server process. The database sits behind
 * a TCP proxy (tests/support/tcp-proxy.ts): "down" resets every connection and refuses new ones, and the
 * database's backends are terminated as an administrator's shutdown would; the shared PostgreSQL itself is
 * never restarted.
 *
 * While it is down every request answers at once with 503 `service_unavailable` (never 500, never a hang,
 * never a crash). When it is back the same process recovers by itself: requests succeed, the dispatcher
 * listens again, the socket sees every committed event once and in order, and check-ins retried with their
 * Idempotency-Key count once.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { createTestDatabase, storageAvailable } from '../support/database.ts';
import { eventually, liveClient, subscribe } from '../support/app.ts';
import { expectError } from '../support/expect-error.ts';
import { request, startServerProcess, type HttpAnswer, type ServerProcess } from '../support/processes.ts';
import { prepareSite, type Site } from '../support/site.ts';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy.ts';

const ADMIN_PASSWORD = 'outage-admin-pass';
const HOUR = 3_600_000;
const BASE = Date.parse('2031-05-01T00:00:00Z');

describe.runIf(storageAvailable)('PostgreSQL going away and coming back', () => {
  let databaseUrl: string;
  let proxy: TcpProxy;
  let server: ServerProcess;
  let site: Site;
  let direct: pg.Client;

  beforeAll(async () => {
    const created = await createTestDatabase();
    await created.database.close();
    databaseUrl = created.url!;
    const target = new URL(databaseUrl);
    proxy = await startTcpProxy(target.hostname, Number(target.port || 5432));
    // Bursts from one address: the per-process check-in flood guard is off.
    server = await startServerProcess({ DATABASE_URL: proxy.urlFor(databaseUrl), ADMIN_PASSWORD, CHECKIN_LIMIT_PER_MINUTE: '0', CHECKIN_LIMIT_PER_ADDRESS_PER_MINUTE: '0' });
    site = await prepareSite(server.url, databaseUrl, { adminPassword: ADMIN_PASSWORD, rooms: 3, members: 5_000 });
    direct = new pg.Client({ connectionString: databaseUrl });
    await direct.connect();
  });
  afterAll(async () => {
    // A crash is the likeliest failure here: show why the process died.
    if (server && server.child.exitCode !== null) console.error(`the server process exited (${server.child.exitCode}):\n${server.output()}`);
    await server?.stop();
    await proxy?.close();
    await direct?.end();
  });

  // What was asked, by key or title, and what the server answered.
  const checkins = new Map<string, { memberCode: string; visitId: string | null }>();
  const bookings = new Map<string, { roomId: string; start: string; end: string; bookingId: string | null }>();
  let nextMember = 0;
  let nextSlot = 0;

  const checkIn = (key: string) =>
    request(`${server.url}/api/checkins`, {
      token: site.kioskToken,
      headers: { 'idempotency-key': key },
      body: { venueId: site.venueId, memberCode: checkins.get(key)!.memberCode },
    });
  const newCheckIn = () => {
    const key = randomUUID();
    // Each check-in is a different member (so every one is a new visit); a fast server uses thousands.
    const memberCode = site.memberCodes[nextMember++];
    if (!memberCode) throw new Error('the test ran out of members: raise prepareSite({members})');
    checkins.set(key, { memberCode, visitId: null });
    return key;
  };
  const createBooking = (title: string) => {
    const { roomId, start, end } = bookings.get(title)!;
    return request(`${server.url}/api/bookings`, { cookie: site.coordinatorCookie, body: { roomId, start, end, title } });
  };
  const newBooking = () => {
    const slot = nextSlot++;
    const title = `活动 ${slot}`;
    const start = BASE + slot * HOUR;
    bookings.set(title, {
      roomId: site.roomIds[slot % site.roomIds.length]!,
      start: new Date(start).toISOString(),
      end: new Date(start + HOUR).toISOString(),
      bookingId: null,
    });
    return title;
  };
  const listBookings = () =>
    request(`${server.url}/api/bookings?venueId=${site.venueId}&from=2031-01-01T00:00:00Z&to=2031-12-31T00:00:00Z`, { cookie: site.coordinatorCookie });
  const health = () => request(`${server.url}/api/health`);

  /** Remember what a 2xx answer says was committed. */
  const note = (kind: 'checkin' | 'booking', id: string, answer: HttpAnswer) => {
    if (answer.statusCode !== 201) return;
    if (kind === 'checkin') checkins.get(id)!.visitId = (answer.json as { visit: { id: string } }).visit.id;
    else bookings.get(id)!.bookingId = (answer.json as { bookings: Array<{ id: string }> }).bookings[0]!.id;
  };

  /** Kiosks and coordinators keep working throughout; every answer must be a success or a 503. */
  function startLoad(workers: number) {
    let running = true;
    const problems: string[] = [];
    const statuses = new Map<number, number>();
    const worker = async (w: number) => {
      for (let i = 0; running; i += 1) {
        const step = (w + i) % 4;
        const label = ['check-in', 'booking', 'list', 'health'][step]!;
        try {
          let answer: HttpAnswer;
          if (step === 0) {
            const key = newCheckIn();
            answer = await checkIn(key);
            note('checkin', key, answer);
          } else if (step === 1) {
            const title = newBooking();
            answer = await createBooking(title);
            note('booking', title, answer);
          } else {
            answer = step === 2 ? await listBookings() : await health();
          }
          statuses.set(answer.statusCode, (statuses.get(answer.statusCode) ?? 0) + 1);
          if (answer.statusCode === 503) {
            if ((answer.json as { code?: string } | null)?.code !== 'service_unavailable') problems.push(`${label}: 503 ${answer.body}`);
          } else if (answer.statusCode >= 300) {
            problems.push(`${label}: ${answer.statusCode} ${answer.body}`);
          }
        } catch (error) {
          problems.push(`${label}: no answer (${(error as Error).message})`);
        }
        await new Promise((r) => setTimeout(r, 5));
      }
    };
    const done = Promise.all(Array.from({ length: workers }, (_, w) => worker(w)));
    return {
      statuses,
      async stop() {
        running = false;
        await done;
        return problems;
      },
    };
  }

  /** As an administrator's shutdown would: every backend of this database ends, idle or busy. */
  const terminateBackends = () =>
    direct.query('select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()');

  async function takeDatabaseDown(): Promise<void> {
    await proxy.down();
    await terminateBackends();
  }

  /** While down: each kind of request answers 503 with the error shape, promptly, and the process lives. */
  async function expectUnavailable(): Promise<void> {
    const key = newCheckIn();
    expectError(await checkIn(key), 503, 'service_unavailable');
    expectError(await createBooking(newBooking()), 503, 'service_unavailable');
    expectError(await listBookings(), 503, 'service_unavailable');
    const down = await health();
    expectError(down, 503, 'service_unavailable');
    expect(down.json).toMatchObject({ db: 'down' });
    expect(server.child.exitCode, server.output()).toBeNull();
  }

  async function waitUntilHealthy(): Promise<void> {
    await eventually(async () => (await health()).statusCode === 200, 'the server to find the database again', 30_000);
  }

  it('answers 503 while PostgreSQL is down, recovers by itself, and loses or repeats nothing', async () => {
    const live = await liveClient(server.url, { cookie: site.coordinatorCookie });
    let disconnected = '';
    live.on('disconnect', (reason) => (disconnected = reason));
    const ack = await subscribe(live, site.topic);
    expect(ack).toMatchObject({ ok: true });
    const from = (ack as { seq: number }).seq;

    for (let i = 0; i < 4; i += 1) {
      const key = newCheckIn();
      const answer = await checkIn(key);
      expect(answer.statusCode, answer.body).toBe(201);
      note('checkin', key, answer);
    }

    // An administrator ending every backend while the server stays reachable: connections busy mid-query
    // and idle ones alike break; the requests caught answer 503, the rest carry on.
    {
      const load = startLoad(4);
      for (let i = 0; i < 4; i += 1) {
        await new Promise((r) => setTimeout(r, 250));
        await terminateBackends();
      }
      await new Promise((r) => setTimeout(r, 300));
      const problems = await load.stop();
      expect(problems, server.output()).toEqual([]);
      expect(server.child.exitCode, server.output()).toBeNull();
    }

    // The proxy cut off: the database host gone, then back.
    for (let round = 1; round <= 2; round += 1) {
      const load = startLoad(4);
      await new Promise((r) => setTimeout(r, 400));
      await takeDatabaseDown();
      for (let i = 0; i < 3; i += 1) {
        await expectUnavailable();
        await new Promise((r) => setTimeout(r, 300));
      }
      await proxy.up();
      await waitUntilHealthy();
      await new Promise((r) => setTimeout(r, 300));
      const problems = await load.stop();
      expect(problems, server.output()).toEqual([]);
      expect(load.statuses.get(503), 'some requests met the outage').toBeGreaterThan(0);
      expect(server.child.exitCode, server.output()).toBeNull();
    }

    // The dispatcher listens again, on its own.
    await eventually(async () => {
      const { rows } = await direct.query(
        `select count(*)::int as n from pg_stat_activity where application_name = 'centre-ops-listen' and datname = current_database()`,
      );
      return rows[0].n === 1;
    }, 'the outbox listener to reconnect', 20_000);

    // Kiosks retry whatever got no 2xx with the same key; coordinators retry their bookings.
    for (const [key, c] of checkins) {
      if (c.visitId) continue;
      const answer = await checkIn(key);
      expect(answer.statusCode, answer.body).toBe(201);
      note('checkin', key, answer);
    }
    for (const [title, b] of bookings) {
      if (b.bookingId) continue;
      const answer = await createBooking(title);
      if (answer.statusCode === 409) {
        // It had landed before the answer was lost: the conflict names that very booking.
        const body = expectError(answer, 409, 'booking_conflict') as unknown as { conflicts: Array<{ id: string; title: string }> };
        expect(body.conflicts).toHaveLength(1);
        expect(body.conflicts[0]!.title).toBe(title);
        b.bookingId = body.conflicts[0]!.id;
      } else {
        expect(answer.statusCode, answer.body).toBe(201);
        note('booking', title, answer);
      }
    }
    // Retrying one that had succeeded returns the same visit and changes nothing.
    const [firstKey, first] = [...checkins][0]!;
    const again = await checkIn(firstKey);
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect((again.json as { visit: { id: string } }).visit.id).toBe(first.visitId);

    // One visit per key, one booking per title, nothing else.
    const visits = await direct.query<{ key: string; visit_id: string }>(
      `select k.idempotency_key as key, v.id as visit_id from visits v join checkin_keys k on k.visit_id = v.id where v.venue_id = $1`,
      [site.venueId],
    );
    const visitCount = await direct.query(`select count(*)::int as n from visits where venue_id = $1`, [site.venueId]);
    expect(visitCount.rows[0].n).toBe(checkins.size);
    expect(new Map(visits.rows.map((r) => [r.key, r.visit_id]))).toEqual(new Map([...checkins].map(([k, c]) => [k, c.visitId])));
    const booked = await direct.query<{ id: string; title: string }>(`select id, title from bookings where venue_id = $1`, [site.venueId]);
    expect(new Map(booked.rows.map((r) => [r.title, r.id]))).toEqual(new Map([...bookings].map(([t, b]) => [t, b.bookingId])));
    expect(booked.rows).toHaveLength(bookings.size);

    // The socket stayed up and saw every committed event once, in order; a client coming back with `after`
    // gets the same.
    const outbox = async () =>
      (await direct.query<{ seq: string }>(`select seq from outbox where topic = $1 and seq > $2 order by seq`, [site.topic, from])).rows.map((r) =>
        Number(r.seq),
      );
    const committed = await outbox();
    await eventually(() => live.events.length >= committed.length, 'the socket to see every committed event', 20_000);
    await new Promise((r) => setTimeout(r, 300));
    expect(live.events.map((e) => e.seq)).toEqual(await outbox());
    expect(disconnected).toBe('');
    const created = live.events.filter((e) => e.type === 'checkin.created').map((e) => (e.data as { visit: { id: string } }).visit.id);
    expect(created.sort()).toEqual(visits.rows.map((r) => r.visit_id).sort());

    const returning = await liveClient(server.url, { cookie: site.coordinatorCookie });
    await subscribe(returning, site.topic, from);
    expect(returning.events.map((e) => e.seq)).toEqual(live.events.map((e) => e.seq));
    live.disconnect();
    returning.disconnect();
  }, 90_000);
});
