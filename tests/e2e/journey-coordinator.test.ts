/**
 * The coordinator's journey (docs/guide-calendar.md), on the built apps at 1440×900 in Chinese, with screenshots
 * of the key screens under test-results/journeys/coordinator/. A coordinator signs in and sees this week's demo
 * exhibition (Monday 09:00 → Sunday 17:00, 300 expected in a hall for 150) drawn within each day's opening hours,
 * named with its dates and warned as over capacity; books a one-off after closing time (warned, still booked) and
 * a term's Tue/Thu class (only Tuesdays and Thursdays are created); sees a second coordinator's booking arrive
 * live; drags the one-off to a free time and then into a clash (refused, the clash named, one message only); looks
 * at the week by room, the month and the printed week list; and on a 390 px phone gets one room's day and the list
 * with a room picker.
 */
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpSignIn, postJson, type ServerProcess } from '../support/processes.ts';
import { chromiumPath, openSuite, signInPage } from './browser.ts';
import { journeyShots } from './screenshots.ts';

const ADMIN_PASSWORD = 'journey-admin-pass';
const PASSWORD = 'journey-coordinator-pass';
const CITY = '市老干部活动中心';
const ROOM = '阅览室';
const HALL = '书画展览厅';
const EXHIBITION = '迎新春书画作品展';
const ONE_OFF = '读书分享会';
const CLASS = '太极拳班';
const BLOCKER = '书法讲座';
const REFUSED_409 = 'wangfang console: Failed to load resource: the server responded with a status of 409 (Conflict)';
const DAY_MS = 86_400_000;

