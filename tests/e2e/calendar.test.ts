/**
 * Two coordinators on the live calendar, in Chromium against a real server process (embedded database, demo
 * data). Proves: a booking made on one calendar by selecting a slot and typing (title, Enter) shows on the
 * other within a second; dragging it to a free time shows the move on the other within a second; dragging it
 * onto a booked slot is refused, the booking stays where it was on both calendars, and the coordinator is told
 * which booking is in the way, with "go to it". Both show the live connection (in the app header), and no page logs an error
 * except the browser's own line for the refused request (409).
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpSignIn, postJson, type ServerProcess } from '../support/processes.ts';
import { chromiumPath, collectErrors, openSuite } from './browser.ts';

const ADMIN_PASSWORD = 'browser-admin-pass';
const CITY = '市老干部活动中心';
/** A room with no demo bookings; the test puts its own booking in it to drag onto. */
const ROOM = '阅览室';
const BLOCKER = '读书分享会';
const TITLE = '诗词讲座';
const REFUSED_409 = 'A console: Failed to load resource: the server responded with a status of 409 (Conflict)';

describe.runIf(chromiumPath)('the live calendar in two browsers', () => {
  let server: ServerProcess;
  let browser: Browser;
  let stop: (() => Promise<void>) | undefined;
  const collectors: string[][] = [];

  beforeAll(async () => {
    ({ server, browser, stop } = await openSuite({ ADMIN_PASSWORD }));
  });
  afterAll(async () => stop?.());

  /** A coordinator signed in on the calendar, moved one day on (tomorrow, in the venue's zone). */
  async function openCalendar(label: string): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1400 }, locale: 'zh-CN' });
    const page = await context.newPage();
    collectors.push(collectErrors(page, label));
    await page.goto(`${server.url}/`);
    await page.getByLabel(/用户名/).fill('admin');
    await page.getByLabel(/密码/).fill(ADMIN_PASSWORD);
    await page.getByRole('button', { name: /登录/ }).click();
    await page.locator('.fc-timegrid').waitFor();
    await page.getByRole('button', { name: '下一天' }).click();
    return page;
  }

  /** The middle of a room's column at a time of day ('HH:MM:SS'), in page coordinates. */
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

  /** The booking on a page, once it shows in the room's column starting at `hhmm`. */
  const shownAt = (page: Page, { roomId, bookingId }: { roomId: string; bookingId: string }, hhmm: string) =>
    page.locator(`td.fc-timegrid-col[data-resource-id="${roomId}"] .fc-event[data-booking-id="${bookingId}"] .bk-time`, { hasText: new RegExp(`^${hhmm}`) });

  /** The page's one connection indicator (in the app header), showing live. */
  const liveBadge = (page: Page) => page.locator('header .badge[data-state="live"]', { hasText: '已连接 · 实时' });

  it('shows one coordinator’s booking and moves on the other’s calendar, and refuses a clash with the reason', async () => {
    // Fixture over the API: tomorrow (venue time) in a free room, a booking at 14:00–15:00 to drag onto.
    const cookie = await httpSignIn(server.url, 'admin', ADMIN_PASSWORD);
    const get = async (url: string) => (await fetch(`${server.url}${url}`, { headers: { cookie } })).json();
    const venue = ((await get('/api/venues')) as { venues: Array<{ id: string; name: string; timezone: string }> }).venues.find((v) => v.name === CITY)!;
    expect(venue.timezone).toBe('Asia/Shanghai'); // the instants below are written at +08:00
    const room = ((await get(`/api/venues/${venue.id}/rooms`)) as { rooms: Array<{ id: string; name: string }> }).rooms.find((r) => r.name === ROOM)!;
    const tomorrow = new Date(Date.now() + 8 * 3_600_000 + 86_400_000).toISOString().slice(0, 10);
    const at = (hhmm: string) => `${tomorrow}T${hhmm}:00+08:00`;
    const blocker = await postJson(`${server.url}/api/bookings`, cookie, { roomId: room.id, start: at('14:00'), end: at('15:00'), title: BLOCKER, kind: 'activity' });
    expect(blocker.status).toBe(201);

    const a = await openCalendar('A');
    const b = await openCalendar('B');
    for (const page of [a, b]) {
      await liveBadge(page).waitFor();
      await page.locator(`.fc-col-header-cell[data-resource-id="${room.id}"][data-date="${tomorrow}"]`).waitFor();
      await page.locator('.fc-event', { hasText: BLOCKER }).waitFor();
    }

    // A selects 09:00–10:00 in the room and types the title, then Enter.
    const from = await slot(a, room.id, '09:00:00');
    const to = await slot(a, room.id, '09:30:00');
    await a.mouse.move(from.x, from.y);
    await a.mouse.down();
    await a.mouse.move(to.x, to.y, { steps: 5 });
    await a.mouse.up();
    await a.locator('dialog[open] input[name="title"]:focus').waitFor();
    await a.keyboard.type(TITLE);
    const created = a.waitForResponse((r) => r.url().endsWith('/api/bookings') && r.request().method() === 'POST');
    await a.keyboard.press('Enter');
    const createdResponse = await created;
    expect(createdResponse.status()).toBe(201);
    const bookingId = ((await createdResponse.json()) as { bookings: Array<{ id: string }> }).bookings[0]!.id;
    const ours = { roomId: room.id, bookingId };
    await shownAt(b, ours, '09:00').waitFor({ timeout: 1_000 });
    await shownAt(a, ours, '09:00').waitFor();
    await a.locator('dialog[open]').waitFor({ state: 'detached' });

    // A drags it to 11:00: B shows it moved within a second.
    const patch = () => a.waitForResponse((r) => r.url().endsWith(`/api/bookings/${bookingId}`) && r.request().method() === 'PATCH');
    let moved = patch();
    await drag(a, bookingId, room.id, '11:00:00');
    expect((await moved).status()).toBe(200);
    await shownAt(b, ours, '11:00').waitFor({ timeout: 1_000 });
    await a.getByRole('status').filter({ hasText: `已移动「${TITLE}」` }).waitFor();

    // A drags it onto the 14:00 booking: refused, back at 11:00 on both, the clash named with "go to it".
    moved = patch();
    await drag(a, bookingId, room.id, '14:00:00');
    expect((await moved).status()).toBe(409);
    const problem = a.getByRole('alert').filter({ hasText: `「${TITLE}」没有移动` });
    await problem.waitFor();
    expect(await problem.textContent()).toContain(`「${BLOCKER}」`);
    await shownAt(a, ours, '11:00').waitFor();
    await shownAt(b, ours, '11:00').waitFor();
    await problem.getByRole('button', { name: '转到该预订' }).click();
    await a.locator('.fc-event.is-highlighted', { hasText: BLOCKER }).waitFor();
    for (const page of [a, b]) {
      expect(await page.locator(`.fc-event[data-booking-id="${bookingId}"]`).count()).toBe(1);
      await liveBadge(page).waitFor();
    }
    // The server kept it at 11:00 too.
    const saved = (await get(`/api/bookings?venueId=${venue.id}&roomId=${room.id}&from=${encodeURIComponent(at('00:00'))}&to=${encodeURIComponent(at('23:59'))}`)) as {
      bookings: Array<{ id: string; start: string }>;
    };
    expect(Date.parse(saved.bookings.find((x) => x.id === bookingId)!.start)).toBe(Date.parse(at('11:00')));

    // Console: nothing but Chromium's line for the one refused request.
    expect(collectors.flat()).toEqual([REFUSED_409]);
    for (const page of [a, b]) await page.context().close();
  });
});
