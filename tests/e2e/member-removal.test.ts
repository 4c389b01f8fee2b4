/**
 * Removing a member in the coordinator app: an admin finds the member, opens them, removes them after a
 * confirmation that says their visits are kept, and the member is gone from the list; a coordinator is not
 * offered the action.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpSignIn, postJson, type ServerProcess } from '../support/processes.ts';
import { chromiumPath, openSuite, signInPage } from './browser.ts';

const ADMIN_PASSWORD = 'browser-admin-pass';

describe.runIf(chromiumPath)('removing a member in the browser', () => {
  let server: ServerProcess;
  let browser: Browser;
  let stop: (() => Promise<void>) | undefined;
  const collectors: string[][] = [];

  const signedIn = (username: string, password: string): Promise<Page> => signInPage(browser, server.url, username, password, collectors, { viewport: { width: 1280, height: 800 } });

  async function openMember(page: Page, name: string) {
    await page.goto(`${server.url}/#/members`);
    await page.getByLabel('查找会员').fill(name);
    await page.getByRole('button', { name: `编辑 ${name}` }).click();
  }

  beforeAll(async () => {
    ({ server, browser, stop } = await openSuite({ ADMIN_PASSWORD }));
    const cookie = await httpSignIn(server.url, 'admin', ADMIN_PASSWORD);
    for (const [name, cardCode] of [['欧阳删除', 'RM0001'], ['欧阳保留', 'RM0002']]) {
      expect((await postJson(`${server.url}/api/members`, cookie, { name, cardCode })).status).toBe(201);
    }
    const venues = (await (await fetch(`${server.url}/api/venues`, { headers: { cookie } })).json()) as { venues: Array<{ id: string }> };
    const user = await postJson(`${server.url}/api/users`, cookie, { username: 'coordrm', password: 'coordinator-pass', role: 'coordinator', venueIds: [venues.venues[0]!.id] });
    expect(user.status, JSON.stringify(user.json)).toBe(201);
  });
  afterAll(async () => stop?.());

  it('an admin removes a member after confirming; the member leaves the list', async () => {
    const page = await signedIn('admin', ADMIN_PASSWORD);
    await openMember(page, '欧阳删除');
    await page.getByRole('button', { name: '删除会员（匿名化）' }).click();
    const dialog = page.getByRole('alertdialog');
    await expect(dialog.textContent()).resolves.toContain('签到记录保留');
    await dialog.getByRole('button', { name: '确认删除' }).click();
    await page.getByText('已删除会员“欧阳删除”').waitFor();
    await page.getByLabel('查找会员').fill('欧阳');
    await page.getByRole('button', { name: '编辑 欧阳保留' }).waitFor();
    expect(await page.getByRole('button', { name: '编辑 欧阳删除' }).count()).toBe(0);
  });

  it('a coordinator is not offered the removal', async () => {
    const page = await signedIn('coordrm', 'coordinator-pass');
    await openMember(page, '欧阳保留');
    await page.getByRole('button', { name: /保存/ }).waitFor();
    expect(await page.getByRole('button', { name: '删除会员（匿名化）' }).count()).toBe(0);
  });

  it('logs no error in either page', () => {
    expect(collectors.flat()).toEqual([]);
  });
});
