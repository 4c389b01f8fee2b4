/**
 * A server process killed outright (SIGKILL: no shutdown hooks, requests cut off mid-flight) while kiosks
 * and a coordinator are busy on it, with a second process on the same PostgreSQL.
 *
 * What was acknowledged is in the database exactly once; what got no answer is retried on the other process
 * (check-ins with the same Idempotency-Key, as the kiosk app does) and is then there exactly once too. A
 * retried booking either lands or is refused naming the booking that had landed — never two. A socket on the
 * surviving process sees every committed event once, in seq order, exactly as the outbox holds them.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { createEmptyPostgresDatabase, storageAvailable } from '../support/database.ts';
import { eventually, liveClient, subscribe } from '../support/app.ts';
import { expectError } from '../support/expect-error.ts';
import { request, startServerProcess, type HttpAnswer, type ServerProcess } from '../support/processes.ts';
import { prepareSite, type Site } from '../support/site.ts';

const ADMIN_PASSWORD = 'crash-admin-pass';
const HOUR = 3_600_000;
const BASE = Date.parse('2031-09-01T00:00:00Z');
const WORKERS = 12;
/** A is killed once this many requests have been answered: mid-burst, with every worker in flight. */
const KILL_AFTER = 60;

type Job =
  | { kind: 'checkin'; key: string; memberCode: string; answer?: HttpAnswer }
  | { kind: 'booking'; title: string; roomId: string; start: string; end: string; answer?: HttpAnswer };

