/**
 * Report exports as people open them (docs/guide-reports.md "导出"): a booking's start and a member's last visit in the
 * venue's own time ("2026-01-08 15:00"), never a UTC string; kinds of activity in words (讲座), not codes; in
 * XLSX dates are real Excel dates (with a date format) and counts are numbers.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storageAvailable } from '../support/database.ts';
import { signIn, startTestApp, type TestApp } from '../support/app.ts';

describe.runIf(storageAvailable)('report exports', () => {
  let t: TestApp;
  let admin: string;
  let venueId: string;
  const get = (url: string) => t.app.inject({ method: 'GET', url, headers: { cookie: admin } });
  const csvLines = async (url: string) => {
    const response = await get(url);
    expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
    return response.body.slice(1).trimEnd().split('\r\n');
  };
  const sheetOf = async (url: string) => {
    const response = await get(url);
    expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(response.rawPayload as unknown as ExcelJS.Buffer);
    return book.worksheets[0]!;
  };

  beforeAll(async () => {
    t = await startTestApp();
    admin = (await signIn(t, 'admin')).cookie;
    const venue = await t.app.inject({ method: 'POST', url: '/api/venues', headers: { cookie: admin }, payload: { name: '导出测试中心', timezone: 'Asia/Shanghai' } });
    venueId = (venue.json() as { venue: { id: string } }).venue.id;
    const room = await t.app.inject({ method: 'POST', url: `/api/venues/${venueId}/rooms`, headers: { cookie: admin }, payload: { name: '多功能厅', kind: 'hall', capacity: 80 } });
    const roomId = (room.json() as { room: { id: string } }).room.id;
    const booking = await t.database.db
      .insertInto('bookings')
      .values({ venueId, roomId, during: '[2026-01-08T07:00:00Z,2026-01-08T08:30:00Z)', title: '健康讲座', kind: 'lecture', expectedCount: 60 })
      .returning('id')
      .executeTakeFirstOrThrow();
    const member = await t.database.db.insertInto('members').values({ name: '杜荣', category: 'retired' }).returning('id').executeTakeFirstOrThrow();
    await t.database.db
      .insertInto('visits')
      .values({ venueId, memberId: member.id, guests: 1, roomId, bookingId: booking.id, checkedInAt: '2026-01-08T06:55:00Z', checkedOutAt: '2026-01-08T08:35:00Z', endedReason: 'checkout' })
      .execute();
  });
  afterAll(async () => t?.close());

  const byBooking = `/api/reports/visits?venueId=${'%VENUE%'}&from=2026-01-01&to=2026-02-01&groupBy=booking`;
  const url = (template: string, format: string) => `${template.replace('%VENUE%', venueId)}&format=${format}`;

  it('writes a booking start in the venue’s time and its kind in words (CSV)', async () => {
    const lines = await csvLines(url(byBooking, 'csv'));
    expect(lines[0]).toBe('"活动","开始时间","类型","预计人数","人次","会员人数","来宾人次","编号"');
    expect(lines[1]).toMatch(/^"健康讲座","2026-01-08 15:00","讲座","60","2","1","1","[0-9a-f-]{36}"$/);
    expect(lines.join('\n')).not.toMatch(/T07:00|lecture/);
  });

  it('writes real Excel dates and numbers (XLSX)', async () => {
    const sheet = await sheetOf(url(byBooking, 'xlsx'));
    const start = sheet.getCell('B2');
    expect(start.value).toBeInstanceOf(Date);
    // Excel dates have no zone: the wall clock 15:00 is what the cell holds (exceljs reads it as UTC fields).
    expect((start.value as Date).toISOString()).toBe('2026-01-08T15:00:00.000Z');
    expect(start.numFmt).toBe('yyyy-mm-dd hh:mm');
    expect(sheet.getCell('C2').value).toBe('讲座');
    expect([sheet.getCell('D2').value, sheet.getCell('E2').value, sheet.getCell('F2').value]).toEqual([60, 2, 1]);

    const days = await sheetOf(url(`/api/reports/visits?venueId=%VENUE%&from=2026-01-01&to=2026-02-01&groupBy=day`, 'xlsx'));
    expect((days.getCell('A9').value as Date).toISOString()).toBe('2026-01-08T00:00:00.000Z');
    expect(days.getCell('A9').numFmt).toBe('yyyy-mm-dd');
    expect(days.getCell('B9').value).toBe(2);
    const months = await sheetOf(url(`/api/reports/visits?venueId=%VENUE%&from=2026-01-01&to=2026-03-01&groupBy=month`, 'xlsx'));
    expect(months.getCell('A2').numFmt).toBe('yyyy-mm');
    expect((months.getCell('A2').value as Date).toISOString()).toBe('2026-01-01T00:00:00.000Z');
  });

  it('writes "last seen" of members not seen lately in the venue’s time', async () => {
    const lines = await csvLines(`/api/reports/absent-members?venueId=${venueId}&weeks=4&format=csv`);
    expect(lines[1]).toMatch(/^"杜荣","","","退休干部","2026-01-08 14:55","\d+","导出测试中心"$/);
    const sheet = await sheetOf(`/api/reports/absent-members?venueId=${venueId}&weeks=4&format=xlsx`);
    expect((sheet.getCell('E2').value as Date).toISOString()).toBe('2026-01-08T14:55:00.000Z');
    expect(typeof sheet.getCell('F2').value).toBe('number');
  });

  it('writes the file in English when asked (lang=en)', async () => {
    const lines = await csvLines(`${url(byBooking, 'csv')}&lang=en`);
    expect(lines[0]).toBe('"Activity","Start","Kind","Expected","Visits","Members","Guests","ID"');
    expect(lines[1]).toMatch(/^"健康讲座","2026-01-08 15:00","Lecture","60","2","1","1",/);
    expect(lines.at(-1)).toMatch(/^"Total",/);
  });
});
