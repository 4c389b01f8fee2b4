/**
 * First load of the coordinator app (docs/performance.md "First load"), on the real build in Chromium against a
 * real server process (embedded database, demo data):
 * - the build: the coordinator's entry chunk holds the shell only; the calendar with FullCalendar, the reports
 *   with Chart.js, members, tournaments, administration and the audit log are chunks of their own; the display,
 *   kiosk and member apps never load FullCalendar or Chart.js, not even later;
 * - the first calendar: a signed-in coordinator opening the app with an empty browser cache (the server warm)
 *   sees the first calendar's events in under 1.5 s (the one place a test measures time, because the goal is a time;
 *   the figure is printed and recorded in docs/performance.md), loading FullCalendar but no other page's code;
 * - a page chunk that is slow shows a calm loading line; one that fails to load (a new release replaced it, the
 *   network dropped) shows a clear error with 重试, which loads it.
 */
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { httpSignIn, postJson, type ServerProcess } from '../support/processes.ts';
import { chromiumPath, collectErrors, openSuite, signInPage } from './browser.ts';
import { BundleGraph, kb, LIBRARIES, modulesMatching, type BuiltChunk } from './bundle-graph.ts';
import { journeyShots, type Shots } from './screenshots.ts';

const ADMIN_PASSWORD = 'browser-admin-pass';
const CITY = '市老干部活动中心';
/** A room without demo bookings, so the fixture booking below is never refused as a clash. */
const ROOM = '阅览室';
const TITLE = '首屏测速讲座';
const GOAL_MS = 1500;
/**
 * Bytes of script the first calendar may load (shell + calendar page + FullCalendar: about 805 KB now, of which the
 * app's messages in both languages, every page's, about 50 KB; the old single bundle was 1,074 KB). Loading each
 * page's messages with its page would win those back.
 */
const FIRST_CALENDAR_SCRIPT_BUDGET = 850 * 1024;
const RUNS = 5;

/** App code of pages other than the calendar, which the first calendar must not load. */
const OTHER_PAGES = /^client\/(members|reports|admin|audit|tournaments)\//;

declare global {
  interface Window {
    firstEventAt?: number;
  }
}

