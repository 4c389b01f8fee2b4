/**
 * A full club day through the API: 32 table tennis players in eight groups then a knockout on eight tables, and
 * twelve gateball teams in a round robin on four courts. Nobody is scheduled twice at once, group places feed
 * the knockout (group mates never meet in its first round), and the day ends with final standings.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storageAvailable } from '../support/database.ts';
import { createVenue, signIn, startTestApp, type TestApp } from '../support/app.ts';

interface Match {
  id: string;
  stage: string;
  group: string | null;
  round: number;
  sides: Array<{ participantId: string | null }>;
  status: string;
  roomId: string | null;
  scheduledAt: string | null;
}
interface View {
  tournament: { status: string };
  participants: Array<{ id: string; name: string }>;
  matches: Match[];
  standings: Array<{ group: string | null; rows: Array<{ participantId: string; rank: number }> }>;
  placings: Array<{ participantId: string; place: number }>;
}

describe.runIf(storageAvailable)('a tournament day', () => {
  let t: TestApp;
  let cookie: string;
  let venueId: string;
  const api = (method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) =>
    t.app.inject({ method, url, headers: { cookie }, ...(payload === undefined ? {} : { payload: payload as object }) });
  const view = async (id: string) => (await api('GET', `/api/tournaments/${id}`)).json() as View;
  async function rooms(kind: string, count: number): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 1; i <= count; i += 1) {
      const room = await api('POST', `/api/venues/${venueId}/rooms`, { name: `${kind}-${i}`, kind, capacity: 10 });
      ids.push((room.json() as { room: { id: string } }).room.id);
    }
    return ids;
  }
  async function create(body: Record<string, unknown>, players: number): Promise<string> {
    const created = await api('POST', '/api/tournaments', { venueId, ...body });
    const id = (created.json() as { tournament: { id: string } }).tournament.id;
    for (let i = 1; i <= players; i += 1) {
      const added = await api('POST', `/api/tournaments/${id}/participants`, { name: `选手${i}`, ...(i <= 8 ? { seed: i } : {}) });
      expect(added.statusCode, added.body).toBe(201);
    }
    const started = await api('POST', `/api/tournaments/${id}/start`);
    expect(started.statusCode, started.body).toBe(200);
    return id;
  }
  /** No participant is in two matches that overlap in time. */
  function noDoubleBooking(matches: Match[], minutes: number) {
    const busy = new Map<string, number[]>();
    for (const m of matches) {
      if (!m.scheduledAt) continue;
      for (const side of m.sides) if (side.participantId) busy.set(side.participantId, [...(busy.get(side.participantId) ?? []), Date.parse(m.scheduledAt)]);
    }
    for (const starts of busy.values()) {
      const sorted = starts.sort((a, b) => a - b);
      for (let i = 1; i < sorted.length; i += 1) expect(sorted[i]! - sorted[i - 1]!).toBeGreaterThanOrEqual(minutes * 60_000);
    }
  }

  beforeAll(async () => {
    t = await startTestApp();
    cookie = (await signIn(t, 'admin')).cookie;
    venueId = (await createVenue(t, cookie)).id;
  });
  afterAll(async () => t?.close());

  it('runs 32 players in eight groups then a knockout on eight tables to final standings', async () => {
    const tables = await rooms('table_tennis', 8);
    const id = await create(
      { name: '全市老干部乒乓球赛', sport: 'table_tennis', format: 'groups_then_knockout', bestOf: 3, groupCount: 8, advancePerGroup: 2, roomIds: tables, startsAt: '2026-12-12T08:30:00+08:00', matchMinutes: 20 },
      32,
    );
    let v = await view(id);
    expect(v.standings).toHaveLength(8);
    expect(v.matches.filter((m) => m.stage === 'group')).toHaveLength(48);
    expect(new Set(v.matches.map((m) => m.roomId)).size).toBe(8);
    noDoubleBooking(v.matches.filter((m) => m.stage === 'group'), 20);

    const groupOf = new Map(v.standings.flatMap((s) => s.rows.map((r) => [r.participantId, s.group])));
    for (let guard = 0; guard < 20 && v.tournament.status === 'running'; guard += 1) {
      for (const m of v.matches.filter((x) => x.status === 'ready')) {
        const answer = await api('PUT', `/api/matches/${m.id}/result`, { games: [[11, 6], [9, 11], [11, 8]] });
        expect(answer.statusCode, answer.body).toBe(200);
      }
      v = await view(id);
      const firstKnockout = v.matches.filter((m) => m.stage === 'knockout' && m.round === 1 && m.sides.every((s) => s.participantId));
      for (const m of firstKnockout) expect(groupOf.get(m.sides[0]!.participantId!)).not.toBe(groupOf.get(m.sides[1]!.participantId!));
    }
    expect(v.tournament.status).toBe('finished');
    expect(v.placings.filter((p) => p.place === 1)).toHaveLength(1);
    expect(v.placings.filter((p) => p.place === 2)).toHaveLength(1);
    expect(v.standings.every((s) => s.rows.map((r) => r.rank).join() === '1,2,3,4')).toBe(true);
  });

  it('runs twelve gateball teams in a round robin on four courts', async () => {
    const courts = await rooms('gateball_court', 4);
    const id = await create({ name: '门球联赛', sport: 'gateball', format: 'round_robin', roomIds: courts, startsAt: '2026-12-13T08:00:00+08:00', matchMinutes: 40 }, 12);
    let v = await view(id);
    expect(v.matches).toHaveLength(66);
    noDoubleBooking(v.matches, 40);
    let n = 0;
    for (const m of v.matches.filter((x) => x.status === 'ready')) {
      n += 1;
      // Varied but valid scores: every ball 0, 1, 2, 3 or 5.
      const balls = n % 3 === 0 ? [[5, 5, 3, 2, 0], [5, 3, 3, 1, 0]] : n % 3 === 1 ? [[2, 2, 1, 0, 0], [5, 5, 5, 3, 0]] : [[5, 3, 3, 0, 0], [5, 5, 1, 0, 0]];
      const answer = await api('PUT', `/api/matches/${m.id}/result`, { balls });
      expect(answer.statusCode, answer.body).toBe(200);
    }
    v = await view(id);
    expect(v.tournament.status).toBe('finished');
    expect(v.standings[0]!.rows.map((r) => r.rank)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
  });
});
