/**
 * A server process killed in the middle of a draw (docs/enrolment.md "The draw"): nothing of it stays — no
 * placements, no published draw, the term not drawn — and the draw can then be run on another process, once.
 * The kill is made deterministic: the test holds a lock on one of the term's classes, so the draw has locked the
 * term and read the applications and is waiting inside its transaction when the process is killed.
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../support/app.ts';
import { createEmptyPostgresDatabase, storageAvailable } from '../support/database.ts';
import { httpSignIn, request, startServerProcess, type ServerProcess } from '../support/processes.ts';

const ADMIN_PASSWORD = 'draw-crash-admin-pass';

describe.runIf(storageAvailable)('a process killed during the draw', () => {
  let databaseUrl: string;
  let a: ServerProcess;
  let b: ServerProcess | undefined;
  let direct: pg.Client;

  beforeAll(async () => {
    databaseUrl = await createEmptyPostgresDatabase();
    a = await startServerProcess({ DATABASE_URL: databaseUrl, ADMIN_PASSWORD });
    direct = new pg.Client({ connectionString: databaseUrl });
    await direct.connect();
  });
  afterAll(async () => {
    await Promise.all([a?.stop('SIGKILL'), b?.stop('SIGKILL')]);
    await direct?.end();
  });

  it('leaves nothing of it, and the draw then runs once elsewhere', async () => {
    const cookie = await httpSignIn(a.url, 'admin', ADMIN_PASSWORD);
    const call = async (url: string, body?: unknown, method?: string) => {
      const answer = await request(`${a.url}${url}`, { cookie, ...(body === undefined ? {} : { body }), ...(method ? { method } : {}) });
      return answer;
    };
    const venueId = ((await call('/api/venues', { name: '老年大学', timezone: 'Asia/Shanghai' })).json as { venue: { id: string } }).venue.id;
    const roomId = ((await call(`/api/venues/${venueId}/rooms`, { name: '教室', kind: 'classroom', capacity: 40 })).json as { room: { id: string } }).room.id;
    const term = ((await call('/api/terms', { venueId, name: '秋季', mode: 'lottery', applyFrom: new Date(Date.now() - 60_000).toISOString(), applyUntil: new Date(Date.now() + 86_400_000).toISOString() })).json as { term: { id: string } }).term;
    const classIds: string[] = [];
    for (let i = 0; i < 2; i += 1) {
      const start = new Date(Date.UTC(2030, 2, 4 + i, 1));
      const made = await call(`/api/terms/${term.id}/classes`, { name: `${i + 1}班`, course: '书法', roomId, capacity: 3, firstStart: start.toISOString(), firstEnd: new Date(start.getTime() + 3_600_000).toISOString(), rrule: 'FREQ=WEEKLY;COUNT=3' });
      expect(made.statusCode, made.body).toBe(201);
      classIds.push((made.json as { class: { id: string } }).class.id);
    }
    const members = await direct.query<{ id: string }>(`insert into members (name, category) select '学员' || g, 'retired' from generate_series(1, 12) g returning id`);
    for (const { id } of members.rows) {
      const applied = await request(`${a.url}/api/terms/${term.id}/applications`, { cookie, headers: { 'idempotency-key': randomUUID() }, body: { memberId: id, choices: classIds } });
      expect(applied.statusCode, applied.body).toBe(201);
    }
    await direct.query(`update terms set apply_until = now() - interval '1 second', apply_from = now() - interval '1 hour' where id = $1`, [term.id]);

    // Hold the second class: the draw locks the term, reads the applications, then waits here.
    await direct.query('begin');
    await direct.query('select id from term_classes where id = $1 for update', [classIds[1]]);
    const draw = request(`${a.url}/api/terms/${term.id}/draw`, { cookie, body: { publicNumber: '20301' }, timeoutMs: 30_000 }).catch(() => null);
    await eventually(async () => {
      const waiting = await direct.query<{ n: number }>(`select count(*)::int n from pg_locks l join pg_stat_activity s on s.pid = l.pid where not l.granted and s.query ilike '%term_classes%'`);
      return waiting.rows[0]!.n > 0;
    }, 'the draw waiting on the held class', 20_000);
    expect(await a.stop('SIGKILL')).toBeNull();
    expect(await draw).toBeNull();
    await direct.query('rollback');

    const left = await direct.query<{ draws: number; placements: number; drawn: boolean }>(
      `select (select count(*)::int from term_draws where term_id = $1) draws, (select count(*)::int from placements where term_id = $1) placements,
              (select drawn_at is not null from terms where id = $1) drawn`,
      [term.id],
    );
    expect(left.rows[0]).toEqual({ draws: 0, placements: 0, drawn: false });

    b = await startServerProcess({ DATABASE_URL: databaseUrl, ADMIN_PASSWORD });
    const cookieB = await httpSignIn(b.url, 'admin', ADMIN_PASSWORD);
    const drawn = await request(`${b.url}/api/terms/${term.id}/draw`, { cookie: cookieB, body: { publicNumber: '20301' } });
    expect(drawn.statusCode, drawn.body).toBe(200);
    const again = await request(`${b.url}/api/terms/${term.id}/draw`, { cookie: cookieB, body: { publicNumber: '20302' } });
    expect(again.statusCode).toBe(409);
    const after = await direct.query<{ draws: number; admitted: number }>(
      `select (select count(*)::int from term_draws where term_id = $1) draws, (select count(*)::int from placements where term_id = $1 and status = 'admitted') admitted`,
      [term.id],
    );
    expect(after.rows[0]).toEqual({ draws: 1, admitted: 6 });
  }, 120_000);
});
