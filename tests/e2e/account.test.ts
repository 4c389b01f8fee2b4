/**
 * The coordinator's own account page in Chromium: calendar subscription links (made on the calendar with a
 * label and shown once with a 关闭 button, listed under 我的日历订阅链接 with times in the venue's zone even
 * when the browser is elsewhere, revoked there and on the admin page, after which the feed refuses them); a wrong current password shown in Chinese, a password change that ends another session
 * and keeps this one, then "sign out everywhere" back to the login page.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpSignIn, postJson, type ServerProcess } from '../support/processes.ts';
import { formatInstant } from '../../client/lib/i18n-core.ts';
import { chromiumPath, collectErrors, openSuite } from './browser.ts';
import { journeyShots } from './screenshots.ts';

const ADMIN_PASSWORD = 'browser-admin-pass';
const NEW_PASSWORD = '新密码-browser-2';

describe.runIf(chromiumPath)('the account page in a browser', () => {
  let server: ServerProcess;
  let browser: Browser;
  let stop: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    ({ server, browser, stop } = await openSuite({ ADMIN_PASSWORD }));
  });
  afterAll(async () => stop?.());

  it('makes a calendar link shown once, lists it on the account page, and revokes it there and as an admin', async () => {
    const shots = journeyShots('calendar-links');
    // A browser twelve-odd hours from the venue: every time on the page must still be the venue's.
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, locale: 'zh-CN', timezoneId: 'America/New_York' });
    const page = await context.newPage();
    const errors = collectErrors(page, 'coordinator');
    page.on('dialog', (dialog) => void dialog.accept());
    await page.goto(`${server.url}/`);
    await page.getByLabel(/用户名/).fill('admin');
    await page.getByLabel(/密码/).fill(ADMIN_PASSWORD);
    await page.getByRole('button', { name: /登录/ }).click();
    await page.locator('.fc-timegrid').waitFor();
    const feed = async (url: string) => (await fetch(url)).status;

    // On the calendar: 导出日历 → 订阅链接 (the whole venue) → a label → the link, shown this once.
    await page.getByText('导出日历（iCalendar）').click();
    await page.getByRole('button', { name: '订阅链接' }).first().click();
    await page.getByLabel(/用在哪里/).fill('Outlook 办公室');
    await page.getByRole('button', { name: '生成订阅链接' }).click();
    const shown = page.locator('.subscription input');
    await shown.waitFor();
    const url = await shown.inputValue();
    expect(url).toMatch(/\/calendar\.ics\?key=[A-Za-z0-9_-]{43}$/);
    await page.getByRole('status').filter({ hasText: '此链接只显示这一次' }).waitFor();
    await page.getByText(/可在“我的账户 · 我的日历订阅链接”中随时撤销/).waitFor();
    await shown.scrollIntoViewIfNeeded();
    await shots.take(page, 'link-shown-once');
    expect(await feed(url)).toBe(200);
    // 关闭: the link is gone from the page for good (the status line said so); the link itself still works.
    await page.getByRole('button', { name: '关闭（链接不再显示）' }).click();
    expect(await page.locator('.subscription').count()).toBe(0);
    expect(await page.content()).not.toContain(url.split('key=')[1]!);
    expect(await feed(url)).toBe(200);

    // 我的账户: listed by its label (never its key), revoked with a confirm; the feed refuses it at once.
    await page.getByRole('link', { name: '我的账户' }).click();
    await page.getByRole('heading', { name: '我的日历订阅链接' }).waitFor();
    const row = page.locator('tr', { hasText: 'Outlook 办公室' });
    await row.waitFor();
    expect(await page.content()).not.toContain(url.split('key=')[1]!);
    // Its time in the venue's zone (the browser is in New York).
    const adminCookie = await httpSignIn(server.url, 'admin', ADMIN_PASSWORD);
    const listed = (await (await fetch(`${server.url}/api/calendar-links`, { headers: { cookie: adminCookie } })).json()) as { links: Array<{ label: string; createdAt: string; target: { venueId: string } }> };
    const mine = listed.links.find((l) => l.label === 'Outlook 办公室')!;
    const zones = (await (await fetch(`${server.url}/api/venues`, { headers: { cookie: adminCookie } })).json()) as { venues: Array<{ id: string; timezone: string }> };
    const zone = zones.venues.find((v) => v.id === mine.target.venueId)!.timezone;
    expect(zone).not.toBe('America/New_York');
    const inVenue = formatInstant(mine.createdAt, zone, 'zh-CN');
    expect(inVenue).not.toBe(formatInstant(mine.createdAt, 'America/New_York', 'zh-CN'));
    await row.getByText(inVenue).first().waitFor(); // 生成时间 (and 最近使用, the feed was read this minute)
    await shots.take(page, 'my-calendar-links');
    await row.getByRole('button', { name: '撤销' }).click();
    await page.getByRole('status').filter({ hasText: '已撤销「Outlook 办公室」。' }).waitFor();
    // The list, now empty, says so, and the confirmation stays on screen (it once vanished with the table).
    await page.getByText('您还没有生成订阅链接。').waitFor();
    expect(await page.getByRole('status').filter({ hasText: '已撤销「Outlook 办公室」。' }).isVisible()).toBe(true);
    expect(await feed(url)).toBe(401);

    // An admin sees a colleague's link with its owner, and revokes it.
    const cookie = await httpSignIn(server.url, 'admin', ADMIN_PASSWORD);
    const venues = (await (await fetch(`${server.url}/api/venues`, { headers: { cookie } })).json()) as { venues: Array<{ id: string }> };
    const coordinator = await postJson(`${server.url}/api/users`, cookie, { username: 'calendar_coordinator', password: 'coordinator pass 1', role: 'coordinator', venueIds: [venues.venues[0]!.id] });
    expect(coordinator.status).toBe(201);
    const theirs = await httpSignIn(server.url, 'calendar_coordinator', 'coordinator pass 1');
    const made = await postJson(`${server.url}/api/venues/${venues.venues[0]!.id}/calendar-link`, theirs, { label: '手机日历' });
    expect(made.status).toBe(201);
    const theirUrl = `${server.url}${(made.json as { url: string }).url}`;
    await page.getByRole('link', { name: '管理' }).click();
    await page.getByRole('heading', { name: '日历订阅链接' }).waitFor();
    const adminRow = page.locator('tr', { hasText: '手机日历' });
    await adminRow.filter({ hasText: 'calendar_coordinator' }).waitFor();
    const theirCreated = (made.json as { link: { createdAt: string } }).link.createdAt;
    await adminRow.getByText(formatInstant(theirCreated, zone, 'zh-CN')).first().waitFor();
    await adminRow.scrollIntoViewIfNeeded();
    await shots.take(page, 'admin-calendar-links');
    await adminRow.getByRole('button', { name: '撤销' }).click();
    await page.getByRole('status').filter({ hasText: '已撤销「手机日历」。' }).waitFor();
    await page.getByText('目前没有订阅链接。').waitFor();
    expect(await page.getByRole('status').filter({ hasText: '已撤销「手机日历」。' }).isVisible()).toBe(true);
    expect(await feed(theirUrl)).toBe(401);
    expect(errors.filter((e) => e.includes('pageerror'))).toEqual([]);
    await context.close();
  });

  it('changes the password (other sessions end) and signs out everywhere', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
    const page = await context.newPage();
    const errors = collectErrors(page, 'coordinator');
    await page.goto(`${server.url}/`);
    await page.getByLabel(/用户名/).fill('admin');
    await page.getByLabel(/密码/).fill(ADMIN_PASSWORD);
    await page.getByRole('button', { name: /登录/ }).click();
    const otherSession = await httpSignIn(server.url, 'admin', ADMIN_PASSWORD);
    const me = async (cookie: string) => (await fetch(`${server.url}/api/auth/me`, { headers: { cookie } })).status;

    await page.getByRole('link', { name: '我的账户' }).click();
    await page.getByRole('heading', { name: '修改密码' }).waitFor();

    await page.getByLabel('当前密码', { exact: true }).fill('not the password');
    await page.getByLabel('新密码', { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel('再次输入新密码', { exact: true }).fill(NEW_PASSWORD);
    await page.getByRole('button', { name: '修改密码' }).click();
    await page.getByRole('alert').filter({ hasText: '当前密码不正确。' }).waitFor();
    expect(await me(otherSession)).toBe(200);

    await page.getByLabel('当前密码', { exact: true }).fill(ADMIN_PASSWORD);
    await page.getByRole('button', { name: '修改密码' }).click();
    await page.getByRole('status').filter({ hasText: '密码已修改' }).waitFor();
    expect(await me(otherSession)).toBe(401);

    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: '退出所有设备' }).click();
    await page.getByRole('button', { name: /登录/ }).waitFor();
    const fresh = await httpSignIn(server.url, 'admin', NEW_PASSWORD);
    expect(await me(fresh)).toBe(200);
    expect(errors.filter((e) => e.includes('pageerror'))).toEqual([]);
  });
});
