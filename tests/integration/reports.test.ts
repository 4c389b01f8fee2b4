/**
 * Reports (docs/api.md "Reports"): figures equal the visits they count — guests, moved visits and visits past
 * midnight included — grouped by each venue's own local day (Shanghai and New York side by side), the same whether
 * read from the monthly roll-up or from the visits, kept right when the past changes; who may read which venues;
 * range caps; CSV for Excel; and a small generated city whose figures add up.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { XLSX_MEDIA_TYPE } from '../../server/lib/xlsx.ts';
import { localDateOf, addDays } from '../../server/shared/zoned-time.ts';
import { rollUp } from '../../server/modules/reports/rollup.ts';
import { HistoryRefused, seedHistory } from '../../server/seed/history.ts';
import { storageAvailable } from '../support/database.ts';
import { createVenue, pairDevice, signIn, startTestApp, type TestApp } from '../support/app.ts';
import { expectError } from '../support/expect-error.ts';

interface Counts {
  visits: number;
  members: number;
  guests: number;
}
interface Report {
  groupBy: string;
  rows: Array<Counts & { key: string; label?: string; expected?: number | null; start?: string; kind?: string }>;
  total: Counts;
}

describe.runIf(storageAvailable)('reports', () => {
  let t: TestApp;
  let admin: string;
  let shanghai: string;
  let newYork: string;
  let roomA1: string;
  let roomA2: string;
  let roomB: string;
  let classId: string;
  let emptyClassId: string;
  const m: Record<'veteran' | 'retired' | 'leader' | 'other', string> = { veteran: '', retired: '', leader: '', other: '' };

  const get = (url: string, cookie = admin, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers: { cookie, ...headers } });
  const report = async (query: string, cookie = admin): Promise<Report> => {
    const response = await get(`/api/reports/visits?${query}`, cookie);
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as Report;
  };
  const row = (r: Report, key: string) => r.rows.find((x) => x.key === key);
  const visit = (venueId: string, at: string, values: { member?: string; guests?: number; room?: string; booking?: string; out?: string; reason?: 'checkout' | 'moved' | 'closing' }) =>
    t.database.db
      .insertInto('visits')
      .values({
        venueId,
        memberId: values.member ?? null,
        guests: values.guests ?? 0,
        roomId: values.room ?? null,
        bookingId: values.booking ?? null,
        checkedInAt: at,
        checkedOutAt: values.out ?? null,
        endedReason: values.out ? (values.reason ?? 'checkout') : null,
      })
      .execute();
  /** Person-visits, distinct members and guests of the stored visits that began in [from, to) instants. */
  const raw = async (venueIds: string[], from: string, to: string): Promise<Counts> => {
    const rows = await t.database.db
      .selectFrom('visits')
      .select(['memberId', 'guests'])
      .where('venueId', 'in', venueIds)
      .where('checkedInAt', '>=', new Date(from))
      .where('checkedInAt', '<', new Date(to))
      .execute();
    return {
      visits: rows.reduce((n, v) => n + (v.memberId ? 1 : 0) + v.guests, 0),
      members: new Set(rows.flatMap((v) => (v.memberId ? [v.memberId] : []))).size,
      guests: rows.reduce((n, v) => n + v.guests, 0),
    };
  };

  beforeAll(async () => {
    t = await startTestApp();
    admin = (await signIn(t, 'admin')).cookie;
    shanghai = (await createVenue(t, admin, '报表测试 · 上海时区')).id;
    const ny = await t.app.inject({ method: 'POST', url: '/api/venues', headers: { cookie: admin }, payload: { name: '报表测试 · 纽约时区', timezone: 'America/New_York' } });
    expect(ny.statusCode, ny.body).toBe(201);
    newYork = (ny.json() as { venue: { id: string } }).venue.id;
    const room = async (venueId: string, name: string) => {
      const r = await t.app.inject({ method: 'POST', url: `/api/venues/${venueId}/rooms`, headers: { cookie: admin }, payload: { name, kind: 'classroom', capacity: 40 } });
      expect(r.statusCode, r.body).toBe(201);
      return (r.json() as { room: { id: string } }).room.id;
    };
    roomA1 = await room(shanghai, '书画室');
    roomA2 = await room(shanghai, '棋牌室');
    roomB = await room(newYork, '活动室');
    for (const category of ['veteran', 'retired', 'leader', 'other'] as const) {
      m[category] = (await t.database.db.insertInto('members').values({ name: `会员${category}`, category, cardCode: `RPT-${category}` }).returning('id').executeTakeFirstOrThrow()).id;
    }
    const booking = (during: string, title: string) =>
      t.database.db
        .insertInto('bookings')
        .values({ venueId: shanghai, roomId: roomA1, during, title, kind: 'class', expectedCount: 20 })
        .returning('id')
        .executeTakeFirstOrThrow()
        .then((b) => b.id);
    classId = await booking('[2026-03-12T01:00:00Z,2026-03-12T02:30:00Z)', '书法班');
    emptyClassId = await booking('[2026-03-13T01:00:00Z,2026-03-13T02:30:00Z)', '国画班');

    // Shanghai (UTC+8). 10 March: the retired member in 书画室 at 09:00, moves to 棋牌室 at 10:00 (two visits);
    // the veteran with two guests from 23:30 to 00:40 the next day (past midnight: still the 10th).
    await visit(shanghai, '2026-03-10T01:00:00Z', { member: m.retired, room: roomA1, out: '2026-03-10T02:00:00Z', reason: 'moved' });
    await visit(shanghai, '2026-03-10T02:00:00Z', { member: m.retired, room: roomA2, out: '2026-03-10T05:00:00Z' });
    await visit(shanghai, '2026-03-10T15:30:00Z', { member: m.veteran, guests: 2, room: roomA2, out: '2026-03-10T16:40:00Z' });
    // 00:10 on the 11th in Shanghai is still the 10th in UTC: three walk-in guests.
    await visit(shanghai, '2026-03-10T16:10:00Z', { guests: 3, out: '2026-03-10T17:00:00Z', reason: 'closing' });
    // The class on the 12th: the leader and the retired member.
    await visit(shanghai, '2026-03-12T00:55:00Z', { member: m.leader, room: roomA1, booking: classId, out: '2026-03-12T02:35:00Z' });
    await visit(shanghai, '2026-03-12T00:58:00Z', { member: m.retired, room: roomA1, booking: classId, out: '2026-03-12T02:35:00Z' });
    // New York (UTC-4 after 8 March): 21:30 on the 10th is 01:30 UTC on the 11th; the retired member again.
    await visit(newYork, '2026-03-11T01:30:00Z', { member: m.retired, room: roomB, out: '2026-03-11T03:00:00Z' });
    await visit(newYork, '2026-03-11T12:00:00Z', { member: m.other, room: roomB, out: '2026-03-11T14:00:00Z' });
    // February, for the month grouping and the ten-year range.
    await visit(newYork, '2026-02-02T15:00:00Z', { member: m.other, guests: 1, out: '2026-02-02T16:00:00Z' });
  });
  afterAll(async () => t?.close());

  it('counts person-visits by each venue’s local day: guests, moves and visits past midnight included', async () => {
    const march = await report('from=2026-03-01&to=2026-04-01&groupBy=day');
    expect(march.rows).toHaveLength(31);
    // 10 March: the two visits of the move, the veteran and two guests (Shanghai), the 21:30 visit (New York).
    expect(row(march, '2026-03-10')).toEqual({ key: '2026-03-10', visits: 6, members: 2, guests: 2 });
    // 11 March: the walk-ins at 00:10 Shanghai time, the morning visit in New York.
    expect(row(march, '2026-03-11')).toEqual({ key: '2026-03-11', visits: 4, members: 1, guests: 3 });
    expect(row(march, '2026-03-12')).toEqual({ key: '2026-03-12', visits: 2, members: 2, guests: 0 });
    expect(row(march, '2026-03-13')).toEqual({ key: '2026-03-13', visits: 0, members: 0, guests: 0 });
    // The total is the stored visits of the month in each zone, counted by hand.
    const byHand = [
      await raw([shanghai], '2026-02-28T16:00:00Z', '2026-03-31T16:00:00Z'),
      await raw([newYork], '2026-03-01T05:00:00Z', '2026-04-01T04:00:00Z'),
    ];
    expect(march.total).toEqual({ visits: 12, members: 4, guests: 5 });
    expect(march.total.visits).toBe(byHand[0]!.visits + byHand[1]!.visits);
    expect(march.total.guests).toBe(byHand[0]!.guests + byHand[1]!.guests);
    expect(march.rows.reduce((n, r) => n + r.visits, 0)).toBe(march.total.visits);

    // One venue: its own day boundaries.
    const ny = await report(`venueId=${newYork}&from=2026-03-01&to=2026-04-01&groupBy=day`);
    expect(ny.rows.filter((r) => r.visits > 0).map((r) => [r.key, r.visits])).toEqual([['2026-03-10', 1], ['2026-03-11', 1]]);
    // Instants instead of dates: the same visits, still keyed by local day.
    const instants = await report(`venueId=${shanghai}&from=2026-03-10T16:00:00Z&to=2026-03-11T16:00:00Z&groupBy=day`);
    expect(instants.rows).toEqual([{ key: '2026-03-11', visits: 3, members: 0, guests: 3 }]);
  });

  it('every grouping adds up to the same total', async () => {
    const base = 'from=2026-03-01&to=2026-04-01';
    const total = (await report(`${base}&groupBy=day`)).total;
    for (const groupBy of ['week', 'month', 'hour', 'weekday_hour', 'room', 'category', 'booking', 'venue']) {
      const r = await report(`${base}&groupBy=${groupBy}`);
      expect(r.total, groupBy).toEqual(total);
      expect(r.rows.reduce((n, x) => n + x.visits, 0), groupBy).toBe(total.visits);
      expect(r.rows.reduce((n, x) => n + x.guests, 0), groupBy).toBe(total.guests);
    }
    const weeks = await report(`${base}&groupBy=week`);
    expect(weeks.rows.map((r) => r.key)).toEqual(['2026-02-23', '2026-03-02', '2026-03-09', '2026-03-16', '2026-03-23', '2026-03-30']);
    expect(row(weeks, '2026-03-09')).toMatchObject({ label: '2026-W11', visits: 12 });
    const hours = await report(`venueId=${shanghai}&${base}&groupBy=weekday_hour`);
    // Tuesday 10 March 09:00 and 10:00, 23:00; Wednesday 00:00; Thursday 08:00 (the class).
    expect(hours.rows.map((r) => r.key)).toEqual(['2-09', '2-10', '2-23', '3-00', '4-08']);
    expect(row(hours, '2-23')).toMatchObject({ label: '周二 23:00', visits: 3 });
    const categories = await report(`${base}&groupBy=category`);
    expect(categories.rows.map((r) => [r.key, r.label, r.visits, r.members])).toEqual([
      ['veteran', '离休干部', 1, 1],
      ['retired', '退休干部', 4, 1],
      ['leader', '原市级领导', 1, 1],
      ['other', '其他会员', 1, 1],
      ['guest', '来宾', 5, 0],
    ]);
    const rooms = await report(`venueId=${shanghai}&${base}&groupBy=room`);
    expect(rooms.rows.map((r) => [r.label, r.visits])).toEqual([['书画室', 3], ['棋牌室', 4], ['未指定房间', 3]].sort((a, b) => (b[1] as number) - (a[1] as number)));
    const bookings = await report(`venueId=${shanghai}&${base}&groupBy=booking`);
    expect(bookings.rows.map((r) => [r.key, r.label, r.visits, r.expected])).toEqual([
      [classId, '书法班', 2, 20],
      [emptyClassId, '国画班', 0, 20],
      ['none', '未登记活动', 8, undefined],
    ]);
  });

  it('reads whole months from the roll-up with the same figures, and forgets a month when its past changes', async () => {
    const query = 'from=2026-01-01&to=2026-05-01&groupBy=month';
    rollUp.enabled = false;
    const fromVisits = await Promise.all([report(query), report(`${query.replace('month', 'category')}`), report(query.replace('month', 'venue'))]);
    rollUp.enabled = true;
    const rolled = await Promise.all([report(query), report(`${query.replace('month', 'category')}`), report(query.replace('month', 'venue'))]);
    expect(rolled).toEqual(fromVisits);
    const months = await t.database.db.selectFrom('reportMonths').select(['venueId', 'month']).where('venueId', 'in', [shanghai, newYork]).execute();
    expect(months.length).toBe(8);
    expect(row(rolled[0], '2026-02')).toEqual({ key: '2026-02', visits: 2, members: 1, guests: 1 });

    // A visit recorded late into March (an import): March is forgotten and counted again.
    await visit(shanghai, '2026-03-20T02:00:00Z', { member: m.leader, guests: 1, out: '2026-03-20T03:00:00Z' });
    expect(row(await report(query), '2026-03')).toEqual({ key: '2026-03', visits: 14, members: 4, guests: 6 });
    // A corrected category shows at once (categories are read when the report runs).
    await t.database.db.updateTable('members').set({ category: 'retired' }).where('id', '=', m.other).execute();
    const categories = await report(query.replace('month', 'category'));
    expect(row(categories, 'other')).toBeUndefined();
    expect(row(categories, 'retired')).toMatchObject({ members: 2 });
    await t.database.db.updateTable('members').set({ category: 'other' }).where('id', '=', m.other).execute();
    // Check-outs do not touch the roll-up; a venue's new zone forgets its months.
    const before = await t.database.db.selectFrom('reportMonths').select('month').where('venueId', '=', newYork).execute();
    await t.database.db.updateTable('visits').set({ checkedOutAt: '2026-03-11T15:00:00Z' }).where('venueId', '=', newYork).where('checkedInAt', '=', new Date('2026-03-11T12:00:00Z')).execute();
    expect(await t.database.db.selectFrom('reportMonths').select('month').where('venueId', '=', newYork).execute()).toHaveLength(before.length);
    const rezone = await t.app.inject({ method: 'PATCH', url: `/api/venues/${newYork}`, headers: { cookie: admin }, payload: { timezone: 'Asia/Urumqi' } });
    expect(rezone.statusCode, rezone.body).toBe(200);
    expect(await t.database.db.selectFrom('reportMonths').select('month').where('venueId', '=', newYork).execute()).toHaveLength(0);
    // In Urumqi (UTC+6) the 01:30 UTC visit of 11 March is 07:30 on the 11th.
    const urumqi = await report(`venueId=${newYork}&from=2026-03-01&to=2026-04-01&groupBy=day`);
    expect(urumqi.rows.filter((r) => r.visits > 0).map((r) => r.key)).toEqual(['2026-03-11']);
    const back = await t.app.inject({ method: 'PATCH', url: `/api/venues/${newYork}`, headers: { cookie: admin }, payload: { timezone: 'America/New_York' } });
    expect(back.statusCode, back.body).toBe(200);
    rollUp.enabled = false;
    const again = await report(query);
    rollUp.enabled = true;
    expect(await report(query)).toEqual(again);
  });

  it('counts today’s check-ins as they are made: a move is a visit in each room, a second tap none', async () => {
    const today = localDateOf(new Date(), 'Asia/Shanghai');
    const range = `venueId=${shanghai}&from=${today}&to=${addDays(today, 1)}`;
    const checkIn = async (body: Record<string, unknown>) => {
      const r = await t.app.inject({ method: 'POST', url: '/api/checkins', headers: { cookie: admin, 'idempotency-key': randomUUID() }, payload: { venueId: shanghai, ...body } });
      expect(r.statusCode, r.body).toBe(201);
    };
    await checkIn({ memberId: m.retired, roomId: roomA1 });
    await checkIn({ memberId: m.retired, roomId: roomA1 });
    await checkIn({ memberId: m.retired, roomId: roomA2 });
    await checkIn({ guests: 2 });
    const r = await report(`${range}&groupBy=room`);
    expect(r.total).toEqual({ visits: 4, members: 1, guests: 2 });
    expect(r.rows.map((x) => [x.key, x.visits]).sort()).toEqual([['none', 2], [roomA1, 1], [roomA2, 1]].sort());
  });

  it('lets a coordinator read only their venues, and nobody else', async () => {
    const coordinator = (await signIn(t, 'coordinator', [newYork])).cookie;
    expectError(await get(`/api/reports/visits?venueId=${shanghai}&from=2026-03-01&to=2026-04-01`, coordinator), 403, 'forbidden');
    expectError(await get(`/api/reports/yearly?venueId=${shanghai}&year=2026`, coordinator), 403, 'forbidden');
    expectError(await get(`/api/reports/absent-members?venueId=${shanghai}&weeks=4`, coordinator), 403, 'forbidden');
    expectError(await get(`/api/reports/tournaments?venueId=${shanghai}&from=2026-01-01&to=2027-01-01`, coordinator), 403, 'forbidden');
    // Without a venue: their own venue only.
    const own = await report('from=2026-03-01&to=2026-04-01&groupBy=venue', coordinator);
    expect(own.rows.map((r) => r.key)).toEqual([newYork]);
    const referee = (await signIn(t, 'referee', [shanghai])).cookie;
    expectError(await get('/api/reports/visits?from=2026-03-01&to=2026-04-01', referee), 403, 'forbidden');
    const kiosk = await pairDevice(t, admin, shanghai, 'kiosk');
    const asKiosk = await t.app.inject({ method: 'GET', url: `/api/reports/visits?venueId=${shanghai}&from=2026-03-01&to=2026-04-01`, headers: { authorization: `Bearer ${kiosk.token}` } });
    expectError(asKiosk, 403, 'forbidden');
    expectError(await t.app.inject({ method: 'GET', url: '/api/reports/visits?from=2026-03-01&to=2026-04-01' }), 401, 'unauthenticated');
  });

  it('refuses ranges that are missing, reversed or too long, naming the field', async () => {
    expectError(await get('/api/reports/visits?to=2026-04-01'), 400, 'validation_failed', 'from');
    expectError(await get('/api/reports/visits?from=2026-04-01&to=2026-03-01'), 400, 'validation_failed', 'to');
    expectError(await get('/api/reports/visits?from=2025-01-01&to=2026-01-03&groupBy=day'), 400, 'validation_failed', 'to');
    expectError(await get('/api/reports/visits?from=2025-01-01&to=2026-01-03&groupBy=booking'), 400, 'validation_failed', 'to');
    expect((await get('/api/reports/visits?from=2016-01-01&to=2026-01-01&groupBy=month')).statusCode).toBe(200);
    expectError(await get('/api/reports/visits?from=2015-01-01&to=2026-01-01&groupBy=month'), 400, 'validation_failed', 'to');
    expectError(await get('/api/reports/visits?from=2026-01-01&to=2026-02-01&groupBy=year'), 400, 'validation_failed', 'groupBy');
    expectError(await get('/api/reports/visits?from=yesterday&to=2026-02-01'), 400, 'validation_failed', 'from');
    expectError(await get('/api/reports/visits?from=2026-01-01&to=2026-02-01&venueId=nope'), 400, 'validation_failed', 'venueId');
    expectError(await get('/api/reports/yearly?year=26'), 400, 'validation_failed', 'year');
    expectError(await get('/api/reports/absent-members?weeks=0'), 400, 'validation_failed', 'weeks');
  });

  it('answers CSV with a BOM and Chinese headers for Excel', async () => {
    const response = await get(`/api/reports/visits?from=2026-03-01&to=2026-04-01&groupBy=day`, admin, { accept: 'text/csv' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toContain('attachment; filename="visits-by-day-2026-03-01-2026-04-01.csv"');
    const bytes = response.rawPayload;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe('"日期","人次","会员人数","来宾人次"');
    expect(lines).toContain('"2026-03-10","6","2","2"');
    expect(lines.at(-1)).toMatch(/^"合计","\d+","\d+","\d+"$/);
    const rooms = await get(`/api/reports/visits?venueId=${shanghai}&from=2026-03-01&to=2026-04-01&groupBy=room&format=csv`);
    expect(rooms.body.slice(1).split('\r\n')[0]).toBe('"房间","人次","会员人数","来宾人次","编号"');
    expect(rooms.body).toContain('"书画室",');
    const absent = await get(`/api/reports/absent-members?weeks=4&format=csv`);
    expect(absent.body.slice(1).split('\r\n')[0]).toBe('"姓名","会员编号","电话","类别","最后到访","未到周数","最后到访场馆"');
  });

  it('answers an Excel workbook that a reader opens, with the same figures as the JSON', async () => {
    const json = await report('from=2026-03-01&to=2026-04-01&groupBy=day');
    const asks: Array<{ query: string; headers: Record<string, string> }> = [{ query: '&format=xlsx', headers: {} }, { query: '', headers: { accept: XLSX_MEDIA_TYPE } }];
    for (const ask of asks) {
      const response = await get(`/api/reports/visits?from=2026-03-01&to=2026-04-01&groupBy=day${ask.query}`, admin, ask.headers);
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe(XLSX_MEDIA_TYPE);
      expect(response.headers['content-disposition']).toContain('filename="visits-by-day-2026-03-01-2026-04-01.xlsx"');
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(response.rawPayload as unknown as ExcelJS.Buffer);
      const sheet = book.worksheets[0]!;
      expect(sheet.getRow(1).values).toEqual([undefined, '日期', '人次', '会员人数', '来宾人次']);
      expect(sheet.rowCount).toBe(json.rows.length + 2);
      const last = sheet.getRow(sheet.rowCount).values as unknown[];
      expect(last).toEqual([undefined, '合计', json.total.visits, json.total.members, json.total.guests]);
    }
  });

  it('exports the list of members not seen lately only to admins; coordinators read it on the page', async () => {
    const coordinator = (await signIn(t, 'coordinator', [shanghai])).cookie;
    expect((await get(`/api/reports/absent-members?venueId=${shanghai}&weeks=4`, coordinator)).statusCode).toBe(200);
    for (const format of ['csv', 'xlsx']) {
      const refused = expectError(await get(`/api/reports/absent-members?venueId=${shanghai}&weeks=4&format=${format}`, coordinator), 403, 'forbidden');
      expect(refused.message).toMatch(/Only admins may export/);
    }
    expectError(await get(`/api/reports/absent-members?venueId=${shanghai}&weeks=4`, coordinator, { accept: 'text/csv' }), 403, 'forbidden');
    expect((await get(`/api/reports/absent-members?venueId=${shanghai}&weeks=4&format=xlsx`)).statusCode).toBe(200);
  });

  it('lists members not seen for N weeks, longest absent first', async () => {
    const response = await get(`/api/reports/absent-members?weeks=4`);
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json() as { members: Array<{ id: string; lastVenueId: string; weeksAbsent: number }> };
    // The retired member checked in today; the others were last seen in March.
    expect(body.members.map((x) => x.id).sort()).toEqual([m.veteran, m.leader, m.other].sort());
    expect(body.members.find((x) => x.id === m.other)).toMatchObject({ lastVenueId: newYork });
    expect(body.members.every((x) => x.weeksAbsent >= 4)).toBe(true);
    const ny = (await get(`/api/reports/absent-members?weeks=4&venueId=${newYork}`)).json() as { members: Array<{ id: string }> };
    expect(ny.members.map((x) => x.id).sort()).toEqual([m.retired, m.other].sort());
  });

  it('generates a small city whose figures add up, and refuses to mix it with real activity', async () => {
    await expect(seedHistory(t.database.db, { years: 1, scale: 0.02, append: false, seed: 3, timezone: 'Asia/Shanghai' })).rejects.toBeInstanceOf(HistoryRefused);
    const history = await seedHistory(t.database.db, { years: 1, scale: 0.02, append: true, seed: 3, timezone: 'Asia/Shanghai' });
    expect(history.visits).toBeGreaterThan(1000);
    expect(history.matches).toBeGreaterThan(0);
    const moved = await t.database.db.selectFrom('visits').select(sql<number>`count(*)::int`.as('n')).where('endedReason', '=', 'moved').executeTakeFirstOrThrow();
    expect(moved.n).toBeGreaterThan(0);

    // The year by month equals the visits of that year, counted venue by venue in each venue's zone.
    const year = Number(history.to.slice(0, 4));
    const from = `${year}-01-01`;
    const to = `${year + 1}-01-01`;
    const venues = await t.database.db.selectFrom('venues').select(['id', 'timezone']).execute();
    let byHand = 0;
    for (const v of venues) {
      const bounds = await sql<{ a: Date; b: Date }>`select (${from}::date::timestamp at time zone ${v.timezone}) as a, (${to}::date::timestamp at time zone ${v.timezone}) as b`.execute(t.database.db);
      byHand += (await raw([v.id], bounds.rows[0]!.a.toISOString(), bounds.rows[0]!.b.toISOString())).visits;
    }
    const months = await report(`from=${from}&to=${to}&groupBy=month`);
    expect(months.total.visits).toBe(byHand);
    const yearly = await get(`/api/reports/yearly?year=${year}`);
    expect(yearly.statusCode, yearly.body).toBe(200);
    const summary = yearly.json() as {
      visits: Counts;
      categories: Array<Counts & { key: string }>;
      register: Array<{ category: string; members: number }>;
      competitions: { matches: number; participations: number; sports: Array<{ matches: number }> };
      activities: Array<{ kind: string; sessions: number; attendance: number }>;
    };
    expect(summary.visits).toEqual(months.total);
    expect(summary.categories.reduce((n, c) => n + c.visits, 0)).toBe(summary.visits.visits);
    expect(summary.register.find((r) => r.category === 'retired')!.members).toBeGreaterThan(0);
    expect(summary.activities.find((a) => a.kind === 'class')!.sessions).toBeGreaterThan(0);
    // Matches played that year, by hand: done, both sides, not a walkover, at their time in the venue's zone.
    const played = await sql<{ n: number }>`
      select count(*)::int as n from matches m join tournaments t on t.id = m.tournament_id join venues v on v.id = t.venue_id
       where m.status = 'done' and m.side1 is not null and m.side2 is not null and coalesce(m.result -> 'outcome' ->> 'kind', '') <> 'walkover'
         and extract(year from coalesce(m.scheduled_at, t.starts_at) at time zone v.timezone) = ${year}`.execute(t.database.db);
    expect(summary.competitions.matches).toBe(played.rows[0]!.n);
    expect(summary.competitions.sports.reduce((n, s) => n + s.matches, 0)).toBe(summary.competitions.matches);
    const tournaments = await get(`/api/reports/tournaments?from=${from}&to=${to}&groupBy=month`);
    expect((tournaments.json() as { total: { matches: number } }).total.matches).toBe(played.rows[0]!.n);
  });
});
