/**
 * `PUT /api/matches/:id/live` for both sports as the referee's tablets send it: a gateball game with whose turn
 * and the clock (the pad sent `turn` and `clock` and the route refused them, so the hall never saw the game),
 * bad values refused with the error shape and a Chinese sentence and nothing changed, and the live event on
 * the tournament's topic; a table tennis score whose server follows from the first server.
 */
import { isDeepStrictEqual } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storageAvailable } from '../support/database.ts';
import { createVenue, eventually, liveClient, signIn, startTestApp, subscribe, type TestApp } from '../support/app.ts';
import { expectError } from '../support/expect-error.ts';

interface Match {
  id: string;
  status: string;
  live: Record<string, unknown> | null;
  version: number;
}

describe.runIf(storageAvailable)('live scores', () => {
  let t: TestApp;
  let cookie: string;
  let venueId: string;
  const api = (method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) =>
    t.app.inject({ method, url, headers: { cookie }, ...(payload === undefined ? {} : { payload: payload as object }) });
  async function readyMatch(body: Record<string, unknown>, players: string[]): Promise<{ tournamentId: string; match: Match }> {
    const created = await api('POST', '/api/tournaments', { venueId, ...body });
    expect(created.statusCode, created.body).toBe(201);
    const tournamentId = (created.json() as { tournament: { id: string } }).tournament.id;
    for (const name of players) expect((await api('POST', `/api/tournaments/${tournamentId}/participants`, { name })).statusCode).toBe(201);
    expect((await api('POST', `/api/tournaments/${tournamentId}/start`)).statusCode).toBe(200);
    const view = (await api('GET', `/api/tournaments/${tournamentId}`)).json() as { matches: Match[] };
    return { tournamentId, match: view.matches.find((m) => m.status === 'ready')! };
  }
  const matchNow = async (tournamentId: string, id: string) =>
    ((await api('GET', `/api/tournaments/${tournamentId}`)).json() as { matches: Match[] }).matches.find((m) => m.id === id)!;

  beforeAll(async () => {
    t = await startTestApp();
    cookie = (await signIn(t, 'admin')).cookie;
    venueId = (await createVenue(t, cookie)).id;
  });
  afterAll(async () => t?.close());

  it('takes a gateball game with whose turn and the clock, puts the match in play and tells the screens', async () => {
    const { tournamentId, match } = await readyMatch({ name: '门球实时', sport: 'gateball', format: 'round_robin' }, ['红星队', '白鹤队']);
    const client = await liveClient(t.url, { cookie });
    try {
      expect(await subscribe(client, `tournament:${tournamentId}`)).toMatchObject({ ok: true });
      const at = new Date().toISOString();
      const body = { balls: [[5, 1, 0, 0, 0], [2, 0, 0, 0, 0]], turn: 4, clock: { remainingMs: 1_734_000, running: true, at }, phase: 'playing' };
      const live = await api('PUT', `/api/matches/${match.id}/live`, body);
      expect(live.statusCode, live.body).toBe(200);
      const sent = (live.json() as { match: Match }).match;
      expect(sent.status).toBe('live');
      expect(sent.live).toEqual(body);
      await eventually(
        () => client.events.some((e) => e.type === 'match.updated' && (e.data as { match: Match }).match.id === match.id &&
          isDeepStrictEqual((e.data as { match: Match }).match.live, body)),
        'match.updated with the live gateball state',
      );

      // Time up, play continues: the clock at zero, the last white ball.
      const last = { balls: [[5, 3, 0, 0, 0], [2, 1, 0, 0, 0]], turn: 6, clock: { remainingMs: 0, running: true, at }, phase: 'last_white_turn' };
      expect((await api('PUT', `/api/matches/${match.id}/live`, last)).statusCode).toBe(200);
      const before = await matchNow(tournamentId, match.id);
      expect(before.live).toEqual(last);
      await eventually(() => client.events.some((e) => isDeepStrictEqual((e.data as { match?: Match }).match?.live, last)), 'the time-up event');
      const events = client.events.length;

      // Refused, each with the error shape and a Chinese sentence for the tablet; nothing changes, nothing is sent.
      for (const [bad, zh] of [
        [{ ...last, turn: 11 }, '1 到 10'],
        [{ ...last, turn: 'red' }, '1 到 10'],
        [{ ...last, clock: { remainingMs: 31 * 60_000, running: true } }, '30 分钟'],
        [{ ...last, clock: { remainingMs: 5000 } }, 'running'],
        [{ ...last, clock: { ...last.clock, at: 'now' } }, 'ISO'],
        [{ ...last, phase: 'extra_time' }, 'extra_time'],
        [{ ...last, balls: [[5, 4, 0, 0, 0], [2, 1, 0, 0, 0]] }, '4 分'],
        [{ ...last, games: [[11, 3]] }, '乒乓球'],
      ] as const) {
        const refused = expectError(await api('PUT', `/api/matches/${match.id}/live`, bad), 400, 'invalid_score');
        expect(refused.messageZh, JSON.stringify(bad)).toContain(zh);
      }
      expectError(await api('PUT', `/api/matches/${match.id}/live`, { ...last, colour: 'red' }), 400, 'validation_failed');
      const after = await matchNow(tournamentId, match.id);
      expect(after.live).toEqual(before.live);
      expect(after.version).toBe(before.version);
      await new Promise((r) => setTimeout(r, 200));
      expect(client.events.length).toBe(events);
    } finally {
      client.close();
    }
  });

  it('keeps the table tennis server the score gives, and refuses one that contradicts it', async () => {
    const { tournamentId, match } = await readyMatch({ name: '乒乓实时', sport: 'table_tennis', format: 'single_elimination', bestOf: 3 }, ['左', '右']);
    // Side 2 served first: in game 2 side 1 serves first, so at 2–1 side 2 serves.
    const live = await api('PUT', `/api/matches/${match.id}/live`, { games: [[11, 8]], current: [2, 1], firstServer: 2 });
    expect(live.statusCode, live.body).toBe(200);
    expect((live.json() as { match: Match }).match.live).toEqual({ games: [[11, 8]], current: [2, 1], firstServer: 2, server: 2 });
    const wrong = expectError(await api('PUT', `/api/matches/${match.id}/live`, { games: [[11, 8]], current: [3, 1], firstServer: 2, server: 2 }), 400, 'invalid_score');
    expect(wrong.rule).toBe('server_mismatch');
    expectError(await api('PUT', `/api/matches/${match.id}/live`, { games: [], current: [1, 0], turn: 3 }), 400, 'invalid_score');
    expect((await matchNow(tournamentId, match.id)).live).toEqual({ games: [[11, 8]], current: [2, 1], firstServer: 2, server: 2 });
  });

  it('keeps the first server chosen before the first point (0:0), for a reopened pad or a second tablet', async () => {
    const { tournamentId, match } = await readyMatch({ name: '乒乓先发球', sport: 'table_tennis', format: 'single_elimination', bestOf: 3 }, ['甲', '乙']);
    const live = await api('PUT', `/api/matches/${match.id}/live`, { games: [], current: [0, 0], server: 2, firstServer: 2 });
    expect(live.statusCode, live.body).toBe(200);
    const stored = await matchNow(tournamentId, match.id);
    expect(stored.status).toBe('live');
    expect(stored.live).toEqual({ games: [], current: [0, 0], firstServer: 2, server: 2 });
  });
});
