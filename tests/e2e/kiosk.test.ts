/**
 * The check-in kiosk and the venue occupancy wall in Chromium against a real server process: members imported
 * from the UTF-8 fixture over HTTP, a kiosk and a display paired, a card scanned through the keyboard wedge,
 * three check-ins taken with the network cut and delivered exactly once when it returns, the display
 * following the count live, and an accessibility scan of the kiosk.
 *
 * The venue is made for the test in a fixed-offset zone where it is mid-day now, open all day, so neither
 * closing time nor midnight can move the counts while the test runs.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LiveEvent } from '../../server/realtime/protocol.ts';
import { MISSES_PER_WINDOW } from '../../server/modules/members/lookup-limits.ts';
import { eventually, liveClient, subscribe } from '../support/app.ts';
import { httpSignIn, postJson, startServerProcess, type ServerProcess } from '../support/processes.ts';
import { builtAppsEnv, chromiumPath, launchBrowser } from './browser.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const ADMIN_PASSWORD = 'kiosk-e2e-pass';
const FIXTURE = path.join(ROOT, 'tests/fixtures/members-utf8-bom.csv');
const ACTIVITY = '书法练习（测试）';

interface Headcount {
  total: number;
  rooms: Array<{ roomId: string; count: number; capacity: number; level: string }>;
}

/** A fixed-offset zone in which it is about noon now (Etc/GMT-N is UTC+N). */
function noonZone(now = new Date()): string {
  const offset = Math.max(-12, Math.min(14, 12 - now.getUTCHours()));
  if (offset === 0) return 'Etc/GMT';
  return offset > 0 ? `Etc/GMT-${offset}` : `Etc/GMT+${-offset}`;
}

