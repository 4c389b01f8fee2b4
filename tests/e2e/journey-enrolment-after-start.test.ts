/**
 * Journey: the academic office after a term has started and as the next one opens (docs/api.md "Senior-university
 * enrolment"), on the built coordinator app in Chinese. Last term's first-come classes have met six times (the
 * students' check-ins into the class's sessions, made through the check-in API, are the attendance). The next
 * term is in its renewal window: the coordinator adds a class continuing last term's calligraphy class, renews a
 * returning student at the desk and another from the list of those not renewed yet, and a member who was only
 * waiting is told why they cannot renew. A lottery term was drawn with a mistyped public number: the coordinator
 * is not offered the redo; an admin redoes it (reason required, consequences spelled out, the new fingerprint
 * shown), and once a fee was paid after the second draw a further redo is refused with the server's sentence.
 * Then the attendance grid (students to call on top, with their phones) and the term report, printed and as CSV.
 * Screenshots: test-results/journeys/enrolment-after-start/.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpSignIn, request, type ServerProcess } from '../support/processes.ts';
import { chromiumPath, openSuite, signInPage } from './browser.ts';
import { journeyShots } from './screenshots.ts';

const ADMIN_PASSWORD = 'journey-after-start-admin';
const PASSWORD = 'journey-after-start-office';
const LAST_TERM = '2026 年秋季学期';
const NEXT_TERM = '2027 年春季学期';
const TAICHI_TERM = '2027 年春季太极拳专修';
const CALLIGRAPHY = '书法初级一班';
const CALLIGRAPHY_NEXT = '书法初级二班';
const PAINTING = '国画入门班';
const PAINTING_NEXT = '国画提高班';
const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
/** The venue's zone is Asia/Shanghai (+08:00, no summer time): 09:00 there is 01:00 UTC. */
const SHANGHAI_MS = 8 * HOUR_MS;
/**
 * Name, number, sex, age (mid-band, so the report's age bands hold whenever the journey runs; null: no birth
 * month on record), category. Phones are 1390000 and the last four digits of the number.
 */
const MEMBERS: Array<[string, string, 'male' | 'female', number | null, string]> = [
  ['张晓华', '20170831', 'female', 74, 'retired'],
  ['李建国', '20160412', 'male', 76, 'retired'],
  ['王秀英', '20180905', 'female', 65, 'retired'],
  ['刘德明', '20150120', 'male', 77, 'other'],
  ['陈丽娟', '20190311', 'female', 63, 'retired'],
  ['赵志强', '20120708', 'male', 85, 'veteran'],
  ['孙桂兰', '20140617', 'female', 83, 'veteran'],
  ['周文斌', '20230101', 'male', 55, 'other'],
  ['吴淑芬', '20210309', 'female', null, 'retired'],
];
const phoneOf = (memberNo: string) => `1390000${memberNo.slice(-4)}`;
/** Last term's applications, in arrival order (first come, first served): calligraphy holds 6, painting 4. */
const LAST_CHOICES: Record<string, Array<'A' | 'B'>> = {
  张晓华: ['A'],
  李建国: ['A', 'B'],
  王秀英: ['A'],
  刘德明: ['A', 'B'],
  陈丽娟: ['A'],
  赵志强: ['A', 'B'],
  孙桂兰: ['A'],
  周文斌: ['B'],
  吴淑芬: ['B'],
};
/** Which of the six sessions held each student came to (1-based). 王秀英 and 刘德明 missed the last three or more. */
const CAME: Record<string, { A?: number[]; B?: number[] }> = {
  张晓华: { A: [1, 2, 3, 4, 5, 6] },
  李建国: { A: [1, 2, 4, 5, 6], B: [1, 2, 3, 4, 5, 6] },
  王秀英: { A: [1, 2, 3] },
  刘德明: { A: [1], B: [1, 2] },
  陈丽娟: { A: [1, 2, 3, 4, 5, 6] },
  赵志强: { A: [1, 2, 3, 4, 5], B: [1, 2, 3, 4, 5, 6] },
  周文斌: { B: [1, 3, 5, 6] },
};
/** The failed requests the journey provokes on purpose: the refused second redo. */
const EXPECTED_CONSOLE = /Failed to load resource: the server responded with a status of 409/;

