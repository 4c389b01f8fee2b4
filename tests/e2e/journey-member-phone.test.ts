/**
 * Journey: a daughter applies for her mother on her own phone (390×844), on the members' phone pages (/m/,
 * docs/api.md "Senior-university enrolment"): she signs in with her mother's member number and the PIN the desk
 * issued, chooses two classes in order, checks them and sends ("已提交"), then swaps their order while the window
 * is open; after the window closes and the public draw, the page shows the result without a reload (a seat in
 * one class, 候补第 1 位 in the other); when the seat ahead of her is given up, the page offers it ("有空位了！")
 * and she accepts it; the public verification page, opened without signing in, recomputes the draw and says
 * it is verified; and when the next term opens its renewal window (续报), she confirms her mother's seat in the
 * class that continues the one her mother was admitted to, the only class offered to renew.
 *
 * The lottery is arranged so its outcome is known: one class has a single seat, which a veteran (a priority
 * category, drawn before everyone else) also wants; the other has room for all, and a member may get two classes.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpSignIn, request, type ServerProcess } from '../support/processes.ts';
import { chromiumPath, openSuite } from './browser.ts';
import { journeyShots } from './screenshots.ts';

const ADMIN_PASSWORD = 'journey-member-pass';
const VENUE = '城南老年大学';
const TERM = '2027 春季学期';
const MOTHER = '李桂兰';
const MOTHER_NO = 'LN2027031';
const FIRST = { course: '书法', name: '楷书一班' };
const SECOND = { course: '太极拳', name: '二十四式班' };
const THIRD = { course: '声乐', name: '合唱入门班' };
const NEXT_TERM = '2027 秋季学期';
/** The next stage of SECOND, where the mother was admitted, and of THIRD, where she was not. */
const SECOND_NEXT = { course: '太极拳', name: '二十四式进阶班' };
const THIRD_NEXT = { course: '声乐', name: '合唱进阶班' };
const HOUR = 3_600_000;
/** Set while the journey types a wrong PIN on purpose. */
let wrongPinTyped = false;

/**
 * Console errors, except the failed requests the journey causes on purpose (Chromium logs every 4xx): the wrong
 * PIN typed first, and GET /api/venues, which answers 403 to members (the page then lists the centre of its
 * link: client/member/venues.ts).
 */
