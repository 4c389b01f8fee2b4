/**
 * The audit log (docs/security.md "Audit log and privacy"): every committed change to bookings, members, match
 * results, users and devices leaves one entry, written in the change's own transaction (a refused change leaves
 * none); entries never hold secrets; a removed member is erased from earlier entries; only admins read the log,
 * newest first by keyset pages, or as a CSV file that Excel opens safely.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storageAvailable } from '../support/database.ts';
import { createVenue, pairDevice, signIn, startTestApp, type TestApp } from '../support/app.ts';
import { expectError } from '../support/expect-error.ts';

interface Entry {
  id: string;
  at: string;
  actor: { kind: string; id: string | null; name: string };
  action: string;
  entity: { kind: string; id: string | null; label: string | null };
  venueId: string | null;
  changes: Record<string, { from: unknown; to: unknown; erased?: boolean }>;
  details: Record<string, unknown>;
}
interface Page {
  entries: Entry[];
  next: string | null;
}

describe.runIf(storageAvailable)('audit log', () => {
  let t: TestApp;
  let admin: { cookie: string; userId: string; username: string };
  let venueId: string;
  let roomId: string;

  const call = (method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, payload?: unknown, cookie = admin.cookie) =>
    t.app.inject({ method, url, headers: { cookie }, ...(payload === undefined ? {} : { payload: payload as object }) });
  const audit = async (query = '') => {
    const response = await call('GET', `/api/audit${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as Page;
  };
  const entriesFor = async (entityId: string) => (await audit(`?entityId=${entityId}&limit=200`)).entries;
  const countAll = async () => Number((await t.database.db.selectFrom('auditLog').select(t.database.db.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

  beforeAll(async () => {
    t = await startTestApp();
    admin = await signIn(t, 'admin');
    venueId = (await createVenue(t, admin.cookie)).id;
    const room = await call('POST', `/api/venues/${venueId}/rooms`, { name: '乒乓球室', kind: 'table_tennis', capacity: 8 });
    roomId = (room.json() as { room: { id: string } }).room.id;
  });
  afterAll(async () => t?.close());

  it('records a booking created, moved and cancelled, by whom, with before → after', async () => {
    const created = await call('POST', '/api/bookings', { roomId, start: '2026-12-07T09:00:00+08:00', end: '2026-12-07T10:00:00+08:00', title: '太极' });
    expect(created.statusCode, created.body).toBe(201);
    const booking = (created.json() as { bookings: Array<{ id: string; version: number }> }).bookings[0]!;
    const moved = await call('PATCH', `/api/bookings/${booking.id}`, { version: booking.version, start: '2026-12-07T10:00:00+08:00', end: '2026-12-07T11:00:00+08:00', title: '太极拳' });
    expect(moved.statusCode, moved.body).toBe(200);
    expect((await call('DELETE', `/api/bookings/${booking.id}`)).statusCode).toBe(204);

    const entries = await entriesFor(booking.id);
    expect(entries.map((e) => e.action)).toEqual(['booking.cancelled', 'booking.updated', 'booking.created']);
    for (const e of entries) {
      expect(e.actor).toEqual({ kind: 'user', id: admin.userId, name: admin.username });
      expect(e.venueId).toBe(venueId);
      expect(e.entity).toMatchObject({ kind: 'booking', id: booking.id });
    }
    const [cancelled, updated, made] = entries;
    expect(made!.changes.title).toEqual({ from: null, to: '太极' });
    expect(updated!.changes).toEqual({
      start: { from: '2026-12-07T01:00:00.000Z', to: '2026-12-07T02:00:00.000Z' },
      end: { from: '2026-12-07T02:00:00.000Z', to: '2026-12-07T03:00:00.000Z' },
      title: { from: '太极', to: '太极拳' },
    });
    expect(updated!.entity.label).toBe('太极拳');
    expect(cancelled!.changes).toEqual({ status: { from: 'confirmed', to: 'cancelled' } });
    expect(Date.parse(made!.at)).toBeLessThanOrEqual(Date.parse(cancelled!.at));
  });

  it('leaves no entry for a refused or rolled-back change', async () => {
    const first = await call('POST', '/api/bookings', { roomId, start: '2026-12-08T09:00:00+08:00', end: '2026-12-08T10:00:00+08:00', title: '书法' });
    const booking = (first.json() as { bookings: Array<{ id: string; version: number }> }).bookings[0]!;
    const before = await countAll();
    // A clash: the database refuses it inside the transaction.
    expectError(await call('POST', '/api/bookings', { roomId, start: '2026-12-08T09:30:00+08:00', end: '2026-12-08T10:30:00+08:00', title: '撞车' }), 409, 'booking_conflict');
    expectError(await call('PATCH', `/api/bookings/${booking.id}`, { version: booking.version + 5, title: '过期' }), 409, 'version_conflict');
    const member = await call('POST', '/api/members', { name: '卡号重复', cardCode: 'DUP-1' });
    expect(member.statusCode).toBe(201);
    const afterMember = await countAll();
    expect(afterMember).toBe(before + 1);
    // The unique index refuses the insert after it was tried: the transaction (and its entry) rolls back.
    expectError(await call('POST', '/api/members', { name: '另一人', cardCode: 'dup-1' }), 409, 'duplicate');
    expectError(await call('PATCH', `/api/users/${admin.userId}`, { role: 'coordinator', venueIds: [venueId] }), 409, 'conflict');
    expectError(await call('DELETE', '/api/members/00000000-0000-4000-8000-000000000000'), 404, 'not_found');
    expect(await countAll()).toBe(afterMember);
  });

  it('rolls the entry back with the change, and the change back with the entry', async () => {
    const db = t.database.db;
    // Fails at COMMIT, after the member and its entry were both written: neither may remain.
    await sql`create function audit_test_fail() returns trigger language plpgsql as $$
      begin raise exception 'refused at commit for the test'; end $$`.execute(db);
    await sql`create constraint trigger audit_test_fail_member after insert on members deferrable initially deferred
      for each row when (new.name = '提交失败') execute function audit_test_fail()`.execute(db);
    // Fails when the entry is written: the member must not remain either.
    await sql`create trigger audit_test_fail_entry before insert on audit_log
      for each row when (new.entity_label = '审计失败') execute function audit_test_fail()`.execute(db);
    try {
      const before = await countAll();
      for (const name of ['提交失败', '审计失败']) {
        const response = await call('POST', '/api/members', { name });
        expect(response.statusCode, response.body).toBe(500);
        expect(await db.selectFrom('members').select('id').where('name', '=', name).executeTakeFirst()).toBeUndefined();
      }
      expect(await countAll()).toBe(before);
    } finally {
      await sql`drop trigger audit_test_fail_entry on audit_log`.execute(db);
      await sql`drop trigger audit_test_fail_member on members`.execute(db);
      await sql`drop function audit_test_fail()`.execute(db);
    }
  });

  it('records members created, changed, imported, and erases a removed one', async () => {
    const created = await call('POST', '/api/members', { name: '李秀英', phone: '13800138000', cardCode: 'AUD-1', category: 'retired' });
    const id = (created.json() as { member: { id: string } }).member.id;
    expect((await call('PATCH', `/api/members/${id}`, { phone: '13900139000', notes: '腿脚不便' })).statusCode).toBe(200);
    let entries = await entriesFor(id);
    expect(entries.map((e) => e.action)).toEqual(['member.updated', 'member.created']);
    expect(entries[0]!.changes).toEqual({ phone: { from: '13800138000', to: '13900139000' }, notes: { from: null, to: '腿脚不便' } });
    expect(entries[1]!.entity.label).toBe('李秀英');
    expect(entries[0]!.venueId).toBeNull();

    const csv = '姓名,联系电话,会员卡号\n王建国,13700137000,IMP-1\n赵丽华,,IMP-2\n';
    const imported = await t.app.inject({ method: 'POST', url: '/api/members/import', headers: { cookie: admin.cookie, 'content-type': 'text/csv' }, payload: csv });
    expect(imported.statusCode, imported.body).toBe(200);
    const report = imported.json() as { created: Array<{ id: string; line: number }> };
    expect(report.created).toHaveLength(2);
    const importEntries = await entriesFor(report.created[0]!.id);
    expect(importEntries).toHaveLength(1);
    expect(importEntries[0]).toMatchObject({ action: 'member.created', details: { via: 'import', line: report.created[0]!.line }, entity: { label: '王建国' } });

    expect((await call('DELETE', `/api/members/${id}`)).statusCode).toBe(204);
    entries = await entriesFor(id);
    expect(entries.map((e) => e.action)).toEqual(['member.removed', 'member.updated', 'member.created']);
    expect(entries[0]!.entity).toEqual({ kind: 'member', id, label: null });
    const stored = JSON.stringify(await t.database.db.selectFrom('auditLog').selectAll().where('entityId', '=', id).execute());
    for (const personal of ['李秀英', '13800138000', '13900139000', 'AUD-1', '腿脚不便']) expect(stored).not.toContain(personal);
    // Which fields changed, and when, stays.
    expect(Object.keys(entries[1]!.changes).sort()).toEqual(['notes', 'phone']);
    expect(entries[1]!.changes.phone).toMatchObject({ erased: true });
  });

  it('records a match result and its correction', async () => {
    const made = await call('POST', '/api/tournaments', { venueId, name: '冬季乒乓球赛', sport: 'table_tennis', format: 'round_robin', bestOf: 3 });
    const tournamentId = (made.json() as { tournament: { id: string } }).tournament.id;
    for (const name of ['甲', '乙']) expect((await call('POST', `/api/tournaments/${tournamentId}/participants`, { name })).statusCode).toBe(201);
    expect((await call('POST', `/api/tournaments/${tournamentId}/start`)).statusCode).toBe(200);
    const view = (await call('GET', `/api/tournaments/${tournamentId}`)).json() as { matches: Array<{ id: string; status: string }> };
    const match = view.matches.find((m) => m.status === 'ready')!;
    const before = await countAll();
    expectError(await call('PUT', `/api/matches/${match.id}/result`, { games: [[11, 3], [4, 11], [11, 12]] }), 400, 'invalid_score');
    expect(await countAll()).toBe(before);
    expect((await call('PUT', `/api/matches/${match.id}/result`, { games: [[11, 3], [11, 5]] })).statusCode).toBe(200);
    expect((await call('PUT', `/api/matches/${match.id}/result`, { games: [[3, 11], [5, 11]] })).statusCode).toBe(200);
    const entries = await entriesFor(match.id);
    expect(entries.map((e) => e.action)).toEqual(['match.result_corrected', 'match.result_entered']);
    expect(entries[1]!.changes.result).toEqual({ from: null, to: { games: [[11, 3], [11, 5]] } });
    expect(entries[0]!.changes.result!.to).toEqual({ games: [[3, 11], [5, 11]] });
    expect(entries[0]!.changes.winnerId).toBeDefined();
    expect(entries[0]).toMatchObject({ venueId, entity: { kind: 'match' }, details: { tournamentId } });
  });

  it('records users and devices without any secret', async () => {
    const made = await call('POST', '/api/users', { username: 'auditee', password: 'a secret password 1', role: 'coordinator', venueIds: [venueId] });
    const userId = (made.json() as { user: { id: string } }).user.id;
    expect((await call('PATCH', `/api/users/${userId}`, { password: 'another secret pw 2', disabled: true })).statusCode).toBe(200);
    const userEntries = await entriesFor(userId);
    expect(userEntries.map((e) => e.action).sort()).toEqual(['user.created', 'user.disabled', 'user.password_reset']);

    const device = await call('POST', '/api/devices', { kind: 'kiosk', venueId, name: '大厅签到机' });
    const { pairingCode, device: dev } = device.json() as { pairingCode: string; device: { id: string } };
    const paired = await t.app.inject({ method: 'POST', url: '/api/devices/pair', payload: { pairingCode } });
    const token = (paired.json() as { token: string }).token;
    expect((await call('DELETE', `/api/devices/${dev.id}`)).statusCode).toBe(204);
    const deviceEntries = await entriesFor(dev.id);
    expect(deviceEntries.map((e) => e.action)).toEqual(['device.revoked', 'device.paired', 'device.created']);
    expect(deviceEntries[1]!.actor).toEqual({ kind: 'device', id: dev.id, name: '大厅签到机' });

    const hashes = await t.database.db.selectFrom('users').select('passwordHash').where('id', '=', userId).executeTakeFirstOrThrow();
    const everything = JSON.stringify(await t.database.db.selectFrom('auditLog').selectAll().execute());
    for (const secret of ['a secret password 1', 'another secret pw 2', hashes.passwordHash, pairingCode, token]) expect(everything).not.toContain(secret);
    expect(everything).not.toMatch(/passwordHash|password_hash|tokenHash|pairingCode/);
  });

  it('is for admins only', async () => {
    const coordinator = await signIn(t, 'coordinator', [venueId]);
    const referee = await signIn(t, 'referee');
    expectError(await call('GET', '/api/audit', undefined, coordinator.cookie), 403, 'forbidden');
    expectError(await call('GET', '/api/audit?format=csv', undefined, referee.cookie), 403, 'forbidden');
    const kiosk = await pairDevice(t, admin.cookie, venueId);
    expectError(await t.app.inject({ method: 'GET', url: '/api/audit', headers: { authorization: `Bearer ${kiosk.token}` } }), 403, 'forbidden');
    expectError(await t.app.inject({ method: 'GET', url: '/api/audit' }), 401, 'unauthenticated');
    expectError(await call('GET', '/api/audit?colour=blue'), 400, 'validation_failed');
    expectError(await call('GET', '/api/audit?entity=venue'), 400, 'validation_failed');
  });

  it('pages newest first by keyset and filters by venue, kind, actor and time', async () => {
    const all: Entry[] = [];
    let next: string | null = null;
    do {
      const page: Page = await audit(`?limit=3${next ? `&before=${next}` : ''}`);
      expect(page.entries.length).toBeLessThanOrEqual(3);
      all.push(...page.entries);
      next = page.next;
    } while (next);
    const ids = all.map((e) => Number(e.id));
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    expect(new Set(ids).size).toBe(ids.length);
    expect(all.length).toBe(await countAll());

    const byVenue = (await audit(`?venueId=${venueId}&limit=200`)).entries;
    expect(byVenue.length).toBeGreaterThan(0);
    expect(byVenue.every((e) => e.venueId === venueId)).toBe(true);
    const members = (await audit('?entity=member&limit=200')).entries;
    expect(members.length).toBeGreaterThan(0);
    expect(members.every((e) => e.entity.kind === 'member')).toBe(true);
    const mine = (await audit(`?actor=${admin.userId}&limit=200`)).entries;
    expect(mine.every((e) => e.actor.id === admin.userId)).toBe(true);
    const future = (await audit('?from=2099-01-01')).entries;
    expect(future).toEqual([]);
    const today = (await audit(`?from=${new Date(Date.now() - 3_600_000).toISOString()}&to=${new Date(Date.now() + 3_600_000).toISOString()}&limit=200`)).entries;
    expect(today.length).toBe(Math.min(200, all.length));
    expectError(await call('GET', '/api/audit?from=2026-12-02&to=2026-12-01'), 400, 'validation_failed', 'to');
  });

  it('exports CSV with a BOM and Chinese headers, safe against formulas and markup', async () => {
    const nasty = '=HYPERLINK("http://evil.example","点我")';
    const made = await call('POST', '/api/members', { name: nasty, notes: '<script>alert(1)</script>' });
    expect(made.statusCode, made.body).toBe(201);
    await call('POST', '/api/bookings', { roomId, start: '2026-12-09T09:00:00+08:00', end: '2026-12-09T10:00:00+08:00', title: '+1 "引号", 逗号' });

    const response = await call('GET', '/api/audit?format=csv');
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
    expect(String(response.headers['content-disposition'])).toMatch(/^attachment; filename="audit-log-\d{8}\.csv"$/);
    const bytes = response.rawPayload;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    const [header, ...lines] = text.split('\r\n').filter(Boolean);
    expect(header).toMatch(/^"时间（Asia\/Shanghai）","操作人类型","操作人","操作","对象类型","对象"/);
    // The formula is text: a leading apostrophe, quotes doubled, inside one quoted cell.
    expect(text).toContain(`"'=HYPERLINK(""http://evil.example"",""点我"")"`);
    expect(text).not.toMatch(/(^|,)"=/m);
    expect(text).toContain(`"'+1 ""引号"", 逗号"`);
    expect(text).toContain('<script>alert(1)</script>');
    expect(lines.length).toBe(await countAll());
    expect(lines[0]).toContain('新建预约');

    const byAccept = await t.app.inject({ method: 'GET', url: '/api/audit?entity=member', headers: { cookie: admin.cookie, accept: 'text/csv' } });
    expect(byAccept.headers['content-type']).toMatch(/^text\/csv/);
    expect(byAccept.body).toContain('新增会员');
    expect(byAccept.body).not.toContain('新建预约');
    const json = await t.app.inject({ method: 'GET', url: '/api/audit?limit=1', headers: { cookie: admin.cookie, accept: 'application/json' } });
    expect(json.headers['content-type']).toMatch(/^application\/json/);
  });
});
