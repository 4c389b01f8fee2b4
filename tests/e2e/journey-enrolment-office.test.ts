/**
 * Journey: the academic office runs a lottery term from setup to the public draw (docs/api.md "Senior-university
 * enrolment"), on the built coordinator app in Chinese. A coordinator opens a term whose application window is
 * open, adds two classes (a third, clashing with the first on the calendar, is refused and says with what), enters
 * desk applications for seven members (one is too young for a class and is told why before choosing), watches
 * the counts, closes applications, and runs the draw on the projector page at 1920×1080: the public number, its
 * confirmation, the result with masked names checked in the browser. Then the desk records a fee, withdraws a
 * student (the first on the waiting list is offered the seat) and prints a class's roster.
 * Screenshots: test-results/journeys/enrolment-office/.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpSignIn, request, type ServerProcess } from '../support/processes.ts';
import { chromiumPath, openSuite, signInPage } from './browser.ts';
import { journeyShots } from './screenshots.ts';

const ADMIN_PASSWORD = 'journey-enrolment-admin';
const PASSWORD = 'journey-enrolment-office';
const TERM = '2027 年春季学期';
const CALLIGRAPHY = '书法初级一班';
const PAINTING = '国画入门班';
const PUBLIC_NUMBER = '483920';
const DAY_MS = 86_400_000;
/** The venue's zone is Asia/Shanghai (+08:00, no summer time): wall times below are computed with it. */
const SHANGHAI_MS = 8 * 3_600_000;
const wall = (instant: number) => new Date(instant + SHANGHAI_MS).toISOString();
const wallDate = (instant: number) => wall(instant).slice(0, 10);
const wallTime = (instant: number) => wall(instant).slice(11, 16);
/** A member: name, number, sex, birth month, category. 周文斌 is 53 when classes start: too young for 书法 (men 55+). */
const MEMBERS: Array<[string, string, 'male' | 'female', string, string]> = [
  ['张晓华', '20170831', 'female', '1955-03', 'retired'],
  ['李建国', '20160412', 'male', '1950-07', 'retired'],
  ['王秀英', '20180905', 'female', '1958-11', 'retired'],
  ['刘德明', '20150120', 'male', '1949-02', 'other'],
  ['陈丽娟', '20190311', 'female', '1960-06', 'retired'],
  ['赵志强', '20120708', 'male', '1946-09', 'veteran'],
  ['周文斌', '20230101', 'male', '1973-12', 'other'],
];
/** Who applies for what, in order of preference. */
const CHOICES: Record<string, string[]> = {
  张晓华: [CALLIGRAPHY, PAINTING],
  李建国: [CALLIGRAPHY, PAINTING],
  王秀英: [PAINTING, CALLIGRAPHY],
  刘德明: [CALLIGRAPHY],
  陈丽娟: [CALLIGRAPHY, PAINTING],
  赵志强: [PAINTING, CALLIGRAPHY],
  周文斌: [PAINTING],
};
/** The browser's failed requests the journey provokes on purpose (the clashing class). */
const EXPECTED_CONSOLE = /Failed to load resource: the server responded with a status of 409/;

