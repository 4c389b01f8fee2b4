/**
 * The coordinator's own account page in Chromium: a wrong current password shown in Chinese, a password
 * change that ends another session and keeps this one, then "sign out everywhere" back to the login page.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpSignIn, type ServerProcess } from '../support/processes.ts';
import { chromiumPath, collectErrors, openSuite } from './browser.ts';

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
