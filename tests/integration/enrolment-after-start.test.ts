/**
 * After a term starts (docs/enrolment.md "After the start"), on both storages: attendance per session from the
 * check-ins into the class's bookings, students absent three sessions running flagged, the term report
 * (applicants per seat by course, admitted by category and age band, attendance rate) and the yearly figure.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createVenue, signIn, startTestApp, type TestApp } from '../support/app.ts';
import { storageAvailable } from '../support/database.ts';

describe.runIf(storageAvailable)('enrolment after the start', () => {
  let t: TestApp;
  let cookie: string;
  let venueId: string;
  let termId: string;
  let classId: string;
  let members: string[];
  const get = async (url: string) => {
    const r = await t.app.inject({ method: 'GET', url, headers: { cookie } });
    expect(r.statusCode, r.body).toBe(200);
    return r.json();
  };
  const post = (url: string, payload: object, headers: Record<string, string> = {}) => t.app.inject({ method: 'POST', url, headers: { cookie, ...headers }, payload });

  beforeAll(async () => {
    t = await startTestApp();
    cookie = (await signIn(t, 'admin')).cookie;
    venueId = (await createVenue(t, cookie, '老年大学')).id;
    const roomId = (await post(`/api/venues/${venueId}/rooms`, { name: '书画室', kind: 'classroom', capacity: 40 })).json().room.id;
    termId = (await post('/api/terms', { venueId, name: '秋季', mode: 'first_come', applyFrom: new Date(Date.now() - 86_400_000).toISOString(), applyUntil: new Date(Date.now() + 86_400_000).toISOString(), classesPerMember: 1, choicesPerApplication: 1 })).json().term.id;
    // Five weekly sessions, the first four weeks ago: four held, one to come.
    const first = new Date(Math.floor((Date.now() - 4 * 7 * 86_400_000 + 3_600_000) / 3_600_000) * 3_600_000);
    const made = await post(`/api/terms/${termId}/classes`, { name: '楷书班', course: '书法', roomId, capacity: 3, firstStart: first.toISOString(), firstEnd: new Date(first.getTime() + 3_600_000).toISOString(), rrule: 'FREQ=WEEKLY;COUNT=5' });
    expect(made.statusCode, made.body).toBe(201);
    classId = made.json().class.id;
    const rows = await t.database.db
      .insertInto('members')
      .values([
        { name: '甲', category: 'retired', birthMonth: '1960-01' },
        { name: '乙', category: 'veteran', birthMonth: '1940-06' },
        { name: '丙', category: 'retired', birthMonth: null },
        { name: '丁', category: 'retired', birthMonth: '1950-01' },
      ])
      .returning('id')
      .execute();
    members = rows.map((r) => r.id);
    for (const memberId of members) await post(`/api/terms/${termId}/applications`, { memberId, choices: [classId] }, { 'idempotency-key': randomUUID() });
    // 甲 came to all four held sessions, 乙 to the first only, 丙 to none; 丁 waits (the class holds 3).
    const sessions = (await get(`/api/classes/${classId}/attendance`)).sessions as Array<{ bookingId: string; held: boolean }>;
    const held = sessions.filter((s) => s.held).map((s) => s.bookingId);
    expect(held).toHaveLength(4);
    const visit = (memberId: string, bookingId: string) => sql`insert into visits (venue_id, member_id, booking_id, checked_in_at, checked_out_at, ended_reason)
      select ${venueId}, ${memberId}, id, lower(during), upper(during), 'checkout' from bookings where id = ${bookingId}`.execute(t.database.db);
    for (const b of held) await visit(members[0]!, b);
    await visit(members[1]!, held[0]!);
    // A waiting member's check-in is no class attendance.
    await visit(members[3]!, held[1]!);
  });
  afterAll(async () => t?.close());

  it('takes attendance per session from check-ins and flags three absences running', async () => {
    const view = await get(`/api/classes/${classId}/attendance`);
    const byName = new Map((view.students as Array<{ name: string; attended: string[]; absentStreak: number; flagged: boolean }>).map((s) => [s.name, s]));
    expect([...byName.keys()].sort()).toEqual(['丙', '乙', '甲']);
    expect(byName.get('甲')).toMatchObject({ absentStreak: 0, flagged: false });
    expect(byName.get('甲')!.attended).toHaveLength(4);
    expect(byName.get('乙')).toMatchObject({ absentStreak: 3, flagged: true });
    expect(byName.get('丙')).toMatchObject({ absentStreak: 4, flagged: true });
    expect(view.rate).toBeCloseTo(5 / 12, 3);
    expect((view.sessions as Array<{ held: boolean; present: number }>).map((s) => s.present)).toEqual([2, 1, 1, 1, 0]);
  });

  it('reports applicants per seat, admitted by category and age band, and attendance', async () => {
    const report = await get(`/api/terms/${termId}/report`);
    expect(report.courses).toEqual([{ course: '书法', classes: 1, capacity: 3, applicants: 4, firstChoice: 4, applicantsPerSeat: 1.33, admitted: 3, waitlisted: 1 }]);
    expect(report.admittedByCategory).toEqual(expect.arrayContaining([{ category: 'retired', students: 2 }, { category: 'veteran', students: 1 }]));
    const bands = Object.fromEntries((report.admittedByAgeBand as Array<{ band: string; students: number }>).map((b) => [b.band, b.students]));
    expect(bands).toMatchObject({ '60_69': 1, '80_plus': 1, unknown: 1 });
    expect(report.attendance).toMatchObject({ sessionsHeld: 4, expected: 12, attended: 5 });
  });

  it('counts the term’s students in the yearly figures (老年大学 在校学员)', async () => {
    const year = new Date().getFullYear();
    const first = await get(`/api/reports/yearly?year=${year}&venueId=${venueId}`);
    const last = await get(`/api/reports/yearly?year=${year - 1}&venueId=${venueId}`);
    // The sessions may straddle New Year: the term counts in whichever year its sessions met.
    const counted = [first, last].filter((r) => r.seniorUniversity.terms === 1);
    expect(counted.length).toBeGreaterThan(0);
    for (const r of counted) expect(r.seniorUniversity).toEqual({ students: 3, terms: 1 });
  });
});
