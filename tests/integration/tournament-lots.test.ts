/**
 * Ties decided by lot (docs/rules.md "Lots"): no lot while a group is still being played; once a real tie remains,
 * the knockout places fed from it wait ("待抽签") until staff record the draw (PUT /api/tournaments/:id/lots), which
 * is validated, audited, told live, and correctable. And undoing a start while nothing is played.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storageAvailable } from '../support/database.ts';
import { createVenue, eventually, liveClient, signIn, startTestApp, subscribe, type TestApp } from '../support/app.ts';
import { expectError } from '../support/expect-error.ts';

interface Side { participantId: string | null; from?: { kind: string; group?: string; place?: number }; awaitingLot?: boolean }
interface Match { id: string; key: string; stage: string; group: string | null; status: string; sides: Side[] }
interface Row { participantId: string; rank: number; byLot: boolean; lotDrawn?: boolean; decidedBy: string }
interface View {
  tournament: { id: string; status: string; version: number };
  participants: Array<{ id: string; name: string }>;
  matches: Match[];
  standings: Array<{ group: string | null; rows: Row[]; complete?: boolean }>;
}

describe.runIf(storageAvailable)('ties decided by lot', () => {
  let t: TestApp;
  let cookie: string;
  let venueId: string;
  let table: string;
  const api = (method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown, as = cookie) =>
    t.app.inject({ method, url, headers: { cookie: as }, ...(payload === undefined ? {} : { payload: payload as object }) });
  const view = async (id: string) => (await api('GET', `/api/tournaments/${id}`)).json() as View;
  const games = (firstWins: boolean) => ({ games: Array.from({ length: 3 }, () => (firstWins ? [11, 5] : [5, 11])) });
  const gateball = (firstWins: boolean) => ({ score: firstWins ? [15, 10] : [10, 15] });

  async function started(body: Record<string, unknown>, names: string[]) {
    const created = await api('POST', '/api/tournaments', { venueId, ...body });
    expect(created.statusCode, created.body).toBe(201);
    const id = (created.json() as { tournament: { id: string } }).tournament.id;
    for (const name of names) expect((await api('POST', `/api/tournaments/${id}/participants`, { name })).statusCode).toBe(201);
    const start = await api('POST', `/api/tournaments/${id}/start`);
    expect(start.statusCode, start.body).toBe(200);
    return id;
  }
  /**
   * Plays the group's matches as a circle of its first three (each beats the next, the same scores): a real
   * three-way tie; a fourth player loses to all.
   */
  async function playCircle(id: string, group: string | null, result: (firstWins: boolean) => unknown, limit = Infinity) {
    const v = await view(id);
    const members = v.standings.find((s) => s.group === group)!.rows.map((r) => r.participantId).sort();
    let played = 0;
    for (const m of v.matches.filter((x) => x.group === group && x.stage !== 'knockout')) {
      if (played >= limit) break;
      const [a, b] = m.sides.map((s) => members.indexOf(s.participantId!)) as [number, number];
      const firstWins = b === 3 || (a !== 3 && (b - a + 3) % 3 === 1);
      const res = await api('PUT', `/api/matches/${m.id}/result`, result(firstWins));
      expect(res.statusCode, res.body).toBe(200);
      played += 1;
    }
    return members;
  }
  /** The group's matches won by the first-listed player of each pair, in the group's seeding order. */
  async function playClear(id: string, group: string) {
    const v = await view(id);
    const order = v.standings.find((s) => s.group === group)!.rows.map((r) => r.participantId).sort();
    for (const m of v.matches.filter((x) => x.group === group)) {
      const [a, b] = m.sides.map((s) => order.indexOf(s.participantId!));
      expect((await api('PUT', `/api/matches/${m.id}/result`, games(a! < b!))).statusCode).toBe(200);
    }
    return order;
  }
  const fedFrom = (v: View, group: string, place: number) => {
    for (const m of v.matches.filter((x) => x.stage === 'knockout')) {
      const i = m.sides.findIndex((s) => s.from?.kind === 'group_place' && s.from.group === group && s.from.place === place);
      if (i !== -1) return { match: m, side: m.sides[i]! };
    }
    throw new Error(`nothing fed from ${group}${place}`);
  };

  beforeAll(async () => {
    t = await startTestApp();
    cookie = (await signIn(t, 'admin')).cookie;
    venueId = (await createVenue(t, cookie)).id;
    const room = await api('POST', `/api/venues/${venueId}/rooms`, { name: '球台 1', kind: 'table_tennis', capacity: 6 });
    table = (room.json() as { room: { id: string } }).room.id;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('shows no lot while the group is played; the knockout waits for the draw; the recorded draw fills it', async () => {
    const id = await started(
      { name: '分组抽签赛', sport: 'table_tennis', format: 'groups_then_knockout', bestOf: 5, groupCount: 2, advancePerGroup: 2 },
      ['甲', '乙', '丙', '丁', '戊', '己', '庚', '辛'],
    );
    const client = await liveClient(t.url, { cookie });
    expect(await subscribe(client, `tournament:${id}`)).toMatchObject({ ok: true });
    // Round 1 of group A played: the two winners (and the two losers) have not met: level, never "by lot".
    await playCircle(id, 'A', games, 2);
    let v = await view(id);
    const groupA = () => v.standings.find((s) => s.group === 'A')!;
    expect(groupA().rows.some((r) => r.byLot)).toBe(false);
    expect(groupA().rows.some((r) => r.decidedBy === 'level')).toBe(true);
    const someone = groupA().rows.map((r) => r.participantId);
    expectError(await api('PUT', `/api/tournaments/${id}/lots`, { group: 'A', order: someone }), 409, 'conflict');

    const circle = (await playCircle(id, 'A', games)).slice(0, 3);
    const groupB = await playClear(id, 'B');
    v = await view(id);
    expect(groupA().complete).toBe(true);
    expect(groupA().rows.slice(0, 3).every((r) => r.byLot && r.lotDrawn === false && r.decidedBy === 'lot')).toBe(true);
    expect(groupA().rows[3]).toMatchObject({ byLot: false, rank: 4 });
    // B is decided by results: its places fill; A's wait for the draw, marked, and the match cannot start.
    expect(fedFrom(v, 'B', 1).side.participantId).toBe(groupB[0]);
    const a1 = fedFrom(v, 'A', 1);
    expect(a1.side).toMatchObject({ participantId: null, awaitingLot: true });
    expect(a1.match.status).toBe('waiting');
    expectError(await api('PUT', `/api/matches/${a1.match.id}/result`, games(true)), 409, 'conflict');

    // Not the tied players: refused with the names to list, nothing changes.
    const version = v.tournament.version;
    expectError(await api('PUT', `/api/tournaments/${id}/lots`, { group: 'A', order: circle.slice(0, 2) }), 400, 'validation_failed', 'order');
    expectError(await api('PUT', `/api/tournaments/${id}/lots`, { group: 'A', order: [circle[0], circle[1], groupB[0]] }), 400, 'validation_failed', 'order');
    expectError(await api('PUT', `/api/tournaments/${id}/lots`, { group: 'B', order: groupB.slice(0, 2) }), 409, 'conflict');
    expectError(await api('PUT', `/api/tournaments/${id}/lots`, { group: 'Z', order: circle }), 400, 'validation_failed', 'group');
    expect((await view(id)).tournament.version).toBe(version);

    const drawn = [circle[2]!, circle[0]!, circle[1]!];
    const recorded = await api('PUT', `/api/tournaments/${id}/lots`, { group: 'A', order: drawn });
    expect(recorded.statusCode, recorded.body).toBe(200);
    expect((recorded.json() as { standings: { rows: Row[] } }).standings.rows.slice(0, 3).map((r) => r.participantId)).toEqual(drawn);
    v = await view(id);
    expect(groupA().rows.slice(0, 3).map((r) => [r.participantId, r.byLot, r.lotDrawn])).toEqual(drawn.map((p) => [p, true, true]));
    expect(fedFrom(v, 'A', 1).side.participantId).toBe(drawn[0]);
    expect(fedFrom(v, 'A', 2).side.participantId).toBe(drawn[1]);
    expect(fedFrom(v, 'A', 1).side.awaitingLot).toBeUndefined();
    expect(fedFrom(v, 'A', 1).match.status).toBe('ready');
    await eventually(() => client.events.some((e) => e.type === 'standings.changed'
      && JSON.stringify(e.data).includes('"lotDrawn":true')), 'standings.changed with the draw');

    // Correctable: the order drawn again, the knockout follows.
    const again = [circle[1]!, circle[2]!, circle[0]!];
    expect((await api('PUT', `/api/tournaments/${id}/lots`, { group: 'A', order: again })).statusCode).toBe(200);
    v = await view(id);
    expect(fedFrom(v, 'A', 1).side.participantId).toBe(again[0]);

    const audit = (await api('GET', `/api/audit?entity=tournament&entityId=${id}`)).json() as {
      entries: Array<{ action: string; changes: Record<string, { from: unknown; to: unknown }>; details: Record<string, unknown> }>;
    };
    const lots = audit.entries.filter((e) => e.action === 'tournament.lot_drawn');
    expect(lots).toHaveLength(2);
    expect(lots[0]!.changes.lotOrder).toEqual({ from: drawn, to: again });
    expect(Object.values(lots[0]!.details.names as Record<string, string>).sort()).toEqual(circle.map((c) => v.participants.find((p) => p.id === c)!.name).sort());
    client.disconnect();
  });

  it('gateball: a round robin decided by its lot step takes the draw too', async () => {
    const id = await started(
      { name: '门球循环赛', sport: 'gateball', format: 'round_robin', tiebreak: { gateballStandings: ['lot'] } },
      ['红队', '白队', '蓝队'],
    );
    await playCircle(id, null, gateball, 2);
    expect((await view(id)).standings[0]!.rows.some((r) => r.byLot)).toBe(false);
    const circle = await playCircle(id, null, gateball);
    // playCircle replays the first two (corrections with the same result); all three are now played.
    const rows = (await view(id)).standings[0]!.rows;
    expect(rows.every((r) => r.byLot && !r.lotDrawn)).toBe(true);
    expectError(await api('PUT', `/api/tournaments/${id}/lots`, { group: 'A', order: circle }), 400, 'validation_failed', 'group');
    const order = [circle[1]!, circle[0]!, circle[2]!];
    expect((await api('PUT', `/api/tournaments/${id}/lots`, { group: null, order })).statusCode).toBe(200);
    expect((await view(id)).standings[0]!.rows.map((r) => r.participantId)).toEqual(order);
  });

  it('undoes a start while nothing is played, and refuses once a result exists', async () => {
    const body = { name: '撤销开赛', sport: 'table_tennis', format: 'round_robin', bestOf: 5, roomIds: [table], startsAt: '2031-03-04T01:00:00.000Z', matchMinutes: 30 };
    const id = await started(body, ['一', '二', '三']);
    const bookings = async () => ((await api('GET', `/api/bookings?venueId=${venueId}&from=2031-03-01T00:00:00.000Z&to=2031-03-10T00:00:00.000Z`)).json() as {
      bookings: Array<{ title: string; status?: string }>;
    }).bookings.filter((b) => b.title === '比赛 · 撤销开赛');
    expect(await bookings()).toHaveLength(1);
    const client = await liveClient(t.url, { cookie });
    expect(await subscribe(client, `tournament:${id}`)).toMatchObject({ ok: true });
    const undone = await api('POST', `/api/tournaments/${id}/undo-start`);
    expect(undone.statusCode, undone.body).toBe(200);
    expect((undone.json() as { tournament: { status: string } }).tournament.status).toBe('draft');
    const v = await view(id);
    expect(v.matches).toHaveLength(0);
    expect(await bookings()).toHaveLength(0);
    await eventually(() => client.events.some((e) => e.type === 'tournament.updated' && JSON.stringify(e.data).includes('"status":"draft"')), 'draft event');
    client.disconnect();
    expectError(await api('POST', `/api/tournaments/${id}/undo-start`), 409, 'conflict');
    // Start again (a fresh draw), play one match: no way back.
    expect((await api('POST', `/api/tournaments/${id}/start`)).statusCode).toBe(200);
    const ready = (await view(id)).matches.find((m) => m.status === 'ready')!;
    expect((await api('PUT', `/api/matches/${ready.id}/result`, games(true))).statusCode).toBe(200);
    expectError(await api('POST', `/api/tournaments/${id}/undo-start`), 409, 'conflict');
    expect((await view(id)).tournament.status).toBe('running');
    const audit = (await api('GET', `/api/audit?entity=tournament&entityId=${id}`)).json() as { entries: Array<{ action: string }> };
    expect(audit.entries.map((e) => e.action)).toContain('tournament.start_undone');
  });
});
