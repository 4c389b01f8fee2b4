/**
 * A referee scores a table tennis match point by point in Chromium against a real server process (embedded
 * database, demo data), while two hall displays (`/display/?tournament=ID`) are open in a browser of their own,
 * paired as a display device: one kept to "now / next" on the tables (`&show=courts`), one to the bracket
 * (`&show=bracket`). Proves: the tournament is created and started over the API (tables booked); the referee
 * page opens the match, takes the toss and every point; the courts display shows each point (the finished
 * games, games won and the points of the game in play) within a second of the referee's live request
 * completing; after the referee confirms the result, the bracket display shows the winner and the winner moved
 * into the final within a second of the result being stored; no page logs an error.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpSignIn, postJson, type ServerProcess } from '../support/processes.ts';
import { chromiumPath, collectErrors, openSuite } from './browser.ts';

const ADMIN_PASSWORD = 'browser-admin-pass';
const CITY = '市老干部活动中心';
const PLAYERS = ['张建国', '李秀英', '王志强', '刘桂兰'];
/** Far from the demo bookings, so the tables are free. */
const STARTS_AT = '2031-03-04T09:00:00+08:00';
const WITHIN = { timeout: 1_000 };

type Score = [number, number];

interface Match {
  id: string;
  key: string;
  status: string;
  roomId: string | null;
  sides: Array<{ participantId: string | null }>;
}