function collectPageErrors(page: Page, label: string): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const url = message.location().url ?? '';
    if (/\/api\/venues$/.test(url) && /403/.test(message.text())) return;
    if (/\/api\/member-auth\/login$/.test(url) && /401/.test(message.text()) && wrongPinTyped) return;
    errors.push(`${label} console: ${message.text()} ${url}`);
  });
  page.on('pageerror', (error) => errors.push(`${label} pageerror: ${error.message}`));
  page.on('dialog', (dialog) => {
    errors.push(`${label} dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  return errors;
}

describe.runIf(chromiumPath)('journey: a member’s child applies on the phone', () => {
  let server: ServerProcess;
  let browser: Browser;
  let stop: () => Promise<void>;
  let cookie: string;
  let venueId: string;
  let termId: string;
  let pin: string;
  const classIds: Record<string, string> = {};
  let veteranId: string;
  let motherId: string;
  const rooms: string[] = [];
  const errors: string[][] = [];
  const shots = journeyShots('member-phone');
  let page: Page;

  /** A staff request that must succeed; `T` is the answer's shape as docs/api.md gives it. */
  async function call<T = unknown>(method: string, pathname: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
    const answer = await request(`${server.url}${pathname}`, { method, cookie, headers, ...(body === undefined ? {} : { body }) });
    expect(answer.statusCode, `${method} ${pathname}: ${answer.body}`).toBeLessThan(300);
    return answer.json as T;
  }
  type Made<K extends string> = Record<K, { id: string }>;

  beforeAll(async () => {
    ({ server, browser, stop } = await openSuite({ ADMIN_PASSWORD }));
    cookie = await httpSignIn(server.url, 'admin', ADMIN_PASSWORD);
    venueId = (await call<Made<'venue'>>('POST', '/api/venues', { name: VENUE, timezone: 'Asia/Shanghai', opensAt: '07:00', closesAt: '21:00' })).venue.id;
    for (const name of ['书画室', '舞蹈室', '音乐室']) rooms.push((await call<Made<'room'>>('POST', `/api/venues/${venueId}/rooms`, { name, kind: 'classroom', capacity: 40 })).room.id);

    const now = Date.now();
    termId = (
      await call<Made<'term'>>('POST', '/api/terms', {
        venueId,
        name: TERM,
        mode: 'lottery',
        applyFrom: new Date(now - HOUR).toISOString(),
        applyUntil: new Date(now + 3 * 24 * HOUR).toISOString(),
        classesPerMember: 2,
        choicesPerApplication: 3,
        priorityCategories: ['veteran'],
        payUntil: new Date(now + 10 * 24 * HOUR).toISOString(),
      })
    ).term.id;
    // Tuesdays and Thursdays from 2 March 2027, 09:00–10:30 Shanghai time (and later hours for the others).
    const classes = [
      { ...FIRST, capacity: 1, teacher: '王老师', feeCents: 30000, hour: 1, rrule: 'FREQ=WEEKLY;BYDAY=TU,TH;COUNT=32', room: rooms[0]! },
      { ...SECOND, capacity: 20, teacher: '赵老师', feeCents: 20000, hour: 2, rrule: 'FREQ=WEEKLY;BYDAY=WE;COUNT=16', room: rooms[1]! },
      { ...THIRD, capacity: 20, teacher: '孙老师', feeCents: 0, hour: 6, rrule: 'FREQ=WEEKLY;BYDAY=FR;COUNT=16', room: rooms[2]! },
    ];
    for (const c of classes) {
      const start = new Date(Date.UTC(2027, 2, 2, c.hour, 0));
      const made = await call<Made<'class'>>('POST', `/api/terms/${termId}/classes`, {
        name: c.name,
        course: c.course,
        roomId: c.room,
        capacity: c.capacity,
        teacher: c.teacher,
        feeCents: c.feeCents,
        firstStart: start.toISOString(),
        firstEnd: new Date(start.getTime() + 90 * 60_000).toISOString(),
        rrule: c.rrule,
      });
      classIds[c.name] = made.class.id;
    }

    motherId = (await call<Made<'member'>>('POST', '/api/members', { name: MOTHER, memberNo: MOTHER_NO, gender: 'female', birthMonth: '1951-04', category: 'retired', phone: '13912345678' })).member.id;
    pin = (await call<{ pin: string }>('POST', `/api/members/${motherId}/pin`, {})).pin;
    expect(pin).toMatch(/^\d{6}$/);
    // A veteran (drawn first) wants the one seat of the first class.
    veteranId = (await call<Made<'member'>>('POST', '/api/members', { name: '周振华', memberNo: 'LN2027032', gender: 'male', birthMonth: '1946-08', category: 'veteran' })).member.id;
    await call('POST', `/api/terms/${termId}/applications`, { memberId: veteranId, choices: [classIds[FIRST.name]] }, { 'idempotency-key': randomUUID() });
  });

  afterAll(async () => {
    await page?.context().close();
    await stop?.();
  });

  /** Serious or critical accessibility problems on the page (axe-core, evaluated past the page's CSP). */
  async function axeSerious(): Promise<string[]> {
    await page.evaluate(readFileSync(path.resolve(import.meta.dirname, '../../node_modules/axe-core/axe.min.js'), 'utf8'));
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run(): Promise<{ violations: Array<{ id: string; impact: string | null }> }> } }).axe;
      return (await axe.run()).violations.map((v) => ({ id: v.id, impact: v.impact }));
    });
    return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id);
  }

  /** Nothing wider than the phone, no tap target under 48 px high, no text under 18 px. */
  async function expectPhoneSized(): Promise<void> {
    const problems = await page.evaluate(() => {
      const out: string[] = [];
      for (const el of document.querySelectorAll<HTMLElement>('main *')) {
        const box = el.getBoundingClientRect();
        if (box.width > 0 && box.right > window.innerWidth + 1) out.push(`past the right edge: ${el.tagName}.${el.className}`);
      }
      for (const el of document.querySelectorAll<HTMLElement>('button, a.btn, input')) {
        const box = el.getBoundingClientRect();
        if (box.width > 0 && el.getAttribute('type') !== 'checkbox' && box.height < 47.5) out.push(`small target (${Math.round(box.height)} px): ${el.textContent?.trim()}`);
      }
      for (const el of document.querySelectorAll<HTMLElement>('main p, main li, main button, main label')) {
        if (el.offsetParent !== null && parseFloat(getComputedStyle(el).fontSize) < 17.5) out.push(`small text: ${el.textContent?.trim().slice(0, 30)}`);
      }
      return out;
    });
    expect(problems).toEqual([]);
  }

  it('signs in with the parent’s member number and PIN', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN' });
    page = await context.newPage();
    errors.push(collectPageErrors(page, 'phone'));
    // The centre's link (or QR code) names the centre.
    await page.goto(`${server.url}/m/?venue=${venueId}`);
    await page.getByRole('heading', { name: '会员登录' }).waitFor();
    await shots.take(page, 'sign-in');
    await expectPhoneSized();
    expect(await axeSerious()).toEqual([]);

    await page.getByLabel('会员号').fill(MOTHER_NO);
    wrongPinTyped = true;
    await page.getByLabel(/报名密码/).fill('000000' === pin ? '111111' : '000000');
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByText('会员号或报名密码不对，请核对后再试。').waitFor();
    await shots.take(page, 'wrong-pin');
    wrongPinTyped = false;
    await page.getByLabel(/报名密码/).fill(pin);
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByText(`${MOTHER}，您好`).waitFor();
    await page.getByRole('heading', { name: TERM }).waitFor();
    // Other centres' terms are listed too (the demo's, after this centre's): read this term's own card.
    const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: TERM }) });
    await card.getByText(/正在报名，\d+月\d+日 周. \d\d:\d\d 截止，之后公开摇号/).waitFor();
    await shots.take(page, 'terms');
    await expectPhoneSized();
  });

  it('chooses two classes in order, checks them and sends: 已提交', async () => {
    await page.getByRole('button', { name: `查看 / 报名 ${TERM}` }).click();
    await page.getByRole('heading', { name: '请选择想上的班' }).waitFor();
    await page.getByText('每周二、周四 09:00–10:30').waitFor();
    await page.getByText('1 个名额，已有 1 人报名').waitFor();
    await shots.take(page, 'classes');
    await expectPhoneSized();

    // The second class first, then the first: then put the first on top.
    await page.getByRole('button', { name: `选这个班 ${SECOND.course} ${SECOND.name}` }).click();
    await page.getByRole('button', { name: `选这个班 ${FIRST.course} ${FIRST.name}` }).click();
    await page.getByText('已选 2 个，最多 3 个').first().waitFor();
    await page.getByRole('button', { name: `往前 ${FIRST.course} · ${FIRST.name}` }).click();
    const order = page.locator('.mine .name');
    await expect.poll(() => order.allTextContents()).toEqual([`${FIRST.course} · ${FIRST.name}`, `${SECOND.course} · ${SECOND.name}`]);
    await page.locator('.mine').scrollIntoViewIfNeeded();
    await shots.take(page, 'two-chosen');
    expect(await axeSerious()).toEqual([]);

    await page.getByRole('button', { name: '下一步：核对' }).click();
    await page.getByRole('heading', { name: '请核对后提交' }).waitFor();
    await page.getByText(`报名人：${MOTHER}`).waitFor();
    await shots.take(page, 'confirm');
    await expectPhoneSized();
    await page.getByRole('button', { name: '确认提交' }).click();
    await page.getByText('已提交').waitFor();
    await page.getByText(/报名截止后公开摇号，结果会在这里显示/).waitFor();
    await shots.take(page, 'submitted');
    await expectPhoneSized();

    const answer = await call<{ applications: Array<{ memberName: string; choices: string[]; channel: string }> }>('GET', `/api/terms/${termId}/applications`);
    const mine = answer.applications.find((a) => a.memberName === MOTHER);
    expect(mine).toMatchObject({ choices: [classIds[FIRST.name], classIds[SECOND.name]], channel: 'home' });
  });

  it('changes the order while the window is open, and withdrawing asks first', async () => {
    await page.getByRole('button', { name: '修改志愿' }).click();
    await page.getByRole('button', { name: `往后 ${FIRST.course} · ${FIRST.name}` }).click();
    await page.getByRole('button', { name: '下一步：核对' }).click();
    await page.getByRole('button', { name: '保存修改' }).click();
    await page.getByText('志愿已修改。').waitFor();
    await expect.poll(() => page.locator('.application .name').allTextContents()).toEqual([`${SECOND.course} · ${SECOND.name}`, `${FIRST.course} · ${FIRST.name}`]);

    await page.getByRole('button', { name: '撤回报名' }).click();
    await page.getByText(/确定撤回报名吗？/).waitFor();
    await shots.take(page, 'withdraw-ask');
    await page.getByRole('button', { name: '再想想' }).click();
    await page.getByRole('button', { name: '撤回报名' }).waitFor();
  });

  it('shows the draw’s result without a reload: a seat, and 候补第 1 位 for the class with one seat', async () => {
    await call('PATCH', `/api/terms/${termId}`, { applyUntil: new Date().toISOString() });
    await call('POST', `/api/terms/${termId}/draw`, { publicNumber: '0483920' });
    await page.getByRole('heading', { name: '录取结果' }).waitFor({ timeout: 15_000 });
    const first = page.getByRole('article', { name: `${FIRST.course} · ${FIRST.name}` });
    const second = page.getByRole('article', { name: `${SECOND.course} · ${SECOND.name}` });
    await first.getByText('候补第 1 位').waitFor();
    await second.getByText('已录取').waitFor();
    await second.getByText(/请在 \d+月\d+日 周. \d\d:\d\d 前到教务处交学费 200 元/).waitFor();
    await shots.take(page, 'result');
    await first.scrollIntoViewIfNeeded();
    await shots.take(page, 'result-waiting');
    await expectPhoneSized();
    expect(await axeSerious()).toEqual([]);
  });

  it('offers the seat when the one ahead gives it up, and takes it on 接受', async () => {
    const { placements } = await call<{ placements: Array<{ id: string; status: string }> }>('GET', `/api/terms/${termId}/placements?memberId=${veteranId}`);
    const seat = placements.find((p) => p.status === 'admitted')!;
    await call('POST', `/api/placements/${seat.id}/withdraw`, {});

    const first = page.getByRole('article', { name: `${FIRST.course} · ${FIRST.name}` });
    await first.getByText('有空位了！').waitFor({ timeout: 15_000 });
    await first.getByText(/请在 \d+月\d+日 周. \d\d:\d\d 前点“接受”/).waitFor();
    await first.scrollIntoViewIfNeeded();
    await shots.take(page, 'offer');
    await expectPhoneSized();

    await first.getByRole('button', { name: '接受' }).click();
    await first.getByText(`确定接受“${FIRST.course} · ${FIRST.name}”的名额吗？`, { exact: false }).waitFor();
    await shots.take(page, 'accept-ask');
    await first.getByRole('button', { name: '确定' }).click();
    await page.getByText('已接受。请按时到教务处交学费。').waitFor();
    await first.getByText('已录取').waitFor();
    await first.getByText(/交学费 300 元/).waitFor();
    await shots.take(page, 'accepted');

    // Back to the list, where the term now says the draw took place.
    await page.getByRole('button', { name: /返回/ }).click();
    await page.getByRole('heading', { name: '报名', exact: true }).waitFor();
    await page.getByText('已公开摇号，请查看结果').waitFor();
  });

  it('verifies the draw on the public page, without signing in', async () => {
    const stranger = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN' });
    const verify = await stranger.newPage();
    errors.push(collectPageErrors(verify, 'verify'));
    await verify.goto(`${server.url}/m/?verify=${termId}`);
    await verify.getByText('已核验：结果与公布的数据一致').waitFor();
    await verify.getByText('0483920').waitFor();
    await verify.getByText('共 2 份报名：录取 2 个，候补 1 个。').waitFor();
    const previous = page;
    page = verify;
    await shots.take(verify, 'verified');
    await verify.locator('dl').scrollIntoViewIfNeeded();
    await shots.take(verify, 'verified-values');
    await expectPhoneSized();
    expect(await axeSerious()).toEqual([]);
    await verify.getByRole('button', { name: 'English' }).click();
    await verify.getByText('Verified: the result matches the published data').waitFor();
    await shots.take(verify, 'verified-en');
    page = previous;
    await stranger.close();
  });

  it('renews (续报) in the next term’s renewal window: only the class that continues one she was admitted to', async () => {
    // The next term: returning students renew now, new applications open in two days.
    const now = Date.now();
    const nextTermId = (
      await call<Made<'term'>>('POST', '/api/terms', {
        venueId,
        name: NEXT_TERM,
        mode: 'lottery',
        renewFrom: new Date(now - HOUR).toISOString(),
        renewUntil: new Date(now + 2 * 24 * HOUR).toISOString(),
        applyFrom: new Date(now + 2 * 24 * HOUR).toISOString(),
        applyUntil: new Date(now + 5 * 24 * HOUR).toISOString(),
        payUntil: new Date(now + 10 * 24 * HOUR).toISOString(),
      })
    ).term.id;
    // Wednesdays and Fridays from 1 September 2027, after the spring classes ended.
    const next = [
      { ...SECOND_NEXT, continues: classIds[SECOND.name]!, feeCents: 20000, start: Date.UTC(2027, 8, 1, 2, 0), rrule: 'FREQ=WEEKLY;BYDAY=WE;COUNT=16', room: rooms[1]! },
      { ...THIRD_NEXT, continues: classIds[THIRD.name]!, feeCents: 0, start: Date.UTC(2027, 8, 3, 6, 0), rrule: 'FREQ=WEEKLY;BYDAY=FR;COUNT=16', room: rooms[2]! },
    ];
    for (const c of next) {
      await call('POST', `/api/terms/${nextTermId}/classes`, {
        name: c.name,
        course: c.course,
        roomId: c.room,
        capacity: 20,
        teacher: '赵老师',
        feeCents: c.feeCents,
        firstStart: new Date(c.start).toISOString(),
        firstEnd: new Date(c.start + 90 * 60_000).toISOString(),
        rrule: c.rrule,
        continuesClassId: c.continues,
      });
    }

    await page.goto(`${server.url}/m/?venue=${venueId}`);
    await page.getByText(/老学员续报中；新学员 \d+月\d+日 周. \d\d:\d\d 开始报名/).waitFor();
    await page.getByRole('button', { name: `查看 / 报名 ${NEXT_TERM}` }).click();
    await page.getByRole('heading', { name: '老学员续报' }).waitFor();
    const card = page.getByRole('article', { name: `${SECOND_NEXT.course} · ${SECOND_NEXT.name}` });
    await card.getByText(`您在“${TERM}”读过这个班的前一阶段。`).waitFor();
    // She never applied for the choir: its next stage is not hers to renew.
    expect(await page.getByRole('button', { name: new RegExp(`确认续报.*${THIRD_NEXT.name}`) }).count()).toBe(0);
    const renewButton = card.getByRole('button', { name: `确认续报 ${SECOND_NEXT.course} ${SECOND_NEXT.name}` });
    await renewButton.scrollIntoViewIfNeeded();
    await shots.take(page, 'renewal');
    await expectPhoneSized();
    expect(await axeSerious()).toEqual([]);

    await renewButton.click();
    await card.getByText(/确定续报“太极拳 · 二十四式进阶班”吗？确认后请在 \d+月\d+日 周. \d\d:\d\d 前到教务处交学费 200 元/).waitFor();
    const yes = card.getByRole('button', { name: '确定' });
    await yes.scrollIntoViewIfNeeded();
    await shots.take(page, 'renewal-ask');
    await yes.click();
    await page.getByText(`续报成功：${SECOND_NEXT.course} · ${SECOND_NEXT.name}。`).waitFor();
    const seat = page.getByRole('article', { name: `${SECOND_NEXT.course} · ${SECOND_NEXT.name}` });
    await seat.getByText('已续报').waitFor();
    await seat.getByText(/请在 \d+月\d+日 周. \d\d:\d\d 前到教务处交学费 200 元/).waitFor();
    expect(await page.getByRole('heading', { name: '老学员续报' }).count()).toBe(0);
    await shots.take(page, 'renewed');
    await expectPhoneSized();

    const { placements } = await call<{ placements: Array<{ classId: string; status: string; source: string }> }>('GET', `/api/terms/${nextTermId}/placements?memberId=${motherId}`);
    expect(placements).toEqual([expect.objectContaining({ status: 'admitted', source: 'returning' })]);
  });

  it('logged no errors', () => {
    expect(errors.flat()).toEqual([]);
  });
});
