/**
 * Journey: a group ends in a three-way tie, decided by a recorded draw (docs/rules.md "Lots"; the draw part
 * of the referee and hall journey, whose live scoring is journey-referee-hall.test.ts).
 * A coordinator (1440×900, Chinese) starts a groups-then-knockout table tennis event (the start
 * asks first, and is undone once while nothing is played, then started again), results arrive as the referees' tablets would send them; while group A is still being played
 * nobody is "by lot"; once it is played out as a circle with equal scores, the page says 待抽签 and the
 * knockout places fed from group A read "待抽签（A组第1名）" on the page, the print and the hall screen
 * (1920×1080, a paired display): never a guessed player, and that match cannot start. The coordinator taps the
 * names in the order drawn and saves; the standings say 抽签决定, the knockout fills with the names drawn on
 * every screen, and no internal code (G:A-R1-1, K1-1) shows anywhere.
 * Screenshots: test-results/journeys/group-draw/.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpSignIn, postJson, request, type ServerProcess } from '../support/processes.ts';
import { chromiumPath, collectErrors, openSuite, signInPage } from './browser.ts';
import { journeyShots } from './screenshots.ts';

const ADMIN_PASSWORD = 'journey-group-draw-pass';
const CITY = '市老干部活动中心';
const WITHIN = { timeout: 10_000 };
/** Internal keys people must never read: group, round-robin and knockout match codes. */
const CODES = /G:[A-Z]+-R\d|\bK\d+-\d+\b|\bR\d+-\d+\b|\bK3P\b/;

interface Side { participantId: string | null; from?: { kind: string; group?: string; place?: number } }
interface Match { id: string; key: string; stage: string; group: string | null; status: string; sides: Side[] }
interface View {
  matches: Match[];
  participants: Array<{ id: string; name: string }>;
  standings: Array<{ group: string | null; rows: Array<{ participantId: string; rank: number; byLot: boolean }> }>;
}

