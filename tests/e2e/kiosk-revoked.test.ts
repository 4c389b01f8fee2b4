/**
 * A kiosk that staff unpair while it holds check-ins taken offline, in Chromium against a real server process.
 * Proves: what a kiosk and a display receive about members is masked (no phone, no card code in the kiosk's
 * look-ups, its check-in answers, or the venue's live events a display follows); two check-ins taken with the
 * network cut wait in the outbox; staff unpair the kiosk (DELETE /api/devices/:id) meanwhile; when the network
 * returns the kiosk shows the full-screen unpaired notice in Chinese, lists both check-ins as not recorded with
 * the reason, stops trying (no visit was made, however long it waits), and takes no new check-in; staff can
 * pair it again from there, and the refused check-ins stay listed for them.
 *
 * The venue is made for the test in a fixed-offset zone where it is mid-day now, open all day.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LiveEvent } from '../../server/realtime/protocol.ts';
import { eventually, liveClient, subscribe } from '../support/app.ts';
import { httpSignIn, postJson, request, type ServerProcess } from '../support/processes.ts';
import { chromiumPath, openSuite } from './browser.ts';

const ADMIN_PASSWORD = 'revoked-e2e-pass';
const PHONE = '13590830166';
const MEMBERS = [
  { name: '郑秀兰', cardCode: 'RV0001', phone: PHONE, memberNo: 'RV-1' },
  { name: '冯建国', cardCode: 'RV0002', phone: '13700001111', memberNo: 'RV-2' },
  { name: '蒋桂英', cardCode: 'RV0003', phone: '13800002222', memberNo: 'RV-3' },
];
const ROOT = path.resolve(import.meta.dirname, '../..');
const UNPAIRED_TITLE = '本机已被取消配对';
const LOST_REASON = '本机已被工作人员取消配对，这条签到没有记录';

/** A fixed-offset zone in which it is about noon now (Etc/GMT-N is UTC+N). */
function noonZone(now = new Date()): string {
  const offset = Math.max(-12, Math.min(14, 12 - now.getUTCHours()));
  if (offset === 0) return 'Etc/GMT';
  return offset > 0 ? `Etc/GMT-${offset}` : `Etc/GMT+${-offset}`;
}

interface Headcount {
  total: number;
}