/** 'YYYY-MM-DD' plus days. */
const plusDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
/** ISO weekday (Monday 1) of a 'YYYY-MM-DD'. */
const weekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay() || 7;
/** "12月7日" of a 'YYYY-MM-DD'. */
const zhDay = (date: string) => `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;

describe.runIf(chromiumPath)('coordinator journey', () => {
  let server: ServerProcess;
  let browser: Browser;
  let stop: (() => Promise<void>) | undefined;
  const collectors: string[][] = [];

  beforeAll(async () => {
    ({ server, browser, stop } = await openSuite({ ADMIN_PASSWORD }));
  });
  afterAll(async () => stop?.());

  it('books, moves, watches a colleague, prints, and works on a phone', async () => {
    const shots = journeyShots('coordinator');
    // Two coordinators of the city centre, made by the admin.
    const admin = await httpSignIn(server.url, 'admin', ADMIN_PASSWORD);
    const get = async (cookie: string, url: string) => (await fetch(`${server.url}${url}`, { headers: { cookie } })).json();
    const venue = ((await get(admin, '/api/venues')) as { venues: Array<{ id: string; name: string; timezone: string }> }).venues.find(
      (v) => v.name === CITY,
    )!;
    expect(venue.timezone).toBe('Asia/Shanghai'); // instants below are written at +08:00
    for (const username of ['wangfang', 'liming']) {
      const made = await postJson(`${server.url}/api/users`, admin, { username, password: PASSWORD, role: 'coordinator', venueIds: [venue.id] });
      expect(made.status).toBe(201);
    }
    const rooms = ((await get(admin, `/api/venues/${venue.id}/rooms`)) as { rooms: Array<{ id: string; name: string }> }).rooms;
    const room = rooms.find((r) => r.name === ROOM)!;
    const hall = rooms.find((r) => r.name === HALL)!;

    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const monday = plusDays(today, 1 - weekday(today));
    const tomorrow = plusDays(today, 1);
    const at = (date: string, hhmm: string) => `${date}T${hhmm}:00+08:00`;
    const exhibitionSpan = `${zhDay(monday)} 09:00 – ${zhDay(plusDays(monday, 6))} 17:00`;

    // ---- Sign in: today, by room; the exhibition is today's part of a week, with its dates and a warning.
    const a = await signInPage(browser, server.url, 'wangfang', PASSWORD, collectors, { viewport: { width: 1440, height: 900 } });
    await a.addInitScript(() => {
      // The print dialog would block a headless page: count the calls instead.
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => void ((window as unknown as { printed: number }).printed += 1);
    });
    await a.reload();
    await a.locator('.fc-timegrid').waitFor();
    const exhibition = a.locator('.fc-event', { hasText: EXHIBITION });
    await exhibition.waitFor();
    // Over capacity: the ⚠ leads the first line (where a short block still shows it).
    expect(await exhibition.locator('.bk-span').textContent()).toBe(`⚠${exhibitionSpan}`);
    expect(await exhibition.locator('.bk-warn').textContent()).toContain('超出容量');
    // Today's part ends at closing time (21:00; on its last day at 17:00), not at the end of the grid.
    const part = await boxOf(exhibition);
    const ends = weekday(today) === 7 ? '17:00:00' : '21:00:00';
    const closing = (await a.locator(`td.fc-timegrid-slot-lane[data-time="${ends}"]`).boundingBox())!;
    expect(Math.abs(part.y + part.height - closing.y)).toBeLessThan(4);
    await shots.take(a, 'calendar-today');

    await exhibition.click();
    const details = a.locator('dialog[open]');
    await details.getByText(exhibitionSpan).waitFor();
    await details.getByText('共 7 天，每天按开放时间 08:00–21:00').waitFor();
    await details.getByText('预计 300 人，超过容量 150 人').waitFor();
    await shots.take(a, 'exhibition-details');
    await details.getByRole('button', { name: '关闭' }).last().click();

    // ---- A one-off after closing time for more than the room holds: both warned, still bookable.
    await a.getByRole('button', { name: '新建预订' }).click();
    let form = a.locator('dialog[open] form');
    await form.locator('input[name="title"]').fill(ONE_OFF);
    await form.locator('select[name="roomId"]').selectOption(room.id);
    await form.locator('input[name="expectedCount"]').fill('60');
    await form.locator('input[name="startDate"]').fill(tomorrow);
    await form.locator('input[name="startTime"]').fill('19:30');
    await form.locator('input[name="endTime"]').fill('22:30');
    await form.getByText('预计人数超过活动室容量（40 人）').waitFor();
    await form.getByTestId('outside-hours').filter({ hasText: '超出场馆开放时间（08:00–21:00）' }).waitFor();
    await form.getByText('这段时间可以预订。').waitFor();
    await shots.take(a, 'one-off-warnings');
    const created = a.waitForResponse((r) => r.url().endsWith('/api/bookings') && r.request().method() === 'POST');
    await form.getByRole('button', { name: '创建预订' }).click();
    const oneOffId = (((await (await created).json()) as { bookings: Array<{ id: string }> }).bookings[0]!).id;
    await a.getByRole('status').filter({ hasText: `已创建「${ONE_OFF}」` }).waitFor();
    // It is tomorrow's: the calendar goes there and highlights it, so the coordinator sees what was made.
    const oneOff = a.locator(`.fc-event[data-booking-id="${oneOffId}"]`);
    await a.locator('.range', { hasText: zhDay(tomorrow) }).waitFor();
    await a.locator(`.fc-event.is-highlighted[data-booking-id="${oneOffId}"]`).waitFor();
    // It runs to 22:30, after closing: the grid goes on (to 23:00) to show all of it rather than stopping at 22:00.
    const lastLane = a.locator('td.fc-timegrid-slot-lane[data-time="22:30:00"]');
    await lastLane.waitFor();
    // Both measured at once: the page is still scrolling smoothly to the highlighted booking.
    const gap = await a.evaluate((id) => {
      const event = document.querySelector(`.fc-event[data-booking-id="${id}"]`)!.getBoundingClientRect();
      const lane = document.querySelector('td.fc-timegrid-slot-lane[data-time="22:30:00"]')!.getBoundingClientRect();
      return event.bottom - lane.top; // the booking ends where the 22:30 row begins
    }, oneOffId);
    expect(Math.abs(gap)).toBeLessThan(4);
    await oneOff.scrollIntoViewIfNeeded();
    await shots.take(a, 'one-off-created-shown');

    // ---- A term's class on Tuesdays and Thursdays. The form opens on today's date; the start moves to a
    // Monday, then to the Tuesday after it, and Thursday is ticked: only Tue/Thu may be created.
    const nextMonday = plusDays(tomorrow, (8 - weekday(tomorrow)) % 7 || 7);
    const firstTuesday = plusDays(nextMonday, 1);
    const until = plusDays(firstTuesday, 27);
    await a.getByRole('button', { name: '新建预订' }).click();
    form = a.locator('dialog[open] form');
    await form.locator('input[name="title"]').fill(CLASS);
    await form.locator('select[name="kind"]').selectOption('class');
    await form.locator('select[name="roomId"]').selectOption(room.id);
    await form.getByLabel('每周重复').check();
    await form.locator('input[name="startDate"]').fill(nextMonday);
    await form.locator('input[name="startTime"]').fill('09:00');
    await form.locator('input[name="endTime"]').fill('10:30');
    await form.locator('input[name="startDate"]').fill(firstTuesday);
    expect(await form.locator('input[name="endDate"]').inputValue()).toBe(firstTuesday);
    await form.getByLabel('周二').check();
    await form.getByLabel('周四').check();
    await form.locator('input[name="until"]').fill(until);
    const ticked = await form.locator('.days input:checked').evaluateAll((boxes) => boxes.map((b) => (b as HTMLInputElement).name));
    expect(ticked).toEqual(['weekday-2', 'weekday-4']);
    await form.getByTestId('repeat-summary').filter({ hasText: /每周二、周四 .* 共 8 次/ }).waitFor();
    await form.getByText('共 8 次，全部可以预订。').waitFor();
    await shots.take(a, 'term-class-form');
    await form.getByRole('button', { name: '创建预订' }).click();
    await a.getByRole('status').filter({ hasText: `已创建「${CLASS}」，共 8 次。` }).waitFor();
    await a.locator('.range', { hasText: zhDay(firstTuesday) }).waitFor(); // shown at its first session
    const firstSession = a.locator('.fc-event.is-highlighted', { hasText: CLASS });
    await firstSession.waitFor();
    await firstSession.scrollIntoViewIfNeeded();
    await shots.take(a, 'term-class-shown');
    const term = (await get(
      admin,
      `/api/bookings?venueId=${venue.id}&roomId=${room.id}&from=${encodeURIComponent(at(firstTuesday, '00:00'))}&to=${encodeURIComponent(at(plusDays(until, 1), '00:00'))}`,
    )) as { bookings: Array<{ title: string; start: string }> };
    const sessions = term.bookings.filter((b) => b.title === CLASS);
    expect(sessions).toHaveLength(8);
    for (const s of sessions) expect([2, 4]).toContain(weekday(new Date(Date.parse(s.start) + 8 * 3_600_000).toISOString().slice(0, 10)));

    // ---- Tomorrow: a second coordinator books the reading room at 14:00; it appears here without a reload.
    await a.getByRole('button', { name: '今天' }).click();
    await a.getByRole('button', { name: '下一天' }).click();
    await a.locator(`.fc-event[data-booking-id="${oneOffId}"]`).waitFor();
    const other = await httpSignIn(server.url, 'liming', PASSWORD);
    const blocker = await postJson(`${server.url}/api/bookings`, other, {
      roomId: room.id,
      start: at(tomorrow, '14:00'),
      end: at(tomorrow, '15:00'),
      title: BLOCKER,
      kind: 'lecture',
      expectedCount: 60, // in a room for 40: a one-hour block over capacity
    });
    expect(blocker.status).toBe(201);
    await a.locator('.fc-event', { hasText: BLOCKER }).waitFor({ timeout: 3_000 });
    // A one-hour block over capacity shows its ⚠ in sight, at the start of its first line (not clipped away).
    const shortFlag = await a.locator('.fc-event', { hasText: BLOCKER }).evaluate((event) => {
      const flag = event.querySelector('.bk-time .bk-flag')?.getBoundingClientRect();
      const box = event.getBoundingClientRect();
      return flag ? { inside: flag.right <= box.right && flag.bottom <= box.bottom, height: box.height } : null;
    });
    expect(shortFlag).toEqual({ inside: true, height: expect.any(Number) });
    await centre(a, '14:00:00', '19:30:00');
    await shots.take(a, 'colleague-booking-arrived');

    // ---- Drag the one-off to 17:00 (moved), then onto the lecture (refused): one message, the newest.
    const patch = () => a.waitForResponse((r) => r.url().endsWith(`/api/bookings/${oneOffId}`) && r.request().method() === 'PATCH');
    let moved = patch();
    await drag(a, oneOffId, room.id, '17:00:00');
    expect((await moved).status()).toBe(200);
    // 60 expected in a room for 40: saved, but said as a warning (amber), not a plain green 已移动.
    const movedNote = a.getByRole('status').filter({ hasText: `已移动「${ONE_OFF}」。注意：预计 60 人，超过${ROOM}容量 40 人。` });
    await movedNote.waitFor();
    expect(await movedNote.getAttribute('class')).toContain('warn');
    // A short block still shows the warning: the ⚠ leads its first line, in sight.
    const flag = a.locator(`.fc-event[data-booking-id="${oneOffId}"] .bk-time .bk-flag`);
    await flag.waitFor();
    const flagBox = await boxOf(flag);
    const eventBox = await boxOf(a.locator(`.fc-event[data-booking-id="${oneOffId}"]`));
    expect(flagBox.x + flagBox.width).toBeLessThanOrEqual(eventBox.x + eventBox.width);
    expect(flagBox.y + flagBox.height).toBeLessThanOrEqual(eventBox.y + eventBox.height);
    await shots.take(a, 'moved-over-capacity');
    moved = patch();
    await drag(a, oneOffId, room.id, '14:00:00');
    expect((await moved).status()).toBe(409);
    const refusal = a.getByRole('alert').filter({ hasText: `「${ONE_OFF}」没有移动` });
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain(`「${BLOCKER}」`);
    expect(await a.locator('.messages .notice').count()).toBe(0);
    expect(await a.locator('.messages > *').count()).toBe(1);
    await a.locator(`.fc-event[data-booking-id="${oneOffId}"] .bk-time`, { hasText: /^⚠17:00/ }).waitFor();
    await shots.take(a, 'refused-drag');

    // ---- The week by room (this week's): a row per room, a column per day, all on the page; the header above the rows.
    await a.getByRole('button', { name: '今天' }).click();
    await a.getByRole('button', { name: '周 · 按活动室' }).click();
    await a.locator('.fc-timeline-slot-label').first().waitFor();
    await a.locator('.fc-event', { hasText: EXHIBITION }).first().waitFor();
    await a.evaluate(() => window.scrollTo(0, 0));
    expect(await a.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1440);
    const dayHeads = await a.locator('.fc-timeline-slot-label').allTextContents();
    expect(dayHeads).toHaveLength(7);
    expect(dayHeads.join(' ')).toContain(zhDay(monday));
    const head = (await a.locator('.fc-timeline-header').first().boundingBox())!;
    const firstRow = (await a.locator('.fc-timeline-lane[data-resource-id]').first().boundingBox())!;
    expect(head.y + head.height).toBeLessThanOrEqual(firstRow.y + 1);
    // Who is in the hall now shows at most on today's part of the exhibition, never on the days to come.
    expect(await a.locator('.fc-event', { hasText: EXHIBITION }).filter({ hasText: '现在在场' }).count()).toBeLessThanOrEqual(1);
    await shots.take(a, 'week-by-room');
    // Scrolled down: the day headings stay right under the toolbar, over the rows, with no band between.
    await a.getByRole('button', { name: '知道了' }).click();
    await a.evaluate(() => window.scrollTo(0, 700));
    const bar = await boxOf(a.locator('.sticky-bar'));
    const stuck = await boxOf(a.locator('.fc-timeline-header').first());
    expect(stuck.y).toBeGreaterThanOrEqual(bar.y + bar.height - 1);
    expect(stuck.y).toBeLessThan(bar.y + bar.height + 4);
    await shots.take(a, 'week-by-room-scrolled');

    // ---- The week's timeline: all seven days across 1440 px, no sideways scrolling; the ‹ › say 上一周 / 下一周.
    await a.getByRole('button', { name: '周 · 时间轴' }).click();
    const timelineDays = a.locator('.fc-timeline-header-row').first().locator('.fc-timeline-slot-label');
    await a.getByRole('button', { name: '下一周' }).waitFor();
    await a.getByRole('button', { name: '上一周' }).waitFor();
    expect(await timelineDays.count()).toBe(7);
    const sunday = await boxOf(timelineDays.last());
    expect(sunday.x + sunday.width).toBeLessThanOrEqual(1440);
    await a.evaluate(() => window.scrollTo(0, 0));
    await shots.take(a, 'week-timeline');

    // ---- The month: each day headed by its date, never "00:00".
    await a.getByRole('button', { name: '月 · 时间轴' }).click();
    await a.locator('.day-label').first().waitFor();
    const monthHeads = await a.locator('.fc-timeline-slot-label').allTextContents();
    expect(monthHeads.join(' ')).not.toContain('00:00');
    expect(await a.locator('.day-label-date', { hasText: /^1$/ }).count()).toBe(1);
    await shots.take(a, 'month');

    // ---- Print the week: the list, with the exhibition's dates; the browser's print was asked for.
    await a.getByRole('button', { name: '打印', exact: true }).click();
    await a.locator('.fc-list').waitFor();
    await a.waitForFunction(() => (window as unknown as { printed: number }).printed === 1);
    await a.emulateMedia({ media: 'print' });
    expect(await a.locator('.fc-list-event', { hasText: EXHIBITION }).first().locator('.bk-span').textContent()).toBe(`⚠${exhibitionSpan}`);
    expect(await a.getByRole('button', { name: '打印', exact: true }).isVisible()).toBe(false);
    await shots.take(a, 'print-week');
    await a.emulateMedia({ media: 'screen' });

    // ---- A phone: one room's day with a room picker, then the list of that room.
    const phone = await signInPage(browser, server.url, 'liming', PASSWORD, collectors, {
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    await phone.locator('.fc-timegrid').waitFor();
    await phone.getByRole('button', { name: '日 · 单个活动室' }).waitFor();
    expect(await phone.locator('.fc-col-header-cell[data-resource-id]').count()).toBe(0);
    await phone.getByRole('combobox', { name: /^活动室/ }).selectOption(hall.id);
    const phoneEvent = phone.locator('.fc-event', { hasText: EXHIBITION });
    await phoneEvent.waitFor();
    await phone.getByText('正在加载日程…').waitFor({ state: 'detached' });
    expect(await phone.locator('.fc-event', { hasText: '门球队训练' }).count()).toBe(0);
    await shots.take(phone, 'phone-room-day');
    // One room across the phone's width (15 rooms were one character each).
    expect((await boxOf(phoneEvent)).width).toBeGreaterThan(240);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await phone.getByRole('button', { name: '周列表（可打印）' }).click();
    await phone.locator('.fc-list-event', { hasText: EXHIBITION }).first().waitFor();
    expect(await phone.locator('.fc-list-event').count()).toBe(7);
    await shots.take(phone, 'phone-list');

    // Console: nothing but Chromium's line for the one refused request.
    expect(collectors.flat()).toEqual([REFUSED_409]);
    await a.context().close();
    await phone.context().close();
  }, 150_000);
});

/** A locator's box once it is drawn (FullCalendar may draw an event again just after it first appears). */
async function boxOf(locator: Locator): Promise<{ x: number; y: number; width: number; height: number }> {
  for (let i = 0; i < 50; i++) {
    const box = await locator.boundingBox().catch(() => null);
    if (box) return box;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('not drawn');
}

/** Scroll so that the lanes at these times ('HH:MM:SS') are both in the middle of the window. */
async function centre(page: Page, top: string, bottom: string): Promise<void> {
  const a = (await page.locator(`td.fc-timegrid-slot-lane[data-time="${top}"]`).boundingBox())!;
  const b = (await page.locator(`td.fc-timegrid-slot-lane[data-time="${bottom}"]`).boundingBox())!;
  await page.evaluate((dy) => window.scrollBy(0, dy), (a.y + b.y) / 2 - 450);
}

/** The middle of a room's column at a time of day ('HH:MM:SS'), in window coordinates. */
async function slot(page: Page, roomId: string, time: string) {
  const column = (await page.locator(`.fc-col-header-cell[data-resource-id="${roomId}"]`).boundingBox())!;
  const row = (await page.locator(`td.fc-timegrid-slot-lane[data-time="${time}"]`).boundingBox())!;
  return { x: column.x + column.width / 2, y: row.y + row.height / 2 };
}

/** FullCalendar needs real pointer moves: press near the event's top, nudge, travel in steps, release. */
async function drag(page: Page, bookingId: string, roomId: string, toTime: string): Promise<void> {
  const box = (await page.locator(`.fc-event[data-booking-id="${bookingId}"]`).boundingBox())!;
  const target = await slot(page, roomId, toTime);
  await page.mouse.move(box.x + box.width / 2, box.y + 8);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2, box.y + 20, { steps: 3 });
  await page.mouse.move(target.x, target.y + 2, { steps: 10 });
  await page.mouse.up();
}
