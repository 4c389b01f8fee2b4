/**
 * Check-ins as kiosks make them: retried with the same keys, racing, members moving between rooms, guests,
 * check-outs, closing time; headcounts always equal the committed open visits.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeOpenVisits } from '../../server/modules/checkins/closing.ts';
import { storageAvailable } from '../support/database.ts';
import { createVenue, eventually, liveClient, pairDevice, signIn, startTestApp, subscribe, type TestApp } from '../support/app.ts';
import { expectError } from '../support/expect-error.ts';

interface Headcount {
  venueId: string;
  total: number;
  rooms: Array<{ roomId: string; count: number; capacity: number; level: string }>;
}

describe.runIf(storageAvailable)('check-ins and headcounts', () => {
  let t: TestApp;
  let cookie: string;
  let venueId: string;
  let rooms: string[];
  let kiosk: string;
  let members: Array<{ id: string; cardCode: string }>;

  const checkIn = (body: Record<string, unknown>, key: string = randomUUID(), token = kiosk) =>
    fetch(`${t.url}/api/checkins`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'idempotency-key': key },
      body: JSON.stringify({ venueId, ...body }),
    }).then(async (r) => ({ status: r.status, body: (await r.json()) as Record<string, unknown> }));
  const headcount = async () => (await t.app.inject({ method: 'GET', url: `/api/venues/${venueId}/headcount`, headers: { cookie } })).json() as Headcount;
  const openPeople = async () => {
    const open = await t.database.db.selectFrom('visits').select(['memberId', 'guests']).where('venueId', '=', venueId).where('checkedOutAt', 'is', null).execute();
    return open.reduce((n, v) => n + (v.memberId ? 1 : 0) + v.guests, 0);
  };

  beforeAll(async () => {
    t = await startTestApp();
    cookie = (await signIn(t, 'admin')).cookie;
    venueId = (await createVenue(t, cookie)).id;
    rooms = [];
    for (const [name, capacity] of [['书画室', 40], ['舞蹈室', 60], ['棋牌室', 10]] as const) {
      const room = await t.app.inject({ method: 'POST', url: `/api/venues/${venueId}/rooms`, headers: { cookie }, payload: { name, kind: 'classroom', capacity } });
      rooms.push((room.json() as { room: { id: string } }).room.id);
    }
    kiosk = (await pairDevice(t, cookie, venueId, 'kiosk')).token;
    members = await t.database.db
      .insertInto('members')
      .values(Array.from({ length: 120 }, (_, i) => ({ name: `会员${i}`, cardCode: `QJ${String(i).padStart(5, '0')}`, category: 'retired' as const })))
      .returning(['id', 'cardCode'])
      .execute()
      .then((rows) => rows.map((r) => ({ id: r.id, cardCode: r.cardCode! })));
  });
  afterAll(async () => t?.close());

  it('300 requests from concurrent kiosks retrying with the same keys make exactly the unique visits', async () => {
    const client = await liveClient(t.url, { token: kiosk });
    await subscribe(client, `venue:${venueId}`);
    // 100 members and 50 walk-in groups; every request is sent twice, concurrently (a retry racing its original).
    const intents = [
      ...members.slice(0, 100).map((m, i) => ({ key: randomUUID(), body: { memberCode: m.cardCode, roomId: rooms[i % 2] } })),
      ...Array.from({ length: 50 }, (_, i) => ({ key: randomUUID(), body: { guests: 1 + (i % 3), roomId: rooms[1] } })),
    ];
    const requests = intents.flatMap((intent) => [intent, intent]);
    const results: Array<{ status: number; body: Record<string, unknown> }> = [];
    for (let i = 0; i < requests.length; i += 30) {
      results.push(...(await Promise.all(requests.slice(i, i + 30).map((r) => checkIn(r.body, r.key)))));
    }
    expect(results.map((r) => r.status).filter((s) => s !== 201)).toEqual([]);
    const visitIds = new Set(results.map((r) => (r.body.visit as { id: string }).id));
    expect(visitIds.size).toBe(150);
    const stored = await t.database.db.selectFrom('visits').select('id').where('venueId', '=', venueId).execute();
    expect(stored).toHaveLength(150);

    const expected = 100 + intents.slice(100).reduce((n, i) => n + (i.body as { guests: number }).guests, 0);
    const counts = await headcount();
    expect(counts.total).toBe(expected);
    expect(counts.total).toBe(await openPeople());
    expect(counts.rooms.find((r) => r.roomId === rooms[0])!.count).toBe(50);

    // The last headcount event anyone received says the same as the database.
    await eventually(() => client.events.filter((e) => e.type === 'checkin.created').length === 150, '150 checkin.created events');
    await t.app.dispatcher.idle();
    const last = client.events.filter((e) => e.type === 'headcount.changed').at(-1)!.data as Headcount;
    expect(last.total).toBe(expected);
    client.disconnect();
  });

  it('counts a member who moves from room A to room B once, in B', async () => {
    const member = members[110]!;
    const before = await headcount();
    const inA = await checkIn({ memberCode: member.cardCode, roomId: rooms[0] });
    const inB = await checkIn({ memberCode: member.cardCode, roomId: rooms[2] });
    expect(inB.status).toBe(201);
    expect(inB.body.moved).toMatchObject({ id: (inA.body.visit as { id: string }).id, endedReason: 'moved' });
    const after = await headcount();
    expect(after.total).toBe(before.total + 1);
    const count = (h: Headcount, room: string) => h.rooms.find((r) => r.roomId === room)!.count;
    expect(count(after, rooms[0]!)).toBe(count(before, rooms[0]!));
    expect(count(after, rooms[2]!)).toBe(count(before, rooms[2]!) + 1);
    // A second tap in the same room is the same visit, not another one.
    const again = await checkIn({ memberCode: member.cardCode, roomId: rooms[2] });
    expect((again.body.visit as { id: string }).id).toBe((inB.body.visit as { id: string }).id);
    expect((await headcount()).total).toBe(after.total);
  });

  it('warns near capacity and says full at capacity', async () => {
    const small = rooms[2]!;
    const level = async () => (await headcount()).rooms.find((r) => r.roomId === small)!;
    let current = await level();
    while (current.count < 9) {
      await checkIn({ guests: 1, roomId: small });
      current = await level();
    }
    expect(current.level).toBe('warning');
    await checkIn({ guests: 10 - current.count, roomId: small });
    expect((await level()).level).toBe('full');
  });

  it('checks out once; checking out again changes nothing', async () => {
    const member = members[111]!;
    const visit = (await checkIn({ memberCode: member.cardCode })).body.visit as { id: string };
    const before = (await headcount()).total;
    const out = await t.app.inject({ method: 'POST', url: `/api/checkins/${visit.id}/checkout`, headers: { authorization: `Bearer ${kiosk}` } });
    expect(out.statusCode).toBe(200);
    expect(out.json()).toMatchObject({ visit: { endedReason: 'checkout' }, headcount: { total: before - 1 } });
    const twice = await t.app.inject({ method: 'POST', url: `/api/checkins/${visit.id}/checkout`, headers: { authorization: `Bearer ${kiosk}` } });
    expect(twice.statusCode).toBe(200);
    expect((await headcount()).total).toBe(before - 1);
  });

  it('refuses unknown cards, missing keys, reused keys, and displays, changing nothing', async () => {
    const before = await openPeople();
    const unknown = await checkIn({ memberCode: 'NO-SUCH-CARD' });
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ code: 'member_not_found' });

    const noKey = await t.app.inject({ method: 'POST', url: '/api/checkins', headers: { authorization: `Bearer ${kiosk}` }, payload: { venueId, guests: 1 } });
    expectError(noKey, 400, 'validation_failed', 'Idempotency-Key');

    const key = randomUUID();
    expect((await checkIn({ memberCode: members[112]!.cardCode }, key)).status).toBe(201);
    const reused = await checkIn({ memberCode: members[113]!.cardCode }, key);
    expect(reused.status).toBe(409);
    expect(reused.body).toMatchObject({ code: 'duplicate' });

    const display = (await pairDevice(t, cookie, venueId, 'display')).token;
    const refused = await checkIn({ guests: 2 }, randomUUID(), display);
    expect(refused.status).toBe(403);
    expect(await openPeople()).toBe(before + 1);
  });

  it('sends a batch subscriber a check-in and its headcount in one frame, each event once, in seq order', async () => {
    const batch = await liveClient(t.url, { token: kiosk });
    const single = await liveClient(t.url, { token: kiosk });
    await subscribe(batch, `venue:${venueId}`, undefined, { batch: true });
    await subscribe(single, `venue:${venueId}`);
    const member = members[115]!;
    expect((await checkIn({ memberCode: member.cardCode, roomId: rooms[1] })).status).toBe(201);
    const isMine = (e: { type: string; data: unknown }) => e.type === 'headcount.changed' || (e.data as { visit?: { memberId?: string } }).visit?.memberId === member.id;
    await eventually(() => batch.events.some((e) => e.type === 'headcount.changed') && single.events.some((e) => e.type === 'headcount.changed'), 'both clients got the headcount');
    const frame = batch.frames.find((f) => f.some((e) => e.type === 'checkin.created' && isMine(e)));
    expect(frame?.map((e) => e.type)).toEqual(['checkin.created', 'headcount.changed']);
    expect(single.frames.every((f) => f.length === 1)).toBe(true);
    // Both ways of listening see the same events, once each, in seq order.
    const seqs = (events: Array<{ seq: number }>) => events.map((e) => e.seq);
    expect(seqs(batch.events)).toEqual(seqs(single.events));
    expect(seqs(batch.events)).toEqual([...new Set(seqs(batch.events))].sort((a, b) => a - b));
    batch.disconnect();
    single.disconnect();
  });

  it('refuses a kiosk unpaired a moment ago even while this process still remembers its token', async () => {
    const paired = await pairDevice(t, cookie, venueId, 'kiosk');
    expect((await checkIn({ guests: 1 }, randomUUID(), paired.token)).status).toBe(201);
    const before = await openPeople();
    // Straight in the database, as another process would (no event reaches this one's cache first).
    await t.database.db.updateTable('devices').set({ revokedAt: new Date().toISOString() }).where('id', '=', paired.deviceId).execute();
    const refused = await checkIn({ guests: 1 }, randomUUID(), paired.token);
    expect(refused.status).toBe(401);
    expect(refused.body).toMatchObject({ code: 'unauthenticated', revoked: true });
    expect(await openPeople()).toBe(before);
  });

  it('checks the member, room and activity before writing anything', async () => {
    const before = await openPeople();
    const other = await createVenue(t, cookie);
    const foreignRoom = ((await t.app.inject({ method: 'POST', url: `/api/venues/${other.id}/rooms`, headers: { cookie }, payload: { name: '外馆', kind: 'classroom', capacity: 9 } })).json() as { room: { id: string } }).room.id;
    const missing = '00000000-0000-4000-8000-000000000000';
    const expectRefused = async (body: Record<string, unknown>, status: number, code: string, field: string) => {
      const answer = await checkIn(body);
      expect(answer.status, JSON.stringify(answer.body)).toBe(status);
      expect(answer.body).toMatchObject({ code, field });
    };
    await expectRefused({ memberId: missing }, 404, 'member_not_found', 'memberId');
    await expectRefused({ memberCode: members[114]!.cardCode, roomId: foreignRoom }, 404, 'not_found', 'roomId');
    await expectRefused({ memberCode: members[114]!.cardCode, roomId: missing }, 404, 'not_found', 'roomId');
    await expectRefused({ memberCode: members[114]!.cardCode, bookingId: missing }, 404, 'not_found', 'bookingId');
    expect(await openPeople()).toBe(before);
    // A card typed in lower case with spaces around it is the same card.
    const typed = await checkIn({ memberCode: ` ${members[114]!.cardCode.toLowerCase()} `, roomId: rooms[0] });
    expect(typed.status).toBe(201);
    expect(typed.body).toMatchObject({ member: { id: members[114]!.id }, visit: { roomId: rooms[0], memberId: members[114]!.id } });
    expect(await openPeople()).toBe(before + 1);
  });

  it('ends visits left open at closing time, at that time', async () => {
    const open = await openPeople();
    expect(open).toBeGreaterThan(0);
    const tomorrow = new Date(Date.now() + 36 * 60 * 60 * 1000);
    const closed = await closeOpenVisits(t.database.db, tomorrow);
    expect(closed).toBeGreaterThan(0);
    expect(await openPeople()).toBe(0);
    expect((await headcount()).total).toBe(0);
    const ended = await t.database.db.selectFrom('visits').select(['endedReason', 'checkedOutAt']).where('endedReason', '=', 'closing').execute();
    expect(ended.length).toBe(closed);
    expect(ended.every((v) => v.checkedOutAt !== null)).toBe(true);
  });
});
