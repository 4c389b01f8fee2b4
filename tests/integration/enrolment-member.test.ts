/**
 * A member at home (docs/enrolment.md "Applications"; docs/security.md "Member PINs"), on both storages: signed in
 * with member number and PIN they apply for themselves only, see only their own application and places, and act
 * only on their own offers; their application is marked as made at home.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createVenue, signIn, startTestApp, type TestApp } from '../support/app.ts';
import { storageAvailable } from '../support/database.ts';

describe.runIf(storageAvailable)('enrolment for a member signed in at home', () => {
  let t: TestApp;
  let staff: string;
  let termId: string;
  let classId: string;
  let me: { id: string; cookie: string };
  let other: string;

  const as = (cookie: string, method: 'GET' | 'POST', url: string, payload?: object, headers: Record<string, string> = {}) =>
    t.app.inject({ method, url, headers: { cookie, ...headers }, ...(payload ? { payload } : {}) });

  beforeAll(async () => {
    t = await startTestApp();
    staff = (await signIn(t, 'admin')).cookie;
    const venueId = (await createVenue(t, staff, '老年大学')).id;
    const roomId = (await as(staff, 'POST', `/api/venues/${venueId}/rooms`, { name: '教室', kind: 'classroom', capacity: 30 })).json().room.id;
    termId = (await as(staff, 'POST', '/api/terms', { venueId, name: '春季', mode: 'first_come', applyFrom: new Date(Date.now() - 60_000).toISOString(), applyUntil: new Date(Date.now() + 86_400_000).toISOString(), classesPerMember: 1, choicesPerApplication: 1 })).json().term.id;
    const start = new Date(Date.UTC(2029, 5, 4, 2));
    classId = (await as(staff, 'POST', `/api/terms/${termId}/classes`, { name: '一班', course: '声乐', roomId, capacity: 1, firstStart: start.toISOString(), firstEnd: new Date(start.getTime() + 3_600_000).toISOString(), rrule: 'FREQ=WEEKLY;COUNT=2' })).json().class.id;
    const made = await as(staff, 'POST', '/api/members', { name: '王秀英', memberNo: `M${randomUUID().slice(0, 6)}`, category: 'retired' });
    const member = made.json().member as { id: string; memberNo: string };
    other = (await as(staff, 'POST', '/api/members', { name: '李建国', category: 'retired' })).json().member.id;
    const pin = (await as(staff, 'POST', `/api/members/${member.id}/pin`)).json().pin as string;
    const login = await t.app.inject({ method: 'POST', url: '/api/member-auth/login', payload: { memberNo: member.memberNo, pin } });
    expect(login.statusCode, login.body).toBe(200);
    const setCookie = login.headers['set-cookie'];
    me = { id: member.id, cookie: String(Array.isArray(setCookie) ? setCookie[0] : setCookie).split(';')[0]! };
  });
  afterAll(async () => t?.close());

  it('applies for themselves only and sees only their own', async () => {
    const forOther = await as(me.cookie, 'POST', `/api/terms/${termId}/applications`, { memberId: other, choices: [classId] }, { 'idempotency-key': randomUUID() });
    expect(forOther.statusCode).toBe(403);
    expect(forOther.json().messageZh).toBeTruthy();
    // The other member applies at the desk first and takes the one seat.
    const theirs = await as(staff, 'POST', `/api/terms/${termId}/applications`, { memberId: other, choices: [classId] }, { 'idempotency-key': randomUUID() });
    expect(theirs.json().placements[0].status).toBe('admitted');

    const mine = await as(me.cookie, 'POST', `/api/terms/${termId}/applications`, { choices: [classId] }, { 'idempotency-key': randomUUID() });
    expect(mine.statusCode, mine.body).toBe(201);
    expect(mine.json().application).toMatchObject({ memberId: me.id, channel: 'home' });
    expect(mine.json().placements[0]).toMatchObject({ status: 'waitlisted', position: 1 });
    expect(mine.json().placements[0]).not.toHaveProperty('memberName');

    const listed = (await as(me.cookie, 'GET', `/api/terms/${termId}/placements`)).json().placements as Array<{ memberId: string }>;
    expect(listed.map((p) => p.memberId)).toEqual([me.id]);
    const view = (await as(me.cookie, 'GET', `/api/terms/${termId}/eligibility`)).json();
    expect(view.member.id).toBe(me.id);
    expect((await as(me.cookie, 'GET', `/api/terms/${termId}/eligibility?memberId=${other}`)).statusCode).toBe(403);
    expect((await as(me.cookie, 'GET', `/api/terms/${termId}/applications`)).statusCode).toBe(403);
  });

  it('acts on their own offer only', async () => {
    const all = (await as(staff, 'GET', `/api/terms/${termId}/placements`)).json().placements as Array<{ id: string; memberId: string; status: string }>;
    const theirs = all.find((p) => p.memberId === other)!;
    expect((await as(me.cookie, 'POST', `/api/placements/${theirs.id}/withdraw`)).statusCode).toBe(404);
    await as(staff, 'POST', `/api/placements/${theirs.id}/withdraw`);
    const offered = ((await as(me.cookie, 'GET', `/api/terms/${termId}/placements`)).json().placements as Array<{ id: string; status: string }>)[0]!;
    expect(offered.status).toBe('offered');
    const accepted = await as(me.cookie, 'POST', `/api/placements/${offered.id}/accept`);
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json().placement.status).toBe('admitted');
    const taken = await sql<{ taken: number }>`select taken from term_classes where id = ${classId}`.execute(t.database.db);
    expect(taken.rows[0]!.taken).toBe(1);
  });
});
