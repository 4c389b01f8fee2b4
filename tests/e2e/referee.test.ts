/**
 * A referee scores a table tennis match point by point in Chromium against a real server process (embedded
 * database, demo data), while the coordinator's tournament page is open on a second tab. Proves: the tournament
 * is created and started over the API (tables booked); the referee page opens the match, takes the toss and
 * every point; the tournament page shows each point (games won and the points of the game in play) within a
 * second of the tap; after the referee confirms the result, the tournament page shows the winner and the
 * winner moved into the final within a second; neither page logs an error.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpSignIn, postJson, startServerProcess, type ServerProcess } from '../support/processes.ts';
import { chromiumPath, collectErrors, launchBrowser } from './browser.ts';

const ADMIN_PASSWORD = 'browser-admin-pass';
const CITY = '市老干部活动中心';
const PLAYERS = ['张建国', '李秀英', '王志强', '刘桂兰'];
/** Far from the demo bookings, so the tables are free. */
const STARTS_AT = '2031-03-04T09:00:00+08:00';
const WITHIN = { timeout: 1_000 };

interface Match {
  id: string;
  key: string;
  status: string;
  sides: Array<{ participantId: string | null }>;
}

describe.runIf(chromiumPath)('the referee’s tablet and the tournament page', () => {
  let server: ServerProcess;
  let browser: Browser;
  let dataDir: string;
  const collectors: string[][] = [];

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'centre-ops-e2e-'));
    server = await startServerProcess({ DATA_DIR: dataDir, ADMIN_PASSWORD });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** A signed-in coordinator app: both tabs share the session, like two windows of one tablet. */
  async function signedIn(): Promise<BrowserContext> {
    const context = await browser.newContext({ viewport: { width: 1180, height: 820 }, locale: 'zh-CN', hasTouch: true });
    const page = await context.newPage();
    collectors.push(collectErrors(page, 'login'));
    await page.goto(`${server.url}/`);
    await page.getByLabel(/用户名/).fill('admin');
    await page.getByLabel(/密码/).fill(ADMIN_PASSWORD);
    await page.getByRole('button', { name: /登录/ }).click();
    await page.getByRole('button', { name: '退出登录' }).waitFor();
    await page.close();
    return context;
  }

  async function open(context: BrowserContext, hash: string, label: string): Promise<Page> {
    const page = await context.newPage();
    collectors.push(collectErrors(page, label));
    await page.goto(`${server.url}/${hash}`);
    return page;
  }

  it('shows every point of the referee on the tournament page, then the winner in the next round', async () => {
    // Over the API: a knockout of four on two tables, started (drawn, scheduled, booked).
    const cookie = await httpSignIn(server.url, 'admin', ADMIN_PASSWORD);
    const get = async <T>(url: string) => (await (await fetch(`${server.url}${url}`, { headers: { cookie } })).json()) as T;
    const venue = (await get<{ venues: Array<{ id: string; name: string }> }>('/api/venues')).venues.find((v) => v.name === CITY)!;
    const tables = (await get<{ rooms: Array<{ id: string; kind: string }> }>(`/api/venues/${venue.id}/rooms`)).rooms.filter((r) => r.kind === 'table_tennis');
    expect(tables.length).toBeGreaterThanOrEqual(2);
    const created = await postJson(`${server.url}/api/tournaments`, cookie, {
      venueId: venue.id, name: '浏览器测试乒乓球赛', sport: 'table_tennis', format: 'single_elimination', bestOf: 3,
      roomIds: tables.slice(0, 2).map((r) => r.id), startsAt: STARTS_AT, matchMinutes: 30,
    });
    expect(created.status).toBe(201);
    const tournamentId = (created.json as { tournament: { id: string } }).tournament.id;
    for (const [i, name] of PLAYERS.entries()) {
      expect((await postJson(`${server.url}/api/tournaments/${tournamentId}/participants`, cookie, { name, seed: i + 1 })).status).toBe(201);
    }
    expect((await postJson(`${server.url}/api/tournaments/${tournamentId}/start`, cookie, {})).status).toBe(200);
    const view = await get<{ matches: Match[]; participants: Array<{ id: string; name: string }> }>(`/api/tournaments/${tournamentId}`);
    const semi = view.matches.find((m) => m.key === 'K1-1')!;
    expect(semi.status).toBe('ready');
    const nameOf = (id: string | null) => view.participants.find((p) => p.id === id)!.name;
    const [first, second] = semi.sides.map((s) => nameOf(s.participantId));

    const context = await signedIn();
    const board = await open(context, `#/tournaments/${tournamentId}`, 'tournament page');
    const card = board.locator('[data-match-key="K1-1"]');
    await card.waitFor();
    await board.locator('.badge[data-state="live"]').first().waitFor();

    const referee = await open(context, `#/referee/${tournamentId}/${semi.id}`, 'referee');
    await referee.getByRole('button', { name: `${first} 先发球` }).tap();
    const point = (side: 1 | 2) => referee.locator(`button.tt-point[data-side="${side}"]`);

    /** The tournament page's box shows games won and the points of the game in play, side 1 first. */
    const shows = (games: [number, number], current: [number, number]) =>
      board.waitForFunction(
        ({ games, current }) => {
          const box = document.querySelector('[data-match-key="K1-1"]');
          if (!box?.classList.contains('status-live')) return false;
          const read = (selector: string) => [...box.querySelectorAll(selector)].map((el) => el.textContent?.trim());
          return JSON.stringify(read('.mc-score')) === JSON.stringify(games.map(String)) &&
            JSON.stringify(read('.mc-current')) === JSON.stringify(current.map(String));
        },
        { games, current },
        { ...WITHIN, polling: 50 },
      ).catch(async (error: unknown) => {
        throw new Error(`expected ${games.join(':')} / ${current.join(':')}, the box shows "${await card.textContent()}"`, { cause: error });
      });

    // 11:6, then 11:8 — every point, as it is tapped.
    const rally: Array<1 | 2> = [];
    for (const [a, b] of [[11, 6], [11, 8]] as const) {
      for (let i = 0; i < b; i++) rally.push(1, 2);
      for (let i = b; i < a; i++) rally.push(1);
    }
    const games: [number, number] = [0, 0];
    const current: [number, number] = [0, 0];
    for (const [n, side] of rally.entries()) {
      await point(side).tap();
      const i = side === 1 ? 0 : 1;
      current[i] += 1;
      if (current[i] >= 11) {
        games[i] += 1;
        current[0] = 0;
        current[1] = 0;
      }
      if (n === rally.length - 1) break; // the match is over: no game in play to show
      await shows(games, current);
    }
    await referee.getByText(`比赛结束：${first} 获胜`).waitFor();

    // Confirmed: the page shows the winner, and the winner in the final, within a second.
    await referee.getByRole('button', { name: '确认并提交' }).tap();
    await card.locator('.mc-side.winner', { hasText: first }).waitFor(WITHIN);
    await board.locator('[data-match-key="K2-1"] .mc-side', { hasText: first }).waitFor(WITHIN);
    expect(await card.locator('.mc-score').allTextContents()).toEqual(['2', '0']);
    await referee.getByText('本场已结束').waitFor();
    expect(await card.textContent()).toContain(second);

    // The server has the result as the referee entered it.
    const after = await get<{ matches: Array<Match & { result: { payload: unknown } | null; winnerId: string | null }> }>(`/api/tournaments/${tournamentId}`);
    const done = after.matches.find((m) => m.key === 'K1-1')!;
    expect(done.result?.payload).toEqual({ games: [[11, 6], [11, 8]] });
    expect(nameOf(done.winnerId)).toBe(first);

    expect(collectors.flat()).toEqual([]);
    await context.close();
  });
});