describe.runIf(chromiumPath)('the referee’s tablet and the hall displays', () => {
  let server: ServerProcess;
  let browser: Browser;
  let stop: (() => Promise<void>) | undefined;
  const collectors: string[][] = [];

  beforeAll(async () => {
    ({ server, browser, stop } = await openSuite({ ADMIN_PASSWORD }));
  });
  afterAll(async () => stop?.());

  /** A signed-in coordinator app, for the referee's tablet. */
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

  async function open(context: BrowserContext, address: string, label: string): Promise<Page> {
    const page = await context.newPage();
    collectors.push(collectErrors(page, label));
    await page.goto(`${server.url}/${address}`);
    return page;
  }

  it('shows every point of the referee on the courts display, then the winner in the next round on the bracket display', async () => {
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
    expect(semi.roomId).not.toBeNull();
    const nameOf = (id: string | null) => view.participants.find((p) => p.id === id)!.name;
    const [first, second] = semi.sides.map((s) => nameOf(s.participantId));

    // The hall: a display device of the venue, paired on the first screen; the second screen in the same
    // browser finds the stored device token.
    const device = await postJson(`${server.url}/api/devices`, cookie, { kind: 'display', venueId: venue.id, name: '比赛大厅屏' });
    expect(device.status).toBe(201);
    const { pairingCode } = device.json as { pairingCode: string };
    const hall = await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'zh-CN' });
    const courts = await open(hall, `display/?tournament=${tournamentId}&show=courts`, 'courts display');
    await courts.locator('input.code').fill(pairingCode);
    await courts.getByRole('button', { name: /配对/ }).click();
    const court = courts.getByTestId(`court-${semi.roomId}`);
    await court.waitFor();
    await courts.locator('[data-page="courts"]').waitFor();
    await courts.locator('.badge[data-state="live"]').waitFor();

    const bracket = await open(hall, `display/?tournament=${tournamentId}&show=bracket`, 'bracket display');
    const semiBox = bracket.getByTestId('bracket-K1-1');
    const finalBox = bracket.getByTestId('bracket-K2-1');
    await semiBox.waitFor();
    await bracket.locator('[data-page="bracket"]').waitFor();
    await bracket.locator('.badge[data-state="live"]').waitFor();
    expect(await finalBox.locator('.side.placeholder').count()).toBe(2);

    const context = await signedIn();
    const referee = await open(context, `#/referee/${tournamentId}/${semi.id}`, 'referee');

    /** The referee's live score as the server took it: resolves once the request has completed. */
    const liveSent = async (games: Score[], current: Score | null) => {
      const response = await referee.waitForResponse((r) => {
        if (r.request().method() !== 'PUT' || !r.url().endsWith(`/api/matches/${semi.id}/live`)) return false;
        const body = JSON.parse(r.request().postData() ?? '{}') as { games?: unknown; current?: unknown };
        return JSON.stringify([body.games, body.current]) === JSON.stringify([games, current]);
      });
      await response.finished();
      expect(response.status()).toBe(200);
    };

    /**
     * The courts display's card of the table shows, per side: the name, one column per finished game, games
     * won and the points of the game in play (empty once the match is over).
     */
    const courtShows = (games: Score[], current: Score | null) => {
      const won = [0, 1].map((s) => games.filter((g) => g[s]! > g[1 - s]!).length);
      const expected = [0, 1].flatMap((s) => [[first, second][s]!, ...games.map((g) => String(g[s])), String(won[s]), current ? String(current[s]) : '']);
      return courts.waitForFunction(
        ({ selector, expected }) => {
          const card = document.querySelector(selector);
          if (!card?.classList.contains('playing')) return false;
          const cells = [...card.querySelectorAll('.tt > *')].map((el) => el.textContent?.trim() ?? '');
          return JSON.stringify(cells) === JSON.stringify(expected);
        },
        { selector: `[data-testid="court-${semi.roomId}"]`, expected },
        { ...WITHIN, polling: 50 },
      ).catch(async (error: unknown) => {
        throw new Error(`expected ${JSON.stringify(expected)}, the court shows "${await court.textContent()}"`, { cause: error });
      });
    };

    const tossSent = liveSent([], [0, 0]);
    await referee.getByRole('button', { name: `${first} 先发球` }).tap();
    await tossSent;
    await courtShows([], [0, 0]);
    const point = (side: 1 | 2) => referee.locator(`button.tt-point[data-side="${side}"]`);

    // 11:6, then 11:8 — every point, as it is tapped.
    const rally: Array<1 | 2> = [];
    for (const [a, b] of [[11, 6], [11, 8]] as const) {
      for (let i = 0; i < b; i++) rally.push(1, 2);
      for (let i = b; i < a; i++) rally.push(1);
    }
    const games: Score[] = [];
    const current: Score = [0, 0];
    for (const [n, side] of rally.entries()) {
      const i = side === 1 ? 0 : 1;
      current[i] += 1;
      if (current[i] >= 11) {
        games.push([current[0], current[1]]);
        current[0] = 0;
        current[1] = 0;
      }
      const last = n === rally.length - 1; // the match is over: no game in play to show
      const sent = liveSent(games, last ? null : current);
      await point(side).tap();
      await sent;
      await courtShows(games, last ? null : current);
    }
    expect(games).toEqual([[11, 6], [11, 8]]);
    await referee.getByText(`比赛结束：${first} 获胜`).waitFor();

    // Confirmed: within a second of the result being stored, the bracket display shows the winner, and the
    // winner in the final.
    const resultSent = referee.waitForResponse((r) => r.request().method() === 'PUT' && r.url().endsWith(`/api/matches/${semi.id}/result`));
    await referee.getByRole('button', { name: '确认并提交' }).tap();
    const result = await resultSent;
    await result.finished();
    expect(result.status()).toBe(200);
    await semiBox.locator('.side.won', { hasText: first }).waitFor(WITHIN);
    await finalBox.locator('.side:not(.placeholder) .name', { hasText: first }).waitFor(WITHIN);
    expect(await semiBox.getAttribute('data-status')).toBe('done');
    expect(await semiBox.locator('.num').allTextContents()).toEqual(['2', '0']);
    expect(await semiBox.locator('.side.lost').textContent()).toContain(second);
    await referee.getByText('本场已结束').waitFor();

    // The server has the result as the referee entered it.
    const after = await get<{ matches: Array<Match & { result: { payload: unknown } | null; winnerId: string | null }> }>(`/api/tournaments/${tournamentId}`);
    const done = after.matches.find((m) => m.key === 'K1-1')!;
    expect(done.result?.payload).toEqual({ games: [[11, 6], [11, 8]] });
    expect(nameOf(done.winnerId)).toBe(first);

    expect(collectors.flat()).toEqual([]);
    await context.close();
    await hall.close();
  });
});
