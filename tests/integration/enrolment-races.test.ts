/**
 * Races of term enrolment (docs/enrolment.md "Seats"), on both storages; on PostgreSQL the requests really run
 * side by side on separate connections. However many press at once, a first-come class admits exactly its
 * capacity and hands out distinct waiting-list places, and an offer accepted while it is withdrawn ends one way.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createVenue, signIn, startTestApp, type TestApp } from '../support/app.ts';
import { storage, storageAvailable } from '../support/database.ts';

describe.runIf(storageAvailable)('enrolment races', () => {
  let t: TestApp;
  let cookie: string;
  let venueId: string;
  let roomId: string;

  const post = (url: string, payload: object, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'POST', url, headers: { cookie, ...headers }, payload });

  async function firstComeClass(capacity: number, offerHours = 48) {
    const term = (await post('/api/terms', { venueId, name: `先到先得 ${randomUUID().slice(0, 4)}`, mode: 'first_come', applyFrom: new Date(Date.now() - 60_000).toISOString(), applyUntil: new Date(Date.now() + 86_400_000).toISOString(), classesPerMember: 1, choicesPerApplication: 1, offerHours })).json().term as { id: string };
    const start = new Date(Date.UTC(2028, 0, 3 + Math.floor(Math.random() * 300) * 7, 2, Math.floor(Math.random() * 4) * 15));
    const made = await post(`/api/terms/${term.id}/classes`, { name: '热门班', course: '舞蹈', roomId, capacity, firstStart: start.toISOString(), firstEnd: new Date(start.getTime() + 600_000).toISOString(), rrule: 'FREQ=WEEKLY;COUNT=2' });
    expect(made.statusCode, made.body).toBe(201);
    return { termId: term.id, classId: (made.json().class as { id: string }).id };
  }

  async function members(n: number): Promise<string[]> {
    const rows = await t.database.db
      .insertInto('members')
      .values(Array.from({ length: n }, (_, i) => ({ name: `抢报${i}`, category: 'retired' as const, gender: 'female' as const, birthMonth: '1956-05' })))
      .returning('id')
      .execute();
    return rows.map((r) => r.id);
  }

  beforeAll(async () => {
    t = await startTestApp();
    cookie = (await signIn(t, 'admin')).cookie;
    venueId = (await createVenue(t, cookie, '老年大学')).id;
    roomId = (await post(`/api/venues/${venueId}/rooms`, { name: '排练厅', kind: 'studio', capacity: 400 })).json().room.id;
  });
  afterAll(async () => t?.close());

  it(`admits exactly the capacity of 30 out of 300 racing first-come applications (${storage})`, async () => {
    const { termId, classId } = await firstComeClass(30);
    const ids = await members(300);
    const answers = await Promise.all(ids.map((memberId) => post(`/api/terms/${termId}/applications`, { memberId, choices: [classId] }, { 'idempotency-key': randomUUID() })));
    expect(answers.filter((a) => a.statusCode !== 201).map((a) => a.body)).toEqual([]);
    const placements = answers.map((a) => (a.json().placements as Array<{ status: string; position: number | null }>)[0]!);
    expect(placements.filter((p) => p.status === 'admitted')).toHaveLength(30);
    const waiting = placements.filter((p) => p.status === 'waitlisted');
    expect(waiting).toHaveLength(270);
    // Each answer's place was the place when it was made: numbers 1–270, each once.
    const numbers = (await sql<{ n: number }>`select queue_no as n from placements where class_id = ${classId} and status = 'waitlisted' order by queue_no`.execute(t.database.db)).rows.map((r) => r.n);
    expect(numbers).toEqual(Array.from({ length: 270 }, (_, i) => i + 1));
    expect(new Set(waiting.map((p) => p.position)).size).toBe(270);
    const taken = await sql<{ taken: number }>`select taken from term_classes where id = ${classId}`.execute(t.database.db);
    expect(taken.rows[0]!.taken).toBe(30);
  }, 120_000);

  it('ends an offer one way when its acceptance races its withdrawal', async () => {
    for (let round = 0; round < 5; round += 1) {
      const { termId, classId } = await firstComeClass(1);
      const [a, b] = await members(2);
      const first = (await post(`/api/terms/${termId}/applications`, { memberId: a, choices: [classId] }, { 'idempotency-key': randomUUID() })).json().placements[0];
      const second = (await post(`/api/terms/${termId}/applications`, { memberId: b, choices: [classId] }, { 'idempotency-key': randomUUID() })).json().placements[0];
      await post(`/api/placements/${first.id}/withdraw`, {});
      const [accept, withdraw] = await Promise.all([post(`/api/placements/${second.id}/accept`, {}), post(`/api/placements/${second.id}/withdraw`, {})]);
      const final = (await sql<{ status: string }>`select status from placements where id = ${second.id}`.execute(t.database.db)).rows[0]!.status;
      // Whichever came first decided; the other either agreed (withdrawing an accepted seat) or was told no.
      expect(['admitted', 'withdrawn'], `${accept.body} ${withdraw.body}`).toContain(final);
      expect([accept.statusCode, withdraw.statusCode].every((s) => s === 200 || s === 409), `${accept.body} ${withdraw.body}`).toBe(true);
      const counts = (await sql<{ taken: number; held: number }>`select c.taken, (select count(*)::int from placements p where p.class_id = c.id and p.status in ('admitted','offered')) held from term_classes c where c.id = ${classId}`.execute(t.database.db)).rows[0]!;
      expect(counts.taken).toBe(counts.held);
      expect(counts.taken).toBeLessThanOrEqual(1);
    }
  });
});
