/**
 * Entering players and teams: members or typed names, a gateball team's players with their ball numbers,
 * substitutes after the start, and every change told live to `tournament:ID` (a second coordinator and the hall
 * screens follow it).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storageAvailable } from '../support/database.ts';
import { createVenue, eventually, liveClient, signIn, startTestApp, subscribe, type TestApp } from '../support/app.ts';
import { expectError } from '../support/expect-error.ts';

interface Participant { id: string; name: string; seed: number | null; players: Array<{ memberId: string | null; name: string; ballNumber: number | null }> }

describe.runIf(storageAvailable)('tournament entries', () => {
  let t: TestApp;
  let cookie: string;
  let venueId: string;
  const members: string[] = [];
  const api = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown) =>
    t.app.inject({ method, url, headers: { cookie }, ...(payload === undefined ? {} : { payload: payload as object }) });
  async function tournament(body: Record<string, unknown>) {
    const created = await api('POST', '/api/tournaments', { venueId, name: '秋季赛', ...body });
    expect(created.statusCode, created.body).toBe(201);
    return (created.json() as { tournament: { id: string } }).tournament.id;
  }

  beforeAll(async () => {
    t = await startTestApp();
    cookie = (await signIn(t, 'admin')).cookie;
    venueId = (await createVenue(t, cookie)).id;
    for (const [i, name] of ['王建国', '李秀英', '张卫东', '刘淑珍', '陈志强', '杨桂兰'].entries()) {
      const created = await api('POST', '/api/members', { name, cardCode: `QE${1000 + i}` });
      expect(created.statusCode, created.body).toBe(201);
      members.push((created.json() as { member: { id: string } }).member.id);
    }
  });
  afterAll(async () => t?.close());

  it('enters a gateball team of members and typed names with their ball numbers, told live', async () => {
    const id = await tournament({ sport: 'gateball', format: 'round_robin' });
    const watcher = await liveClient(t.url, { cookie });
    await subscribe(watcher, `tournament:${id}`);
    const added = await api('POST', `/api/tournaments/${id}/participants`, {
      name: '东城队',
      players: [{ memberId: members[0], ballNumber: 1 }, { memberId: members[1], ballNumber: 2 }, { name: ' 赵大爷 ', ballNumber: 3 }, { name: '钱阿姨', ballNumber: 4 }, { name: '孙师傅', ballNumber: 5 }],
    });
    expect(added.statusCode, added.body).toBe(201);
    const team = (added.json() as { participant: Participant }).participant;
    expect(team.players).toEqual([
      { memberId: members[0], name: '王建国', ballNumber: 1 },
      { memberId: members[1], name: '李秀英', ballNumber: 2 },
      { memberId: null, name: '赵大爷', ballNumber: 3 },
      { memberId: null, name: '钱阿姨', ballNumber: 4 },
      { memberId: null, name: '孙师傅', ballNumber: 5 },
    ]);
    await eventually(() => watcher.events.some((e) => e.type === 'participant.added' && (e.data as { participant: Participant }).participant.id === team.id), 'participant.added');

    // A member plays for one team only; the same ball twice, a nameless player, or both forms at once are refused.
    expectError(await api('POST', `/api/tournaments/${id}/participants`, { name: '西城队', players: [{ memberId: members[0] }] }), 409, 'duplicate', 'players');
    expectError(await api('POST', `/api/tournaments/${id}/participants`, { name: '西城队', players: [{ name: 'A', ballNumber: 2 }, { name: 'B', ballNumber: 2 }] }), 400, 'validation_failed', 'players');
    expectError(await api('POST', `/api/tournaments/${id}/participants`, { name: '西城队', players: [{ ballNumber: 1 }] }), 400, 'validation_failed', /players/);
    expectError(await api('POST', `/api/tournaments/${id}/participants`, { name: '西城队', memberIds: [members[2]], players: [{ memberId: members[3] }] }), 400, 'validation_failed', 'players');
    expectError(await api('POST', `/api/tournaments/${id}/participants`, { name: '西城队', players: [{ memberId: '00000000-0000-4000-8000-000000000000' }] }), 400, 'validation_failed', 'players');
    expect(((await api('GET', `/api/tournaments/${id}`)).json() as { participants: Participant[] }).participants).toHaveLength(1);

    // Before the start the name, seed and players may change; the team's own members do not clash with it.
    const renamed = await api('PATCH', `/api/tournaments/${id}/participants/${team.id}`, { name: '东城一队', seed: 1, players: [...team.players.slice(0, 4).map((p) => (p.memberId ? { memberId: p.memberId, ballNumber: p.ballNumber } : { name: p.name, ballNumber: p.ballNumber })), { memberId: members[2], ballNumber: 5 }] });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect((renamed.json() as { participant: Participant }).participant).toMatchObject({ name: '东城一队', seed: 1 });
    expect((renamed.json() as { participant: Participant }).participant.players[4]).toEqual({ memberId: members[2], name: '张卫东', ballNumber: 5 });
    await eventually(() => watcher.events.some((e) => e.type === 'participant.updated'), 'participant.updated');
    watcher.disconnect();
  });

  it('takes substitutes after the start but keeps the name and seed the draw shows', async () => {
    const id = await tournament({ sport: 'table_tennis', format: 'round_robin', bestOf: 3, team: true });
    const ids: string[] = [];
    for (const [i, name] of ['甲队', '乙队', '丙队'].entries()) {
      const added = await api('POST', `/api/tournaments/${id}/participants`, { name, players: [{ memberId: members[i * 2] }, { memberId: members[i * 2 + 1] }, { name: `${name}替补` }] });
      expect(added.statusCode, added.body).toBe(201);
      ids.push((added.json() as { participant: Participant }).participant.id);
    }
    expect((await api('POST', `/api/tournaments/${id}/start`)).statusCode).toBe(200);
    expectError(await api('POST', `/api/tournaments/${id}/participants`, { name: '丁队' }), 409, 'conflict');
    expectError(await api('PATCH', `/api/tournaments/${id}/participants/${ids[0]}`, { name: '甲队新' }), 409, 'conflict');
    expectError(await api('DELETE', `/api/tournaments/${id}/participants/${ids[0]}`), 409, 'conflict');
    const sub = await api('PATCH', `/api/tournaments/${id}/participants/${ids[0]}`, { players: [{ memberId: members[0] }, { name: '周老师' }, { name: '甲队替补' }] });
    expect(sub.statusCode, sub.body).toBe(200);
    expect((sub.json() as { participant: Participant }).participant.players.map((p) => p.name)).toEqual(['王建国', '周老师', '甲队替补']);
    expectError(await api('PATCH', `/api/tournaments/${id}/participants/00000000-0000-4000-8000-000000000000`, { players: [] }), 404, 'not_found');
    expectError(await api('PATCH', `/api/tournaments/${id}/participants/${ids[0]}`, {}), 400, 'validation_failed');
  });

  it('keeps the shorthand memberIds + ballNumbers working', async () => {
    const id = await tournament({ sport: 'gateball', format: 'round_robin' });
    const added = await api('POST', `/api/tournaments/${id}/participants`, { name: '老将队', memberIds: [members[4], members[5]], ballNumbers: [1, 2] });
    expect(added.statusCode, added.body).toBe(201);
    expect((added.json() as { participant: Participant }).participant.players.map((p) => p.ballNumber)).toEqual([1, 2]);
    expectError(await api('POST', `/api/tournaments/${id}/participants`, { name: '新队', memberIds: [members[0]], ballNumbers: [1, 2] }), 400, 'validation_failed', 'ballNumbers');
  });
});
