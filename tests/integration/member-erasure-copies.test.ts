/**
 * Removing a member erases every copy of their name (docs/security.md "Audit log and privacy"). The attack: a
 * member removed by an admin was still listed by name in tournament entries (`GET /api/tournaments/:id` →
 * `{"memberId": <removed>, "name": "…"}`) to kiosks, hall screens and referees, in the past live events a screen
 * replays on connecting, and in the audit entry of a draw by lot. Here a member plays a finished singles
 * tournament (decided by lot), a gateball team named after them, a team they were substituted out of, and an entry
 * deleted again; is renamed; comes to a class and checks in; and is removed. Then the name (old and new), phone,
 * card, number, unit and notes appear nowhere: not in what kiosks, displays and referees read, not in the exports,
 * not in the replay, and not anywhere in the database as text. The finished tournament keeps its results under the
 * placeholder; a member who was not removed keeps their name. Members removed before the fix are scrubbed by
 * migration 202612071710 (the last test removes one the old way and runs its scrub).
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eraseCopiesOfRemovedMembers } from '../../migrations/202612071710_erase_removed_member_copies.ts';
import { eraseMemberFromLog } from '../../server/modules/audit/record.ts';
import { anonymiseMember } from '../../server/modules/members/queries.ts';
import { storageAvailable } from '../support/database.ts';
import { createVenue, eventually, liveClient, pairDevice, signIn, startTestApp, subscribe, type TestApp } from '../support/app.ts';

interface Player { memberId: string | null; name: string; ballNumber: number | null }
interface Participant { id: string; name: string; seed: number | null; players: Player[] }
interface Match { id: string; key: string; status: string; winnerId: string | null; result: unknown; sides: Array<{ participantId: string | null }> }
interface View {
  tournament: { id: string; status: string };
  participants: Participant[];
  matches: Match[];
  standings: Array<{ group: string | null; rows: Array<{ participantId: string; rank: number; byLot: boolean }> }>;
}

const PLACEHOLDER = '已删除会员';
const FIRST_NAME = '欧阳秀兰';
const RENAMED = '欧阳秀蘭';
/** Everything personal the member's row held: none of it may be found anywhere after the removal. */
const SECRETS = [FIRST_NAME, RENAMED, '13987654321', 'EM7731', 'EM-7731', '市园林局绿化科', '左耳听力弱'];

