/**
 * A table tennis team event run by two coordinators, in Chromium against a real server process (embedded
 * database, demo data). Proves: a team of visitors (players typed by name, not members) is entered on the
 * draft page and reaches the server as players by name in order A, B, C; the second coordinator's page follows
 * the start without a reload and names the final's waiting sides by the semifinals' numbers ("第N场胜者");
 * a finished team result is corrected rubber by rubber in the match dialog and the other page's bracket follows
 * (the other team goes through); a substitute brought in while running reaches the server and shows on the
 * other page's entries at once; no page logs an error.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpSignIn, postJson, request, type ServerProcess } from '../support/processes.ts';
import { chromiumPath, collectErrors, openSuite } from './browser.ts';

const ADMIN_PASSWORD = 'browser-admin-pass';
const CITY = '市老干部活动中心';
/** Far from the demo bookings and from the other browser tests' tournaments, so the tables are free. */
const STARTS_AT = '2031-04-08T09:00:00+08:00';
const WITHIN = { timeout: 2_000 };
const VISITORS = ['来宾甲', '来宾乙', '来宾丙'];

interface Match {
  id: string;
  key: string;
  sides: Array<{ participantId: string | null }>;
  winnerId: string | null;
  result: { payload: unknown } | null;
}
interface Participant {
  id: string;
  name: string;
  players: Array<{ memberId: string | null; name: string; ballNumber: number | null }>;
}