describe.runIf(chromiumPath)('journey: a three-way tie decided by a recorded draw', () => {
  let server: ServerProcess;
  let browser: Browser;
  let stop: (() => Promise<void>) | undefined;
  const collectors: string[][] = [];
  const shots = journeyShots('group-draw');

  beforeAll(async () => {
    ({ server, browser, stop } = await openSuite({ ADMIN_PASSWORD }));
  });
  afterAll(async () => stop?.());

  async function open(context: BrowserContext, address: string, label: string): Promise<Page> {
    const page = await context.newPage();
    collectors.push(collectErrors(page, label));
    await page.goto(`${server.url}/${address}`);
    return page;
  }

  it('shows no lot while group A is played, waits for the draw, and fills the knockout from it', async () => {
    const cookie = await httpSignIn(server.url, 'admin', ADMIN_PASSWORD);
    const get = async <T>(url: string) => (await (await fetch(`${server.url}${url}`, { headers: { cookie } })).json()) as T;
    const venue = (await get<{ venues: Array<{ id: string; name: string }> }>('/api/venues')).venues.find((v) => v.name === CITY)!;

    // The entries, as the coordinator took them before the day.
    const created = await postJson(`${server.url}/api/tournaments`, cookie, {
      venueId: venue.id, name: '银龄乒乓球分组赛', sport: 'table_tennis', format: 'groups_then_knockout', bestOf: 3, groupCount: 2, advancePerGroup: 2,
    });
    expect(created.status).toBe(201);
    const id = (created.json as { tournament: { id: string } }).tournament.id;
    for (const name of ['王建华', '李秀英', '张国强', '刘淑珍', '陈志明', '杨桂兰', '赵德胜', '黄玉梅']) {
      expect((await postJson(`${server.url}/api/tournaments/${id}/participants`, cookie, { name })).status).toBe(201);
    }

    const page = await signInPage(browser, server.url, 'admin', ADMIN_PASSWORD, collectors, { viewport: { width: 1440, height: 900 } });
    // The create form (the entries above were taken over the API): the 团体赛 box sits beside its words, on one line.
    await page.goto(`${server.url}/#/tournaments/new`);
    const teamBox = page.getByRole('checkbox', { name: /团体赛/ });
    await teamBox.waitFor(WITHIN);
    const label = page.locator('label.check', { has: teamBox });
    const [boxAt, labelAt] = [(await teamBox.boundingBox())!, (await label.boundingBox())!];
    expect(Math.abs(boxAt.y + boxAt.height / 2 - (labelAt.y + labelAt.height / 2))).toBeLessThan(4);
    expect(labelAt.height).toBeLessThan(boxAt.height * 2.5);
    expect(labelAt.width).toBeGreaterThan(boxAt.width * 4);
    await shots.take(page, 'create-form-team-box');

    // The coordinator starts it on the tournament page: it asks first, in plain words.
    await page.goto(`${server.url}/#/tournaments/${id}`);
    await page.getByRole('button', { name: /开始比赛/ }).click();
    const ask = page.getByRole('alertdialog');
    await ask.getByText('系统立即抽签').waitFor(WITHIN);
    await ask.getByText('参赛名单、种子从此固定').waitFor();
    await shots.take(page, 'start-asks-first');
    await page.getByRole('button', { name: '确认开始' }).click();
    await page.getByRole('tab', { name: /对阵/ }).waitFor(WITHIN);

    // Started too soon (a late entry at the door): nothing is played yet, so the start can be undone.
    await page.getByRole('button', { name: '撤销开赛' }).click();
    await page.getByRole('alertdialog').getByText('场地预订取消，比赛回到草稿').waitFor(WITHIN);
    await shots.take(page, 'undo-start-asks');
    await page.getByRole('button', { name: '确认撤销' }).click();
    await page.getByText('已撤销开赛，比赛回到草稿。').waitFor(WITHIN);
    await page.getByRole('button', { name: /开始比赛/ }).click();
    await page.getByRole('button', { name: '确认开始' }).click();
    await page.getByRole('tab', { name: /对阵/ }).waitFor(WITHIN);
    expect(await page.getByText('已撤销开赛').count()).toBe(0);

    let view = await get<View>(`/api/tournaments/${id}`);
    const nameOf = (pid: string | null) => view.participants.find((p) => p.id === pid)?.name ?? '';
    const groupMembers = (g: string) => view.standings.find((s) => s.group === g)!.rows.map((r) => r.participantId).sort();
    const circle = groupMembers('A');
    const clear = groupMembers('B');
    /** Referees' results: in A a circle of the first three with equal scores (the fourth loses all); in B by list order. */
    const play = async (group: string, count = Infinity) => {
      const members = group === 'A' ? circle : clear;
      let n = 0;
      for (const m of view.matches.filter((x) => x.group === group && x.status !== 'done')) {
        if (n >= count) break;
        const [a, b] = m.sides.map((s) => members.indexOf(s.participantId!)) as [number, number];
        const firstWins = group === 'B' ? a < b : b === 3 || (a !== 3 && (b - a + 3) % 3 === 1);
        const games = Array.from({ length: 2 }, () => (firstWins ? [11, 6] : [6, 11]));
        const put = await request(`${server.url}/api/matches/${m.id}/result`, { method: 'PUT', cookie, body: { games } });
        expect(put.statusCode, put.body).toBe(200);
        n += 1;
      }
      view = await get<View>(`/api/tournaments/${id}`);
    };

    // The hall: a display paired for this tournament, one window on the tables, one on the bracket.
    const device = await postJson(`${server.url}/api/devices`, cookie, { kind: 'display', venueId: venue.id, name: '比赛大厅屏' });
    expect(device.status).toBe(201);
    const hall = await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'zh-CN' });
    const hallGroups = await open(hall, `display/?tournament=${id}&show=groups`, 'hall groups');
    await hallGroups.locator('input.code').fill((device.json as { pairingCode: string }).pairingCode);
    await hallGroups.getByRole('button', { name: /配对/ }).click();
    await hallGroups.getByTestId('group-A').waitFor(WITHIN);

    // Round 1 of group A: the two winners (and the two losers) have not met. Level, never "by lot".
    await play('A', 2);
    const tableA = page.locator('section.group-block', { has: page.getByRole('heading', { name: /^A 组/ }) }).locator('table.standings');
    await expect.poll(async () => (await tableA.textContent()) ?? '', WITHIN).toContain('暂时并列');
    expect(await tableA.textContent()).not.toMatch(/抽签/);
    expect(await hallGroups.getByTestId('group-A').textContent()).not.toMatch(/抽签/);
    await shots.take(page, 'group-a-level-while-playing');

    // Both groups played out: A is a real three-way tie.
    await play('A');
    await play('B');
    await page.getByText('第 1、2、3 名需抽签决定').waitFor(WITHIN);
    await expect.poll(async () => (await tableA.locator('.badge.lot-awaiting').count()), WITHIN).toBe(3);
    const fed = (place: number) => view.matches.find((m) => m.stage === 'knockout'
      && m.sides.some((s) => s.from?.kind === 'group_place' && s.from.group === 'A' && s.from.place === place))!;
    const a1 = fed(1);
    const card = page.locator(`[data-match-key="${a1.key}"]`);
    await expect.poll(async () => (await card.textContent()) ?? '', WITHIN).toContain('待抽签（A组第1名）');
    expect(a1.sides.every((s) => s.participantId === null || clear.includes(s.participantId))).toBe(true);
    expect(a1.status).toBe('waiting');
    await shots.take(page, 'tie-awaits-the-draw');
    await page.locator(`[data-match-key="${a1.key}"]`).scrollIntoViewIfNeeded();
    await shots.take(page, 'knockout-awaits-the-draw');

    await hallGroups.getByTestId('group-A').getByText('待抽签').first().waitFor(WITHIN);
    await shots.take(hallGroups, 'hall-tables-awaiting-draw');
    const hallBracket = await open(hall, `display/?tournament=${id}&show=bracket`, 'hall bracket');
    const hallA1 = hallBracket.getByTestId(`bracket-${a1.key}`);
    await hallA1.getByText('待抽签（A组第1名）').waitFor(WITHIN);
    await shots.take(hallBracket, 'hall-bracket-awaiting-draw');

    // The printed sheet says the same, in words.
    await page.emulateMedia({ media: 'print' });
    const printed = (await page.locator('.print-sheet').textContent()) ?? '';
    await page.emulateMedia({ media: 'screen' });
    expect(printed).toContain('待抽签（A组第1名）');
    expect(printed).toContain('半决赛');
    expect(printed).not.toMatch(CODES);

    // The draw on the table, recorded: tap the names in the order drawn, then save.
    const drawn = [circle[2]!, circle[0]!, circle[1]!];
    const box = page.getByTestId('lot-A');
    for (const pid of drawn) await box.getByRole('button', { name: new RegExp(nameOf(pid)) }).click();
    await shots.take(page, 'draw-picked');
    await box.getByRole('button', { name: '保存抽签结果' }).click();
    await page.getByText('已记录抽签结果').waitFor(WITHIN);
    await expect.poll(async () => (await tableA.locator('.badge.lot').count()), WITHIN).toBe(3);
    const order = await tableA.locator('tbody tr td:nth-child(2)').allTextContents();
    expect(order.slice(0, 3)).toEqual(drawn.map(nameOf));
    await expect.poll(async () => (await card.textContent()) ?? '', WITHIN).toContain(nameOf(drawn[0]!));
    expect(await card.textContent()).not.toContain('待抽签');
    await shots.take(page, 'draw-recorded-knockout-filled');

    // The hall follows without a reload: the names drawn, the words people use, no codes.
    await hallA1.getByText(nameOf(drawn[0]!)).waitFor(WITHIN);
    await expect.poll(async () => (await hallA1.textContent()) ?? '', WITHIN).not.toContain('待抽签');
    const bracketText = (await hallBracket.locator('main').textContent()) ?? '';
    expect(bracketText).toContain('半决赛');
    expect(bracketText).not.toMatch(CODES);
    await shots.take(hallBracket, 'hall-bracket-filled');
    await hallGroups.getByTestId('group-A').getByText('抽签决定').first().waitFor(WITHIN);
    await shots.take(hallGroups, 'hall-tables-drawn');

    view = await get<View>(`/api/tournaments/${id}`);
    expect(view.matches.find((m) => m.id === a1.id)!.status).toBe('ready');
    expect((await page.locator('main').textContent()) ?? '').not.toMatch(CODES);

    // The order of play and the referee's match picker name matches in words too.
    await page.getByRole('tab', { name: '出场顺序' }).click();
    const orderTab = page.locator('.tab-panel');
    await orderTab.getByText('A 组第 1 轮第 1 场').first().waitFor(WITHIN);
    await orderTab.getByText('半决赛第 1 场').first().waitFor();
    expect((await orderTab.textContent()) ?? '').not.toMatch(CODES);
    await shots.take(page, 'order-of-play-in-words');
    await page.getByRole('link', { name: '裁判记分' }).click();
    await page.getByText('半决赛第 1 场').first().waitFor(WITHIN);
    expect((await page.locator('main').textContent()) ?? '').not.toMatch(CODES);
    await shots.take(page, 'referee-picker-in-words');

    // The audit log says what happened in words: the matches by their names, the people by name, the draw.
    await page.goto(`${server.url}/#/audit`);
    const lotRow = page.locator('tbody tr', { hasText: '记录抽签结果' });
    await lotRow.waitFor(WITHIN);
    expect(await lotRow.textContent()).toContain(`1 ${nameOf(drawn[0]!)}、2 ${nameOf(drawn[1]!)}、3 ${nameOf(drawn[2]!)}`);
    const resultRows = page.locator('tbody tr', { hasText: '录入比赛结果' });
    const resultText = (await resultRows.allTextContents()).join('\n');
    expect(resultText).toMatch(/比赛 · 银龄乒乓球分组赛 · [AB] 组第 \d 轮第 \d 场/);
    expect(resultText).toContain('胜者: （未决出） → ');
    expect(resultText).not.toMatch(/\b[0-9a-f]{8}\b/);
    expect(resultText).not.toMatch(CODES);
    await shots.take(page, 'audit-log-in-words');
    expect(collectors.flat()).toEqual([]);
  }, 180_000);
});
