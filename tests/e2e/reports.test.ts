/**
 * The reports page (统计报表) in a browser. Over the API: a centre of its own with two rooms, three members
 * (离休, 退休, 原市级领导), a class with an expected number, five check-ins (two to the class, one with two
 * guests, one walk-in guest) and a table-tennis match played. Then:
 * - an admin opens 统计报表, picks the centre, and sees the year's figures (6 人次, 3 members, 3 guests), the
 *   year chart, the busiest rooms, the weekday × hour map adding up to the same 6, the class against its
 *   expected number, the match; downloads a CSV (BOM, Chinese header); and prints the yearly summary
 *   (年度统计报表): in print media only the sheet shows, and it is one A4 page;
 * - a coordinator of that centre sees only their centre;
 * - no page logs an error: a Content-Security-Policy violation (charts, SVG, print) would be one.
 */
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpSignIn, type ServerProcess } from '../support/processes.ts';
import { chromiumPath, openSuite, signInPage } from './browser.ts';

const ADMIN_PASSWORD = 'browser-admin-pass';
const CENTRE = '报表测试中心';
const ZONE = 'Asia/Shanghai';
const SNEAKY = '<img src=x onerror=alert(1)>赵走访';

describe.runIf(chromiumPath)('the reports page in a browser', () => {
  let server: ServerProcess;
  let browser: Browser;
  let stop: (() => Promise<void>) | undefined;
  let cookie = '';
  let venueId = '';
  const collectors: string[][] = [];
  const year = Number(new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric' }).format(new Date()));

  const api = async <T>(method: string, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> => {
    const response = await fetch(`${server.url}${url}`, {
      method,
      headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      body: body === undefined ? null : JSON.stringify(body),
    });
    const json = (await response.json().catch(() => null)) as T;
    if (!response.ok) throw new Error(`${method} ${url}: ${response.status} ${JSON.stringify(json)}\n${response.status >= 500 ? server.output().slice(-3000) : ''}`);
    return json;
  };

  const signedIn = (username: string, password: string): Promise<Page> => signInPage(browser, server.url, username, password, collectors, { timezoneId: 'Europe/London', acceptDownloads: true });

  beforeAll(async () => {
    ({ server, browser, stop } = await openSuite({ ADMIN_PASSWORD }));
    cookie = await httpSignIn(server.url, 'admin', ADMIN_PASSWORD);
    venueId = (await api<{ venue: { id: string } }>('POST', '/api/venues', { name: CENTRE, timezone: ZONE })).venue.id;
    const room = async (name: string, kind: string) =>
      (await api<{ room: { id: string } }>('POST', `/api/venues/${venueId}/rooms`, { name, kind, capacity: 30 })).room.id;
    const calligraphy = await room('书画室', 'classroom');
    const tables = await room('乒乓球室', 'table_tennis');
    const member = async (name: string, category: string) => (await api<{ member: { id: string } }>('POST', '/api/members', { name, category })).member.id;
    const veteran = await member('离休甲', 'veteran');
    const retired = await member('退休乙', 'retired');
    const leader = await member('领导丙', 'leader');

    // A class on now (started ten minutes ago), expecting 10.
    const now = Date.now();
    const booked = await api<{ bookings: Array<{ id: string }> }>('POST', '/api/bookings', {
      roomId: calligraphy,
      start: new Date(now - 10 * 60_000).toISOString(),
      end: new Date(now + 80 * 60_000).toISOString(),
      title: '书法班',
      kind: 'class',
      expectedCount: 10,
    });
    const bookingId = booked.bookings[0]!.id;

    const checkIn = (body: Record<string, unknown>) => api('POST', '/api/checkins', { venueId, ...body }, { 'idempotency-key': randomUUID() });
    await checkIn({ memberId: veteran, roomId: calligraphy, bookingId });
    await checkIn({ memberId: retired, roomId: calligraphy, bookingId });
    await checkIn({ memberId: leader, roomId: tables, guests: 2 });
    await checkIn({ guests: 1 });

    // A table-tennis match played.
    const tournament = (await api<{ tournament: { id: string } }>('POST', '/api/tournaments', {
      venueId, name: '报表测试乒乓球赛', sport: 'table_tennis', format: 'round_robin', bestOf: 3,
    })).tournament.id;
    for (const name of ['选手一', '选手二']) await api('POST', `/api/tournaments/${tournament}/participants`, { name });
    await api('POST', `/api/tournaments/${tournament}/start`, {});
    const view = await api<{ matches: Array<{ id: string; status: string }> }>('GET', `/api/tournaments/${tournament}`);
    const match = view.matches.find((m) => m.status === 'ready')!;
    await api('PUT', `/api/matches/${match.id}/result`, { games: [[11, 7], [11, 9]] });

    await api('POST', '/api/users', { username: 'coordreport', password: 'coordinator-pass', role: 'coordinator', venueIds: [venueId] });

    // What the server counts (the page must show the same).
    const yearly = await api<{ visits: { visits: number; members: number; guests: number }; competitions: { matches: number; participations: number } }>(
      'GET',
      `/api/reports/yearly?year=${year}&venueId=${venueId}`,
    );
    expect(yearly.visits).toEqual({ visits: 6, members: 3, guests: 3 });
    expect(yearly.competitions).toMatchObject({ matches: 1, participations: 2 });
  });
  afterAll(async () => stop?.());

  it('shows an admin the year, the details and the yearly summary of a centre, exports CSV and prints one A4 page', async () => {
    const page = await signedIn('admin', ADMIN_PASSWORD);
    await page.getByRole('link', { name: '统计报表' }).click();
    await page.getByRole('heading', { name: '统计报表', level: 2 }).waitFor();

    // All venues at first (the demo centres and this one), then this centre alone.
    const venue = page.getByRole('combobox', { name: '场馆' });
    await expect(venue.locator('option').first().textContent()).resolves.toBe('全部场馆');
    await page.locator('[data-figure="visits"]').waitFor();
    await venue.selectOption({ label: CENTRE });
    await page.getByRole('heading', { name: `${year} 年概览：每月接待人次` }).waitFor();
    await page.waitForFunction(() => document.querySelector('[data-figure="visits"]')?.textContent === '6');
    expect(await page.locator('[data-figure="members"]').textContent()).toBe('3');
    expect(await page.locator('[data-figure="guests"]').textContent()).toBe('3');

    // The year chart: a canvas drawn by Chart.js, described for screen readers, with the table beside it.
    const chart = page.getByRole('img', { name: /每月接待人次柱状图，全年共 6 人次/ });
    await chart.waitFor();
    const drawn = await chart.locator('canvas').evaluate((c: HTMLCanvasElement) => c.width > 0 && c.height > 0);
    expect(drawn).toBe(true);
    const monthCells = await page.locator('table.year-table tbody tr td:last-child').allTextContents();
    expect(monthCells.map(Number).reduce((a, b) => a + b, 0)).toBe(6);

    // Busiest rooms: the table-tennis room (a member and two guests), the class room, the walk-in with no room.
    const rooms = page.getByRole('list', { name: '最热门的房间' }).locator('li');
    await rooms.first().waitFor();
    expect((await rooms.allTextContents()).map((s) => s.replace(/\s+/g, ' ').trim())).toEqual([
      '1 乒乓球室 3 人次',
      '2 书画室 2 人次',
      '3 未指定房间 1 人次',
    ]);

    // Busiest hours: the weekday × hour map; its table adds up to the same 6.
    await page.getByRole('img', { name: /星期与小时的接待人次热力图/ }).waitFor();
    const hourCells = await page.locator('table.heat-table tbody td').allTextContents();
    expect(hourCells.map(Number).reduce((a, b) => a + b, 0)).toBe(6);

    // The class against its expected number: 2 came of 10 expected.
    const classRow = page.locator('table.attendance-table tbody tr').filter({ hasText: '书法班' });
    await classRow.waitFor();
    expect((await classRow.locator('td').allTextContents()).slice(0, 6)).toEqual(['书画室', '1', '2', '2', '10', '20%']);
    await page.getByText('另有 4 人次签到时未选择课程或活动。').waitFor();

    // Tournaments: one match, two participations.
    const tournamentTotal = page.locator('table.tournament-table tr.total');
    await tournamentTotal.waitFor();
    expect(await tournamentTotal.locator('td').allTextContents()).toEqual(['1', '2']);

    // Nobody has been away for 8 weeks yet (all visits are today).
    await page.getByText('没有超过 8 周未到的会员。').waitFor();

    // The yearly summary on screen.
    const sheet = page.locator('article.yearly-sheet');
    await sheet.getByRole('heading', { name: `${year}年度统计报表` }).waitFor();
    await expect(sheet.locator('.sheet-centre').textContent()).resolves.toBe(CENTRE);
    const figure = async (label: string, column = 1) => (await sheet.locator('tr').filter({ has: page.getByRole('rowheader', { name: label, exact: true }) }).first().locator('td').nth(column - 1).textContent())?.trim();
    expect(await figure('接待服务人次')).toBe('6');
    expect(await figure('服务会员人数')).toBe('3');
    expect(await figure('离休干部', 2)).toBe('1');
    expect(await figure('原市级领导', 3)).toBe('1'); // the guests they brought count as guests
    expect(await figure('来宾', 3)).toBe('3');
    expect(await figure('开设课程')).toBe('1');
    expect(await figure('开设课程', 2)).toBe('2');
    expect(await figure('乒乓球', 2)).toBe('1');
    expect(await figure('乒乓球', 3)).toBe('2');

    // CSV: visits per month of the year, UTF-8 with BOM and Chinese headers.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出每月人次 CSV' }).click()]);
    expect(download.suggestedFilename()).toBe(`visits-by-month-${year}-01-01-${year + 1}-01-01.csv`);
    const bytes = await readFile((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    expect(text.split('\r\n')[0]).toBe('"月份","人次","会员人数","来宾人次"');
    expect(text).toContain('"合计","6","3","3"');
    await page.getByRole('status').filter({ hasText: `已下载 visits-by-month-${year}` }).waitFor();

    // Print: only the summary, on one A4 page.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('#app > header').isVisible()).toBe(false);
    expect(await page.getByRole('heading', { name: '最热门的房间' }).isVisible()).toBe(false);
    expect(await page.locator('form.report-filters').first().isVisible()).toBe(false);
    expect(await sheet.isVisible()).toBe(true);
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: false });
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page\b(?!s)/g) ?? [];
    expect(pages.length).toBe(1);
    await page.emulateMedia({ media: 'screen' });
    await page.context().close();
  });

  it('shows a coordinator only their centre', async () => {
    const page = await signedIn('coordreport', 'coordinator-pass');
    await page.getByRole('link', { name: '统计报表' }).click();
    await page.getByRole('heading', { name: '统计报表', level: 2 }).waitFor();
    // One centre: no venue choice, its name instead.
    await page.locator('.one-venue').filter({ hasText: CENTRE }).waitFor();
    expect(await page.getByRole('combobox', { name: '场馆' }).count()).toBe(0);
    await page.waitForFunction(() => document.querySelector('[data-figure="visits"]')?.textContent === '6');
    await expect(page.locator('article.yearly-sheet .sheet-centre').textContent()).resolves.toBe(CENTRE);
    // The demo centres' figures are not theirs to see, on the page or over the API.
    const other = (await api<{ venues: Array<{ id: string; name: string }> }>('GET', '/api/venues')).venues.find((v) => v.name !== CENTRE)!;
    const coordinator = await httpSignIn(server.url, 'coordreport', 'coordinator-pass');
    const refused = await fetch(`${server.url}/api/reports/yearly?year=${year}&venueId=${other.id}`, { headers: { cookie: coordinator } });
    expect(refused.status).toBe(403);
    // The list of members not seen lately is read on the page; downloading it (a member export) is for admins.
    await page.getByRole('heading', { name: '长期未到的会员' }).waitFor();
    expect(await page.getByRole('button', { name: '导出名单 CSV' }).count()).toBe(0);
    await page.context().close();
  });

  it('lists members not seen for the chosen number of weeks, names as text', async () => {
    // Check-ins are stamped with the time they are made, so a browser test cannot make an old visit: the
    // list's answer is stood in for here (its shape is the server's, AbsentMembersSchema); the CSV and the
    // empty answer above come from the server itself.
    const asked: string[] = [];
    const page = await signedIn('admin', ADMIN_PASSWORD);
    await page.route('**/api/reports/absent-members?*', async (route) => {
      const url = new URL(route.request().url());
      if (url.searchParams.has('format')) return route.fallback();
      asked.push(url.searchParams.get('weeks') ?? '');
      await route.fulfill({
        json: {
          weeks: Number(url.searchParams.get('weeks')),
          before: '2026-09-01T00:00:00.000Z',
          truncated: false,
          members: [
            { id: 'm1', name: SNEAKY, memberNo: 'LX001', phone: '13800000001', category: 'veteran', lastSeenAt: '2026-03-31T16:30:00.000Z', lastVenueId: venueId, weeksAbsent: 34 },
            { id: 'm2', name: '王退休', memberNo: null, phone: null, category: 'retired', lastSeenAt: '2026-06-01T02:00:00.000Z', lastVenueId: venueId, weeksAbsent: 25 },
          ],
        },
      });
    });
    await page.goto(`${server.url}/#/reports`);
    const rows = page.locator('table.absent-table tbody tr');
    await rows.first().waitFor();
    // Last visit in the venue's zone: 16:30 UTC on 31 March is 1 April in Shanghai (the browser is in London).
    expect((await rows.first().textContent())?.replace(/\s+/g, ' ')).toContain(`${SNEAKY}LX001离休138000000012026/04/0134`);
    expect(await page.locator('table.absent-table img').count()).toBe(0);
    await page.getByText('共 2 位会员超过 8 周未到。').waitFor();
    await page.getByLabel('未到时间').selectOption('26');
    await page.getByText('共 2 位会员超过 26 周未到。').waitFor();
    expect(asked).toEqual(['8', '26']);

    // The CSV is the server's (not stood in for): BOM and Chinese headers.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出名单 CSV' }).click()]);
    expect(download.suggestedFilename()).toBe('absent-members-26-weeks.csv');
    const bytes = await readFile((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8').slice(1).split('\r\n')[0]).toBe('"姓名","会员编号","电话","类别","最后到访","未到周数","最后到访场馆"');
    // The same list as an Excel workbook.
    const [workbook] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出名单 Excel' }).click()]);
    expect(workbook.suggestedFilename()).toBe('absent-members-26-weeks.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await readFile((await workbook.path())!)) as unknown as ExcelJS.Buffer);
    expect(book.worksheets[0]!.getRow(1).values).toEqual([undefined, '姓名', '会员编号', '电话', '类别', '最后到访', '未到周数', '最后到访场馆']);
    await page.context().close();
  });

  it('logs no error in any page', () => {
    expect(collectors.flat()).toEqual([]);
  });
});
