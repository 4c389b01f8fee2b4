/**
 * Journey: at the desk, a coordinator gives a member the PIN for the phone pages (docs/security.md "Member PINs"):
 * opens the member on the members page, presses 发放/重置报名密码 (PIN), reads the six digits off the screen in
 * big type, prints the slip (the slip alone, in Chinese) and presses 完成 to hide it. The PIN signs the member
 * in; a second PIN replaces it. A member without a member number is told to give them one first.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpSignIn, request, type ServerProcess } from '../support/processes.ts';
import { chromiumPath, openSuite, signInPage } from './browser.ts';
import { journeyShots } from './screenshots.ts';

const ADMIN_PASSWORD = 'journey-member-pin-pass';
const MEMBER = { name: '陈淑芬', memberNo: 'CS2027001' };
const NUMBERLESS = '何玉珍';

describe.runIf(chromiumPath)('journey: the desk issues a member’s PIN', () => {
  let server: ServerProcess;
  let browser: Browser;
  let stop: () => Promise<void>;
  let page: Page;
  const errors: string[][] = [];
  const shots = journeyShots('member-pin');

  const memberLogin = (memberNo: string, pin: string) => request(`${server.url}/api/member-auth/login`, { method: 'POST', body: { memberNo, pin } });

  beforeAll(async () => {
    ({ server, browser, stop } = await openSuite({ ADMIN_PASSWORD }));
    const cookie = await httpSignIn(server.url, 'admin', ADMIN_PASSWORD);
    for (const body of [MEMBER, { name: NUMBERLESS }]) {
      const made = await request(`${server.url}/api/members`, { method: 'POST', cookie, body });
      expect(made.statusCode, made.body).toBe(201);
    }
    page = await signInPage(browser, server.url, 'admin', ADMIN_PASSWORD, errors);
  });

  afterAll(async () => {
    await page?.context().close();
    await stop?.();
  });

  async function openMember(name: string): Promise<void> {
    await page.emulateMedia({ media: 'screen' });
    await page.goto(`${server.url}/#/members`);
    await page.getByLabel('查找会员').fill(name);
    await page.getByRole('button', { name: `编辑 ${name}` }).click();
    await page.getByRole('heading', { name: '报名密码（PIN）' }).waitFor();
  }

  it('shows a new PIN once in big digits, prints the slip alone, and hides it when done', async () => {
    await openMember(MEMBER.name);
    const issue = page.getByRole('button', { name: '发放/重置报名密码 (PIN)' });
    await issue.scrollIntoViewIfNeeded();
    await shots.take(page, 'member-open-pin-button');

    await issue.click();
    const shown = page.getByTestId('member-pin');
    await shown.waitFor();
    const digits = (await shown.textContent())!.replace(/\s/g, '');
    expect(digits).toMatch(/^\d{6}$/);
    await page.getByText(`已为 ${MEMBER.name} 发放新的报名密码。`).waitFor();
    const size = await shown.evaluate((element) => Number.parseFloat(getComputedStyle(element).fontSize));
    expect(size).toBeGreaterThanOrEqual(48);
    await shown.scrollIntoViewIfNeeded();
    await shots.take(page, 'pin-shown');

    // The slip is what prints, on its own: the member list and the form are not on the paper.
    await page.emulateMedia({ media: 'print' });
    // (By element, not by role: what is hidden has no role left.)
    expect(await page.locator('#member-search').evaluate((element) => getComputedStyle(element).visibility)).toBe('hidden');
    expect(await shown.evaluate((element) => getComputedStyle(element).visibility)).toBe('visible');
    await page.evaluate(() => window.scrollTo(0, 0));
    await shots.take(page, 'pin-slip-printed');
    await page.emulateMedia({ media: 'screen' });

    expect((await memberLogin(MEMBER.memberNo, digits)).statusCode).toBe(200);

    await page.getByRole('button', { name: '完成（隐藏密码）' }).click();
    await expect(shown.count()).resolves.toBe(0);
    expect(await page.getByText(digits.slice(0, 3) + ' ' + digits.slice(3)).count()).toBe(0);

    // A second PIN replaces the first.
    await page.getByRole('button', { name: '发放/重置报名密码 (PIN)' }).click();
    await shown.waitFor();
    const second = (await shown.textContent())!.replace(/\s/g, '');
    if (second !== digits) expect((await memberLogin(MEMBER.memberNo, digits)).statusCode).toBe(401);
    expect((await memberLogin(MEMBER.memberNo, second)).statusCode).toBe(200);
  });

  it('asks for a member number first', async () => {
    await openMember(NUMBERLESS);
    const note = page.getByText('这位会员还没有会员编号。');
    await note.scrollIntoViewIfNeeded();
    expect(await page.getByRole('button', { name: '发放/重置报名密码 (PIN)' }).count()).toBe(0);
    await shots.take(page, 'no-member-number');
  });

  it('had no console errors', () => {
    expect(errors.flat()).toEqual([]);
  });
});