describe.runIf(storageAvailable)('a server process killed mid-burst', () => {
  let databaseUrl: string;
  let a: ServerProcess;
  let b: ServerProcess;
  let site: Site;
  let direct: pg.Client;

  beforeAll(async () => {
    databaseUrl = await createEmptyPostgresDatabase();
    // Bursts from one address as fast as the machine allows: the per-process check-in flood guard is off.
    const env = { DATABASE_URL: databaseUrl, ADMIN_PASSWORD, CHECKIN_LIMIT_PER_MINUTE: '0', CHECKIN_LIMIT_PER_ADDRESS_PER_MINUTE: '0' };
    [a, b] = await Promise.all([startServerProcess(env), startServerProcess(env)]);
    site = await prepareSite(b.url, databaseUrl, { adminPassword: ADMIN_PASSWORD, rooms: 4, members: 400 });
    direct = new pg.Client({ connectionString: databaseUrl });
    await direct.connect();
  });
  afterAll(async () => {
    if (b && b.child.exitCode !== null) console.error(`process B exited (${b.child.exitCode}):\n${b.output()}`);
    await Promise.all([a?.stop('SIGKILL'), b?.stop()]);
    await direct?.end();
  });

  const send = (url: string, job: Job) =>
    job.kind === 'checkin'
      ? request(`${url}/api/checkins`, {
          token: site.kioskToken,
          headers: { 'idempotency-key': job.key },
          body: { venueId: site.venueId, memberCode: job.memberCode },
        })
      : request(`${url}/api/bookings`, {
          cookie: site.coordinatorCookie,
          body: { roomId: job.roomId, start: job.start, end: job.end, title: job.title },
        });

  it('keeps every acknowledged request once, and retries of the rest land once', async () => {
    // Three check-ins (each its own member and key) to one booking (each its own slot, so none clash).
    const jobs: Job[] = site.memberCodes.map((memberCode, i): Job => {
      if (i % 4 !== 3) return { kind: 'checkin', key: randomUUID(), memberCode };
      const start = BASE + i * HOUR;
      return {
        kind: 'booking',
        title: `活动 ${i}`,
        roomId: site.roomIds[i % site.roomIds.length]!,
        start: new Date(start).toISOString(),
        end: new Date(start + HOUR).toISOString(),
      };
    });

    const onB = await liveClient(b.url, { cookie: site.coordinatorCookie });
    const ack = await subscribe(onB, site.topic);
    expect(ack).toMatchObject({ ok: true });
    const from = (ack as { seq: number }).seq;

    // The burst on A. A worker stops at its first request without an answer: A is gone.
    const sent: Job[] = [];
    const unanswered: Job[] = [];
    let answered = 0;
    let next = 0;
    const worker = async () => {
      while (next < jobs.length) {
        const job = jobs[next++]!;
        sent.push(job);
        try {
          job.answer = await send(a.url, job);
        } catch {
          unanswered.push(job);
          return;
        }
        answered += 1;
        if (answered === KILL_AFTER) a.child.kill('SIGKILL');
      }
    };
    await Promise.all(Array.from({ length: WORKERS }, worker));
    expect(await a.stop('SIGKILL')).toBeNull(); // killed by the signal, not exited
    expect(answered).toBeGreaterThanOrEqual(KILL_AFTER);
    expect(unanswered.length).toBeGreaterThan(0);
    for (const job of sent) {
      if (job.answer) expect(job.answer.statusCode, job.answer.body).toBe(201);
    }

    // Every request without an answer is retried on B; the kiosk keeps its key.
    for (const job of unanswered) {
      const answer = await send(b.url, job);
      if (job.kind === 'booking' && answer.statusCode === 409) {
        // It had landed on A before the kill: the conflict names exactly that booking.
        const body = expectError(answer, 409, 'booking_conflict') as unknown as { conflicts: Array<{ title: string; roomId: string; start: string }> };
        expect(body.conflicts).toHaveLength(1);
        expect(body.conflicts[0]).toMatchObject({ title: job.title, roomId: job.roomId });
        expect(Date.parse(body.conflicts[0]!.start)).toBe(Date.parse(job.start));
      } else {
        expect(answer.statusCode, answer.body).toBe(201);
      }
      job.answer = answer;
    }

    // The database: one visit per key, the one the answer named; one booking per title.
    const checkins = sent.filter((j) => j.kind === 'checkin');
    const visits = await direct.query<{ key: string; visit_id: string }>(
      `select k.idempotency_key as key, v.id as visit_id from visits v join checkin_keys k on k.visit_id = v.id where v.venue_id = $1`,
      [site.venueId],
    );
    const visitCount = await direct.query(`select count(*)::int as n from visits where venue_id = $1`, [site.venueId]);
    expect(visitCount.rows[0].n).toBe(checkins.length);
    expect(new Map(visits.rows.map((r) => [r.key, r.visit_id]))).toEqual(
      new Map(checkins.map((j) => [j.key, (j.answer!.json as { visit: { id: string } }).visit.id])),
    );
    const bookingJobs = sent.filter((j) => j.kind === 'booking');
    const booked = await direct.query<{ title: string; n: number }>(
      `select title, count(*)::int as n from bookings where venue_id = $1 group by title order by title`,
      [site.venueId],
    );
    expect(booked.rows).toEqual(bookingJobs.map((j) => ({ title: j.title, n: 1 })).sort((x, y) => (x.title < y.title ? -1 : 1)));
    for (const job of bookingJobs) {
      if (job.answer!.statusCode !== 201) continue;
      const id = (job.answer!.json as { bookings: Array<{ id: string }> }).bookings[0]!.id;
      const row = await direct.query(`select title from bookings where id = $1`, [id]);
      expect(row.rows).toEqual([{ title: job.title }]);
    }

    // The socket on B saw every committed event of the venue once, in seq order: the outbox, exactly.
    const outbox = async () =>
      (
        await direct.query<{ seq: string; type: string; data: { visit?: { id: string } } }>(
          `select seq, type, data from outbox where topic = $1 and seq > $2 order by seq`,
          [site.topic, from],
        )
      ).rows;
    const committed = await outbox();
    await eventually(() => onB.events.length >= committed.length, 'the socket on B to see every committed event', 20_000);
    await new Promise((r) => setTimeout(r, 300));
    expect(onB.events.map((e) => e.seq)).toEqual((await outbox()).map((r) => Number(r.seq)));
    const created = onB.events.filter((e) => e.type === 'checkin.created').map((e) => (e.data as { visit: { id: string } }).visit.id);
    expect(created.sort()).toEqual(visits.rows.map((r) => r.visit_id).sort());
    expect(onB.events.filter((e) => e.type === 'booking.created')).toHaveLength(bookingJobs.length);
    expect(b.child.exitCode).toBeNull();
    onB.disconnect();
  }, 60_000);
});
