/**
 * Journey: a member applies for next term's classes at the kiosk (docs/api.md "Senior-university enrolment"),
 * on a portrait kiosk (1080×1920), Chinese UI. While the venue's term takes applications, welcome offers 报名;
 * the member scans their card, sees the classes they may choose as big cards (one greyed with the reason in
 * plain words), touches two, moves one up, hears the choices read back, sends them once and gets the result
 * with a slip to print. In a first-come term the result says at once: 已录取, or 候补第 N 位; later a freed seat
 * is offered to them (补录) and they accept it at the kiosk. Offline, 报名 says plainly it cannot be done.
 *
 * Each venue here has its own kiosk: a kiosk offers the newest term of its own venue.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpSignIn, postJson, request, type ServerProcess } from '../support/processes.ts';
import { chromiumPath, collectErrors, openSuite } from './browser.ts';
import { journeyShots } from './screenshots.ts';

const ADMIN_PASSWORD = 'journey-kiosk-enrol-pass';
const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
const VIEWPORT = { width: 1080, height: 1920 };

/** A fixed-offset zone in which it is about noon now (Etc/GMT-N is UTC+N), as the check-in journey does. */
function noonZone(now = new Date()): string {
  const offset = Math.max(-12, Math.min(14, 12 - now.getUTCHours()));
  if (offset === 0) return 'Etc/GMT';
  return offset > 0 ? `Etc/GMT-${offset}` : `Etc/GMT+${-offset}`;
}

interface Made {
  id: string;
}

