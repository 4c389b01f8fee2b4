/**
 * Fifty coordinators grab overlapping slots of one room at the same instant (on PostgreSQL these really run
 * in parallel): exactly one booking exists afterwards, and each of the 49 refusals names it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storageAvailable } from '../support/database.ts';
import { createVenue, signIn, startTestApp, type TestApp } from '../support/app.ts';

describe.runIf(storageAvailable)('racing bookings', () => {
  let t: TestApp;
  let cookie: string;
  let roomId: string;

  beforeAll(async () => {
    t = await startTestApp();
    cookie = (await signIn(t, 'admin')).cookie;
    const venue = await createVenue(t, cookie);
    const room = await t.app.inject({ method: 'POST', url: `/api/venues/${venue.id}/rooms`, headers: { cookie }, payload: { name: '门球场', kind: 'gateball_court', capacity: 30 } });
    roomId = (room.json() as { room: { id: string } }).room.id;
  });
  afterAll(async () => t?.close());

  it('50 simultaneous overlapping requests: one booking, 49 conflicts naming it', async () => {
    // Over real HTTP, so the requests overlap on the server as they would from 50 browsers.
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        fetch(`${t.url}/api/bookings`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', cookie },
          body: JSON.stringify({
            roomId,
            title: `比赛 ${i}`,
            start: `2026-12-20T${String(8 + (i % 3)).padStart(2, '0')}:00:00+08:00`,
            end: '2026-12-20T12:00:00+08:00',
          }),
        }).then(async (r) => ({ status: r.status, body: (await r.json()) as Record<string, unknown> })),
      ),
    );
    const won = responses.filter((r) => r.status === 201);
    const lost = responses.filter((r) => r.status === 409);
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(49);
    const winner = (won[0]!.body.bookings as Array<{ id: string; title: string }>)[0]!;
    for (const loser of lost) {
      expect(loser.body.code).toBe('booking_conflict');
      expect(loser.body.conflicts).toEqual([expect.objectContaining({ id: winner.id, title: winner.title })]);
    }
    const rows = await t.database.db.selectFrom('bookings').select('id').where('roomId', '=', roomId).where('status', '=', 'confirmed').execute();
    expect(rows.map((r) => r.id)).toEqual([winner.id]);
  });
});
