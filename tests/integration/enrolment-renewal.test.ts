/**
 * 续报 (docs/enrolment.md "Placements"), on both storages: a student admitted in last term's class confirms a seat in
 * the class that continues it, in the renewal window only, once; others are told why not; the seats they take
 * are not drawn.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createVenue, signIn, startTestApp, type TestApp } from '../support/app.ts';
import { storageAvailable } from '../support/database.ts';

describe.runIf(storageAvailable)('renewals (续报)', () => {
  let t: TestApp;
  let cookie: string;
  let venueId: string;
  let roomId: string;
  let week = 0;
  const post = (url: string, payload: object, headers: Record<string, string> = {}) => t.app.inject({ method: 'POST', url, headers: { cookie, ...headers }, payload });
  const hours = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();
  async function classOf(termId: string, extra: object = {}) {
    week += 1;
    const start = new Date(Date.UTC(2029, 0, 1 + week * 21, 2));
    const made = await post(`/api/terms/${termId}/classes`, { name: `班${week}`, course: '国画', roomId, capacity: 2, firstStart: start.toISOString(), firstEnd: new Date(start.getTime() + 3_600_000).toISOString(), rrule: 'FREQ=WEEKLY;COUNT=2', ...extra });
    expect(made.statusCode, made.body).toBe(201);
    return made.json().class.id as string;
  }

  beforeAll(async () => {
    t = await startTestApp();
    cookie = (await signIn(t, 'admin')).cookie;
    venueId = (await createVenue(t, cookie, '老年大学')).id;
    roomId = (await post(`/api/venues/${venueId}/rooms`, { name: '画室', kind: 'classroom', capacity: 30 })).json().room.id;
  });
  afterAll(async () => t?.close());

  it('lets last term’s students renew in the window, once, and draws only the seats left', async () => {
    // Last term (first come): 甲 and 乙 admitted in the beginners' class.
    const last = (await post('/api/terms', { venueId, name: '去年秋季', mode: 'first_come', applyFrom: hours(-48), applyUntil: hours(24), classesPerMember: 1, choicesPerApplication: 1 })).json().term.id;
    const beginners = await classOf(last);
    const members = (await t.database.db.insertInto('members').values(['甲', '乙', '丙', '丁'].map((name) => ({ name, category: 'retired' as const }))).returning('id').execute()).map((r) => r.id);
    for (const memberId of members.slice(0, 2)) expect((await post(`/api/terms/${last}/applications`, { memberId, choices: [beginners] }, { 'idempotency-key': randomUUID() })).statusCode).toBe(201);

    // This term: renewal window now, applications later; the advanced class continues the beginners'.
    const term = (await post('/api/terms', { venueId, name: '春季', mode: 'lottery', renewFrom: hours(-1), renewUntil: hours(1), applyFrom: hours(2), applyUntil: hours(3) })).json().term;
    expect(term.phase).toBe('renewal');
    const advanced = await classOf(term.id, { continuesClassId: beginners, capacity: 3 });
    const other = await classOf(term.id);

    // What the kiosk and the phone show first: in the renewal window only the class continuing theirs is open to 甲.
    const eligibility = (who: string) => t.app.inject({ method: 'GET', url: `/api/terms/${term.id}/eligibility?memberId=${who}`, headers: { cookie } }).then((r) => r.json().classes as Array<{ classId: string; eligible: boolean; reason?: { code: string } }>);
    expect(await eligibility(members[0]!)).toEqual(expect.arrayContaining([
      { classId: advanced, eligible: true },
      expect.objectContaining({ classId: other, eligible: false, reason: expect.objectContaining({ code: 'continuation' }) }),
    ]));
    expect((await eligibility(members[2]!)).every((c) => !c.eligible && c.reason?.code === 'continuation')).toBe(true);

    const renewed = await post(`/api/terms/${term.id}/renewals`, { memberId: members[0], classId: advanced });
    expect(renewed.statusCode, renewed.body).toBe(201);
    expect(renewed.json().placement).toMatchObject({ status: 'admitted', source: 'returning', applicationId: null });
    expect((await post(`/api/terms/${term.id}/renewals`, { memberId: members[0], classId: advanced })).json()).toMatchObject({ code: 'duplicate' });
    // 丙 was not in the beginners' class; nobody renews a class that continues nothing.
    expect((await post(`/api/terms/${term.id}/renewals`, { memberId: members[2], classId: advanced })).json()).toMatchObject({ code: 'not_eligible', reason: 'continuation' });
    expect((await post(`/api/terms/${term.id}/renewals`, { memberId: members[1], classId: other })).json()).toMatchObject({ code: 'not_eligible', reason: 'continuation' });
    // Applications are not open yet.
    expect((await post(`/api/terms/${term.id}/applications`, { memberId: members[2], choices: [advanced] }, { 'idempotency-key': randomUUID() })).json()).toMatchObject({ code: 'window_closed' });

    // The renewal window closes; applications open. 甲 cannot also apply for the class they renewed.
    await sql`update terms set renew_from = now() - interval '3 hours', renew_until = now() - interval '2 hours', apply_from = now() - interval '1 hour', apply_until = now() + interval '1 hour' where id = ${term.id}`.execute(t.database.db);
    expect((await post(`/api/terms/${term.id}/renewals`, { memberId: members[1], classId: advanced })).json()).toMatchObject({ code: 'window_closed' });
    expect((await post(`/api/terms/${term.id}/applications`, { memberId: members[0], choices: [advanced] }, { 'idempotency-key': randomUUID() })).json()).toMatchObject({ code: 'not_eligible', reason: 'already_placed' });
    for (const memberId of members.slice(1)) expect((await post(`/api/terms/${term.id}/applications`, { memberId, choices: [advanced] }, { 'idempotency-key': randomUUID() })).statusCode).toBe(201);

    await sql`update terms set apply_until = now() - interval '1 second' where id = ${term.id}`.execute(t.database.db);
    const drawn = await post(`/api/terms/${term.id}/draw`, { publicNumber: '7' });
    expect(drawn.statusCode, drawn.body).toBe(200);
    // The class holds 3; the renewal took one, so the draw shared out 2 among 3 applicants.
    expect(drawn.json().draw.seats).toContainEqual({ classId: advanced, seats: 2 });
    const placements = (await t.app.inject({ method: 'GET', url: `/api/terms/${term.id}/placements?classId=${advanced}`, headers: { cookie } })).json().placements as Array<{ status: string }>;
    expect(placements.filter((p) => p.status === 'admitted')).toHaveLength(3);
    expect(placements.filter((p) => p.status === 'waitlisted')).toHaveLength(1);
  });
});