describe.runIf(storageAvailable)('a removed member’s name is erased from every copy', () => {
  let t: TestApp;
  let admin: string;
  let referee: string;
  let kiosk: string;
  let display: string;
  let venueId: string;
  let memberId: string;
  let keptId: string;
  const tournaments: Record<'singles' | 'gateball' | 'teams' | 'draft', string> = { singles: '', gateball: '', teams: '', draft: '' };
  let bookingId: string;
  let before: View;

  const api = (method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, payload?: unknown, auth: { cookie?: string; token?: string } = { cookie: admin }) =>
    t.app.inject({
      method,
      url,
      headers: auth.token ? { authorization: `Bearer ${auth.token}` } : { cookie: auth.cookie! },
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
  async function ok<T>(response: Promise<{ statusCode: number; body: string; json: () => unknown }>, status = [200, 201]): Promise<T> {
    const r = await response;
    expect(status, r.body).toContain(r.statusCode);
    return (r.body ? r.json() : undefined) as T;
  }
  const view = async (id: string, auth: { cookie?: string; token?: string } = { cookie: admin }) => ok<View>(api('GET', `/api/tournaments/${id}`, undefined, auth));
  const enter = (tournamentId: string, body: Record<string, unknown>) =>
    ok<{ participant: Participant }>(api('POST', `/api/tournaments/${tournamentId}/participants`, body)).then((r) => r.participant);
  async function tournament(body: Record<string, unknown>) {
    return (await ok<{ tournament: { id: string } }>(api('POST', '/api/tournaments', { venueId, ...body }))).tournament.id;
  }
  const checkIn = (body: Record<string, unknown>) =>
    ok<{ visit: { id: string } }>(t.app.inject({
      method: 'POST',
      url: '/api/checkins',
      headers: { authorization: `Bearer ${kiosk}`, 'idempotency-key': randomUUID() },
      payload: { venueId, ...body },
    }));

  /** Every table of the database whose row, as text, contains `text` (the strongest check: no copy anywhere). */
  async function tablesContaining(text: string): Promise<string[]> {
    const { rows: tables } = await sql<{ name: string }>`
      select table_name as name from information_schema.tables
       where table_schema = current_schema() and table_type = 'BASE TABLE' order by 1`.execute(t.database.db);
    const found: string[] = [];
    for (const { name } of tables) {
      const { rows } = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(name)} x where x::text like ${`%${text}%`}`.execute(t.database.db);
      if (Number(rows[0]!.n) > 0) found.push(name);
    }
    return found;
  }
  const leaks = (text: string) => SECRETS.filter((s) => text.includes(s));

  beforeAll(async () => {
    t = await startTestApp();
    admin = (await signIn(t, 'admin')).cookie;
    venueId = (await createVenue(t, admin)).id;
    referee = (await signIn(t, 'referee', [venueId])).cookie;
    kiosk = (await pairDevice(t, admin, venueId, 'kiosk')).token;
    display = (await pairDevice(t, admin, venueId, 'display')).token;
    const classroom = (await ok<{ room: { id: string } }>(api('POST', `/api/venues/${venueId}/rooms`, { name: '书画室', kind: 'classroom', capacity: 30 }))).room.id;

    memberId = (await ok<{ member: { id: string } }>(api('POST', '/api/members', {
      name: FIRST_NAME, memberNo: 'EM-7731', cardCode: 'EM7731', phone: '13987654321', category: 'retired', gender: 'female',
      birthMonth: '1950-03', formerUnit: '市园林局绿化科', formerPosition: '副科长', notes: '左耳听力弱',
    }))).member.id;
    keptId = (await ok<{ member: { id: string } }>(api('POST', '/api/members', { name: '司马建华', cardCode: 'EM7732' }))).member.id;

    // A singles tournament: the entry is the person. Three players each beating the next: a tie by lot.
    tournaments.singles = await tournament({ name: '冬季单打', sport: 'table_tennis', format: 'round_robin', bestOf: 3 });
    await enter(tournaments.singles, { name: FIRST_NAME, memberIds: [memberId] });
    await enter(tournaments.singles, { name: '司马建华', memberIds: [keptId] });
    await enter(tournaments.singles, { name: '来宾甲' });
    await ok(api('POST', `/api/tournaments/${tournaments.singles}/start`));
    let v = await view(tournaments.singles);
    const order = v.participants.map((p) => p.id).sort();
    for (const m of v.matches) {
      const [a, b] = m.sides.map((s) => order.indexOf(s.participantId!)) as [number, number];
      const firstWins = (b - a + 3) % 3 === 1;
      await ok(api('PUT', `/api/matches/${m.id}/result`, { games: Array.from({ length: 2 }, () => (firstWins ? [11, 5] : [5, 11])) }));
    }
    v = await view(tournaments.singles);
    expect(v.standings[0]!.rows.every((r) => r.byLot)).toBe(true);
    await ok(api('PUT', `/api/tournaments/${tournaments.singles}/lots`, { group: null, order }));

    // A gateball team named after the member, with a member who stays and a player typed by name.
    tournaments.gateball = await tournament({ name: '门球邀请赛', sport: 'gateball', format: 'round_robin' });
    await enter(tournaments.gateball, { name: `${FIRST_NAME}队`, players: [{ memberId, ballNumber: 1 }, { memberId: keptId, ballNumber: 2 }, { name: '钱阿姨', ballNumber: 3 }] });
    await enter(tournaments.gateball, { name: '西城队', players: [{ name: '孙师傅', ballNumber: 1 }] });

    // A table tennis team named after the member, who was then substituted out: its past events still name them.
    tournaments.teams = await tournament({ name: '团体赛', sport: 'table_tennis', format: 'round_robin', bestOf: 3, team: true });
    const team = await enter(tournaments.teams, { name: `东城${FIRST_NAME}队`, players: [{ memberId }, { name: '来宾乙' }] });
    await ok(api('PATCH', `/api/tournaments/${tournaments.teams}/participants/${team.id}`, { players: [{ memberId: keptId }, { name: '来宾乙' }] }));

    // An entry deleted again (its row is gone, its events stay), then the member renamed and entered anew.
    tournaments.draft = await tournament({ name: '春季单打', sport: 'table_tennis', format: 'single_elimination', bestOf: 3 });
    const deleted = await enter(tournaments.draft, { name: FIRST_NAME, memberIds: [memberId] });
    await ok(api('DELETE', `/api/tournaments/${tournaments.draft}/participants/${deleted.id}`), [204]);
    await ok(api('PATCH', `/api/members/${memberId}`, { name: RENAMED }));
    await enter(tournaments.draft, { name: `${RENAMED}（东城）`, memberIds: [memberId] });

    // A class the member attends, and a visit still open.
    bookingId = (await ok<{ bookings: Array<{ id: string }> }>(api('POST', '/api/bookings', {
      roomId: classroom, title: '书法班', start: '2031-01-06T10:00:00+08:00', end: '2031-01-06T11:30:00+08:00',
    }))).bookings[0]!.id;
    const attended = await checkIn({ memberCode: 'EM7731', bookingId });
    await ok(t.app.inject({ method: 'POST', url: `/api/checkins/${attended.visit.id}/checkout`, headers: { authorization: `Bearer ${kiosk}` } }));
    await checkIn({ memberCode: 'EM7731' });

    before = await view(tournaments.singles);
    // The attack's starting point: the names are there to be found.
    expect(JSON.stringify(before.participants)).toContain(FIRST_NAME);
    expect(await tablesContaining(FIRST_NAME)).toEqual(expect.arrayContaining(['participants', 'outbox']));
  });
  afterAll(async () => t?.close());

  it('an admin removes the member; open hall screens are told the entries’ new names', async () => {
    const screen = await liveClient(t.url, { token: display });
    expect(await subscribe(screen, `tournament:${tournaments.singles}`)).toMatchObject({ ok: true });
    const removed = await api('DELETE', `/api/members/${memberId}`);
    expect(removed.statusCode, removed.body).toBe(204);
    await eventually(() => screen.events.some((e) => e.type === 'participant.updated'), 'participant.updated on the hall screen');
    const told = screen.events.find((e) => e.type === 'participant.updated')!.data as { participant: Participant };
    expect(told.participant).toMatchObject({ name: PLACEHOLDER, players: [{ memberId, name: PLACEHOLDER, ballNumber: null }] });
    screen.disconnect();
  });

  it('kiosks, displays and referees read the placeholder in every tournament; results and standings are kept', async () => {
    for (const auth of [{ token: kiosk }, { token: display }, { cookie: referee }]) {
      const list = await api('GET', `/api/tournaments?venueId=${venueId}`, undefined, auth);
      expect(list.statusCode, list.body).toBe(200);
      expect(leaks(list.body)).toEqual([]);
      for (const id of Object.values(tournaments)) {
        const r = await api('GET', `/api/tournaments/${id}`, undefined, auth);
        expect(r.statusCode, r.body).toBe(200);
        expect(leaks(r.body), `${id} as ${JSON.stringify(auth).slice(0, 12)}`).toEqual([]);
      }
    }
    const singles = await view(tournaments.singles, { token: display });
    const entry = singles.participants.find((p) => p.players.some((pl) => pl.memberId === memberId))!;
    expect(entry).toMatchObject({ name: PLACEHOLDER, players: [{ memberId, name: PLACEHOLDER }] });
    // Same entries (ids), same matches and results, same standings: only the name changed.
    expect(singles.tournament.status).toBe(before.tournament.status);
    expect(singles.matches).toEqual(before.matches);
    expect(singles.standings).toEqual(before.standings);
    expect(singles.participants.map((p) => p.id)).toEqual(before.participants.map((p) => p.id));
    expect(singles.participants.find((p) => p.players.some((pl) => pl.memberId === keptId))).toMatchObject({ name: '司马建华' });

    const gateball = await view(tournaments.gateball, { cookie: referee });
    expect(gateball.participants.find((p) => p.players.some((pl) => pl.memberId === memberId))).toEqual(expect.objectContaining({
      name: `${PLACEHOLDER}队`,
      players: [{ memberId, name: PLACEHOLDER, ballNumber: 1 }, { memberId: keptId, name: '司马建华', ballNumber: 2 }, { memberId: null, name: '钱阿姨', ballNumber: 3 }],
    }));
    expect((await view(tournaments.teams)).participants.map((p) => p.name)).toEqual([`东城${PLACEHOLDER}队`]);
    expect((await view(tournaments.draft)).participants.map((p) => p.name)).toEqual([PLACEHOLDER]);
  });

  it('the calendar with the class they attended shows nothing of them', async () => {
    for (const auth of [{ token: kiosk }, { token: display }, { cookie: referee }, { cookie: admin }]) {
      const r = await api('GET', `/api/bookings?venueId=${venueId}&from=2031-01-06T00:00:00Z&to=2031-01-07T00:00:00Z`, undefined, auth);
      expect(r.statusCode, r.body).toBe(200);
      expect(r.body).toContain(bookingId);
      expect(leaks(r.body)).toEqual([]);
    }
  });

  it('the exports (reports and the audit log, CSV and JSON) show nothing of them; the visits still count', async () => {
    const range = `venueId=${venueId}&from=2026-01-01&to=2027-01-01`;
    const visits = await api('GET', `/api/reports/visits?${range}&groupBy=day`);
    expect(visits.statusCode, visits.body).toBe(200);
    expect((visits.json() as { total: { members: number } }).total.members).toBeGreaterThanOrEqual(1);
    for (const url of [
      `/api/reports/visits?${range}&format=csv`,
      `/api/reports/visits?${range}&groupBy=category&format=csv`,
      `/api/reports/tournaments?${range}&format=csv`,
      `/api/reports/yearly?venueId=${venueId}&year=2026`,
      `/api/reports/absent-members?venueId=${venueId}&weeks=1&format=csv`,
      '/api/audit?format=csv',
      '/api/audit?limit=200',
    ]) {
      const r = await api('GET', url);
      expect(r.statusCode, `${url}: ${r.body}`).toBe(200);
      expect(leaks(r.body), url).toEqual([]);
    }
  });

  it('a screen connecting later replays the tournaments’ past events without the name', async () => {
    const screen = await liveClient(t.url, { token: display });
    for (const id of Object.values(tournaments)) {
      const ack = await subscribe(screen, `tournament:${id}`, 0);
      expect(ack, id).toMatchObject({ ok: true });
      expect((ack as { resync?: boolean }).resync ?? false).toBe(false);
    }
    expect(await subscribe(screen, `venue:${venueId}`, 0)).toMatchObject({ ok: true });
    // The last event of the singles topic is the removal's own participant.updated: the replay reached it.
    await eventually(() => screen.events.filter((e) => e.type === 'participant.updated').length >= 2, 'replayed entry events');
    const adds = screen.events.filter((e) => e.type === 'participant.added');
    expect(adds.length).toBeGreaterThanOrEqual(7);
    expect(adds.some((e) => JSON.stringify(e.data).includes(memberId))).toBe(true);
    expect(leaks(JSON.stringify(screen.events))).toEqual([]);
    screen.disconnect();
  });

  it('no table of the database holds any of it as text', async () => {
    for (const secret of SECRETS) expect(await tablesContaining(secret), secret).toEqual([]);
    // The member who stayed keeps their name everywhere it was.
    expect(await tablesContaining('司马建华')).toEqual(expect.arrayContaining(['members', 'participants', 'outbox']));
  });

  it('the migration scrubs the copies of members removed the old way, before the fix', async () => {
    const oldName = '上官婉清';
    const id = (await ok<{ member: { id: string } }>(api('POST', '/api/members', { name: oldName, phone: '13600001111' }))).member.id;
    const singles = await tournament({ name: '旧赛', sport: 'table_tennis', format: 'round_robin', bestOf: 3 });
    await enter(singles, { name: oldName, memberIds: [id] });
    // A second removed player in the same tournament: the names are unique per tournament.
    await enter(singles, { name: '另一位', memberIds: [keptId] });
    const gateball = await tournament({ name: '旧门球赛', sport: 'gateball', format: 'round_robin' });
    await enter(gateball, { name: '上官家', players: [{ memberId: id, ballNumber: 1 }] });
    // The removal as it was before the fix: the row and the log only.
    await t.database.db.transaction().execute(async (trx) => {
      expect(await anonymiseMember(trx, id)).toBeDefined();
      await eraseMemberFromLog(trx, id);
    });
    expect(await tablesContaining(oldName)).toEqual(expect.arrayContaining(['participants', 'outbox']));
    // And the other player removed the same way, after the member above.
    await t.database.db.transaction().execute(async (trx) => {
      expect(await anonymiseMember(trx, keptId)).toBeDefined();
      await eraseMemberFromLog(trx, keptId);
    });

    await t.database.db.transaction().execute((trx) => eraseCopiesOfRemovedMembers(trx));
    expect(await tablesContaining(oldName)).toEqual([]);
    expect(await tablesContaining('13600001111')).toEqual([]);
    expect(await tablesContaining('司马建华')).toEqual([]);
    const entries = (await view(singles, { token: display })).participants;
    expect(entries.map((p) => p.name).sort()).toEqual([PLACEHOLDER, `${PLACEHOLDER} 2`]);
    expect((await view(gateball)).participants[0]).toMatchObject({ name: '上官家', players: [{ memberId: id, name: PLACEHOLDER, ballNumber: 1 }] });
    // Once more changes nothing.
    const snapshot = await t.database.db.selectFrom('participants').selectAll().orderBy('id').execute();
    await t.database.db.transaction().execute((trx) => eraseCopiesOfRemovedMembers(trx));
    expect(await t.database.db.selectFrom('participants').selectAll().orderBy('id').execute()).toEqual(snapshot);
  });
});
