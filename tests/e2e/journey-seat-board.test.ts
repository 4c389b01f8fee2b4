/**
 * Journey: the seat board in the hall (docs/api.md "Senior-university enrolment"). The academic office opens a
 * first-come term with classes in several courses; a hall screen (1920×1080, a paired display device) shows
 * `/display/?term=ID`. Applications are made over HTTP as the desk would make them, and the board moves without
 * a reload: a class fills (已满, one on its waiting list), another gets down to its last seats (仅余 N 席), the
 * course headings sum them. A big school's term (60 classes) turns in pages with a page indicator.
 * Screenshots: test-results/journeys/seat-board/.
 */
import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpSignIn, request, type ServerProcess } from '../support/processes.ts';
import { chromiumPath, collectErrors, openSuite } from './browser.ts';
import { journeyShots } from './screenshots.ts';

const ADMIN_PASSWORD = 'journey-seat-board-pass';
/** Live: the counts reach the board within a few flushes of the server's seat timer (300 ms). */
const WITHIN = { timeout: 5_000, polling: 50 };

interface Shown {
  kind: string;
  free: string;
  status: string;
  capacity: string;
  admitted: string;
  waitlisted: string;
  offered: string;
}

describe.runIf(chromiumPath)('journey: the seat board in the hall', () => {
  let server: ServerProcess;
  let browser: Browser;
  let stop: (() => Promise<void>) | undefined;
  const collectors: string[][] = [];
  const shots = journeyShots('seat-board');

  beforeAll(async () => {
    ({ server, browser, stop } = await openSuite({ ADMIN_PASSWORD }));
  });
  afterAll(async () => stop?.());

  it('shows every class of a term and moves live as people apply', async () => {
    const cookie = await httpSignIn(server.url, 'admin', ADMIN_PASSWORD);
    const call = async <T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
      const answer = await request(`${server.url}${path}`, { method, cookie, headers, ...(body === undefined ? {} : { body }) });
      expect(answer.statusCode, `${method} ${path}: ${answer.body}`).toBeLessThan(300);
      return answer.json as T;
    };

    // A senior university of its own, with rooms for its classes.
    const venue = (await call<{ venue: { id: string } }>('POST', '/api/venues', { name: '市老年大学' })).venue;
    const rooms: string[] = [];
    for (const name of ['书画一室', '书画二室', '舞蹈室', '声乐室', '电脑室', '多功能厅']) {
      rooms.push((await call<{ room: { id: string } }>('POST', `/api/venues/${venue.id}/rooms`, { name, kind: 'classroom', capacity: 60 })).room.id);
    }
    let slot = 0;
    /** A class on its own weekly slot (a room and an hour nobody else has), so no booking is in the way. */
    const makeClass = async (termId: string, course: string, name: string, capacity: number) => {
      slot += 1;
      // Six rooms × six sessions a day (08:00 to 17:00 in the venue's zone), a new day every 36 classes.
      const first = new Date(Date.UTC(2031, 2, 3 + Math.floor(slot / 36), 0, 0) + (Math.floor(slot / rooms.length) % 6) * 90 * 60_000);
      const body = {
        name,
        course,
        capacity,
        roomId: rooms[slot % rooms.length],
        firstStart: first.toISOString(),
        firstEnd: new Date(first.getTime() + 90 * 60_000).toISOString(),
        rrule: 'FREQ=WEEKLY;COUNT=2',
      };
      return (await call<{ class: { id: string } }>('POST', `/api/terms/${termId}/classes`, body)).class.id;
    };
    const hours = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();

    const term = (
      await call<{ term: { id: string } }>('POST', '/api/terms', {
        venueId: venue.id,
        name: '2031 年春季学期',
        mode: 'first_come',
        applyFrom: hours(-2),
        applyUntil: hours(72),
      })
    ).term;
    const classes: Record<string, string> = {};
    const plan: Array<[string, string, number]> = [
      ['书法', '楷书入门班', 3],
      ['书法', '行书提高班', 30],
      ['书法', '隶书研修班', 25],
      ['国画', '花鸟画班', 10],
      ['国画', '山水画班', 28],
      ['国画', '写意人物班', 20],
      ['声乐', '合唱团', 60],
      ['声乐', '民族唱法班', 24],
      ['舞蹈', '民族舞班', 30],
      ['舞蹈', '形体舞蹈班', 30],
      ['舞蹈', '广场舞班', 40],
      ['电脑', '智能手机应用班', 35],
      ['电脑', '电脑入门班', 30],
      ['太极拳', '二十四式太极拳', 40],
    ];
    for (const [course, name, capacity] of plan) classes[name] = await makeClass(term.id, course, name, capacity);

    const members: string[] = [];
    for (let i = 0; i < 12; i += 1) {
      const n = randomUUID().slice(0, 6);
      const body = { name: `学员${i + 1}`, cardCode: `C${n}`, memberNo: `M${n}`, gender: i % 2 ? 'male' : 'female', birthMonth: '1954-05', category: 'retired' };
      members.push((await call<{ member: { id: string } }>('POST', '/api/members', body)).member.id);
    }
    const apply = (memberId: string, classId: string) =>
      call<{ placements?: Array<{ status: string }> }>('POST', `/api/terms/${term.id}/applications`, { memberId, choices: [classId] }, { 'idempotency-key': randomUUID() });

    // The hall screen: a display device of the venue, paired on the board's address.
    const device = await call<{ pairingCode: string }>('POST', '/api/devices', { kind: 'display', venueId: venue.id, name: '报名大厅屏' });
    const hall = await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'zh-CN' });
    const board = await hall.newPage();
    collectors.push(collectErrors(board, 'seat board'));
    await board.goto(`${server.url}/display/?term=${term.id}`);
    await board.locator('input.code').fill(device.pairingCode);
    await board.getByRole('button', { name: /配对/ }).click();
    await board.locator('.badge[data-state="live"]').waitFor();
    await board.locator(`[data-testid="class-${classes['楷书入门班']}"]`).waitFor();

    const shown = (page: Page, classId: string) =>
      page.locator(`[data-testid="class-${classId}"]`).evaluate((el): Shown => {
        const field = (name: string) => el.querySelector(`[data-field="${name}"]`)?.textContent?.trim() ?? '';
        return {
          kind: el.getAttribute('data-kind') ?? '',
          free: el.getAttribute('data-free') ?? '',
          status: field('status'),
          capacity: field('capacity'),
          admitted: field('admitted'),
          waitlisted: field('waitlisted'),
          offered: field('offered'),
        };
      });
    /** Waits until the board shows the class so (live, within a few seconds), then returns what it shows. */
    const boardShows = async (classId: string, expected: Partial<Shown>) => {
      await board
        .waitForFunction(
          ({ selector, expected }) => {
            const el = document.querySelector(selector);
            if (!el) return false;
            const field = (name: string) => el.querySelector(`[data-field="${name}"]`)?.textContent?.trim() ?? '';
            const now: Record<string, string> = {
              kind: el.getAttribute('data-kind') ?? '',
              free: el.getAttribute('data-free') ?? '',
              status: field('status'),
              capacity: field('capacity'),
              admitted: field('admitted'),
              waitlisted: field('waitlisted'),
              offered: field('offered'),
            };
            return Object.entries(expected).every(([key, value]) => now[key] === value);
          },
          { selector: `[data-testid="class-${classId}"]`, expected },
          WITHIN,
        )
        .catch(async (error: unknown) => {
          throw new Error(`expected ${JSON.stringify(expected)}, the board shows ${JSON.stringify(await shown(board, classId))}`, { cause: error });
        });
    };

    // Before: every class open, the term applying, one page, the clock and the connection shown.
    expect(await shown(board, classes['楷书入门班']!)).toEqual({ kind: 'open', free: '3', status: '余 3 席', capacity: '3', admitted: '0', waitlisted: '0', offered: '0' });
    expect(await board.getByTestId('phase').textContent()).toBe('报名中');
    expect(await board.locator('.phase-line').textContent()).toContain('先到先得');
    expect(await board.locator('.course-name').allTextContents()).toEqual(['电脑', '国画', '声乐', '书法', '太极拳', '舞蹈']);
    expect(await board.locator('[data-testid^="class-"]').count()).toBe(plan.length);
    expect(await board.locator('footer .pages').count()).toBe(0);
    await shots.take(board, 'board-before');

    // The board is not reloaded from here on: a mark on the page survives only if it stays the same page.
    await board.evaluate(() => Object.assign(window, { stillTheSamePage: true }));

    // Four people want the three seats of 楷书入门班: the fourth is on its waiting list.
    for (const member of members.slice(0, 4)) await apply(member, classes['楷书入门班']!);
    await boardShows(classes['楷书入门班']!, { kind: 'full', free: '0', status: '已满', admitted: '3', waitlisted: '1' });
    // Eight of ten seats of 花鸟画班: only two left.
    for (const member of members.slice(4, 12)) await apply(member, classes['花鸟画班']!);
    await boardShows(classes['花鸟画班']!, { kind: 'few', free: '2', status: '仅余 2 席', admitted: '8', waitlisted: '0' });
    // The course headings add up their classes: 书法 has 3 + 30 + 25 seats, 3 taken.
    const heading = (course: string) => board.locator('h2.course', { hasText: course }).locator('.course-sum').textContent();
    expect(await heading('书法')).toBe('3 个班 · 余 55 席');
    expect(await heading('国画')).toBe('3 个班 · 余 50 席');
    // Classes that just moved are marked for a moment.
    expect(await board.locator(`[data-testid="class-${classes['花鸟画班']}"].changed`).count()).toBe(1);
    await shots.take(board, 'board-after-applications');
    expect(await board.evaluate(() => (window as unknown as { stillTheSamePage?: boolean }).stillTheSamePage)).toBe(true);

    // A big school: 60 classes in 10 courses turn in pages, with a page indicator.
    const big = (
      await call<{ term: { id: string } }>('POST', '/api/terms', { venueId: venue.id, name: '2031 年秋季学期（总校）', mode: 'lottery', applyFrom: hours(-1), applyUntil: hours(48) })
    ).term;
    const courses = ['书法', '国画', '声乐', '舞蹈', '太极拳', '摄影', '电脑', '英语', '钢琴', '养生保健'];
    for (let i = 0; i < 60; i += 1) await makeClass(big.id, courses[i % courses.length]!, `${courses[i % courses.length]}${Math.floor(i / courses.length) + 1}班`, 20 + (i % 5) * 5);
    const many = await hall.newPage();
    collectors.push(collectErrors(many, 'big seat board'));
    await many.goto(`${server.url}/display/?term=${big.id}`);
    await many.locator('.badge[data-state="live"]').waitFor();
    await many.getByTestId('page').waitFor();
    expect(await many.getByTestId('page').locator('.page-number').textContent()).toMatch(/^第 [123]\/3 页$/);
    expect(await many.getByTestId('page').locator('.page-range').textContent()).toMatch(/^\S+ — \S+$/);
    // Lottery before the draw: the seats left go to the draw, and the line says so.
    expect(await many.locator('.phase-line').textContent()).toContain('名额公开摇号分配');
    expect(await many.locator('[data-kind="draw"]').count()).toBeGreaterThan(0);
    await shots.take(many, 'big-school-paged');
    // The same board in English (a screen's language is kept on the device).
    await many.evaluate(() => localStorage.setItem('centre-ops.lang', 'en'));
    await many.reload();
    await many.locator('.badge[data-state="live"]').waitFor();
    await many.getByTestId('page').waitFor();
    expect(await many.getByTestId('phase').textContent()).toBe('Applications open');
    await shots.take(many, 'big-school-english');
    await many.evaluate(() => localStorage.setItem('centre-ops.lang', 'zh-CN'));

    // The line to the server is lost: the board says so, and since when its figures are old.
    await hall.setOffline(true);
    await board.bringToFront();
    await board.locator('.stale').waitFor({ timeout: 60_000 });
    expect(await board.locator('.stale').textContent()).toMatch(/^连接中断，名额可能不是最新 · 最后更新 \d\d:\d\d:\d\d$/);
    await shots.take(board, 'board-offline');
    await hall.setOffline(false);

    expect(collectors.flat()).toEqual([]);
  });
});
