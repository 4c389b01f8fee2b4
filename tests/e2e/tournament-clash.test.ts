/**
 * A draft gateball event whose courts are booked (docs/guide-tournaments.md "协调员：建赛与开赛"), as the coordinator meets
 * it at 1440×900 in Chinese: the refused start lists each booking in the way with its court, date and time and a
 * 转到该预订 link that opens it on the calendar; the draft's 时间和场地 moves it to a free time on one court and it starts;
 * a second draft is deleted from its page. Screenshots: test-results/journeys/tournament-clash/.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpSignIn, postJson } from '../support/processes.ts';
import type { ServerProcess } from '../support/processes.ts';
import { chromiumPath, openSuite, signInPage } from './browser.ts';
import { journeyShots } from './screenshots.ts';

const ADMIN_PASSWORD = 'tournament-clash-pass';
const CITY = '市老干部活动中心';
const WITHIN = { timeout: 10_000 };

describe.runIf(chromiumPath)('a tournament start refused by booked courts', () => {
  let server: ServerProcess;
  let browser: Browser;
  let stop: (() => Promise<void>) | undefined;
  const collectors: string[][] = [];
  const shots = journeyShots('tournament-clash');

  beforeAll(async () => {
    ({ server, browser, stop } = await openSuite({ ADMIN_PASSWORD }));
  });
  afterAll(async () => stop?.());

  it('names the bookings in the way, links to them, and lets the draft move, start or be deleted', async () => {
    const cookie = await httpSignIn(server.url, 'admin', ADMIN_PASSWORD);
    const get = async <T>(url: string) => (await (await fetch(`${server.url}${url}`, { headers: { cookie } })).json()) as T;
    const venue = (await get<{ venues: Array<{ id: string; name: string; timezone: string }> }>('/api/venues')).venues.find((v) => v.name === CITY)!;
    expect(venue.timezone).toBe('Asia/Shanghai');
    const courts: string[] = [];
    for (const name of ['东门球场', '西门球场']) {
      const room = await postJson(`${server.url}/api/venues/${venue.id}/rooms`, cookie, { name, kind: 'gateball_court', capacity: 30 });
      expect(room.status).toBe(201);
      courts.push((room.json as { room: { id: string } }).room.id);
    }
    const training = await postJson(`${server.url}/api/bookings`, cookie, {
      roomId: courts[0], kind: 'activity', title: '门球队训练', start: '2027-01-20T09:30:00+08:00', end: '2027-01-20T11:00:00+08:00',
    });
    expect(training.status).toBe(201);
    const created = await postJson(`${server.url}/api/tournaments`, cookie, {
      venueId: venue.id, name: '迎新春门球赛', sport: 'gateball', format: 'round_robin', roomIds: courts, startsAt: '2027-01-20T09:00:00+08:00', matchMinutes: 40,
    });
    expect(created.status).toBe(201);
    const id = (created.json as { tournament: { id: string } }).tournament.id;
    for (const name of ['红星队', '东风队', '长青队']) expect((await postJson(`${server.url}/api/tournaments/${id}/participants`, cookie, { name })).status).toBe(201);

    const page = await signInPage(browser, server.url, 'admin', ADMIN_PASSWORD, collectors, { viewport: { width: 1440, height: 900 } });
    await page.goto(`${server.url}/#/tournaments/${id}`);
    // The hint under the start says the truth: a start can be undone while nothing is played.
    await page.getByText('还可以“撤销开赛”').waitFor(WITHIN);
    expect(await page.getByText('开始后不能再增减参赛者').count()).toBe(0);

    await page.getByRole('button', { name: /开始比赛/ }).click();
    await page.getByRole('button', { name: '确认开始' }).click();
    const refusal = page.locator('.clashes');
    await refusal.waitFor(WITHIN);
    const line = refusal.getByRole('listitem').filter({ hasText: '门球队训练' });
    await expect.poll(() => line.textContent()).toMatch(/东门球场.*2027\/01\/20 09:30–11:00/);
    await shots.take(page, 'start-refused-clashes');
    const settings = page.locator('details.draft-settings');
    expect(await settings.getAttribute('open')).not.toBeNull();

    // 转到该预订: the calendar opens on that day with the booking in sight.
    await line.getByRole('link', { name: '转到该预订' }).click();
    await page.locator('.fc-event', { hasText: '门球队训练' }).first().waitFor({ state: 'visible', ...WITHIN });
    // (The calendar opens on today, in December 2026: the booking in sight means it went to 20 January 2027.)
    await expect.poll(() => page.evaluate(() => location.hash)).toBe('#/');
    await shots.take(page, 'calendar-at-clash');

    // Back on the draft: the afternoon, on 西门球场 only; saved, and the start goes through.
    await page.goto(`${server.url}/#/tournaments/${id}`);
    await page.getByText('时间和场地').first().click();
    await page.getByRole('checkbox', { name: '东门球场' }).uncheck();
    await page.getByLabel('开始时间').fill('14:00');
    await page.getByRole('button', { name: '保存时间和场地' }).click();
    await page.getByText('已保存。').waitFor(WITHIN);
    await shots.take(page, 'draft-moved');
    const saved = await get<{ tournament: { roomIds: string[]; startsAt: string } }>(`/api/tournaments/${id}`);
    expect(saved.tournament.roomIds).toEqual([courts[1]]);
    expect(Date.parse(saved.tournament.startsAt)).toBe(Date.parse('2027-01-20T14:00:00+08:00'));
    await page.getByRole('button', { name: /开始比赛/ }).click();
    await page.getByRole('button', { name: '确认开始' }).click();
    await page.getByRole('tab', { name: /对阵/ }).waitFor(WITHIN);

    // Another draft, not wanted after all: deleted from its page, back to the list.
    const spare = await postJson(`${server.url}/api/tournaments`, cookie, { venueId: venue.id, name: '临时草稿赛', sport: 'gateball', format: 'round_robin' });
    const spareId = (spare.json as { tournament: { id: string } }).tournament.id;
    await page.goto(`${server.url}/#/tournaments/${spareId}`);
    await page.getByText('时间和场地').first().click();
    await page.getByRole('button', { name: '删除草稿' }).click();
    await shots.take(page, 'delete-asks');
    await page.getByRole('button', { name: '确认删除' }).click();
    await expect.poll(() => page.evaluate(() => location.hash)).toBe('#/tournaments');
    expect((await fetch(`${server.url}/api/tournaments/${spareId}`, { headers: { cookie } })).status).toBe(404);
    // The one refusal expected: the first start's 409 (the browser logs every refused request).
    expect(collectors.flat().filter((e) => !/status of 409/.test(e))).toEqual([]);
    expect(collectors.flat().filter((e) => /status of 409/.test(e))).toHaveLength(1);
  });
});