describe.runIf(chromiumPath)('journey: the academic office runs a term', () => {
  let server: ServerProcess;
  let browser: Browser;
  let stop: (() => Promise<void>) | undefined;
  const collectors: string[][] = [];

  beforeAll(async () => {
    ({ server, browser, stop } = await openSuite({ ADMIN_PASSWORD }));
  });
  afterAll(async () => stop?.());

  it('sets up a term, takes applications at the desk, draws in public, and keeps the lists', async () => {
    const shots = journeyShots('enrolment-office');
    const admin = await httpSignIn(server.url, 'admin', ADMIN_PASSWORD);
    const call = async <T>(method: string, path: string, body?: unknown) => {
      const answer = await request(`${server.url}${path}`, { method, cookie: admin, ...(body === undefined ? {} : { body }) });
      expect(answer.statusCode, `${method} ${path}: ${answer.body}`).toBeLessThan(300);
      return answer.json as T;
    };

    // A senior university of its own (the demo's calendar stays out of the way), its rooms, its coordinator.
    const venue = (await call<{ venue: { id: string; timezone: string } }>('POST', '/api/venues', { name: '市老年大学' })).venue;
    expect(venue.timezone).toBe('Asia/Shanghai');
    for (const name of ['书画室', '多功能厅']) await call('POST', `/api/venues/${venue.id}/rooms`, { name, kind: 'classroom', capacity: 40 });
    await call('POST', '/api/users', { username: 'jiaowu', password: PASSWORD, role: 'coordinator', venueIds: [venue.id] });
    for (const [name, memberNo, gender, birthMonth, category] of MEMBERS) {
      await call('POST', '/api/members', { name, memberNo, gender, birthMonth, category, phone: `139${memberNo.slice(0, 8)}` });
    }

    const page = await signInPage(browser, server.url, 'jiaowu', PASSWORD, collectors, { viewport: { width: 1440, height: 900 } });
    await page.addInitScript(() => {
      // The print dialog would block a headless page: count the calls instead.
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => void ((window as unknown as { printed: number }).printed += 1);
    });
    await page.reload();

    // ---- 新学期: a lottery term open since an hour ago, until tomorrow; veterans drawn first; fees due in a week.
    await page.getByRole('link', { name: '招生报名' }).click();
    await page.getByText('还没有学期').waitFor();
    await page.getByRole('button', { name: '新学期' }).click();
    const form = page.locator('form.term-form');
    await form.locator('input[name="name"]').fill(TERM);
    await form.getByText('截止后当众摇号').waitFor(); // each mode is explained in one line
    const opened = Date.now() - 3_600_000;
    const closes = Date.now() + DAY_MS;
    await form.locator('input[name="applyFromDate"]').fill(wallDate(opened));
    await form.locator('input[name="applyFromTime"]').fill(wallTime(opened));
    await form.locator('input[name="applyUntilDate"]').fill(wallDate(closes));
    await form.locator('input[name="applyUntilTime"]').fill(wallTime(closes));
    await form.locator('input[name="classesPerMember"]').fill('1');
    await form.locator('input[name="choicesPerApplication"]').fill('2');
    await form.getByLabel('离休').check();
    await form.getByLabel('设缴费截止时间').check();
    await form.locator('input[name="payUntilDate"]').fill(wallDate(closes + 7 * DAY_MS));
    await form.getByRole('button', { name: '创建学期' }).click();
    await page.getByRole('heading', { name: TERM }).waitFor();
    const termId = /#\/enrolment\/([^/?]+)/.exec(page.url())![1]!;
    const seedHash = (await call<{ term: { seedHash: string } }>('GET', `/api/terms/${termId}`)).term.seedHash;
    expect(await page.locator('.seed-hash').textContent()).toContain(seedHash.slice(0, 8));

    await page.getByRole('link', { name: '招生报名' }).first().click();
    const row = page.locator('tr', { hasText: TERM });
    await row.getByText('报名中').waitFor();
    await page.getByText('开始前公布，摇号后可核验').waitFor();
    await shots.take(page, 'term-list');
    await row.getByRole('link', { name: TERM }).click();

    // ---- 班级: two classes on Monday mornings and afternoons, from the Monday after the window closes.
    await page.getByRole('link', { name: '班级' }).click();
    const days = (7 - new Date(closes + SHANGHAI_MS).getUTCDay() + 1) % 7 || 7;
    const monday = wallDate(closes + days * DAY_MS);
    const addClass = async (c: { course: string; name: string; teacher: string; start: string; end: string; capacity: string; fee: string; ages?: [string, string, string] }) => {
      await page.getByRole('button', { name: '添加班级' }).click();
      const f = page.locator('form.class-form');
      await f.locator('input[name="course"]').fill(c.course);
      await f.locator('input[name="name"]').fill(c.name);
      await f.locator('input[name="teacher"]').fill(c.teacher);
      await f.locator('select[name="roomId"]').selectOption({ label: '书画室（可容纳 40 人）' });
      await f.locator('input[name="firstDate"]').fill(monday);
      await f.locator('input[name="startTime"]').fill(c.start);
      await f.locator('input[name="endTime"]').fill(c.end);
      await f.locator('input[name="capacity"]').fill(c.capacity);
      await f.locator('input[name="fee"]').fill(c.fee);
      if (c.ages) {
        await f.locator('input[name="minAgeFemale"]').fill(c.ages[0]);
        await f.locator('input[name="minAgeMale"]').fill(c.ages[1]);
        await f.locator('input[name="maxAge"]').fill(c.ages[2]);
      }
      await f.getByTestId('sessions-summary').filter({ hasText: '共 18 次' }).waitFor();
      await f.getByRole('button', { name: '添加并预订教室' }).click();
      return f;
    };
    await addClass({ course: '书法', name: CALLIGRAPHY, teacher: '王老师', start: '09:00', end: '10:30', capacity: '3', fee: '280', ages: ['50', '55', '80'] });
    await page.getByRole('status').filter({ hasText: `已添加「${CALLIGRAPHY}」，并在日程中预订了 18 次课` }).waitFor();
    await addClass({ course: '国画', name: PAINTING, teacher: '李老师', start: '14:00', end: '15:30', capacity: '2', fee: '300' });
    await page.getByRole('status').filter({ hasText: `已添加「${PAINTING}」` }).waitFor();
    // A third in the same room half an hour after the first: refused, naming the class in the way.
    const clashing = await addClass({ course: '书法', name: '书法初级二班', teacher: '王老师', start: '09:30', end: '11:00', capacity: '20', fee: '280' });
    const clash = clashing.locator('.problems');
    await clash.getByText('未添加：这个班的上课时间与日程中的以下预订冲突').waitFor();
    const lines = (await clash.locator('li').allTextContents()).map((l) => l.replace(/\s+/g, ' ').trim());
    expect(lines).toEqual([expect.stringMatching(new RegExp(`^「书法 · ${CALLIGRAPHY}」 书画室 .* 09:00–10:30 ?（自这一次起共 18 次）$`))]);
    await shots.take(page, 'class-clash');
    await clashing.getByRole('button', { name: '取消' }).click();
    const classes = page.locator('table.classes-table tbody tr');
    expect(await classes.count()).toBe(2);
    const first = classes.filter({ hasText: CALLIGRAPHY });
    expect(await first.textContent()).toContain('每周一 09:00–10:30');
    expect(await first.textContent()).toContain('女 50 岁起、男 55 岁起，至 80 岁');
    expect(await first.textContent()).toContain('¥280');
    await shots.take(page, 'classes');

    // ---- 报名: the desk enters each member's choices in order; the counts follow.
    await page.getByRole('link', { name: '报名', exact: true }).click();
    const desk = page.locator('form.desk-form');
    for (const [name, memberNo] of MEMBERS) {
      // By member number, as read off the card (the demo's members share some of these names).
      await desk.getByLabel('查找会员').fill(memberNo);
      await desk.locator('.picker-results li', { hasText: memberNo }).getByRole('button').click();
      await desk.locator('.desk-member', { hasText: name }).waitFor();
      if (name === '周文斌') {
        // Too young for 书法: said before choosing, and the class cannot be chosen.
        const refused = desk.locator('.class-choices li', { hasText: CALLIGRAPHY });
        await refused.locator('.reason').filter({ hasText: '须年满 55 周岁' }).waitFor();
        expect(await refused.getByRole('button').isDisabled()).toBe(true);
        await shots.take(page, 'desk-not-eligible');
      }
      for (const [i, cls] of CHOICES[name]!.entries()) {
        await desk.locator('.class-choices li', { hasText: cls }).getByRole('button', { name: `选为第 ${i + 1} 志愿` }).click();
      }
      await desk.getByRole('button', { name: `提交报名（${CHOICES[name]!.length} 个志愿）` }).click();
      await desk.locator('.desk-done').filter({ hasText: `${name} 报名成功` }).waitFor();
    }
    const seats = page.locator('table.seats-table');
    await seats.locator('tr', { hasText: CALLIGRAPHY }).locator('td').nth(3).filter({ hasText: /^6$/ }).waitFor();
    await seats.locator('tr', { hasText: PAINTING }).locator('td').nth(3).filter({ hasText: /^6$/ }).waitFor();
    await seats.locator('tr.hot', { hasText: CALLIGRAPHY }).waitFor();
    await page.getByRole('heading', { name: '报名记录（7 份）' }).waitFor();
    await shots.take(page, 'applications');

    // ---- Close applications now.
    await page.getByRole('button', { name: '立即截止报名' }).click();
    await page.getByText('现在截止报名？已有 7 人报名').waitFor();
    await page.getByRole('button', { name: '确定截止' }).click();
    await page.locator('.enrol-head .badge', { hasText: '报名已截止' }).waitFor();
    await page.getByRole('link', { name: '摇号', exact: true }).click();
    await page.getByText('可以摇号了').waitFor();

    // ---- The projector, 1920×1080: the published hash, the public number, its confirmation, the result.
    const projector = await page.context().newPage();
    await projector.setViewportSize({ width: 1920, height: 1080 });
    await projector.goto(`${server.url}/#/enrolment/${termId}/draw`);
    await projector.getByRole('heading', { name: TERM }).waitFor();
    expect(await projector.locator('.proj-hash-groups').textContent()).toBe(seedHash);
    await projector.getByText('报名 7 人 · 班级 2 个 · 超额 2 个').waitFor();
    await projector.getByLabel('公开号码').fill(PUBLIC_NUMBER);
    await shots.take(projector, 'projector-before');
    await projector.getByRole('button', { name: '下一步' }).click();
    await projector.locator('.proj-number-shown', { hasText: PUBLIC_NUMBER }).waitFor();
    await projector.getByText('确认公开号码').waitFor();
    await shots.take(projector, 'projector-confirm');
    await projector.getByRole('button', { name: '确认摇号' }).click();
    await projector.getByText('密钥与事先公布的指纹一致').waitFor();
    await projector.getByText('本机按公开规则重算，结果一致').waitFor();
    await projector.getByText('任何人可用公开的数据自行核验').waitFor();
    const draw = await call<{ draw: { secret: string }; placements: Array<{ applicationId: string; classId: string; status: string }> }>('GET', `/api/terms/${termId}/draw`);
    expect(await projector.locator('.proj-facts').textContent()).toContain(draw.draw.secret);
    const names = (await projector.locator('.proj-names .n').allTextContents()).join(' ');
    expect(names).toMatch(/[张李王刘陈赵周]\*[华国英明娟强斌]/);
    for (const [name] of MEMBERS) expect(names).not.toContain(name);
    expect(await projector.locator('.proj-names li').first().textContent()).toMatch(/\d{4}$/);
    await shots.take(projector, 'projector-result');
    await projector.getByRole('tab', { name: PAINTING }).click();
    await projector.getByRole('heading', { name: new RegExp(PAINTING) }).waitFor();
    await shots.take(projector, 'projector-result-second-class');
    await projector.close();

    // ---- 名单: fees, a withdrawal, the seat offered to the first on the waiting list.
    await page.getByRole('link', { name: '名单' }).click();
    const calligraphy = page.locator('section.class-placements', { hasText: CALLIGRAPHY });
    await calligraphy.getByText('已录取 3 / 3').waitFor();
    await page.locator('.enrol-head .badge', { hasText: '已摇号' }).waitFor();
    await calligraphy.getByText('3 人未缴费').waitFor();
    await shots.take(page, 'placements');
    const payer = calligraphy.locator('tr.pay-due').first();
    const payerName = (await payer.locator('td strong').first().textContent())!;
    await payer.getByRole('button', { name: '登记缴费' }).click();
    await payer.locator('input[name="receiptNo"]').fill('NO.2027-0001');
    expect(await payer.locator('input[name="amount"]').inputValue()).toBe('280');
    await payer.getByRole('button', { name: '保存' }).click();
    await page.getByRole('status').filter({ hasText: `已登记 ${payerName} 的缴费` }).waitFor();
    await calligraphy.locator('tr.pay-paid', { hasText: payerName }).getByText('收据 NO.2027-0001').waitFor();
    const leaving = calligraphy.locator('tr.pay-due').first();
    const leaverName = (await leaving.locator('td strong').first().textContent())!;
    await leaving.getByRole('button', { name: '退出' }).click();
    await leaving.getByText(`确定让 ${leaverName} 退出`).waitFor();
    await leaving.getByRole('button', { name: '确定退出' }).click();
    await calligraphy.locator('tr.offered').getByText(/剩 \d+ 小时/).waitFor();
    await calligraphy.locator('details.withdrawn').getByText('已退出（1 人）').waitFor();
    await shots.take(page, 'placements-after-withdrawal');

    // ---- 花名册: the class's roster, printed on A4 without the app around it.
    await page.getByRole('link', { name: '花名册' }).click();
    const sheet = page.locator('article.roster-sheet');
    await sheet.getByRole('heading', { name: `${CALLIGRAPHY} 花名册` }).waitFor();
    expect(await sheet.locator('tbody tr').count()).toBe(2);
    await sheet.getByText('NO.2027-0001').waitFor();
    await page.getByRole('button', { name: '打印花名册' }).click();
    expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('#app > header').isVisible()).toBe(false);
    expect(await page.locator('.enrol-tabs').isVisible()).toBe(false);
    await shots.take(page, 'roster-print');
    await page.emulateMedia({ media: 'screen' });

    const errors = collectors.flat().filter((e) => !EXPECTED_CONSOLE.test(e));
    expect(errors).toEqual([]);
  }, 240_000);
});

