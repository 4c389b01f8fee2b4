/**
 * The three apps in Chromium against a real server process (the embedded database, demo data): a
 * coordinator signs in and makes a kiosk pairing code, a kiosk pairs with it and shows its venue's rooms,
 * a room added meanwhile appears on the kiosk and the display without a reload, and no page logs an error.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpSignIn, postJson, type ServerProcess } from '../support/processes.ts';
import { builtAppsEnv, chromiumPath, collectErrors, openSuite } from './browser.ts';

const ADMIN_PASSWORD = 'browser-admin-pass';
const CITY = '市老干部活动中心';

describe.runIf(chromiumPath)('the three apps in a browser', () => {
  let server: ServerProcess;
  let browser: Browser;
  let stop: (() => Promise<void>) | undefined;
  const collectors: string[][] = [];

  async function openPage(url: string, label: string): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
    const page = await context.newPage();
    collectors.push(collectErrors(page, label));
    await page.goto(url);
    return page;
  }

  beforeAll(async () => {
    ({ server, browser, stop } = await openSuite({ ADMIN_PASSWORD }));
  });
  afterAll(async () => stop?.());

  it('serves pages with no inline script, under the Content-Security-Policy', async () => {
    for (const page of ['/', '/kiosk/', '/display/', '/m/']) {
      const response = await fetch(`${server.url}${page}`);
      expect(response.headers.get('content-security-policy'), page).toContain("script-src 'self'");
      const html = await response.text();
      const scripts = html.match(/<script\b[^>]*>/gi) ?? [];
      expect(scripts.length, page).toBeGreaterThan(0);
      // Every script is a file of this origin; none carries code in the page or an event-handler attribute.
      for (const tag of scripts) expect(tag, page).toMatch(/\ssrc="\/assets\/[^"]+\.js"/);
      expect(html, page).not.toMatch(/<script\b[^>]*>[^<\s]/i);
      expect(html, page).not.toMatch(/\son[a-z]+=/i);
    }
  });

  it('publishes no source maps: bundles do not link one, and the server answers 404 for the ones on disk', async () => {
    const assets = path.join(builtAppsEnv.STATIC_DIR!, 'assets');
    const maps = readdirSync(assets).filter((file) => file.endsWith('.js.map'));
    expect(maps.length, 'the build writes maps for the engineer').toBeGreaterThan(0);
    for (const map of maps.slice(0, 5)) {
      const bundle = await fetch(`${server.url}/assets/${map.replace(/\.map$/, '')}`);
      expect(bundle.status, map).toBe(200);
      expect(await bundle.text(), map).not.toContain('sourceMappingURL');
      const served = await fetch(`${server.url}/assets/${map}`);
      expect(served.status, map).toBe(404);
      expect(await served.text(), map).not.toContain('"sources"');
    }
  });

  it('signs in, pairs a kiosk and a display, and shows live changes on both', async () => {
    const coordinator = await openPage(`${server.url}/`, 'coordinator');
    await coordinator.getByLabel(/用户名/).fill('admin');
    await coordinator.getByLabel(/密码/).fill(ADMIN_PASSWORD);
    await coordinator.getByRole('button', { name: /登录/ }).click();
    await coordinator.getByText(CITY).first().waitFor();

    // Administration → devices: a kiosk pairing code for the city centre.
    await coordinator.goto(`${server.url}/#/admin`);
    const deviceForm = coordinator.getByRole('form', { name: /添加设备/ });
    await deviceForm.getByLabel(/名称/).fill('前台签到机');
    await deviceForm.getByRole('button', { name: /添加设备/ }).click();
    const code = (await coordinator.getByTestId('pairing-code').textContent())?.replace(/\D/g, '') ?? '';
    expect(code).toMatch(/^\d{8}$/);

    const kiosk = await openPage(`${server.url}/kiosk/`, 'kiosk');
    await kiosk.locator('input.code').fill(code);
    await kiosk.getByRole('button', { name: /配对/ }).click();
    await kiosk.getByText(CITY).first().waitFor();
    await kiosk.getByText('书画室').first().waitFor();

    // A display paired through the API, opened on its venue's page.
    const cookie = await httpSignIn(server.url, 'admin', ADMIN_PASSWORD);
    const venues = (await (await fetch(`${server.url}/api/venues`, { headers: { cookie } })).json()) as { venues: Array<{ id: string; name: string }> };
    const city = venues.venues.find((v) => v.name === CITY)!;
    const displayDevice = (await postJson(`${server.url}/api/devices`, cookie, { kind: 'display', venueId: city.id, name: '大厅屏' })).json as {
      pairingCode: string;
    };
    const display = await openPage(`${server.url}/display/?venue=${city.id}`, 'display');
    await display.locator('input.code').fill(displayDevice.pairingCode);
    await display.getByRole('button', { name: /配对/ }).click();
    await display.getByText(CITY).first().waitFor();

    // A room added now appears on both screens without a reload. The city centre has more rooms than the
    // kiosk's strip names (kiosk/room-strip.ts): an empty new room joins its "其他 N 个活动室".
    const others = Number(/其他 (\d+) 个活动室/.exec((await kiosk.locator('.strip .others').textContent()) ?? '')?.[1]);
    expect(others).toBeGreaterThan(0);
    const added = await postJson(`${server.url}/api/venues/${city.id}/rooms`, cookie, { name: '新开的茶艺室', kind: 'studio', capacity: 20 });
    expect(added.status).toBe(201);
    await kiosk.getByText(`其他 ${others + 1} 个活动室`).waitFor({ timeout: 5_000 });
    await display.getByText('新开的茶艺室').waitFor({ timeout: 5_000 });

    expect(collectors.flat()).toEqual([]);
    for (const page of [coordinator, kiosk, display]) await page.context().close();
  });
});
