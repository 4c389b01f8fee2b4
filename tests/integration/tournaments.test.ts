/**
 * Tournaments through the API: draw, courts booked on the calendar, results checked by the sport's rules,
 * the bracket and standings following, live events, and corrections that re-propagate or flag later results.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storageAvailable } from '../support/database.ts';
import { createVenue, eventually, liveClient, signIn, startTestApp, subscribe, type TestApp } from '../support/app.ts';
import { expectError } from '../support/expect-error.ts';

interface Match {
  id: string;
  key: string;
  stage: string;
  group: string | null;
  round: number;
  sides: Array<{ participantId: string | null }>;
  status: string;
  winnerId: string | null;
  flag: string | null;
  roomId: string | null;
  scheduledAt: string | null;
}
interface View {
  tournament: { id: string; status: string };
  participants: Array<{ id: string; name: string }>;
  matches: Match[];
  standings: Array<{ group: string | null; rows: Array<{ participantId: string; rank: number; matchPoints: number }> }>;
  placings: Array<{ participantId: string; place: number }>;
}

describe.runIf(storageAvailable)('tournaments', () => {
  let t: TestApp;
  let cookie: string;
  let venueId: string;
  let tables: string[];
  const api = (method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) =>
    t.app.inject({ method, url, headers: { cookie }, ...(payload === undefined ? {} : { payload: payload as object }) });
  const view = async (id: string) => (await api('GET', `/api/tournaments/${id}`)).json() as View;
  async function tournament(body: Record<string, unknown>, players: string[]) {
    const created = await api('POST', '/api/tournaments', { venueId, ...body });
    expect(created.statusCode, created.body).toBe(201);
    const id = (created.json() as { tournament: { id: string } }).tournament.id;
    for (const [i, name] of players.entries()) {
      const added = await api('POST', `/api/tournaments/${id}/participants`, { name, seed: i < 2 ? i + 1 : undefined });
      expect(added.statusCode, added.body).toBe(201);
    }
    return id;
  }
  const win = (first: boolean) => ({ games: first ? [[11, 5], [11, 7], [11, 9]] : [[5, 11], [7, 11], [9, 11]] });

  beforeAll(async () => {
    t = await startTestApp();
    cookie = (await signIn(t, 'admin')).cookie;
    venueId = (await createVenue(t, cookie)).id;
    tables = [];
    for (const n of [1, 2]) {
      const room = await api('POST', `/api/venues/${venueId}/rooms`, { name: `球台 ${n}`, kind: 'table_tennis', capacity: 6 });
      tables.push((room.json() as { room: { id: string } }).room.id);
    }
  });
  afterAll(async () => t?.close());

  it('draws a knockout with byes to the top seeds, books the tables, and plays it to a champion', async () => {
    const id = await tournament(
      { name: '迎春乒乓球赛', sport: 'table_tennis', format: 'single_elimination', bestOf: 5, roomIds: tables, startsAt: '2026-12-05T09:00:00+08:00', matchMinutes: 30 },
      ['张三', '李四', '王五', '赵六', '孙七'],
    );
    expectError(await api('POST', '/api/tournaments/00000000-0000-4000-8000-000000000000/start'), 404, 'not_found');
    const started = await api('POST', `/api/tournaments/${id}/start`);
    expect(started.statusCode, started.body).toBe(200);
    let v = await view(id);
    expect(v.tournament.status).toBe('running');
    const seed1 = v.participants.find((p) => p.name === '张三')!.id;
    const byes = v.matches.filter((m) => m.status === 'bye');
    expect(byes.length).toBe(3);
    expect(byes.some((m) => m.winnerId === seed1)).toBe(true);
    expect(v.matches.filter((m) => m.status !== 'bye').every((m) => m.roomId && m.scheduledAt)).toBe(true);
    const booked = await t.database.db.selectFrom('bookings').select(['title', 'kind']).where('venueId', '=', venueId).execute();
    expect(booked.length).toBeGreaterThan(0);
    expect(booked.every((b) => b.kind === 'competition' && b.title.includes('迎春乒乓球赛'))).toBe(true);

    const client = await liveClient(t.url, { cookie });
    expect(await subscribe(client, `tournament:${id}`)).toMatchObject({ ok: true });
    const ready = v.matches.find((m) => m.status === 'ready')!;
    expectError(await api('PUT', `/api/matches/${ready.id}/result`, { games: [[11, 10], [11, 5], [11, 5]] }), 400, 'invalid_score');
    expectError(await api('PUT', `/api/matches/${ready.id}/result`, { games: [[11, 5], [11, 5], [11, 5], [11, 5]] }), 400, 'invalid_score');

    // Play every ready match, the first side winning, until a champion.
    for (let guard = 0; guard < 10 && v.tournament.status === 'running'; guard += 1) {
      for (const m of v.matches.filter((x) => x.status === 'ready')) {
        const answer = await api('PUT', `/api/matches/${m.id}/result`, win(true));
        expect(answer.statusCode, answer.body).toBe(200);
      }
      v = await view(id);
    }
    expect(v.tournament.status).toBe('finished');
    const listed = (await api('GET', `/api/tournaments?venueId=${venueId}`)).json() as { tournaments: Array<{ id: string; status: string }> };
    expect(listed.tournaments.find((x) => x.id === id)).toMatchObject({ status: 'finished' });
    expect(v.placings.find((p) => p.place === 1)).toBeTruthy();
    await eventually(() => client.events.some((e) => e.type === 'standings.changed'), 'standings.changed');
    await eventually(() => client.events.some((e) => e.type === 'tournament.updated'), 'tournament.updated');
    client.disconnect();
  });

  it('re-propagates a corrected result and flags a later result that no longer fits', async () => {
    const id = await tournament({ name: '更正测试赛', sport: 'table_tennis', format: 'single_elimination', bestOf: 3 }, ['甲', '乙', '丙', '丁']);
    await api('POST', `/api/tournaments/${id}/start`);
    let v = await view(id);
    const firstRound = v.matches.filter((m) => m.round === 1);
    for (const m of firstRound) await api('PUT', `/api/matches/${m.id}/result`, { games: [[11, 3], [11, 4]] });
    v = await view(id);
    const final = v.matches.find((m) => m.round === 2)!;
    expect(final.status).toBe('ready');
    expect((final.sides[0] as { from?: unknown }).from).toEqual({ kind: 'winner', key: firstRound[0]!.key });
    await api('PUT', `/api/matches/${final.id}/result`, { games: [[11, 8], [11, 9]] });

    // The first semifinal was entered the wrong way round: correct it.
    const semi = firstRound[0]!;
    const corrected = await api('PUT', `/api/matches/${semi.id}/result`, { games: [[3, 11], [4, 11]] });
    expect(corrected.statusCode, corrected.body).toBe(200);
    v = await view(id);
    const finalNow = v.matches.find((m) => m.key === final.key)!;
    expect(finalNow.sides.map((s) => s.participantId)).toContain(semi.sides[1]!.participantId);
    expect(finalNow.flag).toBe('participants_changed');
    expect(finalNow.status).toBe('ready');
    expect(v.tournament.status).toBe('running');
    const history = await t.database.db.selectFrom('matchResults').select(['supersededAt', 'enteredBy']).where('matchId', '=', semi.id).execute();
    expect(history).toHaveLength(2);
    expect(history.every((h) => h.enteredBy !== null)).toBe(true);
  });

  it('ranks a round robin by the rules and refuses to start with one player', async () => {
    const lonely = await tournament({ name: '单人赛', sport: 'table_tennis', format: 'round_robin' }, ['独行侠']);
    expectError(await api('POST', `/api/tournaments/${lonely}/start`), 409, 'conflict');

    const id = await tournament({ name: '循环赛', sport: 'table_tennis', format: 'round_robin', bestOf: 3 }, ['A', 'B', 'C']);
    await api('POST', `/api/tournaments/${id}/start`);
    let v = await view(id);
    const name = (pid: string | null) => v.participants.find((p) => p.id === pid)!.name;
    for (const m of v.matches.filter((x) => x.status === 'ready')) {
      // A beats everyone; B beats C.
      const first = name(m.sides[0]!.participantId);
      const second = name(m.sides[1]!.participantId);
      const firstWins = first === 'A' || (first === 'B' && second === 'C');
      await api('PUT', `/api/matches/${m.id}/result`, { games: firstWins ? [[11, 1], [11, 2]] : [[1, 11], [2, 11]] });
    }
    v = await view(id);
    const rows = v.standings[0]!.rows;
    expect(rows.map((r) => name(r.participantId))).toEqual(['A', 'B', 'C']);
    expect(rows.map((r) => r.matchPoints)).toEqual([4, 3, 2]);
  });

  it('scores gateball by its rules: a 4 is impossible, ties follow the tournament’s preset', async () => {
    const id = await tournament({ name: '门球友谊赛', sport: 'gateball', format: 'round_robin', tiebreak: { gateballGame: 'gates' } }, ['红队', '白队']);
    await api('POST', `/api/tournaments/${id}/start`);
    const v = await view(id);
    const match = v.matches.find((m) => m.status === 'ready')!;
    const four = await api('PUT', `/api/matches/${match.id}/result`, { balls: [[5, 4, 2, 1, 0], [5, 5, 1, 0, 0]] });
    expectError(four, 400, 'invalid_score');
    const tie = await api('PUT', `/api/matches/${match.id}/result`, { balls: [[5, 3, 3, 0, 0], [5, 5, 1, 0, 0]] });
    expect(tie.statusCode, tie.body).toBe(200);
    // 11–11: under "gates" the side with more balls through gate 3 (three) beats two.
    const done = (tie.json() as { match: Match }).match;
    expect(done.status).toBe('done');
    expect(done.winnerId).toBe(match.sides[0]!.participantId);
  });

  it('shows a live score before the match ends', async () => {
    const id = await tournament({ name: '直播测试', sport: 'table_tennis', format: 'single_elimination', bestOf: 3 }, ['左', '右']);
    await api('POST', `/api/tournaments/${id}/start`);
    const match = (await view(id)).matches.find((m) => m.status === 'ready')!;
    const live = await api('PUT', `/api/matches/${match.id}/live`, { games: [[11, 9]], current: [4, 6] });
    expect(live.statusCode, live.body).toBe(200);
    expect((live.json() as { match: Match & { live: unknown } }).match).toMatchObject({ status: 'live', live: { current: [4, 6] } });
    expectError(await api('PUT', `/api/matches/${match.id}/live`, { games: [[11, 12]] }), 400, 'invalid_score');
  });

  it('lets a draft change and go, and takes lots drawn later for players the rules leave equal', async () => {
    const draftId = await tournament({ name: '草稿赛', sport: 'table_tennis', format: 'round_robin' }, ['一', '二', '三']);
    let v = await view(draftId);
    const removed = await t.app.inject({ method: 'DELETE', url: `/api/tournaments/${draftId}/participants/${v.participants[2]!.id}`, headers: { cookie } });
    expect(removed.statusCode).toBe(204);
    const moved = await t.app.inject({ method: 'PATCH', url: `/api/tournaments/${draftId}`, headers: { cookie }, payload: { roomIds: [tables[0]], matchMinutes: 20 } });
    expect(moved.statusCode, moved.body).toBe(200);
    expect((await view(draftId)).participants).toHaveLength(2);
    expect((await t.app.inject({ method: 'DELETE', url: `/api/tournaments/${draftId}`, headers: { cookie } })).statusCode).toBe(204);
    expectError(await api('GET', `/api/tournaments/${draftId}`), 404, 'not_found');

    // A beats B, B beats C, C beats A, all 11–5 11–5: level on everything, so only a lot can separate them.
    const id = await tournament({ name: '抽签赛', sport: 'table_tennis', format: 'round_robin', bestOf: 3 }, ['A', 'B', 'C']);
    await api('POST', `/api/tournaments/${id}/start`);
    v = await view(id);
    const idOf = (n: string) => v.participants.find((p) => p.name === n)!.id;
    const beats: Record<string, string> = { A: 'B', B: 'C', C: 'A' };
    for (const m of v.matches.filter((x) => x.status === 'ready')) {
      const [first, second] = m.sides.map((s) => v.participants.find((p) => p.id === s.participantId)!.name);
      const firstWins = beats[first!] === second;
      await api('PUT', `/api/matches/${m.id}/result`, { games: firstWins ? [[11, 5], [11, 5]] : [[5, 11], [5, 11]] });
    }
    v = await view(id);
    expect(v.standings[0]!.rows.every((r) => (r as { byLot?: boolean }).byLot)).toBe(true);
    expectError(await t.app.inject({ method: 'PATCH', url: `/api/tournaments/${id}`, headers: { cookie }, payload: { matchMinutes: 10 } }), 409, 'conflict');
    // Lots are recorded through their own, checked and audited route; the settings stay fixed after the start.
    expectError(await t.app.inject({
      method: 'PATCH', url: `/api/tournaments/${id}`, headers: { cookie }, payload: { tiebreak: { lots: { [idOf('C')]: 1 } } },
    }), 409, 'conflict');
    const lots = await api('PUT', `/api/tournaments/${id}/lots`, { group: null, order: [idOf('C'), idOf('A'), idOf('B')] });
    expect(lots.statusCode, lots.body).toBe(200);
    v = await view(id);
    expect(v.standings[0]!.rows.map((r) => v.participants.find((p) => p.id === r.participantId)!.name)).toEqual(['C', 'A', 'B']);
  });

  it('plays a table tennis team event rubber by rubber, stopping at three', async () => {
    expectError(await api('POST', '/api/tournaments', { venueId, name: '门球团体', sport: 'gateball', format: 'round_robin', team: true }), 400, 'validation_failed', 'team');
    const id = await tournament({ name: '团体赛', sport: 'table_tennis', format: 'round_robin', bestOf: 3, team: true }, ['红星队', '东风队', '长青队']);
    await api('POST', `/api/tournaments/${id}/start`);
    let v = await view(id);
    const match = v.matches.find((m) => m.status === 'ready')!;
    const won = { games: [[11, 7], [11, 8]] };
    const lost = { games: [[7, 11], [8, 11]] };
    // A fourth rubber after one side has three is refused.
    expectError(await api('PUT', `/api/matches/${match.id}/result`, { rubbers: [won, won, won, lost] }), 400, 'invalid_score');
    expectError(await api('PUT', `/api/matches/${match.id}/result`, { games: [[11, 7], [11, 8]] }), 400, 'invalid_score');
    const answer = await api('PUT', `/api/matches/${match.id}/result`, { rubbers: [won, lost, won, won] });
    expect(answer.statusCode, answer.body).toBe(200);
    expect((answer.json() as { match: Match }).match).toMatchObject({ status: 'done', winnerId: match.sides[0]!.participantId });
    v = await view(id);
    const winnerRow = v.standings[0]!.rows.find((r) => r.participantId === match.sides[0]!.participantId) as Record<string, unknown>;
    expect(winnerRow).toMatchObject({ rubbersWon: 3, rubbersLost: 1 });
  });
});
