/**
 * The coordinator app's shell, in Chromium against a real server process (embedded database, demo data):
 * - the header (title, navigation, connection, language, account) is one row at 1024, 1280 and 1440 px wide,
 *   in Chinese and in English, for an admin (who has every navigation entry); screenshots of it at 1024 and
 *   1440 in both languages go to test-results/journeys/app-shell/ for a person to look at;
 * - every page shows exactly one connection badge, in sight: in the header, or on the referee's full-screen
 *   pad in the pad's own bar (before, the calendar, the tournament page and the referee's pages each
 *   had their own beside the header's).
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpSignIn, postJson, type ServerProcess } from '../support/processes.ts';
import { chromiumPath, openSuite, signInPage } from './browser.ts';
import { journeyShots } from './screenshots.ts';

const ADMIN_PASSWORD = 'browser-admin-pass';
const CITY = '市老干部活动中心';
const WIDTHS = [1024, 1280, 1440] as const;
const SHOT_WIDTHS = new Set([1024, 1440]);

describe.runIf(chromiumPath)('the coordinator app’s shell', () => {
  let server: ServerProcess;
  let browser: Browser;
  let stop: (() => Promise<void>) | undefined;
  const collectors: string[][] = [];

  beforeAll(async () => {
    ({ server, browser, stop } = await openSuite({ ADMIN_PASSWORD }));
  });
  afterAll(async () => stop?.());

  /** Where the header's parts sit: each part's box, and each navigation entry's. */
  async function headerLayout(page: Page) {
    return page.evaluate(() => {
      const box = (el: Element | null) => {
        const r = el!.getBoundingClientRect();
        return { top: r.top, bottom: r.bottom, left: r.left, right: r.right, height: r.height };
      };
      const header = document.querySelector('#app > header')!;
      return {
        header: box(header),
        title: box(header.querySelector('h1')),
        nav: box(header.querySelector('nav')),
        tools: box(header.querySelector('.tools')),
        entries: [...header.querySelectorAll('nav a, nav button')].map((el) => ({ text: el.textContent!.trim(), ...box(el) })),
        toolItems: [...header.querySelector('.tools')!.children].map((el) => ({ text: (el.textContent ?? '').trim(), ...box(el) })),
        scrollWidth: document.documentElement.scrollWidth,
      };
    });
  }

  it('keeps the header on one row at 1024, 1280 and 1440 px, in Chinese and in English', async () => {
    const page = await signInPage(browser, server.url, 'admin', ADMIN_PASSWORD, collectors, { viewport: { width: 1440, height: 900 } });
    await page.locator('header .badge[data-state="live"]').waitFor();
    const shots = journeyShots('app-shell');
    for (const lang of ['zh', 'en'] as const) {
      await page.getByRole('button', { name: lang === 'zh' ? '中文' : 'English' }).click();
      await page.getByRole('navigation').getByRole('link', { name: lang === 'zh' ? '首页' : 'Home' }).waitFor();
      for (const width of WIDTHS) {
        await page.setViewportSize({ width, height: 900 });
        // Opened at this width (the calendar lays itself out for the window it starts in).
        await page.reload();
        await page.locator('.fc-event').first().waitFor();
        await page.locator('header .badge[data-state="live"]').waitFor();
        const layout = await headerLayout(page);
        const where = `${lang} at ${width} px`;
        // One row: every navigation entry on the same line, so the navigation is as tall as one entry …
        for (const entry of layout.entries) expect(entry.top, `${where}: "${entry.text}" on the first row`).toBeCloseTo(layout.entries[0]!.top, 0);
        expect(layout.nav.height, `${where}: navigation height`).toBeLessThanOrEqual(Math.max(...layout.entries.map((e) => e.height)) + 1);
        // … and the title, the navigation and the tools side by side on the header's one line.
        for (const part of [layout.nav, layout.tools]) expect(part.top, where).toBeLessThan(layout.title.bottom);
        for (const item of layout.toolItems) expect(item.top, `${where}: "${item.text}" on the tools' row`).toBeLessThan(layout.toolItems[0]!.bottom);
        expect(layout.scrollWidth, `${where}: no sideways scrolling`).toBeLessThanOrEqual(width);
        if (SHOT_WIDTHS.has(width)) await shots.take(page, `header-${lang}-${width}`);
      }
    }
    await page.getByRole('button', { name: '中文' }).click();
    expect(collectors.flat()).toEqual([]);
  });

  it('shows one connection badge on every page, in sight (the header, or the referee pad’s own bar)', async () => {
    // A started tournament, for its page and the referee's.
    const cookie = await httpSignIn(server.url, 'admin', ADMIN_PASSWORD);
    const get = async <T>(url: string) => (await (await fetch(`${server.url}${url}`, { headers: { cookie } })).json()) as T;
    const venue = (await get<{ venues: Array<{ id: string; name: string }> }>('/api/venues')).venues.find((v) => v.name === CITY)!;
    const tables = (await get<{ rooms: Array<{ id: string; kind: string }> }>(`/api/venues/${venue.id}/rooms`)).rooms.filter((r) => r.kind === 'table_tennis');
    const tomorrow = new Date(Date.now() + 8 * 3_600_000 + 86_400_000).toISOString().slice(0, 10);
    const created = await postJson(`${server.url}/api/tournaments`, cookie, {
      venueId: venue.id, name: '徽标测试乒乓球赛', sport: 'table_tennis', format: 'single_elimination', bestOf: 3,
      roomIds: tables.slice(0, 2).map((r) => r.id), startsAt: `${tomorrow}T14:00:00+08:00`, matchMinutes: 30,
    });
    expect(created.status).toBe(201);
    const tournamentId = (created.json as { tournament: { id: string } }).tournament.id;
    for (const [i, name] of ['王建国', '李淑芬', '张德明', '刘秀英'].entries()) {
      expect((await postJson(`${server.url}/api/tournaments/${tournamentId}/participants`, cookie, { name, seed: i + 1 })).status).toBe(201);
    }
    expect((await postJson(`${server.url}/api/tournaments/${tournamentId}/start`, cookie, {})).status).toBe(200);
    const match = (await get<{ matches: Array<{ id: string; key: string }> }>(`/api/tournaments/${tournamentId}`)).matches.find((m) => m.key === 'K1-1')!;

    const page = await signInPage(browser, server.url, 'admin', ADMIN_PASSWORD, collectors, { viewport: { width: 1280, height: 800 } });
    // Each page, and what shows once its own parts (where a badge of its own used to be) are drawn.
    const visits: Array<[string, string]> = [
      ['#/', '.fc-timegrid'],
      ['#/members', 'main h2'],
      ['#/reports', 'main h2'],
      ['#/admin', 'main h2'],
      ['#/audit', 'main h2'],
      ['#/tournaments', 'main h2'],
      [`#/tournaments/${tournamentId}`, 'h2#tourn-title'],
      [`#/referee/${tournamentId}`, 'h2#ref-pick-title'],
      [`#/referee/${tournamentId}/${match.id}`, '.ref-bar'],
    ];
    for (const [address, ready] of visits) {
      await page.goto(`${server.url}/${address}`);
      await page.locator(ready).first().waitFor();
      // The referee's pad covers the whole screen, the app header too: its badge is in the pad's own bar.
      const home = address.split('/').length === 4 && address.startsWith('#/referee/') ? '.ref-bar' : '#app > header';
      await page.locator(`${home} .badge[data-state="live"]`).waitFor();
      expect(await page.locator('.badge[data-state]').count(), `${address}: connection badges`).toBe(1);
      // In sight: nothing covers it.
      const onTop = await page.locator('.badge[data-state]').evaluate((badge) => {
        const box = badge.getBoundingClientRect();
        return badge.contains(document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2));
      });
      expect(onTop, `${address}: the badge is in sight`).toBe(true);
    }
    expect(collectors.flat()).toEqual([]);
  });
});
