/**
 * Pairing paused for the whole site after too many wrong codes (docs/security.md "Abuse limits"), in Chromium: a
 * kiosk with a right code is told in Chinese that pairing is paused and until when; the admin's devices page says
 * why (how many failed, the limit, since and until when), the admin resumes after a confirm, and the kiosk then
 * pairs with the same code. The wrong codes come from many addresses (X-Forwarded-For, TRUST_PROXY).
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpSignIn, postJson, request, type ServerProcess } from '../support/processes.ts';
import { chromiumPath, collectErrors, openSuite, signInPage } from './browser.ts';

const ADMIN_PASSWORD = 'paused-admin-pass';

describe.runIf(chromiumPath)('pairing paused after too many wrong codes, in a browser', () => {
  let server: ServerProcess;
  let browser: Browser;
  let stop: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    ({ server, browser, stop } = await openSuite({ ADMIN_PASSWORD, TRUST_PROXY: 'true' }));
  });
  afterAll(async () => stop?.());

  it('tells the kiosk until when, shows the admin why, and pairs once the admin resumes', async () => {
    const cookie = await httpSignIn(server.url, 'admin', ADMIN_PASSWORD);
    const venues = (await (await fetch(`${server.url}/api/venues`, { headers: { cookie } })).json()) as { venues: Array<{ id: string }> };
    // 11 addresses × 20 wrong codes: each address within its own limit, 220 in all, over the site's 200.
    let guess = 0;
    for (let address = 0; address < 11; address += 1) {
      await Promise.all(
        Array.from({ length: 20 }, () =>
          request(`${server.url}/api/devices/pair`, { headers: { 'x-forwarded-for': `2001:db8:2::${address}` }, body: { pairingCode: String(60_000_000 + guess++) } }),
        ),
      );
    }
    const device = await postJson(`${server.url}/api/devices`, cookie, { kind: 'kiosk', venueId: venues.venues[0]!.id, name: '新签到机' });
    expect(device.status).toBe(201);
    const code = (device.json as { pairingCode: string }).pairingCode;

    // The kiosk, with the right code: refused, in Chinese, saying until when and to ask an admin.
    const kiosk: Page = await (await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' })).newPage();
    const kioskErrors = collectErrors(kiosk, 'kiosk');
    await kiosk.goto(`${server.url}/kiosk/`);
    await kiosk.locator('input.code').fill(code);
    await kiosk.getByRole('button', { name: /配对/ }).click();
    await kiosk.getByRole('alert').filter({ hasText: /全站设备配对已暂停，\d\d:\d\d 后恢复。请联系管理员/ }).waitFor();
    // The right code stays typed (refused only for now), so the person can press 配对 again after the resume.
    expect((await kiosk.locator('input.code').inputValue()).replace(/\D/g, '')).toBe(code);

    // The admin's devices page: why, since and until when; resume after a confirm.
    const errors: string[][] = [];
    const admin = await signInPage(browser, server.url, 'admin', ADMIN_PASSWORD, errors);
    await admin.goto(`${server.url}/#/admin`);
    const notice = admin.getByTestId('pairing-paused');
    await notice.waitFor();
    expect(await notice.innerText()).toMatch(/设备配对已暂停，\d\d:\d\d 自动恢复/);
    expect(await notice.innerText()).toMatch(/有 2\d\d 次配对未成功，超过了全站上限 200 次/);
    await notice.getByRole('button', { name: '立即恢复配对' }).click();
    await notice.getByRole('button', { name: '确定恢复' }).click();
    await notice.waitFor({ state: 'detached' });

    // The same code, still typed, now pairs with one press.
    await kiosk.getByRole('button', { name: /配对/ }).click();
    await kiosk.locator('input.code').waitFor({ state: 'detached' });

    // The only error either page logged is the kiosk's refused request (429) while paused.
    expect(kioskErrors.filter((e) => !/Failed to load resource.*429/.test(e))).toEqual([]);
    expect(errors.flat()).toEqual([]);
  });
});
