/**
 * What a tester who had not read the code tripped over in the coordinator app (Chromium, Chinese):
 * - 新建比赛: Enter in the 从会员中添加 box searches, then picks the first hit; it never submits the form (it
 *   used to create a tournament with no players).
 * - 设备: a device pairing with the code on show turns the panel into "已配对：<name>" and the row into 已配对
 *   without a reload (the page reads the list every few seconds while a device waits).
 * - 设备: a code that expired says to delete and add again, and 删除后重新添加 does it and shows a new code.
 * Screenshots: test-results/journeys/coordinator-fixes/.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpSignIn, postJson, type ServerProcess } from '../support/processes.ts';
import { chromiumPath, openSuite, signInPage } from './browser.ts';
import { journeyShots } from './screenshots.ts';

const ADMIN_PASSWORD = 'coordinator-fixes-pass';
const WITHIN = { timeout: 15_000 };

describe.runIf(chromiumPath)('coordinator app fixes after a fresh-eyes test', () => {
  let server: ServerProcess;
  let browser: Browser;
  let stop: (() => Promise<void>) | undefined;
  let cookie = '';
  let venue: { id: string; name: string };
  const collectors: string[][] = [];
  const shots = journeyShots('coordinator-fixes');

  beforeAll(async () => {
    ({ server, browser, stop } = await openSuite({ ADMIN_PASSWORD }));
    cookie = await httpSignIn(server.url, 'admin', ADMIN_PASSWORD);
    venue = ((await (await fetch(`${server.url}/api/venues`, { headers: { cookie } })).json()) as { venues: Array<{ id: string; name: string }> }).venues[0]!;
    expect((await postJson(`${server.url}/api/members`, cookie, { name: '回车选手', cardCode: 'ENTER01' })).status).toBe(201);
  });
  afterAll(async () => stop?.());

  const tournamentNames = async () =>
    ((await (await fetch(`${server.url}/api/tournaments?venueId=${venue.id}`, { headers: { cookie } })).json()) as { tournaments: Array<{ name: string }> })
      .tournaments.map((x) => x.name);

  it('Enter in the member search box searches and picks, and never creates the tournament', async () => {
    const page = await signInPage(browser, server.url, 'admin', ADMIN_PASSWORD, collectors, { viewport: { width: 1440, height: 900 } });
    await page.goto(`${server.url}/#/tournaments/new`);
    const form = page.getByRole('form', { name: '新建比赛' });
    await form.waitFor(WITHIN);
    await form.getByRole('textbox', { name: '名称', exact: true }).fill('回车测试赛');
    const box = form.getByLabel('从会员中添加');
    await box.fill('回车选手');
    // At once, before the search has answered: Enter searches now.
    await box.press('Enter');
    await form.locator('.picker-results li', { hasText: '回车选手' }).waitFor(WITHIN);
    await shots.take(page, 'enter-searched');
    // Again, with the results of what is typed: Enter picks the first hit.
    await box.press('Enter');
    await form.getByLabel('第 1 位的名称').waitFor(WITHIN);
    expect(await form.getByLabel('第 1 位的名称').inputValue()).toBe('回车选手');
    expect(await box.inputValue()).toBe('');
    // And Enter in the emptied box does nothing either.
    await box.press('Enter');
    await shots.take(page, 'enter-picked');
    expect(page.url()).toContain('#/tournaments/new');
    expect(await tournamentNames()).not.toContain('回车测试赛');
  });

  it('shows 已配对 in place of the code once the device pairs, without a reload', async () => {
    const page = await signInPage(browser, server.url, 'admin', ADMIN_PASSWORD, collectors, { viewport: { width: 1440, height: 900 } });
    await page.goto(`${server.url}/#/admin`);
    const devices = page.locator('section[aria-labelledby="devices-admin"]');
    await devices.getByLabel('场馆').selectOption({ label: venue.name });
    await devices.getByLabel('设备类型').selectOption('kiosk');
    await devices.getByLabel('设备名称').fill('回车签到机');
    await devices.getByRole('button', { name: '添加设备并生成配对码' }).click();
    const code = (await page.getByTestId('pairing-code').innerText()).replace(/\D/g, '');
    expect(code).toMatch(/^\d{8}$/);
    const row = devices.getByRole('row', { name: /回车签到机/ });
    await row.getByText('等待配对').waitFor(WITHIN);

    // The tablet pairs (as its pairing screen would).
    const paired = await fetch(`${server.url}/api/devices/pair`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ pairingCode: code }) });
    expect(paired.status).toBe(200);

    await page.getByTestId('pairing-done').filter({ hasText: '已配对：回车签到机' }).waitFor(WITHIN);
    expect(await page.getByTestId('pairing-code').count()).toBe(0);
    expect(await page.getByTestId('pairing-qr').count()).toBe(0);
    await row.getByText(/已配对/).waitFor(WITHIN);
    await shots.take(page, 'paired-without-reload');
    await page.getByRole('region', { name: /配对码/ }).getByRole('button', { name: '关闭' }).click();
    expect(await page.getByTestId('pairing-done').count()).toBe(0);
  });

  it('offers 删除后重新添加 for a device whose code expired, and shows the new code', async () => {
    const made = await postJson(`${server.url}/api/devices`, cookie, { kind: 'display', venueId: venue.id, name: '过期显示屏' });
    expect(made.status).toBe(201);
    const old = made.json as { device: { id: string }; pairingCode: string };
    const page = await signInPage(browser, server.url, 'admin', ADMIN_PASSWORD, collectors, { viewport: { width: 1440, height: 900 } });
    // Ten minutes are too long to wait: the list the page reads says this device's code has expired, as the
    // server would after ten minutes (tests/integration/devices.test.ts checks the server side).
    await page.route('**/api/devices?*', async (route) => {
      const response = await route.fetch();
      const body = (await response.json()) as { devices: Array<{ id: string; status: string }> };
      for (const d of body.devices) if (d.id === old.device.id && d.status === 'awaiting_pairing') d.status = 'pairing_expired';
      await route.fulfill({ response, json: body });
    });
    await page.goto(`${server.url}/#/admin`);
    const devices = page.locator('section[aria-labelledby="devices-admin"]');
    await devices.getByLabel('场馆').selectOption({ label: venue.name });
    const row = devices.getByRole('row', { name: /过期显示屏/ }).filter({ hasText: '配对码已过期' });
    await row.getByTestId('device-expired-hint').filter({ hasText: '删除后重新添加' }).waitFor(WITHIN);
    await row.scrollIntoViewIfNeeded();
    await shots.take(page, 'expired-what-to-do');
    await row.getByRole('button', { name: '删除「过期显示屏」并重新添加' }).click();

    const code = page.getByTestId('pairing-code');
    await code.waitFor(WITHIN);
    const fresh = (await code.innerText()).replace(/\D/g, '');
    expect(fresh).toMatch(/^\d{8}$/);
    expect(fresh).not.toBe(old.pairingCode);
    await devices.getByRole('row', { name: /过期显示屏/ }).filter({ hasText: '等待配对' }).waitFor(WITHIN);
    await devices.getByRole('row', { name: /过期显示屏/ }).filter({ hasText: '已停用' }).waitFor(WITHIN);
    await shots.take(page, 'readded-new-code');
    const listed = (await (await fetch(`${server.url}/api/devices?venueId=${venue.id}`, { headers: { cookie } })).json()) as { devices: Array<{ id: string; name: string; kind: string; status: string }> };
    expect(listed.devices.find((d) => d.id === old.device.id)?.status).toBe('revoked');
    expect(listed.devices.filter((d) => d.name === '过期显示屏' && d.kind === 'display' && d.status === 'awaiting_pairing')).toHaveLength(1);
  });

  it('logs no error in any page', () => {
    expect(collectors.flat()).toEqual([]);
  });
});