describe.runIf(chromiumPath)('journey: applying for classes at the kiosk', () => {
  let server: ServerProcess;
  let browser: Browser;
  let stop: () => Promise<void>;
  let cookie: string;
  const errors: string[][] = [];
  const shots = journeyShots('kiosk-enrol');

  async function post(pathname: string, body: unknown): Promise<Made> {
    const answer = await postJson(`${server.url}${pathname}`, cookie, body);
    expect(answer.status, `${pathname} ${JSON.stringify(answer.json)}`).toBeLessThan(300);
    const json = answer.json as Record<string, Made>;
    return json.term ?? json.class ?? json.member ?? json.room ?? json.venue ?? json.placement ?? Object.values(json)[0]!;
  }
  async function get<T>(pathname: string): Promise<T> {
    const answer = await request(`${server.url}${pathname}`, { cookie });
    expect(answer.statusCode, answer.body).toBe(200);
    return answer.json as T;
  }
  const apply = (termId: string, memberId: string, choices: string[]) =>
    request(`${server.url}/api/terms/${termId}/applications`, { cookie, body: { memberId, choices }, headers: { 'idempotency-key': randomUUID() } });

  /** A venue with rooms, a term in its application window, and its classes (weekly, starting in about a month). */
  async function venueWithTerm(name: string, mode: 'lottery' | 'first_come', classes: Array<Record<string, unknown>>) {
    const venueId = (await post('/api/venues', { name, timezone: noonZone(), opensAt: '00:00', closesAt: '23:59' })).id;
    const rooms: string[] = [];
    for (const room of ['书画室', '多功能厅', '声乐室', '舞蹈室']) rooms.push((await post(`/api/venues/${venueId}/rooms`, { name: room, kind: 'classroom', capacity: 40 })).id);
    const term = await post('/api/terms', {
      venueId,
      name: '2027年春季学期',
      mode,
      applyFrom: new Date(Date.now() - HOUR).toISOString(),
      applyUntil: new Date(Date.now() + 5 * DAY).toISOString(),
      choicesPerApplication: 3,
      classesPerMember: 2,
      payUntil: new Date(Date.now() + 20 * DAY).toISOString(),
    });
    const ids: string[] = [];
    let i = 0;
    for (const c of classes) {
      // Weekly from about a month ahead at 09:00 (it is about noon in the venue now), each class on another
      // weekday and in its own room.
      const first = new Date(Math.floor(Date.now() / HOUR) * HOUR - 3 * HOUR + 30 * DAY + i * DAY);
      ids.push(
        (
          await post(`/api/terms/${term.id}/classes`, {
            roomId: rooms[i % rooms.length],
            capacity: 30,
            firstStart: first.toISOString(),
            firstEnd: new Date(first.getTime() + 2 * HOUR).toISOString(),
            rrule: 'FREQ=WEEKLY;COUNT=16',
            ...c,
          })
        ).id,
      );
      i += 1;
    }
    return { venueId, termId: term.id, classIds: ids, rooms };
  }

  /** A new portrait kiosk page paired to the venue, on its welcome screen. */
  async function kioskFor(venueId: string, label: string): Promise<{ page: Page; context: BrowserContext; prints: () => Promise<number> }> {
    const context = await browser.newContext({ viewport: VIEWPORT, locale: 'zh-CN' });
    // The printer: counted, not opened (a headless browser has none).
    await context.addInitScript(() => {
      (window as unknown as { __prints: number }).__prints = 0;
      window.print = () => {
        (window as unknown as { __prints: number }).__prints += 1;
      };
    });
    const page = await context.newPage();
    errors.push(collectErrors(page, label));
    await page.goto(`${server.url}/kiosk/`);
    const device = await postJson(`${server.url}/api/devices`, cookie, { kind: 'kiosk', venueId, name: label });
    expect(device.status).toBe(201);
    await page.locator('input.code').fill((device.json as { pairingCode: string }).pairingCode);
    await page.getByRole('button', { name: /配对/ }).click();
    await page.getByRole('heading', { name: '请刷卡签到' }).waitFor();
    return { page, context, prints: () => page.evaluate(() => (window as unknown as { __prints: number }).__prints) };
  }

  /** The USB scanner: the code typed as fast as the browser takes keys, then Enter. */
  async function scan(page: Page, code: string): Promise<void> {
    await page.keyboard.type(code);
    await page.keyboard.press('Enter');
  }

  /** No element of the screen past its right edge. */
  async function expectNothingCut(page: Page): Promise<void> {
    const problems = await page.evaluate(() => {
      const out: string[] = [];
      for (const el of document.querySelectorAll<HTMLElement>('main *')) {
        const box = el.getBoundingClientRect();
        if (box.width > 0 && box.right > window.innerWidth + 1) out.push(`past the right edge: ${el.tagName}.${el.className} ${el.textContent?.slice(0, 30)}`);
      }
      return out;
    });
    expect(problems).toEqual([]);
  }

  /** The whole element within the screen, not below its bottom edge (a kiosk page is not scrolled). */
  async function expectOnScreen(page: Page, locator: ReturnType<Page['locator']>): Promise<void> {
    const box = await locator.boundingBox();
    expect(box).not.toBeNull();
    expect(box!.y + box!.height).toBeLessThanOrEqual(page.viewportSize()!.height);
  }

  /** Serious or critical accessibility problems on the page (axe-core), as the check-in journey checks. */
  async function axeSerious(page: Page): Promise<string[]> {
    await page.evaluate(readFileSync(path.resolve(import.meta.dirname, '../../node_modules/axe-core/axe.min.js'), 'utf8'));
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run(): Promise<{ violations: Array<{ id: string; impact: string | null }> }> } }).axe;
      return (await axe.run()).violations.map((v) => ({ id: v.id, impact: v.impact }));
    });
    return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id);
  }

  const card = (page: Page, name: string) => page.getByTestId('class-card').filter({ hasText: name });

  beforeAll(async () => {
    ({ server, browser, stop } = await openSuite({ ADMIN_PASSWORD }));
    cookie = await httpSignIn(server.url, 'admin', ADMIN_PASSWORD);
  });

  afterAll(async () => {
    await stop?.();
    // The offline step cuts the network on purpose: the socket's failed reconnections are expected there.
    expect(errors.flat().filter((e) => !e.includes('ERR_INTERNET_DISCONNECTED'))).toEqual([]);
  });

  describe('a lottery term', () => {
    let lottery: Awaited<ReturnType<typeof venueWithTerm>>;
    let kiosk: Awaited<ReturnType<typeof kioskFor>>;
    let memberId: string;
    const shot = (what: string) => shots.take(kiosk.page, what);

    beforeAll(async () => {
      lottery = await venueWithTerm('城东老干部活动中心', 'lottery', [
        { name: '书法一班', course: '书法', teacher: '王老师', feeCents: 30000 },
        { name: '国画班', course: '国画', teacher: '李老师', feeCents: 35000 },
        { name: '太极拳班', course: '太极拳', teacher: '赵老师', feeCents: 20000 },
        // The member is over 70: this class is not for them, and the card says why.
        { name: '合唱班', course: '声乐', teacher: '陈老师', feeCents: 25000, maxAge: 70 },
        // More than a page of classes: the rest are a touch away.
        { name: '摄影入门班', course: '摄影', teacher: '孙老师', feeCents: 32000 },
        { name: '智能手机班', course: '电脑', teacher: '钱老师', feeCents: 0 },
      ]);
      await post('/api/members', { name: '李秀兰', cardCode: 'LXL2027003', category: 'retired', gender: 'female', birthMonth: '1958-02' });
      memberId = (await post('/api/members', { name: '张建国', cardCode: 'ZJG2027001', phone: '13812340166', category: 'retired', gender: 'male', birthMonth: '1950-05' })).id;
      kiosk = await kioskFor(lottery.venueId, '大厅签到机');
    });

    it('offers 报名 on welcome and takes a scanned card to the classes the member may choose', async () => {
      const { page } = kiosk;
      const entry = page.getByTestId('enrol-entry');
      await entry.getByText('2027年春季学期招生报名中').waitFor();
      await shot('welcome-with-enrol');
      await entry.click();
      await page.getByRole('heading', { name: '报名：请刷会员卡' }).waitFor();
      await shot('scan-card');
      await scan(page, 'ZJG2027001');
      await page.getByRole('heading', { name: '张建国，您好' }).waitFor();
      await page.getByText('请点选想报的班，最多 3 个').waitFor();
      await card(page, '书法一班').getByText(/^每周. 09:00–11:00 · 书画室 · 授课：王老师$/).waitFor();
      await card(page, '书法一班').getByText(/^学费 300 元 · \d+月\d+日开课 · 名额 30 人，已报 0 人$/).waitFor();
      // Ineligible: greyed, last, with the reason in plain words; it cannot be chosen.
      // Four to a page; the classes the member may choose come first, the one they may not after them.
      await page.getByText('第 1 / 2 页').waitFor();
      await expect.poll(() => page.getByTestId('class-card').count()).toBe(4);
      await page.getByRole('button', { name: '更多班级' }).click();
      await card(page, '智能手机班').getByText(/^免费 · /).waitFor();
      const choir = card(page, '合唱班');
      await choir.getByText(/不能报：本班招收 70 周岁及以下学员（开课时您 \d+ 岁）/).waitFor();
      expect(await choir.isDisabled()).toBe(true);
      await expectNothingCut(page);
      await expectOnScreen(page, page.getByRole('button', { name: '下一步：核对' }));
      await shot('classes-page-2');
      await page.getByRole('button', { name: '上一页' }).click();
      await card(page, '书法一班').waitFor();
      await shot('classes');
      expect(await axeSerious(page)).toEqual([]);
    });

    it('takes two choices in order, moves one up, and reads them back before sending', async () => {
      const { page } = kiosk;
      await card(page, '国画班').click();
      await card(page, '书法一班').click();
      await card(page, '书法一班').getByText('第2志愿').waitFor();
      await page.getByRole('button', { name: '把书法一班往前挪' }).click();
      await card(page, '书法一班').getByText('第1志愿').waitFor();
      await card(page, '国画班').getByText('第2志愿').waitFor();
      await expect.poll(() => page.getByTestId('pick').allInnerTexts()).toEqual([expect.stringContaining('书法一班'), expect.stringContaining('国画班')]);
      await shot('two-chosen');
      await expectNothingCut(page);
      await expectOnScreen(page, page.getByRole('button', { name: '下一步：核对' }));

      await page.getByRole('button', { name: '下一步：核对' }).click();
      await page.getByRole('heading', { name: '请核对您的志愿' }).waitFor();
      await expect.poll(() => page.getByTestId('confirm-choice').allInnerTexts()).toEqual([expect.stringMatching(/1[\s\S]*第1志愿[\s\S]*书法一班/), expect.stringMatching(/2[\s\S]*第2志愿[\s\S]*国画班/)]);
      await page.getByText('报名截止后公开摇号，按志愿顺序录取。').waitFor();
      await shot('confirm');
    });

    it('sends once and shows the result with the draw’s date and a slip to print', async () => {
      const { page } = kiosk;
      await page.getByRole('button', { name: '确认提交' }).click();
      await page.getByRole('heading', { name: '已提交报名' }).waitFor();
      await page.getByTestId('draw-after').getByText(/\d+月\d+日报名截止后公开摇号/).waitFor();
      await expect.poll(() => page.getByTestId('place-line').allInnerTexts()).toEqual([expect.stringMatching(/书法一班[\s\S]*等待摇号/), expect.stringMatching(/国画班[\s\S]*等待摇号/)]);
      await page.getByText(/回执编号 [0-9A-F]{8}/).waitFor();
      await page.getByTestId('idle-countdown').getByText(/\d+ 秒后回到首页/).waitFor();
      await expectNothingCut(page);
      await shot('result');
      expect(await axeSerious(page)).toEqual([]);

      // Recorded once, from the kiosk, in the member's order.
      const { applications } = await get<{ applications: Array<{ memberId: string; choices: string[]; channel: string }> }>(`/api/terms/${lottery.termId}/applications`);
      expect(applications).toEqual([expect.objectContaining({ memberId, choices: [lottery.classIds[0], lottery.classIds[1]], channel: 'kiosk' })]);

      await page.getByRole('button', { name: '打印回执' }).click();
      await expect.poll(() => kiosk.prints()).toBe(1);
      // What the printer gets: the slip alone, the name masked.
      await page.emulateMedia({ media: 'print' });
      try {
        const slip = page.getByTestId('enrol-slip');
        await expect.poll(() => slip.isVisible()).toBe(true);
        const text = await slip.innerText();
        expect(text).toContain('张*国');
        expect(text).not.toContain('张建国');
        expect(text).toMatch(/1\. 书法一班[\s\S]*等待摇号[\s\S]*2\. 国画班/);
        expect(text).toMatch(/编号\s*[0-9A-F]{8}/);
        expect(await page.getByRole('heading', { name: '已提交报名' }).isVisible()).toBe(false);
        await shot('slip-print');
      } finally {
        await page.emulateMedia({ media: 'screen' });
      }

      await page.getByRole('button', { name: '完成，退出' }).click();
      await page.getByRole('heading', { name: '请刷卡签到' }).waitFor();
    });

    it('shows the application, not a second one, when the member comes back', async () => {
      const { page } = kiosk;
      await page.getByTestId('enrol-entry').click();
      await scan(page, 'ZJG2027001');
      await page.getByRole('heading', { name: '您的报名' }).waitFor();
      await page.getByRole('button', { name: '修改志愿' }).waitFor();
      await shot('come-back');
      // In English for this member; the next one finds the kiosk in Chinese again.
      await page.getByRole('button', { name: 'English', exact: true }).click();
      await page.getByRole('heading', { name: 'Your application' }).waitFor();
      await page.getByText(/Waiting for the draw/).first().waitFor();
      await expectNothingCut(page);
      await shot('come-back-english');
      await page.getByRole('button', { name: 'Done', exact: true }).click();
      await page.getByRole('heading', { name: '请刷卡签到' }).waitFor();
    });

    it('fits a landscape tablet too', async () => {
      const wide = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
      const page = await wide.newPage();
      errors.push(collectErrors(page, 'landscape kiosk'));
      await page.goto(`${server.url}/kiosk/`);
      const device = await postJson(`${server.url}/api/devices`, cookie, { kind: 'kiosk', venueId: lottery.venueId, name: '横屏签到机' });
      await page.locator('input.code').fill((device.json as { pairingCode: string }).pairingCode);
      await page.getByRole('button', { name: /配对/ }).click();
      await page.getByTestId('enrol-entry').click();
      await scan(page, 'LXL2027003');
      await card(page, '太极拳班').click();
      await card(page, '书法一班').click();
      await card(page, '国画班').click();
      await page.getByText('已选满 3 个。要换，请先取消一个。').waitFor();
      await shots.take(page, 'landscape-classes');
      await expectNothingCut(page);
      await expectOnScreen(page, page.getByRole('button', { name: '下一步：核对' }));
      await page.getByRole('button', { name: '下一步：核对' }).click();
      await page.getByRole('button', { name: '确认提交' }).waitFor();
      // The order is changed on the read-back here (the landscape class screen lists the choices by name only).
      await page.getByRole('button', { name: '把书法一班往前挪' }).click();
      await expect.poll(() => page.getByTestId('confirm-choice').allInnerTexts()).toEqual([
        expect.stringContaining('书法一班'),
        expect.stringContaining('太极拳班'),
        expect.stringContaining('国画班'),
      ]);
      await shots.take(page, 'landscape-confirm');
      await expectOnScreen(page, page.getByRole('button', { name: '确认提交' }));
      await wide.close();
    });

    it('says plainly that enrolment needs the network', async () => {
      const { page, context } = kiosk;
      await context.setOffline(true);
      await page.getByTestId('enrol-entry').click();
      await page.getByText('网络不通，现在不能报名').waitFor();
      await shot('offline');
      await context.setOffline(false);
      await page.getByRole('button', { name: '返回' }).click();
      await page.getByRole('heading', { name: '请刷卡签到' }).waitFor();
    });
  });

  describe('a renewal window', () => {
    let kiosk: Awaited<ReturnType<typeof kioskFor>>;
    const shot = (what: string) => shots.take(kiosk.page, what);

    beforeAll(async () => {
      // This term: 赵美华 has a seat in 书法一班. Its applications have closed.
      const spring = await venueWithTerm('城南老干部活动中心', 'first_come', [{ name: '书法一班', course: '书法', teacher: '王老师', feeCents: 30000 }]);
      const member = await post('/api/members', { name: '赵美华', cardCode: 'ZMH2027004', category: 'retired', gender: 'female', birthMonth: '1956-04' });
      expect((await apply(spring.termId, member.id, [spring.classIds[0]!])).statusCode).toBe(201);
      const closing = await request(`${server.url}/api/terms/${spring.termId}`, { method: 'PATCH', cookie, body: { applyUntil: new Date(Date.now() + 300).toISOString() } });
      expect(closing.statusCode, closing.body).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 400));
      // Next term: returning students renew first; 书法二班 continues 书法一班.
      const autumn = await post('/api/terms', {
        venueId: spring.venueId,
        name: '2027年秋季学期',
        mode: 'lottery',
        renewFrom: new Date(Date.now() - HOUR).toISOString(),
        renewUntil: new Date(Date.now() + 2 * DAY).toISOString(),
        applyFrom: new Date(Date.now() + 2 * DAY).toISOString(),
        applyUntil: new Date(Date.now() + 7 * DAY).toISOString(),
        payUntil: new Date(Date.now() + 20 * DAY).toISOString(),
      });
      const first = new Date(Math.floor(Date.now() / HOUR) * HOUR - 3 * HOUR + 60 * DAY);
      await post(`/api/terms/${autumn.id}/classes`, {
        name: '书法二班',
        course: '书法',
        teacher: '王老师',
        feeCents: 30000,
        roomId: spring.rooms[1],
        capacity: 30,
        firstStart: first.toISOString(),
        firstEnd: new Date(first.getTime() + 2 * HOUR).toISOString(),
        rrule: 'FREQ=WEEKLY;COUNT=16',
        continuesClassId: spring.classIds[0],
      });
      kiosk = await kioskFor(spring.venueId, '城南签到机');
    });

    it('confirms the returning student’s continuing class with one big button (续报)', async () => {
      const { page } = kiosk;
      const entry = page.getByTestId('enrol-entry');
      await entry.getByText('2027年秋季学期老学员续报中').waitFor();
      await entry.click();
      await page.getByRole('heading', { name: '续报：请刷会员卡' }).waitFor();
      await scan(page, 'ZMH2027004');
      await page.getByRole('heading', { name: '老学员续报' }).waitFor();
      const renewal = page.getByTestId('renewal').filter({ hasText: '书法二班' });
      await renewal.getByText(/每周. 09:00–11:00/).waitFor();
      await expectNothingCut(page);
      await shot('renewal');
      await renewal.getByRole('button', { name: '确认续报书法二班' }).click();
      await page.getByRole('heading', { name: '续报成功' }).waitFor();
      await page.getByTestId('place-line').getByText(/书法二班[\s\S]*请于\d+月\d+日前到服务台交学费 300 元/).waitFor();
      await page.getByTestId('place-line').getByText('已录取').waitFor();
      await shot('renewed');
      await page.getByRole('button', { name: '查看我的报名' }).click();
      await page.getByTestId('renewal').getByText('✓ 已续报').waitFor();
      await page.getByRole('button', { name: '完成，退出' }).click();
      await page.getByRole('heading', { name: '请刷卡签到' }).waitFor();
    });
  });

  describe('a first-come term', () => {
    let firstCome: Awaited<ReturnType<typeof venueWithTerm>>;
    let kiosk: Awaited<ReturnType<typeof kioskFor>>;
    const shot = (what: string) => shots.take(kiosk.page, what);

    beforeAll(async () => {
      firstCome = await venueWithTerm('城西老年大学', 'first_come', [
        { name: '声乐提高班', course: '声乐', teacher: '周老师', feeCents: 28000, capacity: 2 },
        { name: '摄影班', course: '摄影', teacher: '孙老师', feeCents: 32000 },
      ]);
      // Two members came first and took both seats of 声乐提高班; a third waits.
      for (const name of ['刘淑芬', '黄国强', '吴秀兰']) {
        const m = await post('/api/members', { name, cardCode: `FC${randomUUID().slice(0, 6)}`, category: 'retired', gender: 'female', birthMonth: '1955-01' });
        const answer = await apply(firstCome.termId, m.id, [firstCome.classIds[0]!]);
        expect(answer.statusCode, answer.body).toBe(201);
      }
      await post('/api/members', { name: '王秀英', cardCode: 'WXY2027002', phone: '13955557788', category: 'veteran', gender: 'female', birthMonth: '1952-08' });
      kiosk = await kioskFor(firstCome.venueId, '城西签到机');
    });

    it('places the member at once: admitted in one class, 候补第 2 位 in the full one', async () => {
      const { page } = kiosk;
      await page.getByTestId('enrol-entry').click();
      await scan(page, 'WXY2027002');
      await card(page, '声乐提高班').getByText('已满，报名后排候补').waitFor();
      await card(page, '摄影班').getByText('还剩 30 个名额').waitFor();
      await card(page, '声乐提高班').click();
      await card(page, '摄影班').click();
      await shot('first-come-classes');
      await page.getByRole('button', { name: '下一步：核对' }).click();
      await page.getByText('先到先得，满了排候补。').waitFor();
      await page.getByRole('button', { name: '确认提交' }).click();
      await page.getByRole('heading', { name: '报名结果' }).waitFor();
      await expect.poll(() => page.getByTestId('place-line').allInnerTexts()).toEqual([
        expect.stringMatching(/声乐提高班[\s\S]*候补第 2 位/),
        expect.stringMatching(/摄影班[\s\S]*请于\d+月\d+日前到服务台交学费 320 元[\s\S]*已录取/),
      ]);
      await expectNothingCut(page);
      await shot('first-come-result');
      await page.getByRole('button', { name: '完成，退出' }).click();
      await page.getByRole('heading', { name: '请刷卡签到' }).waitFor();
    });

    it('offers a freed seat to the member, who accepts it at the kiosk', async () => {
      const { page } = kiosk;
      // Both ahead of her leave: the first's seat goes to the first waiting, who declines; it comes to her.
      const { placements } = await get<{ placements: Array<{ id: string; classId: string; status: string; position: number | null; memberName?: string }> }>(
        `/api/terms/${firstCome.termId}/placements?classId=${firstCome.classIds[0]}`,
      );
      const admitted = placements.filter((p) => p.status === 'admitted');
      await post(`/api/placements/${admitted[0]!.id}/withdraw`, {});
      const offered = (await get<{ placements: Array<{ id: string; status: string }> }>(`/api/terms/${firstCome.termId}/placements?classId=${firstCome.classIds[0]}`)).placements.find(
        (p) => p.status === 'offered',
      );
      await post(`/api/placements/${offered!.id}/decline`, {});

      await page.getByTestId('enrol-entry').click();
      await scan(page, 'WXY2027002');
      const offer = page.getByTestId('offer');
      await offer.getByText('您有一个补录名额').waitFor();
      await offer.getByText(/请在\d+月\d+日 \d\d:\d\d前确认/).waitFor();
      await expectNothingCut(page);
      await shot('offer');
      expect(await axeSerious(page)).toEqual([]);
      await page.getByRole('button', { name: '接受声乐提高班的补录名额' }).click();
      await page.getByRole('heading', { name: '补录名额已确认' }).waitFor();
      await page.getByTestId('place-line').getByText('已录取').waitFor();
      await shot('offer-accepted');
      await page.getByRole('button', { name: '完成，退出' }).click();
      await page.getByRole('heading', { name: '请刷卡签到' }).waitFor();
    });
  });
});
