/**
 * Term enrolment over HTTP on both storages (docs/enrolment.md, docs/api.md "Senior-university enrolment"): a term
 * from setup to draw, the draw recomputed by the independent verifier from the published fields alone, bad input
 * refused without changing anything, first-come placement, offers, acceptance, expiry and payment.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { releaseLapsedSeats } from '../../server/modules/enrolment/deadlines.ts';
import { flushSeatChanges } from '../../server/modules/enrolment/seat-board.ts';
import { createVenue, liveClient, pairDevice, signIn, startTestApp, subscribe, eventually, type TestApp } from '../support/app.ts';
import { storageAvailable } from '../support/database.ts';
import { verifyDraw, type PublishedDraw } from '../support/verify-draw.ts';

type Json = Record<string, unknown>;
interface Placement { id: string; memberId: string; classId: string; status: string; position: number | null; offerExpiresAt: string | null; applicationId: string | null }

describe.runIf(storageAvailable)('term enrolment', () => {
  let t: TestApp;
  let admin: Awaited<ReturnType<typeof signIn>>;
  let venueId: string;
  let rooms: string[];
  let kioskToken: string;

  const call = async (method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, payload?: unknown, headers: Record<string, string> = {}) => {
    const response = await t.app.inject({ method, url, headers: { cookie: admin.cookie, ...headers }, ...(payload === undefined ? {} : { payload: payload as object }) });
    return { status: response.statusCode, body: (response.body ? response.json() : {}) as Json };
  };
  const ok = async (method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, payload?: unknown, headers?: Record<string, string>) => {
    const r = await call(method, url, payload, headers);
    expect(r.status, JSON.stringify(r.body)).toBeLessThan(300);
    return r.body;
  };
  const hours = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();
  let roomIndex = 0;
  const nextRoom = () => rooms[roomIndex++ % rooms.length]!;
  let weekOffset = 0;

  async function makeTerm(extra: Json = {}) {
    const body = await ok('POST', '/api/terms', { venueId, name: `2027 春季 ${randomUUID().slice(0, 4)}`, mode: 'lottery', applyFrom: hours(-1), applyUntil: hours(24), ...extra });
    return body.term as Json & { id: string; seedHash: string };
  }
  async function makeClass(termId: string, extra: Json = {}) {
    weekOffset += 1;
    const first = new Date(Date.UTC(2027, 2, 1 + weekOffset * 7, 1, 0));
    const body = await ok('POST', `/api/terms/${termId}/classes`, {
      name: `${weekOffset}班`,
      course: '书法',
      roomId: nextRoom(),
      capacity: 2,
      firstStart: first.toISOString(),
      firstEnd: new Date(first.getTime() + 90 * 60_000).toISOString(),
      rrule: 'FREQ=WEEKLY;COUNT=4',
      ...extra,
    });
    return body.class as Json & { id: string };
  }
  async function makeMember(extra: Json = {}) {
    const n = randomUUID().slice(0, 6);
    const body = await ok('POST', '/api/members', { name: `学员${n}`, cardCode: `C${n}`, memberNo: `M${n}`, gender: 'female', birthMonth: '1955-03', category: 'retired', ...extra });
    return body.member as Json & { id: string; cardCode: string };
  }
  const applyFor = (termId: string, memberId: string, choices: string[], key = randomUUID()) =>
    call('POST', `/api/terms/${termId}/applications`, { memberId, choices }, { 'idempotency-key': key });

  beforeAll(async () => {
    t = await startTestApp();
    admin = await signIn(t, 'admin');
    venueId = (await createVenue(t, admin.cookie, '市老年大学')).id;
    rooms = [];
    for (const name of ['书画一室', '书画二室', '舞蹈室', '声乐室']) {
      rooms.push(((await ok('POST', `/api/venues/${venueId}/rooms`, { name, kind: 'classroom', capacity: 40 })).room as { id: string }).id);
    }
    kioskToken = (await pairDevice(t, admin.cookie, venueId, 'kiosk')).token;
  });
  afterAll(async () => t?.close());

  it('opens a term with its seed hash published and its classes booked as weekly series on the calendar', async () => {
    const term = await makeTerm();
    expect(term.seedHash).toMatch(/^[0-9a-f]{64}$/);
    expect(term).not.toHaveProperty('secret');
    expect(term.phase).toBe('applying');
    const c = await makeClass(term.id);
    expect(c.seriesId).toBeTruthy();
    const bookings = await ok('GET', `/api/bookings?venueId=${venueId}&from=2027-01-01T00:00:00Z&to=2027-12-31T00:00:00Z`);
    expect((bookings.bookings as Array<{ seriesId: string }>).filter((b) => b.seriesId === c.seriesId)).toHaveLength(4);
    // A second class in the same room at the same time is a booking conflict, and nothing is made.
    const clash = await call('POST', `/api/terms/${term.id}/classes`, { name: '重叠班', course: '书法', roomId: c.roomId, capacity: 5, firstStart: c.firstStart, firstEnd: c.firstEnd, rrule: 'FREQ=WEEKLY;COUNT=2' });
    expect(clash.status).toBe(409);
    expect(clash.body.code).toBe('booking_conflict');
    expect(((await ok('GET', `/api/terms/${term.id}`)).classes as unknown[]).length).toBe(1);
  });

  it('keeps null as "no limit" in a class’s age bounds, never 0', async () => {
    const term = await makeTerm();
    const c = await makeClass(term.id, { minAgeFemale: null, minAgeMale: null, maxAge: null, categories: null, teacher: null });
    expect(c).toMatchObject({ minAgeFemale: null, minAgeMale: null, maxAge: null, categories: null, teacher: null });
    const limited = await ok('PATCH', `/api/classes/${c.id}`, { maxAge: 80 });
    expect(limited.class).toMatchObject({ maxAge: 80 });
    const cleared = await ok('PATCH', `/api/classes/${c.id}`, { maxAge: null });
    expect(cleared.class).toMatchObject({ maxAge: null });
  });

  it('refuses bad applications with a clear error and changes nothing', async () => {
    const term = await makeTerm({ choicesPerApplication: 2, classesPerMember: 1 });
    const other = await makeTerm();
    const [a, b, c] = [await makeClass(term.id), await makeClass(term.id), await makeClass(term.id)];
    const foreign = await makeClass(other.id);
    const young = await makeClass(term.id, { minAgeFemale: 50, minAgeMale: 55, maxAge: 80 });
    const member = await makeMember();
    const girl = await makeMember({ birthMonth: '1990-01' });

    expect((await applyFor(term.id, member.id, [a.id, foreign.id])).body).toMatchObject({ code: 'validation_failed', field: 'choices' });
    expect((await applyFor(term.id, member.id, [a.id, a.id])).body).toMatchObject({ code: 'validation_failed', field: 'choices' });
    expect((await applyFor(term.id, member.id, [a.id, b.id, c.id])).body).toMatchObject({ code: 'validation_failed', field: 'choices' });
    expect((await applyFor(term.id, member.id, [randomUUID()])).body).toMatchObject({ code: 'validation_failed', field: 'choices' });
    const refused = await applyFor(term.id, girl.id, [young.id]);
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ code: 'not_eligible', reason: 'age', classId: young.id });
    expect(String(refused.body.messageZh)).toContain('50');
    expect((await call('POST', `/api/terms/${term.id}/applications`, { memberId: member.id, choices: [a.id] })).body).toMatchObject({ code: 'validation_failed', field: 'Idempotency-Key' });
    expect((await ok('GET', `/api/terms/${term.id}`)).term).toMatchObject({ applications: 0 });

    const key = randomUUID();
    const first = await applyFor(term.id, member.id, [a.id, b.id], key);
    expect(first.status).toBe(201);
    const again = await applyFor(term.id, member.id, [a.id, b.id], key);
    expect(again.status).toBe(200);
    expect((again.body.application as Json).id).toBe((first.body.application as Json).id);
    const second = await applyFor(term.id, member.id, [b.id]);
    expect(second.status).toBe(409);
    expect(second.body.code).toBe('duplicate');
    expect((await ok('GET', `/api/terms/${term.id}`)).term).toMatchObject({ applications: 1 });

    // Closed window: 409 window_closed, for a new application and for a change.
    await ok('PATCH', `/api/terms/${term.id}`, { applyUntil: new Date(Date.now() + 50).toISOString() });
    await new Promise((r) => setTimeout(r, 80));
    const late = await applyFor(term.id, (await makeMember()).id, [a.id]);
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('window_closed');
    expect((await call('PUT', `/api/applications/${(first.body.application as Json).id}`, { choices: [b.id] })).body.code).toBe('window_closed');
  });

  it('draws in public: once, after the window, recomputable from the published fields alone', async () => {
    const term = await makeTerm({ classesPerMember: 2, choicesPerApplication: 3, priorityCategories: ['veteran'] });
    const classes = [await makeClass(term.id), await makeClass(term.id, { capacity: 3 }), await makeClass(term.id, { capacity: 1 })];
    const kioskMember = await makeMember();
    for (let i = 0; i < 9; i += 1) {
      const m = await makeMember(i === 0 ? { category: 'veteran' } : {});
      const choices = [classes[i % 3]!.id, classes[(i + 1) % 3]!.id, classes[(i + 2) % 3]!.id];
      expect((await applyFor(term.id, m.id, choices)).status).toBe(201);
    }
    // The kiosk applies with the card's code.
    const byKiosk = await t.app.inject({
      method: 'POST',
      url: `/api/terms/${term.id}/applications`,
      headers: { authorization: `Bearer ${kioskToken}`, 'idempotency-key': randomUUID() },
      payload: { memberCode: kioskMember.cardCode, choices: [classes[2]!.id] },
    });
    expect(byKiosk.statusCode, byKiosk.body).toBe(201);
    expect(byKiosk.json().application.channel).toBe('kiosk');

    expect((await call('POST', `/api/terms/${term.id}/draw`, { publicNumber: '483920' })).body.code).toBe('conflict');
    expect((await call('GET', `/api/terms/${term.id}/draw`)).status).toBe(404);
    await ok('PATCH', `/api/terms/${term.id}`, { applyUntil: new Date(Date.now() + 30).toISOString() });
    await new Promise((r) => setTimeout(r, 60));
    const drawn = await ok('POST', `/api/terms/${term.id}/draw`, { publicNumber: '483920' });
    const draw = drawn.draw as Json;
    expect(draw.seedHash).toBe(term.seedHash);
    expect(draw.publicNumber).toBe('483920');

    // Public: anyone (no cookie) reads it, and an independent verifier recomputes it.
    const published = await t.app.inject({ method: 'GET', url: `/api/terms/${term.id}/draw` });
    expect(published.statusCode).toBe(200);
    const body = published.json() as { draw: Json; placements: unknown[] };
    expect(verifyDraw({ ...body.draw, placements: body.placements } as unknown as PublishedDraw)).toEqual({ ok: true });
    // The priority category's member is first in the order.
    expect((body.draw.applications as Array<{ id: string; tier: number }>).find((a) => a.id === (body.draw.order as string[])[0])!.tier).toBe(0);

    const again = await call('POST', `/api/terms/${term.id}/draw`, { publicNumber: '1' });
    expect(again.status).toBe(409);
    const placements = (await ok('GET', `/api/terms/${term.id}/placements`)).placements as Placement[];
    for (const c of classes) {
      const admitted = placements.filter((p) => p.classId === c.id && p.status === 'admitted').length;
      expect(admitted).toBeLessThanOrEqual(c.capacity as number);
      const waiting = placements.filter((p) => p.classId === c.id && p.status === 'waitlisted').map((p) => p.position).sort((x, y) => x! - y!);
      expect(waiting).toEqual(waiting.map((_, i) => i + 1));
    }
    const audit = await ok('GET', '/api/audit?limit=50');
    expect(JSON.stringify(audit)).toContain('term.drawn');
  });

  it('lets an admin redo a draw only with a reason and a new published secret, and not once fees were taken', async () => {
    const term = await makeTerm({ classesPerMember: 1, choicesPerApplication: 1 });
    const c = await makeClass(term.id, { capacity: 1, feeCents: 100 });
    for (let i = 0; i < 3; i += 1) expect((await applyFor(term.id, (await makeMember()).id, [c.id])).status).toBe(201);
    await sql`update terms set apply_until = now() - interval '1 second' where id = ${term.id}`.execute(t.database.db);
    await ok('POST', `/api/terms/${term.id}/draw`, { publicNumber: '11' });
    const coordinator = await signIn(t, 'coordinator', [venueId]);
    const refused = await t.app.inject({ method: 'POST', url: `/api/terms/${term.id}/redraw`, headers: { cookie: coordinator.cookie }, payload: { reason: '公证员未到场' } });
    expect(refused.statusCode).toBe(403);
    expect((await call('POST', `/api/terms/${term.id}/redraw`, {})).body).toMatchObject({ code: 'validation_failed', field: 'reason' });

    const redone = await ok('POST', `/api/terms/${term.id}/redraw`, { reason: '公证员未到场，重新摇号' });
    const after = redone.term as { seedHash: string; phase: string; drawnAt: string | null };
    expect(after.seedHash).not.toBe(term.seedHash);
    expect(after).toMatchObject({ phase: 'closed', drawnAt: null });
    expect((await call('GET', `/api/terms/${term.id}/draw`)).status).toBe(404);
    expect(((await ok('GET', `/api/terms/${term.id}/placements`)).placements as unknown[]).length).toBe(0);
    const audit = JSON.stringify(await ok('GET', '/api/audit?limit=20'));
    expect(audit).toContain('term.redrawn');
    expect(audit).toContain('公证员未到场，重新摇号');

    const second = await ok('POST', `/api/terms/${term.id}/draw`, { publicNumber: '12' });
    expect(second.draw).toMatchObject({ round: 2, seedHash: after.seedHash });
    expect(verifyDraw({ ...(second.draw as Json), placements: second.placements } as unknown as PublishedDraw)).toEqual({ ok: true });
    const admitted = ((await ok('GET', `/api/terms/${term.id}/placements`)).placements as Placement[]).find((p) => p.status === 'admitted')!;
    await ok('POST', `/api/placements/${admitted.id}/payment`, { receiptNo: 'R-1', amountCents: 100 });
    expect((await call('POST', `/api/terms/${term.id}/redraw`, { reason: '再来一次' })).body).toMatchObject({ code: 'conflict' });
  });

  it('passes a withdrawn seat to the waiting list as an offer; an expired offer passes on; payment is recorded', async () => {
    const term = await makeTerm({ mode: 'first_come', classesPerMember: 1, choicesPerApplication: 1, offerHours: 1, payUntil: hours(72) });
    const c = await makeClass(term.id, { capacity: 1, feeCents: 30000 });
    const [m1, m2, m3] = [await makeMember(), await makeMember(), await makeMember()];
    const p1 = ((await applyFor(term.id, m1.id, [c.id])).body.placements as Placement[])[0]!;
    expect(p1.status).toBe('admitted');
    const p2 = ((await applyFor(term.id, m2.id, [c.id])).body.placements as Placement[])[0]!;
    expect(p2).toMatchObject({ status: 'waitlisted', position: 1 });
    const p3 = ((await applyFor(term.id, m3.id, [c.id])).body.placements as Placement[])[0]!;
    expect(p3).toMatchObject({ status: 'waitlisted', position: 2 });

    await ok('POST', `/api/placements/${p1.id}/withdraw`);
    const list = (await ok('GET', `/api/terms/${term.id}/placements?classId=${c.id}`)).placements as Placement[];
    expect(list.find((p) => p.id === p2.id)).toMatchObject({ status: 'offered' });
    expect(list.find((p) => p.id === p3.id)).toMatchObject({ status: 'waitlisted', position: 1 });

    // The offer runs out: the job passes it to the next, exactly once.
    await sql`update placements set offer_expires_at = now() - interval '1 second' where id = ${p2.id}`.execute(t.database.db);
    expect(await releaseLapsedSeats(t.database.db)).toBe(1);
    expect(await releaseLapsedSeats(t.database.db)).toBe(0);
    const late = await call('POST', `/api/placements/${p2.id}/accept`);
    expect(late.status).toBe(409);
    const accepted = await ok('POST', `/api/placements/${p3.id}/accept`);
    expect(accepted.placement).toMatchObject({ status: 'admitted' });
    expect((accepted.placement as Json).payBy).toBeTruthy();
    const paid = await ok('POST', `/api/placements/${p3.id}/payment`, { receiptNo: 'SJ-0001', amountCents: 30000 });
    expect(paid.placement).toMatchObject({ receiptNo: 'SJ-0001', amountCents: 30000 });
    expect((await call('POST', `/api/placements/${p3.id}/payment`, { receiptNo: 'SJ-0002', amountCents: 30000 })).status).toBe(409);
    const seats = await ok('GET', `/api/terms/${term.id}/seats`);
    expect((seats.classes as Json[])[0]).toMatchObject({ capacity: 1, admitted: 1, waitlisted: 0, offered: 0 });
  });

  it('lets a member take an offered seat in a class ranked higher by giving up their lowest-ranked seat, never holding more than allowed', async () => {
    const term = await makeTerm({ classesPerMember: 1, choicesPerApplication: 2 });
    const [poetry, health] = [await makeClass(term.id, { capacity: 1 }), await makeClass(term.id, { capacity: 2 })];
    const [a, b] = [await makeMember(), await makeMember()];
    // Both want poetry first; one gets it, the other gets health and waits for poetry.
    for (const m of [a, b]) expect((await applyFor(term.id, m.id, [poetry.id, health.id])).status).toBe(201);
    await sql`update terms set apply_until = now() - interval '1 second' where id = ${term.id}`.execute(t.database.db);
    await ok('POST', `/api/terms/${term.id}/draw`, { publicNumber: '5' });
    const all = (await ok('GET', `/api/terms/${term.id}/placements`)).placements as Placement[];
    const inPoetry = all.find((p) => p.classId === poetry.id && p.status === 'admitted')!;
    const waiter = all.find((p) => p.classId === poetry.id && p.status === 'waitlisted')!;
    expect(all.find((p) => p.memberId === waiter.memberId && p.classId === health.id)!.status).toBe('admitted');

    await ok('POST', `/api/placements/${inPoetry.id}/withdraw`);
    const accepted = await ok('POST', `/api/placements/${waiter.id}/accept`);
    expect(accepted.placement).toMatchObject({ status: 'admitted', classId: poetry.id });
    const theirs = ((await ok('GET', `/api/terms/${term.id}/placements?memberId=${waiter.memberId}`)).placements as Array<Placement & { withdrawnReason: string | null }>);
    expect(theirs.filter((p) => p.status === 'admitted').map((p) => p.classId)).toEqual([poetry.id]);
    expect(theirs.find((p) => p.classId === health.id)).toMatchObject({ status: 'withdrawn', withdrawnReason: 'upgraded' });
  });

  it('sends coalesced seats.changed on the term topic', async () => {
    const term = await makeTerm({ mode: 'first_come', classesPerMember: 1, choicesPerApplication: 1 });
    const c = await makeClass(term.id, { capacity: 3 });
    await flushSeatChanges(t.database.db);
    const socket = await liveClient(t.url, { cookie: admin.cookie });
    try {
      expect((await subscribe(socket, `term:${term.id}`)).ok).toBe(true);
      for (let i = 0; i < 5; i += 1) await applyFor(term.id, (await makeMember()).id, [c.id]);
      expect(await flushSeatChanges(t.database.db)).toEqual([term.id]);
      await eventually(() => socket.events.some((e) => e.type === 'seats.changed'), 'seats.changed');
      const events = socket.events.filter((e) => e.type === 'seats.changed');
      expect(events).toHaveLength(1);
      expect(events[0]!.data).toMatchObject({ termId: term.id, classes: [{ classId: c.id, capacity: 3, admitted: 3, waitlisted: 2, offered: 0 }] });
      // A change of the term itself is announced at once, for screens to load it again.
      await ok('PATCH', `/api/terms/${term.id}`, { name: '2027 春季（更正）' });
      await eventually(() => socket.events.some((e) => e.type === 'term.updated'), 'term.updated');
      expect(socket.events.find((e) => e.type === 'term.updated')!.data).toMatchObject({ term: { id: term.id, name: '2027 春季（更正）' } });
    } finally {
      socket.close();
    }
  });
});