describe.runIf(chromiumPath)('a kiosk unpaired while check-ins wait offline', () => {
  let server: ServerProcess;
  let browser: Browser;
  let stop: (() => Promise<void>) | undefined;
  let cookie: string;
  let venueId: string;
  let kioskContext: BrowserContext;
  let kiosk: Page;
  let kioskDeviceId: string;
  const errors: string[] = [];
  /** Check-in requests the kiosk page made (after the unpairing none may go out), and the answers' statuses. */
  const checkinRequests: string[] = [];
  const checkinAnswers: number[] = [];
  /** While true, failures of the cut network and the 401 of the unpairing are expected in the console. */
  let expectFailures = false;

  const headcount = async () => (await request(`${server.url}/api/venues/${venueId}/headcount`, { cookie })).json as Headcount;

  /** Every `checkin.created` ever sent on the venue's topic, replayed from the outbox. */
  async function checkinEvents(): Promise<Array<LiveEvent<'checkin.created'>>> {
    const socket = await liveClient(server.url, { cookie });
    try {
      expect(await subscribe(socket, `venue:${venueId}`, 0)).toMatchObject({ ok: true });
      await new Promise((r) => setTimeout(r, 500));
      return socket.events.filter((e): e is LiveEvent<'checkin.created'> => e.type === 'checkin.created');
    } finally {
      socket.disconnect();
    }
  }

  function watch(page: Page): void {
    page.on('console', (message) => {
      if (message.type() !== 'error') return;
      const text = message.text();
      const deliberate =
        expectFailures &&
        ((text.includes('ERR_INTERNET_DISCONNECTED') && (text.startsWith('Failed to load resource') || text.startsWith('WebSocket connection to'))) ||
          text === 'Failed to load resource: the server responded with a status of 401 (Unauthorized)');
      if (!deliberate) errors.push(`kiosk console: ${text}`);
    });
    page.on('pageerror', (error) => errors.push(`kiosk pageerror: ${error.message}`));
    page.on('request', (r) => {
      if (r.method() === 'POST' && new URL(r.url()).pathname === '/api/checkins') checkinRequests.push(r.url());
    });
    page.on('response', (r) => {
      if (r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/checkins') checkinAnswers.push(r.status());
    });
  }

  /** Serious or critical accessibility problems axe-core finds on the page (evaluated over the DevTools protocol, not under the CSP). */
  async function axeSerious(page: Page): Promise<string[]> {
    await page.evaluate(readFileSync(path.join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8'));
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run(): Promise<{ violations: Array<{ id: string; impact: string | null; nodes: unknown[] }> }> } }).axe;
      return (await axe.run()).violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length }));
    });
    return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}, ${v.nodes} nodes)`);
  }

  async function newDevice(kind: 'kiosk' | 'display', name: string): Promise<{ id: string; pairingCode: string }> {
    const created = await postJson(`${server.url}/api/devices`, cookie, { kind, venueId, name });
    expect(created.status).toBe(201);
    const json = created.json as { device: { id: string }; pairingCode: string };
    return { id: json.device.id, pairingCode: json.pairingCode };
  }

  async function pairPage(code: string): Promise<void> {
    await kiosk.locator('input.code').fill(code);
    await kiosk.getByRole('button', { name: /配对/ }).click();
    await kiosk.getByRole('heading', { name: '请刷卡签到' }).waitFor();
  }

  async function scanCard(code: string): Promise<void> {
    await kiosk.keyboard.type(code);
    await kiosk.keyboard.press('Enter');
  }

  beforeAll(async () => {
    ({ server, browser, stop } = await openSuite({ ADMIN_PASSWORD }));
    cookie = await httpSignIn(server.url, 'admin', ADMIN_PASSWORD);
    for (const member of MEMBERS) expect((await postJson(`${server.url}/api/members`, cookie, member)).status).toBe(201);
    const venue = await postJson(`${server.url}/api/venues`, cookie, { name: '取消配对测试中心', timezone: noonZone(), opensAt: '00:00', closesAt: '23:59' });
    expect(venue.status).toBe(201);
    venueId = (venue.json as { venue: { id: string } }).venue.id;
    expect((await postJson(`${server.url}/api/venues/${venueId}/rooms`, cookie, { name: '棋牌室', kind: 'other', capacity: 20 })).status).toBe(201);

    kioskContext = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
    kiosk = await kioskContext.newPage();
    watch(kiosk);
  });
  afterAll(async () => stop?.());

  it('pairs a kiosk; neither it nor a display receives a phone number or a card code', async () => {
    const device = await newDevice('kiosk', '一楼签到机');
    kioskDeviceId = device.id;
    await kiosk.goto(`${server.url}/kiosk/`);
    await pairPage(device.pairingCode);
    const token = await kiosk.evaluate(() => localStorage.getItem('centre-ops.kiosk.token'));
    expect(token).toBeTruthy();

    // A display's token, following the venue's live events the way a hall screen does.
    const display = await newDevice('display', '大厅屏');
    const paired = await postJson(`${server.url}/api/devices/pair`, '', { pairingCode: display.pairingCode });
    expect(paired.status).toBe(200);
    const displayToken = (paired.json as { token: string }).token;
    // A hall screen has no business with the member ledger at all, masked or not.
    const displaySearch = await request(`${server.url}/api/members?q=${encodeURIComponent('郑秀兰')}`, { token: displayToken });
    expect(displaySearch.statusCode).toBe(403);
    expect(displaySearch.body).not.toContain('0166');
    const displaySocket = await liveClient(server.url, { token: displayToken });
    try {
      expect(await subscribe(displaySocket, `venue:${venueId}`, undefined, { batch: true })).toMatchObject({ ok: true });

      // The kiosk's member look-ups: phone masked, no card code, no other personal field.
      const found = await request(`${server.url}/api/members?q=${encodeURIComponent('郑秀兰')}`, { token: token! });
      expect(found.statusCode).toBe(200);
      const hit = (found.json as { members: Array<Record<string, unknown>> }).members[0]!;
      expect(hit).toMatchObject({ name: '郑秀兰', phone: '135****0166', cardCode: null, birthMonth: null, notes: null });
      expect(found.body).not.toContain(PHONE);
      expect(found.body).not.toContain('RV0001');

      // A check-in on the page (the first member, online): its answer and the events carry neither.
      const answer = kiosk.waitForResponse((r) => new URL(r.url()).pathname === '/api/checkins');
      await scanCard('RV0001');
      await kiosk.getByRole('heading', { name: '郑秀兰，您好！' }).waitFor();
      await kiosk.getByRole('button', { name: /随便看看/ }).click();
      await kiosk.getByRole('heading', { name: '郑秀兰，签到成功' }).waitFor();
      const response = await answer;
      expect(response.status()).toBe(201);
      const body = await response.text();
      expect(JSON.parse(body)).toMatchObject({ member: { name: '郑秀兰' } });
      expect(Object.keys((JSON.parse(body) as { member: object }).member).sort()).toEqual(['id', 'name']);
      for (const secret of [PHONE, '0166', 'RV0001', 'RV-1']) expect(body).not.toContain(secret);

      await eventually(() => displaySocket.events.some((e) => e.type === 'headcount.changed'), 'the display to hear of the check-in');
      const heard = JSON.stringify(displaySocket.events);
      expect(displaySocket.events.map((e) => e.type)).toContain('checkin.created');
      for (const secret of [PHONE, '0166', 'RV0001', 'RV-1', '郑秀兰']) expect(heard).not.toContain(secret);
      // What the kiosk page shows: the name, never the number or the card.
      const text = (await kiosk.locator('body').innerText()) ?? '';
      expect(text).not.toContain(PHONE);
      expect(text).not.toContain('RV0001');
    } finally {
      displaySocket.disconnect();
    }
    await kiosk.getByRole('button', { name: '完成' }).click();
    await kiosk.getByRole('heading', { name: '请刷卡签到' }).waitFor();
    expect((await headcount()).total).toBe(1);
  });

  it('refuses the waiting check-ins with the reason when staff unpaired it meanwhile, and takes no new one', async () => {
    expectFailures = true;
    await kioskContext.setOffline(true);
    for (const code of ['RV0002', 'RV0003']) {
      await scanCard(code);
      await kiosk.getByRole('heading', { name: '您好！欢迎光临' }).waitFor();
      await kiosk.getByRole('button', { name: /随便看看/ }).click();
      await kiosk.getByText('已记录，网络恢复后自动上传').waitFor();
      await kiosk.getByRole('button', { name: '完成' }).click();
      await kiosk.getByRole('heading', { name: '请刷卡签到' }).waitFor();
    }
    await expect.poll(() => kiosk.getByTestId('outbox-status').textContent()).toBe('离线 · 2 条待上传');
    const answeredBefore = checkinAnswers.length;

    // Staff unpair the kiosk while it is offline.
    const revoked = await request(`${server.url}/api/devices/${kioskDeviceId}`, { method: 'DELETE', cookie });
    expect(revoked.statusCode).toBeLessThan(300);

    await kioskContext.setOffline(false);
    const notice = kiosk.getByTestId('kiosk-unpaired');
    await notice.getByRole('heading', { name: UNPAIRED_TITLE }).waitFor({ timeout: 30_000 });
    expect(await notice.innerText()).toContain('请联系工作人员重新配对。');
    // Large enough for an 80-year-old to read from a step away.
    const size = await notice.getByRole('heading', { name: UNPAIRED_TITLE }).evaluate((h) => parseFloat(getComputedStyle(h).fontSize));
    expect(size).toBeGreaterThanOrEqual(48);

    // Both waiting check-ins are listed for staff as not recorded, with the reason.
    const lost = kiosk.getByTestId('kiosk-unpaired-lost');
    await lost.getByRole('heading', { name: '有 2 条签到没有记录' }).waitFor();
    // The card codes only behind a tap (a passer-by could check in with one read off the screen).
    expect(await lost.innerText()).not.toContain('RV0002');
    await lost.getByText('查看明细（工作人员）').click();
    const items = lost.getByRole('listitem');
    expect(await items.count()).toBe(2);
    for (const [i, code] of ['RV0002', 'RV0003'].entries()) {
      const line = await items.nth(i).innerText();
      expect(line).toContain(`卡号 ${code}`);
      expect(line).toContain(LOST_REASON);
    }
    expect(await axeSerious(kiosk)).toEqual([]);

    // No visit was made, and no more tries go out however long the kiosk waits (its backoff would be 2 s, 4 s).
    await kiosk.waitForTimeout(7_000);
    expect((await headcount()).total).toBe(1);
    const events = await checkinEvents();
    expect(events).toHaveLength(1);
    // At most the one try that was told "unpaired" (the socket may have told the kiosk first).
    const answers = checkinAnswers.slice(answeredBefore);
    expect(answers.length).toBeLessThanOrEqual(1);
    expect(answers.every((status) => status === 401)).toBe(true);
    const afterNotice = checkinRequests.length;

    // A card scanned at the notice is not taken: no request, no screen change.
    await scanCard('RV0002');
    await kiosk.waitForTimeout(1_500);
    expect(checkinRequests.length).toBe(afterNotice);
    expect(await notice.isVisible()).toBe(true);
    expect(await kiosk.getByRole('heading', { name: '请刷卡签到' }).count()).toBe(0);
    expect(await kiosk.evaluate(() => localStorage.getItem('centre-ops.kiosk.token'))).toBeNull();
    expect((await headcount()).total).toBe(1);
    expectFailures = false;
  });

  it('pairs again from the notice; the refused check-ins stay listed for staff and new check-ins work', async () => {
    await kiosk.getByRole('button', { name: '重新配对（工作人员）' }).click();
    const device = await newDevice('kiosk', '一楼签到机（新）');
    await pairPage(device.pairingCode);
    const badge = kiosk.getByRole('button', { name: '2 条签到未被接受（工作人员查看）' });
    await badge.click();
    const dialog = kiosk.locator('dialog[open]');
    await dialog.getByRole('heading', { name: '未被服务器接受的签到' }).waitFor();
    expect((await dialog.innerText()).split(LOST_REASON)).toHaveLength(3);
    await dialog.getByRole('button', { name: '关闭' }).click();

    await scanCard('RV0002');
    await kiosk.getByRole('heading', { name: '冯建国，您好！' }).waitFor();
    await kiosk.getByRole('button', { name: /随便看看/ }).click();
    await kiosk.getByRole('heading', { name: '冯建国，签到成功' }).waitFor();
    await eventually(async () => (await headcount()).total === 2, 'the new check-in to count');
    expect(await checkinEvents()).toHaveLength(2);
    await kiosk.getByRole('button', { name: '完成' }).click();

    // Unpaired while online with nothing waiting: the server closes its socket and the notice follows at once.
    expectFailures = true;
    expect((await request(`${server.url}/api/devices/${device.id}`, { method: 'DELETE', cookie })).statusCode).toBe(204);
    await kiosk.getByTestId('kiosk-unpaired').getByRole('heading', { name: UNPAIRED_TITLE }).waitFor({ timeout: 10_000 });
    expect(await kiosk.getByTestId('kiosk-unpaired-lost').getByRole('heading', { name: '有 2 条签到没有记录' }).count()).toBe(1);
    expectFailures = false;
  });

  it('logged no unexpected error', () => {
    expect(errors).toEqual([]);
  });
});