describe.runIf(chromiumPath)('journey: the academic office after the start', () => {
  let server: ServerProcess;
  let browser: Browser;
  let stop: (() => Promise<void>) | undefined;
  const collectors: string[][] = [];

  beforeAll(async () => {
    ({ server, browser, stop } = await openSuite({ ADMIN_PASSWORD }));
  });
  afterAll(async () => stop?.());

  it('renews returning students, redoes a draw as an admin, and keeps attendance and the term report', async () => {
    const shots = journeyShots('enrolment-after-start');
    const admin = await httpSignIn(server.url, 'admin', ADMIN_PASSWORD);
    const call = async <T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
      const answer = await request(`${server.url}${path}`, { method, cookie: admin, headers, ...(body === undefined ? {} : { body }) });
      expect(answer.statusCode, `${method} ${path}: ${answer.body}`).toBeLessThan(300);
      return answer.json as T;
    };
    type Made<K extends string> = Record<K, { id: string }>;
    const now = Date.now();
    const iso = (at: number) => new Date(at).toISOString();

    // ---- A senior university of its own, two rooms, a coordinator, nine members.
    const venueId = (await call<Made<'venue'>>('POST', '/api/venues', { name: '市老年大学', timezone: 'Asia/Shanghai', opensAt: '07:00', closesAt: '21:00' })).venue.id;
    const rooms: string[] = [];
    for (const name of ['书画室', '多功能厅']) rooms.push((await call<Made<'room'>>('POST', `/api/venues/${venueId}/rooms`, { name, kind: 'classroom', capacity: 40 })).room.id);
    await call('POST', '/api/users', { username: 'jiaowu', password: PASSWORD, role: 'coordinator', venueIds: [venueId] });
    const memberIds: Record<string, string> = {};
    const year = new Date(now).getUTCFullYear();
    for (const [name, memberNo, gender, age, category] of MEMBERS) {
      const birth = age === null ? {} : { birthMonth: `${year - age}-06` };
      memberIds[name] = (await call<Made<'member'>>('POST', '/api/members', { name, memberNo, gender, ...birth, category, phone: phoneOf(memberNo) })).member.id;
    }

    // ---- Last term (first come): classes on yesterday's weekday from five weeks before it, eight sessions, six
    // held (yesterday's the last of them), whatever the time of day the journey runs.
    const lastTermId = (
      await call<Made<'term'>>('POST', '/api/terms', {
        venueId,
        name: LAST_TERM,
        mode: 'first_come',
        applyFrom: iso(now - 2 * DAY_MS),
        applyUntil: iso(now + DAY_MS),
        classesPerMember: 2,
        choicesPerApplication: 2,
      })
    ).term.id;
    const yesterday = new Date(now + SHANGHAI_MS - DAY_MS);
    const firstDay = Date.UTC(yesterday.getUTCFullYear(), yesterday.getUTCMonth(), yesterday.getUTCDate() - 35);
    const lastClass = async (name: string, course: string, teacher: string, hourUtc: number, roomId: string, capacity: number, feeCents: number) =>
      (
        await call<Made<'class'>>('POST', `/api/terms/${lastTermId}/classes`, {
          name,
          course,
          teacher,
          roomId,
          capacity,
          feeCents,
          firstStart: iso(firstDay + hourUtc * HOUR_MS),
          firstEnd: iso(firstDay + hourUtc * HOUR_MS + 90 * 60_000),
          rrule: 'FREQ=WEEKLY;COUNT=8',
        })
      ).class.id;
    const lastClasses = { A: await lastClass(CALLIGRAPHY, '书法', '王老师', 1, rooms[0]!, 6, 28_000), B: await lastClass(PAINTING, '国画', '李老师', 6, rooms[1]!, 4, 30_000) };
    for (const [name, choices] of Object.entries(LAST_CHOICES)) {
      await call('POST', `/api/terms/${lastTermId}/applications`, { memberId: memberIds[name], choices: choices.map((c) => lastClasses[c]) }, { 'idempotency-key': randomUUID() });
    }
    await call('PATCH', `/api/terms/${lastTermId}`, { applyUntil: iso(Date.now()) });
    // Attendance: each student's check-in into the sessions they came to (a kiosk or the desk would do the same).
    for (const key of ['A', 'B'] as const) {
      const sessions = (await call<{ sessions: Array<{ bookingId: string; held: boolean }> }>('GET', `/api/classes/${lastClasses[key]}/attendance`)).sessions;
      const held = sessions.filter((s) => s.held).map((s) => s.bookingId);
      expect(held).toHaveLength(6);
      for (const [name, came] of Object.entries(CAME)) {
        for (const n of came[key] ?? []) {
          await call('POST', '/api/checkins', { venueId, memberId: memberIds[name], bookingId: held[n - 1] }, { 'idempotency-key': randomUUID() });
        }
      }
    }

    // ---- The next term: returning students renew now, applications open in two days. Its painting class
    // continues last term's; the calligraphy class is added in the browser below.
    const nextTermId = (
      await call<Made<'term'>>('POST', '/api/terms', {
        venueId,
        name: NEXT_TERM,
        mode: 'lottery',
        renewFrom: iso(now - HOUR_MS),
        renewUntil: iso(now + 2 * DAY_MS),
        applyFrom: iso(now + 2 * DAY_MS),
        applyUntil: iso(now + 5 * DAY_MS),
        payUntil: iso(now + 10 * DAY_MS),
      })
    ).term.id;
    const nextStart = Date.UTC(yesterday.getUTCFullYear(), yesterday.getUTCMonth(), yesterday.getUTCDate() + 21, 8);
    await call('POST', `/api/terms/${nextTermId}/classes`, {
      name: PAINTING_NEXT,
      course: '国画',
      teacher: '李老师',
      roomId: rooms[1],
      capacity: 4,
      feeCents: 30_000,
      firstStart: iso(nextStart),
      firstEnd: iso(nextStart + 90 * 60_000),
      rrule: 'FREQ=WEEKLY;COUNT=16',
      continuesClassId: lastClasses.B,
    });

    // ---- A lottery term drawn with a mistyped public number (the notary said 483920).
    const taichiTermId = (
      await call<Made<'term'>>('POST', '/api/terms', {
        venueId,
        name: TAICHI_TERM,
        mode: 'lottery',
        applyFrom: iso(now - DAY_MS),
        applyUntil: iso(now + DAY_MS),
        classesPerMember: 1,
        choicesPerApplication: 1,
        payUntil: iso(now + 7 * DAY_MS),
      })
    ).term.id;
    const taichiStart = Date.UTC(yesterday.getUTCFullYear(), yesterday.getUTCMonth(), yesterday.getUTCDate() + 30, 0);
    const taichiClass = (
      await call<Made<'class'>>('POST', `/api/terms/${taichiTermId}/classes`, {
        name: '太极拳提高班',
        course: '太极拳',
        roomId: rooms[1],
        capacity: 2,
        feeCents: 20_000,
        firstStart: iso(taichiStart),
        firstEnd: iso(taichiStart + 60 * 60_000),
        rrule: 'FREQ=WEEKLY;COUNT=12',
      })
    ).class.id;
    for (const name of ['张晓华', '李建国', '王秀英', '陈丽娟']) {
      await call('POST', `/api/terms/${taichiTermId}/applications`, { memberId: memberIds[name], choices: [taichiClass] }, { 'idempotency-key': randomUUID() });
    }
    await call('PATCH', `/api/terms/${taichiTermId}`, { applyUntil: iso(Date.now()) });
    await call('POST', `/api/terms/${taichiTermId}/draw`, { publicNumber: '48392' });
    const firstHash = (await call<{ term: { seedHash: string } }>('GET', `/api/terms/${taichiTermId}`)).term.seedHash;

    const page = await signInPage(browser, server.url, 'jiaowu', PASSWORD, collectors, { viewport: { width: 1440, height: 900 } });
    await page.addInitScript(() => {
      // The print dialog would block a headless page: count the calls instead.
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => void ((window as unknown as { printed: number }).printed += 1);
    });
    await page.reload();
    const printed = () => page.evaluate(() => (window as unknown as { printed: number }).printed);

    // ---- 续报: the next term opens on its renewals tab, which is what it is doing.
    await page.goto(`${server.url}/#/enrolment/${nextTermId}`);
    await page.getByRole('heading', { name: NEXT_TERM }).waitFor();
    await page.locator('.enrol-head .badge', { hasText: '老学员续报中' }).waitFor();
    await page.locator('.enrol-tabs a[aria-current="page"]', { hasText: '续报' }).waitFor();
    const painting = page.locator('section.renew-class', { hasText: PAINTING_NEXT });
    await painting.getByText(`接续 ${LAST_TERM}「${PAINTING}」`).waitFor();
    await painting.getByRole('heading', { name: '上学期学员尚未续报（4 人）' }).waitFor();

    // The class form offers last term's classes to continue; the new class is booked and listed.
    await page.getByRole('link', { name: '班级', exact: true }).click();
    await page.getByRole('button', { name: '添加班级' }).click();
    const f = page.locator('form.class-form');
    await f.locator('input[name="course"]').fill('书法');
    await f.locator('input[name="name"]').fill(CALLIGRAPHY_NEXT);
    await f.locator('input[name="teacher"]').fill('王老师');
    await f.locator('select[name="roomId"]').selectOption({ label: '多功能厅（可容纳 40 人）' });
    await f.locator('input[name="capacity"]').fill('6');
    await f.locator('input[name="fee"]').fill('280');
    await f.locator('select[name="continuesClassId"]').selectOption({ label: `${CALLIGRAPHY} · 王老师` });
    await f.getByRole('button', { name: '添加并预订教室' }).click();
    await page.getByRole('status').filter({ hasText: `已添加「${CALLIGRAPHY_NEXT}」` }).waitFor();
    await page.locator('table.classes-table tr', { hasText: CALLIGRAPHY_NEXT }).getByText('接续以前学期的班级').waitFor();

    // The desk: a student of last term's calligraphy class renews it; painting was not hers.
    await page.getByRole('link', { name: '续报', exact: true }).click();
    const desk = page.locator('section.renew-desk');
    const pickMember = async (memberNo: string, name: string) => {
      await desk.getByLabel('查找老学员').fill(memberNo);
      await desk.locator('.picker-results li', { hasText: memberNo }).getByRole('button').click();
      await desk.locator('.desk-member', { hasText: name }).waitFor();
    };
    await pickMember('20170831', '张晓华');
    const renewable = desk.locator('.renew-options li.renew-renewable');
    await renewable.getByText('上学期本班学员，可以续报（空余 6 个名额）').waitFor();
    expect(await renewable.textContent()).toContain(CALLIGRAPHY_NEXT);
    await desk.locator('.renew-options li.renew-not_student', { hasText: PAINTING_NEXT }).getByText(`不是「${PAINTING}」的学员，不能续报本班`).waitFor();
    await shots.take(page, 'renewal-desk');
    await renewable.getByRole('button', { name: `确认续报「${CALLIGRAPHY_NEXT}」` }).click();
    await desk.locator('.desk-done').getByText(`已为 张晓华 续报「${CALLIGRAPHY_NEXT}」。`).waitFor();
    await desk.locator('.desk-done').getByText(/学费 ¥280，请于 .* 前缴费。/).waitFor();
    await desk.locator('.renew-options li.renew-held').getByText('已续报本班').waitFor();

    // One who was only on the waiting list last term is told she cannot renew.
    await desk.getByRole('button', { name: '换一位会员' }).click();
    await pickMember('20140617', '孙桂兰');
    await desk.getByText('孙桂兰 不在任何接续班级的上学期名单上，不能续报；可以在报名期内报名。').waitFor();
    expect(await desk.getByRole('button', { name: /确认续报/ }).count()).toBe(0);

    // Another confirms on the phone: renewed from the list of those who have not yet.
    const calligraphy = page.locator('section.renew-class', { hasText: CALLIGRAPHY_NEXT });
    await calligraphy.getByRole('heading', { name: '上学期学员尚未续报（5 人）' }).waitFor();
    const notYet = calligraphy.locator('table.not-yet-table tr', { hasText: '王秀英' });
    expect(await notYet.textContent()).toContain(phoneOf('20180905'));
    await notYet.getByRole('button', { name: '为 王秀英 办理续报' }).click();
    await page.getByRole('status').filter({ hasText: `已为 王秀英 续报「${CALLIGRAPHY_NEXT}」。` }).waitFor();
    await calligraphy.getByRole('heading', { name: '已续报（2 人）' }).waitFor();
    await calligraphy.getByRole('heading', { name: '上学期学员尚未续报（4 人）' }).waitFor();
    await calligraphy.getByText('名额 6 · 空余 4 · 已续报 2 人').waitFor();
    await page.getByText('本学期已续报 2 人次').waitFor();
    await shots.take(page, 'renewals');
    const renewed = await call<{ placements: Array<{ memberName: string; source: string; status: string }> }>('GET', `/api/terms/${nextTermId}/placements`);
    expect(renewed.placements.map((p) => [p.memberName, p.source, p.status]).sort()).toEqual([
      ['张晓华', 'returning', 'admitted'],
      ['王秀英', 'returning', 'admitted'],
    ]);

    // ---- 摇号: a coordinator is not offered the redo of a draw.
    await page.goto(`${server.url}/#/enrolment/${taichiTermId}/lottery`);
    await page.getByRole('heading', { name: '摇号结果' }).waitFor();
    await page.getByText('48392').first().waitFor();
    expect(await page.getByRole('button', { name: '重新摇号', exact: true }).count()).toBe(0);

    // An admin is: the confirmation says what it undoes and asks for a reason and an "I understand".
    const adminPage = await signInPage(browser, server.url, 'admin', ADMIN_PASSWORD, collectors, { viewport: { width: 1440, height: 900 } });
    await adminPage.goto(`${server.url}/#/enrolment/${taichiTermId}/lottery`);
    await adminPage.getByRole('heading', { name: '摇号结果' }).waitFor();
    await adminPage.getByRole('button', { name: '重新摇号', exact: true }).click();
    const dialog = adminPage.getByRole('alertdialog');
    await dialog.getByText('作废这次摇号的全部结果：删除 2 个录取名额和 2 人的候补（续报的名额不受影响）；').waitFor();
    await dialog.getByText('之后必须重新当众摇号').waitFor();
    await dialog.getByRole('button', { name: '作废结果并重新摇号' }).click();
    await dialog.getByText('请填写原因。').waitFor();
    await dialog.getByText('请先勾选“我已了解”。').waitFor();
    await dialog.getByLabel('重新摇号的原因').fill('公开号码输入错误：公证员报的是 483920，录入成了 48392');
    await dialog.getByLabel('我已了解').check();
    await shots.take(adminPage, 'redraw-dialog');
    await dialog.getByRole('button', { name: '作废结果并重新摇号' }).click();
    const done = adminPage.locator('.redraw-done');
    await done.getByText('原摇号结果已作废。新的摇号指纹已公布：').waitFor();
    const secondHash = (await call<{ term: { seedHash: string; drawnAt: string | null } }>('GET', `/api/terms/${taichiTermId}`)).term;
    expect(secondHash.drawnAt).toBeNull();
    expect(secondHash.seedHash).not.toBe(firstHash);
    expect(await done.locator('code').textContent()).toBe(secondHash.seedHash);
    await adminPage.locator('.enrol-head .badge', { hasText: '报名已截止' }).waitFor();
    expect(await adminPage.locator('.seed-hash').textContent()).toContain(secondHash.seedHash.slice(0, 8));
    await adminPage.getByText('可以摇号了').waitFor();
    await shots.take(adminPage, 'redraw-done');

    // Drawn again in public; a fee is paid; a further redo is refused, in the server's words.
    await call('POST', `/api/terms/${taichiTermId}/draw`, { publicNumber: '483920' });
    const seats = await call<{ placements: Array<{ id: string; status: string }> }>('GET', `/api/terms/${taichiTermId}/placements`);
    const seat = seats.placements.find((p) => p.status === 'admitted')!;
    await call('POST', `/api/placements/${seat.id}/payment`, { receiptNo: 'NO.2027-0101', amountCents: 20_000 });
    // The term's own event brings the new draw to the open page.
    await adminPage.getByText('483920').first().waitFor();
    await adminPage.getByRole('button', { name: '重新摇号', exact: true }).click();
    await dialog.getByLabel('重新摇号的原因').fill('再试一次');
    await dialog.getByLabel('我已了解').check();
    await dialog.getByRole('button', { name: '作废结果并重新摇号' }).click();
    await dialog.getByText('已有学员按本次摇号结果缴费，不能重新摇号；请先办理退费并撤销其名额。').waitFor();
    await shots.take(adminPage, 'redraw-refused');
    await adminPage.close();

    // ---- 出勤: last term's calligraphy class; those who missed the last three sessions or more come first.
    await page.goto(`${server.url}/#/enrolment/${lastTermId}/attendance`);
    const sheet = page.locator('article.attendance-sheet');
    await sheet.getByRole('heading', { name: `${CALLIGRAPHY} 出勤表` }).waitFor();
    await sheet.getByText('已上 6 次课 / 共 8 次').waitFor();
    await sheet.getByText('出勤率 72%').first().waitFor(); // 26 of 36
    const toCall = (await sheet.locator('.to-call li').allTextContents()).map((l) => l.replace(/\s+/g, ' ').trim());
    expect(toCall).toEqual([`刘德明 20150120 ${phoneOf('20150120')} 连续 5 次未到`, `王秀英 20180905 ${phoneOf('20180905')} 连续 3 次未到`]);
    expect(await sheet.locator('.attendance-grid thead th.day').count()).toBe(6);
    const rows = sheet.locator('.attendance-grid tbody tr');
    expect(await rows.count()).toBe(6);
    const marks = async (name: string) => (await rows.filter({ hasText: name }).locator('td.mark').evaluateAll((cells) => cells.map((c) => (c.classList.contains('came') ? '✓' : '·')))).join('');
    expect(await marks('李建国')).toBe('✓✓·✓✓✓');
    expect(await marks('刘德明')).toBe('✓·····');
    expect(await sheet.locator('tr.flagged').count()).toBe(2);
    expect((await sheet.locator('.attendance-grid tfoot td.mark').allTextContents()).map(Number)).toEqual([6, 5, 4, 4, 4, 3]);
    await shots.take(page, 'attendance');
    // The other class from the picker; then printed, on its own.
    await page.locator('.tab-tools select').selectOption({ label: PAINTING });
    await sheet.getByRole('heading', { name: `${PAINTING} 出勤表` }).waitFor();
    await sheet.locator('.to-call li', { hasText: '刘德明' }).getByText('连续 4 次未到').waitFor();
    await page.getByRole('button', { name: '打印出勤表' }).click();
    expect(await printed()).toBe(1);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('#app > header').isVisible()).toBe(false);
    expect(await page.locator('.enrol-tabs').isVisible()).toBe(false);
    await shots.take(page, 'attendance-print');
    await page.emulateMedia({ media: 'screen' });

    // ---- 学期报表: per course, by category and age, attendance; printed, and as a CSV file.
    await page.getByRole('link', { name: '学期报表' }).click();
    const report = page.locator('article.report-sheet');
    await report.getByRole('heading', { name: '学期报表' }).waitFor();
    const courseRow = async (course: string) => (await report.locator('.courses-table tbody tr', { hasText: course }).locator('td').allTextContents()).map((c) => c.trim());
    expect(await courseRow('书法')).toEqual(['书法', '1', '6', '7', '7', '1.17', '6', '1']);
    expect(await courseRow('国画')).toEqual(['国画', '1', '4', '5', '2', '0.50', '4', '1']);
    const share = async (label: string) => (await report.locator('.share-table tr', { hasText: label }).locator('td.num').textContent())?.trim();
    expect(await share('退休')).toBe('4 人');
    expect(await share('离休')).toBe('1 人');
    expect(await share('60 岁以下')).toBe('1 人');
    expect(await share('80 岁及以上')).toBe('1 人');
    expect(await share('70–79 岁')).toBe('3 人');
    const overall = (await report.locator('.attendance-table tfoot').locator('th, td').allTextContents()).map((c) => c.trim());
    expect(overall).toEqual(['合计', '12', '44', '73%']); // (26 + 18) of (36 + 24)
    await shots.take(page, 'term-report');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载 CSV' }).click()]);
    expect(download.suggestedFilename()).toBe(`${LAST_TERM}-学期报表.csv`);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv.startsWith(`\uFEFF"学期报表","${LAST_TERM}"\r\n`)).toBe(true);
    expect(csv).toContain('"书法","1","6","7","7","1.17","6","1"\r\n');
    expect(csv).toContain(`"书法","${CALLIGRAPHY}","6","6","26","72%"\r\n`);
    await page.getByRole('button', { name: '打印报表' }).click();
    expect(await printed()).toBe(2);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('#app > header').isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: '下载 CSV' }).isVisible()).toBe(false);
    await shots.take(page, 'term-report-print');
    await page.emulateMedia({ media: 'screen' });

    // ---- The same in English.
    await page.getByRole('button', { name: 'English', exact: true }).click();
    await report.getByRole('heading', { name: 'Term report' }).waitFor();
    await report.locator('.share-table tr', { hasText: '80 and over' }).waitFor();
    await shots.take(page, 'term-report-en');
    await page.getByRole('link', { name: 'Attendance', exact: true }).click();
    await sheet.getByRole('heading', { name: `${CALLIGRAPHY}: attendance` }).waitFor();
    // Dates day first in English: the last session was yesterday.
    expect(await sheet.locator('.attendance-grid thead th.day').last().textContent()).toBe(`Session 6 ${yesterday.getUTCDate()}/${yesterday.getUTCMonth() + 1}`);
    await sheet.getByText('Please call: missed 3 or more sessions in a row (2)').waitFor();
    await shots.take(page, 'attendance-en');

    const errors = collectors.flat().filter((e) => !EXPECTED_CONSOLE.test(e));
    expect(errors).toEqual([]);
  }, 300_000);
});
