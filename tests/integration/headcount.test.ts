/**
 * `venue_headcount` (migration 202611291400), the one definition of who is in the building: members count 1
 * plus their guests, guest-only visits count their guests, visits without a room count in the venue total,
 * ended visits count nowhere, and each room's level is `warning` from 90 % of its capacity, `full` from 100 %.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storageAvailable } from '../support/database.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { computeHeadcount } from '../../server/modules/checkins/headcount.ts';

describe.runIf(storageAvailable)('venue_headcount', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t?.close());

  it('counts members, guests and roomless visits, and grades each room against its capacity', async () => {
    const db = t.database.db;
    const venue = await db.insertInto('venues').values({ name: '测试中心', timezone: 'Asia/Shanghai' }).returning('id').executeTakeFirstOrThrow();
    const room = (name: string, capacity: number) =>
      db.insertInto('rooms').values({ venueId: venue.id, name, kind: 'classroom', capacity }).returning('id').executeTakeFirstOrThrow();
    const small = await room('A 小教室', 10);
    const big = await room('B 大礼堂', 200);
    const empty = await room('C 书画室', 5);
    const members = await db
      .insertInto('members')
      .values(Array.from({ length: 12 }, (_, i) => ({ name: `会员${i}`, cardCode: `HC${i}` })))
      .returning('id')
      .execute();
    const visit = (memberId: string | null, roomId: string | null, guests = 0, ended = false) => ({
      venueId: venue.id, memberId, roomId, guests, ...(ended ? { checkedOutAt: sql<string>`now()`, endedReason: 'checkout' as const } : {}),
    });
    await db.insertInto('visits').values([
      // Small room: 8 members + one with a guest = 10 of 10 → full.
      ...members.slice(0, 8).map((m) => visit(m.id, small.id)),
      visit(members[8]!.id, small.id, 1),
      // Big room: 3 guests without a member, and one ended visit that must not count.
      visit(null, big.id, 3),
      visit(members[9]!.id, big.id, 0, true),
      // In the building, no room chosen.
      visit(members[10]!.id, null, 2),
    ]).execute();

    const headcount = await computeHeadcount(db, venue.id);
    expect(headcount.venueId).toBe(venue.id);
    expect(headcount.total).toBe(10 + 3 + 3);
    expect(headcount.rooms).toEqual([
      { roomId: small.id, count: 10, capacity: 10, level: 'full' },
      { roomId: big.id, count: 3, capacity: 200, level: 'ok' },
      { roomId: empty.id, count: 0, capacity: 5, level: 'ok' },
    ]);
    expect(new Date(headcount.at).toString()).not.toBe('Invalid Date');

    // 9 of 10 is the warning threshold; 179 of 200 is not yet (90 % = 180).
    await db.updateTable('visits').set({ checkedOutAt: sql<string>`now()`, endedReason: 'checkout' }).where('memberId', '=', members[8]!.id).execute();
    await db.insertInto('visits').values(visit(null, big.id, 176)).execute();
    let rooms = (await computeHeadcount(db, venue.id)).rooms;
    expect(rooms.map((r) => [r.count, r.level])).toEqual([[8, 'ok'], [179, 'ok'], [0, 'ok']]);
    await db.insertInto('visits').values([visit(members[11]!.id, small.id), visit(null, big.id, 1)]).execute();
    rooms = (await computeHeadcount(db, venue.id)).rooms;
    expect(rooms.map((r) => [r.count, r.level])).toEqual([[9, 'warning'], [180, 'warning'], [0, 'ok']]);
  });

  it('answers an empty venue with zeros, not an error', async () => {
    const db = t.database.db;
    const venue = await db.insertInto('venues').values({ name: '空中心', timezone: 'Asia/Shanghai' }).returning('id').executeTakeFirstOrThrow();
    const headcount = await computeHeadcount(db, venue.id);
    expect(headcount).toMatchObject({ venueId: venue.id, total: 0, rooms: [] });
  });
});
