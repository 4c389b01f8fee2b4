/**
 * What the database makes for a check-in equals what TypeScript defines, field for field, on both storages:
 * the `visit` and `moved` of the answer (visit_json) are toVisit of the stored rows and fit VisitSchema; the
 * `checkin.created` / `checkin.ended` events checkin_record appends are the ones events.ts makes, on the
 * topics realtime/topics.ts names; every headcount (the answer's and the late `headcount.changed`) fits
 * HeadcountSchema and counts as the rule of server/shared/capacity.ts says, which capacity_level repeats.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { Value } from 'typebox/value';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UserPrincipal } from '../../server/modules/auth/principal.ts';
import { checkinEnded } from '../../server/modules/checkins/events.ts';
import { findVisit } from '../../server/modules/checkins/queries.ts';
import { HeadcountSchema, VisitSchema, type CheckInInput, type HeadcountDto, type VisitDto } from '../../server/modules/checkins/schemas.ts';
import { checkIn, checkOut, toVisit } from '../../server/modules/checkins/service.ts';
import { venueTopic } from '../../server/realtime/topics.ts';
import { capacityLevel } from '../../server/shared/capacity.ts';
import { storageAvailable } from '../support/database.ts';
import { signIn, startTestApp, type TestApp } from '../support/app.ts';

const VISIT_FIELDS = Object.keys(VisitSchema.properties).sort();
const HEADCOUNT_FIELDS = Object.keys(HeadcountSchema.properties).sort();
const ROOM_FIELDS = Object.keys(HeadcountSchema.properties.rooms.items.properties).sort();

describe.runIf(storageAvailable)('check-in payloads made in SQL', () => {
  let t: TestApp;
  let admin: UserPrincipal;
  let venueA: string;
  let venueB: string;
  let roomA1: string;
  let roomA2: string;
  let roomB1: string;
  let member: string;

  beforeAll(async () => {
    t = await startTestApp();
    const db = t.database.db;
    const { userId, username } = await signIn(t, 'admin');
    admin = { kind: 'user', userId, username, role: 'admin', venueIds: [], sessionId: randomUUID() };
    const venue = async (name: string) => (await db.insertInto('venues').values({ name, timezone: 'Asia/Shanghai' }).returning('id').executeTakeFirstOrThrow()).id;
    const room = async (venueId: string, name: string, capacity: number) =>
      (await db.insertInto('rooms').values({ venueId, name, kind: 'classroom', capacity }).returning('id').executeTakeFirstOrThrow()).id;
    venueA = await venue('东区中心');
    venueB = await venue('西区中心');
    roomA1 = await room(venueA, 'A1 书画室', 10);
    roomA2 = await room(venueA, 'A2 舞蹈室', 30);
    roomB1 = await room(venueB, 'B1 棋牌室', 1);
    member = (await db.insertInto('members').values({ name: '李文华', cardCode: 'PAYLOAD1' }).returning('id').executeTakeFirstOrThrow()).id;
  });
  afterAll(async () => t?.close());

  /** A visit as made in SQL: VisitSchema's fields and no others, and toVisit of the row as it is stored now. */
  async function expectVisit(visit: VisitDto): Promise<void> {
    expect(Object.keys(visit).sort()).toEqual(VISIT_FIELDS);
    expect(Value.Check(VisitSchema, visit), JSON.stringify(visit)).toBe(true);
    const row = await findVisit(t.database.db, visit.id);
    expect(visit).toEqual(toVisit(row!));
  }

  /** The headcount TypeScript would make from the stored rows: open visits, rooms in order, capacityLevel. */
  async function headcountFromRows(venueId: string): Promise<Omit<HeadcountDto, 'at'>> {
    const db = t.database.db;
    const rooms = await db.selectFrom('rooms').select(['id', 'capacity']).where('venueId', '=', venueId).orderBy('name').orderBy('id').execute();
    const open = await db.selectFrom('visits').select(['roomId', 'memberId', 'guests']).where('venueId', '=', venueId).where('checkedOutAt', 'is', null).execute();
    const people = (roomId: string | null) =>
      open.filter((v) => roomId === null || v.roomId === roomId).reduce((n, v) => n + (v.memberId ? 1 : 0) + v.guests, 0);
    return {
      venueId,
      total: people(null),
      rooms: rooms.map((r) => ({ roomId: r.id, count: people(r.id), capacity: r.capacity, level: capacityLevel(people(r.id), r.capacity) })),
    };
  }

  function expectHeadcountShape(headcount: HeadcountDto): void {
    expect(Object.keys(headcount).sort()).toEqual(HEADCOUNT_FIELDS);
    for (const room of headcount.rooms) expect(Object.keys(room).sort()).toEqual(ROOM_FIELDS);
    expect(Value.Check(HeadcountSchema, headcount), JSON.stringify(headcount)).toBe(true);
    expect(new Date(headcount.at).toISOString()).toBe(headcount.at);
  }

  async function expectHeadcount(headcount: HeadcountDto): Promise<void> {
    expectHeadcountShape(headcount);
    const { at: _at, ...counted } = headcount;
    expect(counted).toEqual(await headcountFromRows(headcount.venueId));
  }

  const checkInAs = (input: CheckInInput, key = randomUUID()) => checkIn(t.database.db, admin, key, input);

  it('answers with visits and headcounts equal to what TypeScript makes, and appends the events events.ts makes', async () => {
    const db = t.database.db;
    await t.app.dispatcher.idle();
    const startSeq = t.app.dispatcher.emittedThrough;

    const key = randomUUID();
    const first = await checkInAs({ venueId: venueA, memberId: member, roomId: roomA1 }, key);
    expect(first.moved).toBeNull();
    await expectVisit(first.visit);
    await expectHeadcount(first.headcount);

    const replay = await checkInAs({ venueId: venueA, memberId: member, roomId: roomA1 }, key);
    expect(replay.replayed).toBe(true);
    expect(replay.visit).toEqual(first.visit);

    // Within the venue: the earlier visit ends (moved) in the same statement.
    const inA2 = await checkInAs({ venueId: venueA, memberId: member, roomId: roomA2 });
    await expectVisit(inA2.visit);
    await expectVisit(inA2.moved!);
    expect(inA2.moved).toMatchObject({ id: first.visit.id, endedReason: 'moved' });
    await expectHeadcount(inA2.headcount);

    // To another venue: the statement asks for that venue's events and is called again in the same write.
    const inB = await checkInAs({ venueId: venueB, memberId: member, roomId: roomB1 });
    await expectVisit(inB.visit);
    await expectVisit(inB.moved!);
    expect(inB.moved).toMatchObject({ id: inA2.visit.id, venueId: venueA, endedReason: 'moved' });
    await expectHeadcount(inB.headcount);
    expect(inB.headcount.rooms).toEqual([{ roomId: roomB1, count: 1, capacity: 1, level: 'full' }]);

    const guests = await checkInAs({ venueId: venueA, guests: 9, roomId: roomA1 });
    await expectVisit(guests.visit);
    await expectHeadcount(guests.headcount);
    expect(guests.headcount.rooms.find((r) => r.roomId === roomA1)).toMatchObject({ count: 9, level: 'warning' });

    const out = await checkOut(db, admin, guests.visit.id);
    await expectVisit(out.visit);

    await t.app.dispatcher.idle();
    const rows = await db.selectFrom('outbox').select(['topic', 'type', 'data']).where('seq', '>', startSeq).orderBy('seq').execute();
    const created = (visit: VisitDto) => ({ topic: venueTopic(visit.venueId), type: 'checkin.created', data: { visit } });
    const visitEvents = rows.filter((r) => r.type !== 'headcount.changed');
    expect(visitEvents).toEqual([
      created(first.visit),
      checkinEnded(inA2.moved!),
      created(inA2.visit),
      checkinEnded(inB.moved!),
      created(inB.visit),
      created(guests.visit),
      checkinEnded(out.visit),
    ]);
    for (const event of visitEvents) {
      expect(Object.keys(event.data as object)).toEqual(['visit']);
      expect(Object.keys((event.data as { visit: object }).visit).sort()).toEqual(VISIT_FIELDS);
    }

    // Late headcounts, computed when numbered: on both venues the move touched, each fitting the schema, and
    // the last of each venue counts what is stored now.
    const headcounts = rows.filter((r) => r.type === 'headcount.changed');
    expect(new Set(headcounts.map((r) => r.topic))).toEqual(new Set([venueTopic(venueA), venueTopic(venueB)]));
    for (const venueId of [venueA, venueB]) {
      const mine = headcounts.filter((r) => r.topic === venueTopic(venueId)).map((r) => r.data as HeadcountDto);
      for (const headcount of mine) expectHeadcountShape(headcount);
      await expectHeadcount(mine.at(-1)!);
    }
  });

  it('grades rooms in SQL (capacity_level) exactly as capacityLevel does', async () => {
    const grid = await sql<{ n: number; capacity: number; level: string }>`
      select n, c as capacity, capacity_level(n, c) as level from generate_series(0, 45) n, generate_series(0, 40) c`.execute(t.database.db);
    expect(grid.rows).toHaveLength(46 * 41);
    const differing = grid.rows.filter((r) => r.level !== capacityLevel(r.n, r.capacity));
    expect(differing).toEqual([]);
  });
});