describe.runIf(chromiumPath)('a team event on two coordinators’ pages', () => {
  let server: ServerProcess;
  let browser: Browser;
  let stop: (() => Promise<void>) | undefined;
  const collectors: string[][] = [];

  beforeAll(async () => {
    ({ server, browser, stop } = await openSuite({ ADMIN_PASSWORD }));
  });
  afterAll(async () => stop?.());

  async function coordinator(label: string, address: string): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 1000 }, locale: 'zh-CN' });
    const page = await context.newPage();
    collectors.push(collectErrors(page, label));
    await page.goto(`${server.url}/`);
    await page.getByLabel(/用户名/).fill('admin');
    await page.getByLabel(/密码/).fill(ADMIN_PASSWORD);
    await page.getByRole('button', { name: /登录/ }).click();
    await page.getByRole('button', { name: '退出登录' }).waitFor();
    await page.goto(`${server.url}/${address}`);
    return page;
  }

  it('enters visitors by name, corrects a team result and brings in a substitute, the other page following', async () => {
    const cookie = await httpSignIn(server.url, 'admin', ADMIN_PASSWORD);
    const get = async <T>(url: string) => (await request(`${server.url}${url}`, { cookie })).json as T;
    const venue = (await get<{ venues: Array<{ id: string; name: string }> }>('/api/venues')).venues.find((v) => v.name === CITY)!;
    const tables = (await get<{ rooms: Array<{ id: string; kind: string }> }>(`/api/venues/${venue.id}/rooms`)).rooms.filter((r) => r.kind === 'table_tennis');
    const members = (await get<{ members: Array<{ id: string; name: string; memberNo: string | null }> }>('/api/members?limit=12')).members;
    const created = await postJson(`${server.url}/api/tournaments`, cookie, {
      venueId: venue.id, name: '浏览器测试团体赛', sport: 'table_tennis', format: 'single_elimination', bestOf: 3, team: true,
      roomIds: tables.slice(0, 2).map((r) => r.id), startsAt: STARTS_AT, matchMinutes: 60,
    });
    expect(created.status).toBe(201);
    const tournamentId = (created.json as { tournament: { id: string } }).tournament.id;
    // Three teams of members over the API; the fourth, of visitors, on the page.
    for (const [i, name] of ['红星队', '蓝天队', '青松队'].entries()) {
      const players = [0, 1, 2].map((j) => ({ memberId: members[i * 3 + j]!.id, ballNumber: j + 1 }));
      expect((await postJson(`${server.url}/api/tournaments/${tournamentId}/participants`, cookie, { name, seed: i + 1, players })).status).toBe(201);
    }

    const a = await coordinator('coordinator A', `#/tournaments/${tournamentId}`);
    const b = await coordinator('coordinator B', `#/tournaments/${tournamentId}`);
    await a.getByRole('button', { name: '编辑“红星队”' }).waitFor();
    await a.locator('summary', { hasText: '添加队伍' }).click();
    await a.getByLabel('队名', { exact: true }).fill('来宾队');
    await a.locator('button.btn', { hasText: /^添加队伍$/ }).click();
    for (const name of VISITORS) {
      await a.getByLabel('非会员姓名').fill(name);
      await a.getByRole('button', { name: '按姓名添加' }).click();
    }
    await a.getByRole('button', { name: '添加这 1 个' }).click();
    await a.getByRole('button', { name: '编辑“来宾队”' }).waitFor();
    // The other coordinator's draft shows the new team without a reload.
    await b.getByRole('button', { name: '编辑“来宾队”' }).waitFor(WITHIN);
    const drafted = await get<{ participants: Participant[] }>(`/api/tournaments/${tournamentId}`);
    expect(drafted.participants.find((p) => p.name === '来宾队')?.players).toEqual(
      VISITORS.map((name, i) => ({ memberId: null, name, ballNumber: i + 1 })),
    );

    // Started on page A; page B shows the draw, the final waiting for the semifinals' winners by number.
    await a.getByRole('button', { name: /开始比赛/ }).click();
    // The start asks first, in plain words.
    await a.getByRole('alertdialog').getByText('参赛名单、种子从此固定').waitFor(WITHIN);
    await a.getByRole('button', { name: '确认开始' }).click();
    const final = b.locator('[data-match-key="K2-1"]');
    await final.waitFor(WITHIN);
    const numberOf = async (key: string) => (await b.locator(`[data-match-key="${key}"] .mc-no`).textContent())!.trim();
    const [semi1, semi2] = [await numberOf('K1-1'), await numberOf('K1-2')];
    expect(semi1).toMatch(/^第\d+场$/);
    await final.locator('.mc-name', { hasText: `${semi1}胜者` }).waitFor(WITHIN);
    await final.locator('.mc-name', { hasText: `${semi2}胜者` }).waitFor(WITHIN);

    // K1-1 finished 3:1 for side 1 (entered over the API, as a referee's tablet would).
    const view = await get<{ matches: Match[]; participants: Participant[] }>(`/api/tournaments/${tournamentId}`);
    const semi = view.matches.find((m) => m.key === 'K1-1')!;
    const nameOf = (id: string | null) => view.participants.find((p) => p.id === id)!.name;
    const [home, away] = semi.sides.map((s) => nameOf(s.participantId)) as [string, string];
    const won = { games: [[11, 5], [11, 7]] };
    const lost = { games: [[5, 11], [7, 11]] };
    const entered = await request(`${server.url}/api/matches/${semi.id}/result`, { method: 'PUT', cookie, body: { rubbers: [won, lost, won, won] } });
    expect(entered.statusCode).toBe(200);
    await final.locator('.mc-name', { hasText: home }).waitFor(WITHIN);

    // Corrected on page A: rubbers 3 and 4 went to the other team, 1:3.
    await a.locator('[data-match-key="K1-1"]').click();
    await a.getByRole('heading', { name: '更正结果' }).waitFor();
    for (const rubber of [3, 4]) {
      for (const game of [1, 2]) {
        await a.getByLabel(`第 ${rubber} 场第 ${game} 局 ${home} 的得分`).fill('6');
        await a.getByLabel(`第 ${rubber} 场第 ${game} 局 ${away} 的得分`).fill('11');
      }
    }
    await a.getByRole('button', { name: '提交更正' }).click();
    await a.locator('.confirm-summary', { hasText: '1:3' }).waitFor();
    await a.getByRole('button', { name: '确认提交' }).click();
    await a.getByText('结果已保存，对阵图和积分已更新。').waitFor();
    await final.locator('.mc-name', { hasText: away }).waitFor(WITHIN);
    const corrected = (await get<{ matches: Match[] }>(`/api/tournaments/${tournamentId}`)).matches.find((m) => m.key === 'K1-1')!;
    expect(corrected.result?.payload).toEqual({ rubbers: [won, lost, { games: [[6, 11], [6, 11]] }, { games: [[6, 11], [6, 11]] }] });
    expect(nameOf(corrected.winnerId)).toBe(away);
    await a.getByRole('button', { name: '关闭' }).click();

    // A substitute: the visitors' B player is replaced by a member, on page A; page B's entries follow.
    await b.getByRole('tab', { name: '参赛名单' }).click();
    await a.getByRole('tab', { name: '参赛名单' }).click();
    await a.getByRole('button', { name: '为“来宾队”换人' }).click();
    await a.getByRole('button', { name: `移除 ${VISITORS[1]}` }).click();
    const substitute = members[11]!;
    // Found by member number: two members may share a name.
    await a.getByLabel('为“来宾队”添加队员').fill(substitute.memberNo ?? substitute.name);
    await a.locator('.picker-results li', { hasText: substitute.name }).first().getByRole('button', { name: '添加' }).click();
    await a.getByRole('button', { name: '保存' }).click();
    await a.getByText('已保存。').waitFor();
    await b.locator('.entry-table tr', { hasText: '来宾队' }).getByText(substitute.name).waitFor(WITHIN);
    const after = (await get<{ participants: Participant[] }>(`/api/tournaments/${tournamentId}`)).participants.find((p) => p.name === '来宾队')!;
    expect(after.players).toEqual([
      { memberId: null, name: VISITORS[0], ballNumber: 1 },
      { memberId: substitute.id, name: substitute.name, ballNumber: 2 },
      { memberId: null, name: VISITORS[2], ballNumber: 3 },
    ]);

    expect(collectors.flat()).toEqual([]);
  });
});
