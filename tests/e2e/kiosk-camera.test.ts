/**
 * The kiosk reads a member card's QR code through the camera, under the server's Content-Security-Policy:
 * Chromium's fake camera shows the code (fake-camera.ts), the kiosk loads its QR decoder (a lazily loaded
 * chunk, or the browser's own BarcodeDetector), greets the member, and no page logs an error — a CSP
 * violation would be one.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpSignIn, postJson, type ServerProcess } from '../support/processes.ts';
import { chromiumPath, collectErrors, openSuite } from './browser.ts';
import { qrCameraFlags } from './fake-camera.ts';

const ADMIN_PASSWORD = 'camera-admin-pass';
const CITY = '市老干部活动中心';
const CARD = 'CAMTEST0001';
const NAME = '镜头测试';

describe.runIf(chromiumPath)('the kiosk camera', () => {
  let server: ServerProcess;
  let browser: Browser;
  let stop: (() => Promise<void>) | undefined;
  let videoDir: string;

  beforeAll(async () => {
    videoDir = mkdtempSync(path.join(tmpdir(), 'centre-ops-camera-'));
    ({ server, browser, stop } = await openSuite({ ADMIN_PASSWORD }, qrCameraFlags(path.join(videoDir, 'card.y4m'), CARD)));
  });
  afterAll(async () => {
    await stop?.();
    if (videoDir) rmSync(videoDir, { recursive: true, force: true });
  });

  it('scans a member card’s QR code and greets the member, with no error logged', async () => {
    const cookie = await httpSignIn(server.url, 'admin', ADMIN_PASSWORD);
    const venues = (await (await fetch(`${server.url}/api/venues`, { headers: { cookie } })).json()) as { venues: Array<{ id: string; name: string }> };
    const city = venues.venues.find((v) => v.name === CITY)!;
    const member = await postJson(`${server.url}/api/members`, cookie, { name: NAME, cardCode: CARD });
    expect(member.status).toBe(201);
    const device = await postJson(`${server.url}/api/devices`, cookie, { kind: 'kiosk', venueId: city.id, name: '摄像头签到机' });
    expect(device.status).toBe(201);

    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN', permissions: ['camera'] });
    const kiosk = await context.newPage();
    const errors = collectErrors(kiosk, 'kiosk');
    await kiosk.goto(`${server.url}/kiosk/`);
    await kiosk.locator('input.code').fill((device.json as { pairingCode: string }).pairingCode);
    await kiosk.getByRole('button', { name: /配对/ }).click();
    await kiosk.getByRole('heading', { name: '请刷卡签到' }).waitFor();

    await kiosk.getByRole('button', { name: '用摄像头扫码' }).click();
    await kiosk.getByRole('heading', { name: '请把会员卡的二维码对准摄像头' }).waitFor();
    await kiosk.getByRole('heading', { name: `${NAME}，您好！` }).waitFor({ timeout: 20_000 });

    expect(errors).toEqual([]);
    await context.close();
  });
});