describe.runIf(chromiumPath)('the check-in kiosk and the occupancy wall', () => {
  let server: ServerProcess;
  let browser: Browser;
  let dataDir: string;
  let cookie: string;
  let venueId: string;
  let roomId: string;
  let kioskContext: BrowserContext;
  let kiosk: Page;
  let display: Page;
  const errors: string[] = [];
  /** While true, the kiosk's requests fail on purpose (Playwright offline): those failures are expected. */
  let cutOff = false;
  /** While true, the kiosk is over its look-up limit on purpose: its 429 answers are expected. */
  let limited = false;

  const api = async <T>(pathname: string): Promise<T> => {
    const response = await fetch(`${server.url}${pathname}`, { headers: { cookie } });
    expect(response.status, pathname).toBe(200);
    return (await response.json()) as T;
  };
  const headcount = () => api<Headcount>(`/api/venues/${venueId}/headcount`);
  const roomCount = async () => (await headcount()).rooms.find((r) => r.roomId === roomId)?.count;

  function watchConsole(page: Page, label: string): void {
    page.on('console', (message) => {
      if (message.type() !== 'error') return;
      const text = message.text();
      // Only what the cut network makes fail: fetches and the socket's reconnection attempts.
      const deliberate =
        (cutOff &&
          text.includes('ERR_INTERNET_DISCONNECTED') &&
          (text.startsWith('Failed to load resource') || text.startsWith('WebSocket connection to'))) ||
        (limited && text.startsWith('Failed to load resource') && text.includes('429'));
      if (!deliberate) errors.push(`${label} console: ${text}`);
    });
    page.on('pageerror', (error) => errors.push(`${label} pageerror: ${error.message}`));
  }

  async function pair(page: Page, kind: 'kiosk' | 'display'): Promise<void> {
    const device = await postJson(`${server.url}/api/devices`, cookie, { kind, venueId, name: kind === 'kiosk' ? '前台签到机' : '大厅屏' });
    expect(device.status).toBe(201);
    await page.locator('input.code').fill((device.json as { pairingCode: string }).pairingCode);
    await page.getByRole('button', { name: /配对/ }).click();
  }

  /** A card scanner: the code typed as fast as the browser takes keys, then Enter. */
  async function scanCard(code: string): Promise<void> {
    await kiosk.keyboard.type(code);
    await kiosk.keyboard.press('Enter');
  }

  async function axeSerious(page: Page): Promise<string[]> {
    // The page's Content-Security-Policy refuses an added <script> (as it should); evaluating the source
    // through the DevTools protocol is not subject to it, and the apps themselves still run under the policy.
    await page.evaluate(readFileSync(path.join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8'));
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run(): Promise<{ violations: Array<{ id: string; impact: string | null; nodes: unknown[] }> }> } }).axe;
      return (await axe.run()).violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length }));
    });
    return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}, ${v.nodes} nodes)`);
  }

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'centre-ops-kiosk-e2e-'));
    server = await startServerProcess({ ...builtAppsEnv, DATA_DIR: dataDir, ADMIN_PASSWORD });
    cookie = await httpSignIn(server.url, 'admin', ADMIN_PASSWORD);

    // The members, imported the way an office does it: the Excel export as it is.
    const imported = await fetch(`${server.url}/api/members/import`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv', cookie },
      body: readFileSync(FIXTURE),
    });
    expect(imported.status).toBe(200);
    const report = (await imported.json()) as { created: Array<{ name: string }>; refused: unknown[] };
    expect(report.created.map((c) => c.name)).toContain('杜荣');

    const venue = await postJson(`${server.url}/api/venues`, cookie, { name: '签到测试活动中心', timezone: noonZone(), opensAt: '00:00', closesAt: '23:59' });
    expect(venue.status).toBe(201);
    venueId = (venue.json as { venue: { id: string } }).venue.id;
    // Capacity 4: the fourth member makes the room full, which the wall must say in words.
    const room = await postJson(`${server.url}/api/venues/${venueId}/rooms`, cookie, { name: '书画室', kind: 'classroom', capacity: 4 });
    expect(room.status).toBe(201);
    roomId = (room.json as { room: { id: string } }).room.id;
    await postJson(`${server.url}/api/venues/${venueId}/rooms`, cookie, { name: '声乐教室', kind: 'classroom', capacity: 40 });
    const quarter = 15 * 60 * 1000;
    const start = Math.floor(Date.now() / quarter) * quarter - 2 * quarter;
    const booking = await postJson(`${server.url}/api/bookings`, cookie, {
      roomId,
      start: new Date(start).toISOString(),
      end: new Date(start + 8 * quarter).toISOString(),
      title: ACTIVITY,
      expectedCount: 30,
    });
    expect(booking.status).toBe(201);

    browser = await launchBrowser();
    kioskContext = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
    kiosk = await kioskContext.newPage();
    watchConsole(kiosk, 'kiosk');
    const displayContext = await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'zh-CN' });
    display = await displayContext.newPage();
    watchConsole(display, 'display');
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('pairs a kiosk, tells a scanner from a person typing, and checks a member in', async () => {
    await kiosk.goto(`${server.url}/kiosk/`);
    await pair(kiosk, 'kiosk');
    await kiosk.getByRole('heading', { name: '请刷卡签到' }).waitFor();

    // Typed by a person, slowly: not a card scan.
    await kiosk.keyboard.type('QJ2020001', { delay: 150 });
    await kiosk.keyboard.press('Enter');
    await kiosk.waitForTimeout(500);
    await expect(kiosk.getByRole('heading', { name: '请刷卡签到' }).isVisible()).resolves.toBe(true);

    await scanCard('QJ2020001');
    await kiosk.getByRole('heading', { name: '杜荣，您好！' }).waitFor();
    await kiosk.getByText('您今天参加哪个活动？').waitFor();
    await kiosk.getByRole('button', { name: new RegExp(ACTIVITY) }).click();
    await kiosk.getByRole('heading', { name: '杜荣，签到成功' }).waitFor();
    await kiosk.getByText(`${ACTIVITY} · 书画室`).waitFor();

    expect((await headcount()).total).toBe(1);
    expect(await roomCount()).toBe(1);
    await kiosk.getByRole('button', { name: '完成' }).click();
    await kiosk.getByRole('heading', { name: '请刷卡签到' }).waitFor();
  });

  it('shows the venue on the occupancy wall', async () => {
    await display.goto(`${server.url}/display/?venue=${venueId}`);
    await pair(display, 'display');
    const tile = display.getByTestId(`room-${roomId}`);
    await tile.waitFor();
    await expect.poll(() => tile.getAttribute('data-count')).toBe('1');
    await display.getByText(ACTIVITY).first().waitFor();
    await display.getByText(/最后更新 \d\d:\d\d:\d\d/).first().waitFor();
  });

  it('takes three check-ins with the network cut and delivers each exactly once when it returns', async () => {
    cutOff = true;
    await kioskContext.setOffline(true);
    for (const code of ['QJ2020002', 'QJ2020003', 'QJ2020004']) {
      await scanCard(code);
      // Offline the name is not known: greeted without one, the card goes with the check-in.
      await kiosk.getByRole('heading', { name: '您好！欢迎光临' }).waitFor();
      await kiosk.getByRole('button', { name: new RegExp(ACTIVITY) }).click();
      await kiosk.getByRole('heading', { name: '签到成功' }).waitFor();
      await kiosk.getByText('已记录，网络恢复后自动上传').waitFor();
      await kiosk.getByRole('button', { name: '完成' }).click();
      await kiosk.getByRole('heading', { name: '请刷卡签到' }).waitFor();
    }
    await expect.poll(() => kiosk.getByTestId('outbox-status').textContent()).toBe('离线 · 3 条待上传');
    // Nothing reached the server, and the wall still shows one.
    expect((await headcount()).total).toBe(1);
    expect(await display.getByTestId(`room-${roomId}`).getAttribute('data-count')).toBe('1');

    await kioskContext.setOffline(false);
    await eventually(async () => (await headcount()).total === 4, 'the three queued check-ins to arrive', 30_000);
    await expect.poll(() => kiosk.getByTestId('outbox-status').count(), { timeout: 10_000 }).toBe(0);
    cutOff = false;

    // The wall follows, full, in words as well as colour.
    const tile = display.getByTestId(`room-${roomId}`);
    await expect.poll(() => tile.getAttribute('data-count'), { timeout: 10_000 }).toBe('4');
    await expect.poll(() => tile.textContent()).toContain('已满');
    await expect.poll(() => display.getByTestId('venue-total').textContent()).toContain('4');

    // Retries and reconnects may not count anyone twice: give them time, then read every visit ever made.
    await kiosk.waitForTimeout(3_000);
    const hc = await headcount();
    expect(hc.total).toBe(4);
    expect(hc.rooms.find((r) => r.roomId === roomId)).toMatchObject({ count: 4, capacity: 4, level: 'full' });
    const socket = await liveClient(server.url, { cookie });
    try {
      const ack = await subscribe(socket, `venue:${venueId}`, 0);
      expect(ack).toMatchObject({ ok: true });
      await eventually(() => socket.events.some((e) => e.type === 'headcount.changed' && (e.data as Headcount).total === 4), 'the replayed events');
      const created = socket.events.filter((e): e is LiveEvent<'checkin.created'> => e.type === 'checkin.created');
      expect(created).toHaveLength(4);
      expect(new Set(created.map((e) => e.data.visit.memberId)).size).toBe(4);
      expect(new Set(created.map((e) => e.data.visit.id)).size).toBe(4);
      expect(created.every((e) => e.data.visit.roomId === roomId)).toBe(true);
      expect(socket.events.filter((e) => e.type === 'checkin.ended')).toEqual([]);
    } finally {
      socket.disconnect();
    }
  });

  it('has no serious accessibility problems on the kiosk screens', async () => {
    expect(await axeSerious(kiosk)).toEqual([]);
    await scanCard('QJ2020005');
    await kiosk.getByText('您今天参加哪个活动？').waitFor();
    expect(await axeSerious(kiosk)).toEqual([]);
    await kiosk.getByRole('button', { name: /随便看看/ }).click();
    await kiosk.getByText('签到成功').first().waitFor();
    expect(await axeSerious(kiosk)).toEqual([]);
    await kiosk.getByRole('button', { name: /撤销/ }).click();
    await kiosk.getByText('您今天参加哪个活动？').waitFor();
    await expect.poll(async () => (await headcount()).total).toBe(4);
  });

  // Last: afterwards this kiosk's card look-ups are refused for ten minutes.
  it('asks kindly to wait when this kiosk has tried too many unknown cards, and still works after', async () => {
    limited = true;
    for (let i = 0; i < MISSES_PER_WINDOW; i += 1) {
      await scanCard(`NOSUCH${i}X`);
      await kiosk.getByText(`读到的卡号：NOSUCH${i}X`).waitFor();
    }
    // The next card, even a real one, is not looked up: the kiosk says how long to wait (from retryAfter, in
    // whole minutes), that the name works now, with its button right there, and a way back.
    await scanCard('QJ2020001');
    await kiosk.getByText('这台签到机需要稍等一会儿').waitFor();
    expect(await kiosk.getByTestId('busy-wait').innerText()).toMatch(/^约 ([1-9]|10) 分钟后可再刷卡或按手机号查找$/);
    await kiosk.getByText('现在就可以按姓名查找自己').waitFor();
    expect(await axeSerious(kiosk)).toEqual([]);
    await kiosk.getByRole('button', { name: '返回' }).click();
    await kiosk.getByRole('heading', { name: '请刷卡签到' }).waitFor();

    // The member whose real card was refused finds himself by name from the wait screen.
    await scanCard('QJ2020001');
    await kiosk.getByRole('button', { name: '按姓名查找' }).click();
    await kiosk.getByRole('heading', { name: '请输入姓名或手机号' }).waitFor();
    await kiosk.getByLabel('姓名', { exact: true }).fill('杜荣');
    await kiosk.getByRole('button', { name: /杜荣/ }).first().click();
    await kiosk.getByRole('heading', { name: '杜荣，您好！' }).waitFor();
    await kiosk.getByRole('button', { name: '返回' }).click();
    await kiosk.getByRole('heading', { name: '请输入姓名或手机号' }).waitFor();
    await kiosk.getByRole('button', { name: '返回' }).click();
    await kiosk.getByRole('heading', { name: '请刷卡签到' }).waitFor();
  });

  it('logged no errors in either page', () => {
    expect(errors).toEqual([]);
  });
});