describe.runIf(chromiumPath)('the coordinator app’s first load', () => {
  let server: ServerProcess;
  let browser: Browser;
  let stop: (() => Promise<void>) | undefined;
  let graph: BundleGraph;
  let shots: Shots;
  const collectors: string[][] = [];

  beforeAll(async () => {
    ({ server, browser, stop } = await openSuite({ ADMIN_PASSWORD }));
    graph = new BundleGraph(inject('e2eDist') ?? 'dist');
    shots = journeyShots('first-load');
  });
  afterAll(async () => stop?.());

  it('builds the shell as the entry and each page, FullCalendar and Chart.js as chunks loaded when needed', () => {
    const entry = graph.chunk('client/index.html');
    const withEntry = graph.closure('client/index.html');
    console.log(`coordinator entry chunk ${entry.file}: ${kb(entry.bytes)}; loaded with it: ${withEntry.map((c) => `${c.file} ${kb(c.bytes)}`).join(', ')}`);
    expect(modulesMatching(withEntry, LIBRARIES.fullCalendar)).toEqual([]);
    expect(modulesMatching(withEntry, LIBRARIES.chartJs)).toEqual([]);
    expect(modulesMatching(withEntry, OTHER_PAGES)).toEqual([]);
    expect(modulesMatching(withEntry, /^client\/calendar\//)).toEqual([]);

    // Everything the coordinator app may load later is there, in chunks of its own.
    const later = graph.closure('client/index.html', { dynamic: true });
    expect(modulesMatching(later, LIBRARIES.fullCalendar).length).toBeGreaterThan(0);
    expect(modulesMatching(later, LIBRARIES.chartJs).length).toBeGreaterThan(0);

    // The reports' chunks hold Chart.js; the calendar's do not (and the other way round).
    const home = graph.closure('client/HomePage.svelte');
    expect(modulesMatching(home, LIBRARIES.chartJs)).toEqual([]);
    expect(modulesMatching(home, OTHER_PAGES)).toEqual([]);
    expect(modulesMatching(graph.closure('client/reports/ReportsPage.svelte'), LIBRARIES.fullCalendar)).toEqual([]);

    for (const app of ['client/display/index.html', 'kiosk/index.html', 'client/member/index.html']) {
      const all = graph.closure(app, { dynamic: true });
      console.log(`${app}: entry ${kb(graph.chunk(app).bytes)}, ${all.length} chunks in all`);
      expect(modulesMatching(all, LIBRARIES.fullCalendar), app).toEqual([]);
      expect(modulesMatching(all, LIBRARIES.chartJs), app).toEqual([]);
    }
  });

  it('shows the first calendar’s events in under 1.5 s with an empty cache, loading only the calendar’s code', async () => {
    // Fixture: a booking today (venue time) so the day view has an event to show whatever the weekday.
    const cookie = await httpSignIn(server.url, 'admin', ADMIN_PASSWORD);
    const get = async (url: string) => (await fetch(`${server.url}${url}`, { headers: { cookie } })).json();
    const venue = ((await get('/api/venues')) as { venues: Array<{ id: string; name: string; timezone: string }> }).venues.find((v) => v.name === CITY)!;
    expect(venue.timezone).toBe('Asia/Shanghai');
    const room = ((await get(`/api/venues/${venue.id}/rooms`)) as { rooms: Array<{ id: string; name: string }> }).rooms.find((r) => r.name === ROOM)!;
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const booking = await postJson(`${server.url}/api/bookings`, cookie, { roomId: room.id, start: `${today}T10:00:00+08:00`, end: `${today}T11:00:00+08:00`, title: TITLE, kind: 'lecture' });
    expect(booking.status).toBe(201);

    // Signed in once (this also warms the server: pages, assets, queries); each run reuses the session in a
    // new context, whose cache is empty.
    const signedIn = await signInPage(browser, server.url, 'admin', ADMIN_PASSWORD, collectors, { viewport: { width: 1440, height: 900 } });
    await signedIn.locator('.fc-event', { hasText: TITLE }).waitFor();
    const state = await signedIn.context().storageState();
    await signedIn.context().close();

    const figures: number[] = [];
    let loaded: Array<{ file: string; bytes: number }> = [];
    for (let run = 0; run <= RUNS; run++) {
      const { ms, scripts } = await timeFirstCalendar({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', storageState: state });
      console.log(`first calendar, run ${run}: ${ms.toFixed(0)} ms${run === 0 ? ' (warm-up, not counted)' : ''}`);
      if (run === 0) continue; // warm-up: the server's first cold-cache load of the assets
      figures.push(ms);
      loaded = scripts;
    }
    const sorted = [...figures].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)]!;
    const chunks: BuiltChunk[] = loaded.map((s) => graph.chunkByFile(s.file));
    console.log(
      `first calendar (navigation → first event visible, empty cache, server warm, 1440×900): median ${median.toFixed(0)} ms ` +
        `over ${RUNS} runs (${figures.map((f) => f.toFixed(0)).join(', ')} ms); goal < ${GOAL_MS} ms\n` +
        `scripts loaded: ${loaded.map((s) => `${s.file} ${kb(s.bytes)}`).join(', ')}; ` +
        `${kb(loaded.reduce((sum, s) => sum + s.bytes, 0))} in all`,
    );
    expect(modulesMatching(chunks, LIBRARIES.fullCalendar).length).toBeGreaterThan(0);
    expect(modulesMatching(chunks, LIBRARIES.chartJs)).toEqual([]);
    expect(modulesMatching(chunks, OTHER_PAGES)).toEqual([]);
    // The time is measured and printed against its goal, not asserted: tests never assert wall time (on a
    // loaded 2-core CI machine the same build measured 1.1–1.5 s). What the time depends on is asserted: the
    // first calendar loads the calendar's code and nothing else, under a byte budget the old single bundle
    // (1,074 KB for the first calendar) broke.
    const scriptBytes = loaded.reduce((sum, s) => sum + s.bytes, 0);
    expect(scriptBytes).toBeLessThan(FIRST_CALENDAR_SCRIPT_BUDGET);
    expect(collectors.flat()).toEqual([]);
  });

  /** One cold-cache load of `/`: ms from navigation to the first visible calendar event, and the scripts it loaded. */
  async function timeFirstCalendar(options: BrowserContextOptions): Promise<{ ms: number; scripts: Array<{ file: string; bytes: number }> }> {
    const context = await browser.newContext(options);
    const page = await context.newPage();
    collectors.push(collectErrors(page, 'first load'));
    const scripts: Array<Promise<{ file: string; bytes: number }>> = [];
    page.on('response', (response) => {
      const url = new URL(response.url());
      if (url.pathname.startsWith('/assets/') && url.pathname.endsWith('.js')) {
        scripts.push(response.body().then((body) => ({ file: url.pathname.slice(1), bytes: body.length })));
      }
    });
    // Checked every frame from the document's start: the time (since navigation) when an event is first laid out.
    await page.addInitScript(() => {
      const look = () => {
        const event = document.querySelector('.fc-event');
        const box = event?.getBoundingClientRect();
        if (box && box.width > 0 && box.height > 0) window.firstEventAt = performance.now();
        else requestAnimationFrame(look);
      };
      requestAnimationFrame(look);
    });
    await page.goto(`${server.url}/`);
    await page.waitForFunction(() => window.firstEventAt !== undefined, undefined, { timeout: 20_000 });
    const ms = await page.evaluate(() => window.firstEventAt!);
    const loaded = await Promise.all(scripts);
    await context.close();
    return { ms, scripts: loaded.sort((a, b) => a.file.localeCompare(b.file)) };
  }

  async function signedInAdmin(): Promise<Page> {
    return signInPage(browser, server.url, 'admin', ADMIN_PASSWORD, collectors, { viewport: { width: 1280, height: 800 } });
  }

  it('shows a calm loading line while a page’s code loads', async () => {
    const page = await signedInAdmin();
    const members = graph.chunk('client/members/MembersPage.svelte').file;
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(`**/${members}`, async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(`${server.url}/#/members`);
    const loading = page.getByRole('status').filter({ hasText: '正在打开页面…' });
    await loading.waitFor();
    await shots.take(page, 'page-code-loading');
    expect(await page.getByRole('alert').count()).toBe(0);
    release();
    await page.getByRole('heading', { name: '会员', level: 2 }).waitFor();
    expect(await loading.count()).toBe(0);
    await page.context().close();
  });

  it('says so when a page’s code fails to load, and 重试 loads it', async () => {
    const page = await signedInAdmin();
    const members = graph.chunk('client/members/MembersPage.svelte').file;
    // As after a new release: the old file is gone.
    await page.route(`**/${members}`, (route) => route.fulfill({ status: 404, body: 'gone' }));
    await page.goto(`${server.url}/#/members`);
    const alert = page.getByRole('alert');
    await alert.filter({ hasText: '页面没有打开' }).waitFor();
    await shots.take(page, 'page-code-failed');
    await page.unroute(`**/${members}`);
    await alert.getByRole('button', { name: '重试' }).click();
    await page.getByRole('heading', { name: '会员', level: 2 }).waitFor();
    expect(await page.getByRole('alert').count()).toBe(0);
    await page.context().close();
    // The browser's own lines for the refused file, and nothing else.
    const errors = collectors.pop()!;
    expect(errors.filter((e) => !e.includes('404') && !e.includes('Failed to fetch dynamically imported module'))).toEqual([]);
    expect(collectors.flat()).toEqual([]);
  });
});
