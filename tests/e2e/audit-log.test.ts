/**
 * The audit log and user management in the coordinator app: an admin disables a coordinator from the Users
 * panel (the coordinator's open session ends), opens 审计日志 and sees the change and the other entries, with
 * a member's markup-looking name shown as text, narrows by kind, and exports the CSV (BOM, Chinese headers).
 * A coordinator is not offered the page.
 */
import type { Browser, Page } from 'playwright-core';
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpSignIn, postJson, type ServerProcess } from '../support/processes.ts';
import { chromiumPath, openSuite, signInPage } from './browser.ts';

const ADMIN_PASSWORD = 'browser-admin-pass';
const SNEAKY = '<img src=x onerror=alert(1)>赵审计';

describe.runIf(chromiumPath)('the audit log in a browser', () => {
  let server: ServerProcess;
  let browser: Browser;
  let stop: (() => Promise<void>) | undefined;
  const collectors: string[][] = [];

  const signedIn = (username: string, password: string): Promise<Page> => signInPage(browser, server.url, username, password, collectors, { acceptDownloads: true });

  beforeAll(async () => {
    ({ server, browser, stop } = await openSuite({ ADMIN_PASSWORD }));
    const cookie = await httpSignIn(server.url, 'admin', ADMIN_PASSWORD);
    expect((await postJson(`${server.url}/api/members`, cookie, { name: SNEAKY })).status).toBe(201);
    const venues = (await (await fetch(`${server.url}/api/venues`, { headers: { cookie } })).json()) as { venues: Array<{ id: string }> };
    for (const username of ['coordaudit', 'coordstay']) {
      const user = await postJson(`${server.url}/api/users`, cookie, { username, password: 'coordinator-pass', role: 'coordinator', venueIds: [venues.venues[0]!.id] });
      expect(user.status, JSON.stringify(user.json)).toBe(201);
    }
  });
  afterAll(async () => stop?.());

  it('a coordinator has no audit log in the navigation', async () => {
    const page = await signedIn('coordstay', 'coordinator-pass');
    await page.getByRole('link', { name: '管理' }).waitFor();
    expect(await page.getByRole('link', { name: '审计日志' }).count()).toBe(0);
    await page.goto(`${server.url}/#/audit`);
    await page.getByRole('heading', { level: 2 }).first().waitFor();
    expect(await page.getByRole('heading', { name: '审计日志' }).count()).toBe(0);
  });

  it('an admin disables a user, then finds it in the audit log and exports it', async () => {
    const victim = await httpSignIn(server.url, 'coordaudit', 'coordinator-pass');
    const page = await signedIn('admin', ADMIN_PASSWORD);
    await page.getByRole('link', { name: '管理' }).click();
    await page.getByRole('button', { name: '修改用户「coordaudit」' }).click();
    await page.getByRole('button', { name: '停用此用户' }).click();
    await page.getByText('停用「coordaudit」？').waitFor();
    await page.getByRole('button', { name: '确定停用' }).click();
    await page.getByRole('status').filter({ hasText: '已停用「coordaudit」' }).waitFor();
    expect((await fetch(`${server.url}/api/auth/me`, { headers: { cookie: victim } })).status).toBe(401);

    await page.getByRole('link', { name: '审计日志' }).click();
    await page.getByRole('heading', { name: '审计日志' }).waitFor();
    const rows = page.locator('table.audit-table tbody tr');
    await rows.first().waitFor();
    // Newest first: the disabling, by admin, with what changed.
    await expect(rows.first().textContent()).resolves.toMatch(/admin.*停用用户.*用户 · coordaudit.*停用: 否 → 是/s);
    // A name that looks like markup is shown as the text it is.
    await page.getByRole('cell', { name: `会员 · ${SNEAKY}` }).waitFor();
    expect(await page.locator('table.audit-table img').count()).toBe(0);

    await page.getByLabel('类别').selectOption('member');
    await page.getByRole('button', { name: '查询' }).click();
    await page.getByText('已显示全部').waitFor();
    const kinds = await page.locator('table.audit-table tbody tr td:nth-child(4)').allTextContents();
    expect(kinds.length).toBeGreaterThan(0);
    expect(kinds.every((k) => k.startsWith('会员'))).toBe(true);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 CSV' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^audit-log-\d{8}\.csv$/);
    const bytes = await readFile((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text).toContain('"操作人类型","操作人","操作"');
    expect(text).toContain(SNEAKY);
    expect(text).not.toContain('停用用户'); // the export follows the filters (members only)
    await page.getByRole('status').filter({ hasText: '已下载' }).waitFor();
  });

  it('logs no error in any page', () => {
    expect(collectors.flat()).toEqual([]);
  });
});
