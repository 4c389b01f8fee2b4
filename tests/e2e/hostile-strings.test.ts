/**
 * Hostile strings, stored over the API and shown on every screen that shows them, in Chromium under the app's
 * Content-Security-Policy (a violation is a console error, and the test fails on any). Markup, script and
 * template look-alikes, SQL, emoji joined by ZWJ, right-to-left overrides and Chinese go into member names, a
 * room name, a booking title and a 10,000-character note, a tournament and its participants. Each must come
 * back as the very same text (code point for code point) on the coordinator's calendar and booking details,
 * the member search and form, the tournament page, the venue and tournament display screens and the kiosk's
 * name search and check-in; nothing may run (`window.__pwned` stays undefined, no dialog opens, no element
 * the strings describe appears). Names longer than the limits are refused with 400 validation_failed.
 *
 * The venue is made for the test in a fixed-offset zone where it is mid-day now, open all day, with a booking
 * going on now, so the display and the kiosk show it as the current activity.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpSignIn, postJson, request, type ServerProcess } from '../support/processes.ts';
import { chromiumPath, collectErrors, openSuite } from './browser.ts';

const ADMIN_PASSWORD = 'hostile-e2e-pass';
const FAMILY = '\u{1F468}\u200D\u{1F469}\u200D\u{1F467}'; // 👨‍👩‍👧: man, ZWJ, woman, ZWJ, girl
const RLO = '\u202E'; // RIGHT-TO-LEFT OVERRIDE
const RLM = '\u200F'; // RIGHT-TO-LEFT MARK
const XSS = {
  script: '<script>window.__pwned=1</script>',
  img: '<img src=x onerror="window.__pwned=1">',
  svg: '"><svg onload=window.__pwned=1>',
  sql: "'; DROP TABLE members; --",
  template: "{{constructor.constructor('window.__pwned=1')()}}",
};
const MEMBER_NAMES = [
  XSS.script,
  XSS.img,
  XSS.svg,
  XSS.sql,
  XSS.template,
  `王${FAMILY}芳`,
  `${RLO}李明${RLM}abc`,
  `赵<b>志</b>&amp;刚`,
];
/** The member who checks in at the kiosk. */
const CHECKER = XSS.img;
const VENUE_NAME = `${XSS.template} 老干部活动中心`;
const ROOM_NAME = `${XSS.svg} 乒乓球室${FAMILY}`;
const TITLE = `${XSS.script}${XSS.template} ${RLO}诗词讲座${RLM}`;
const TOURNAMENT_NAME = `${XSS.img} 迎新春乒乓球赛 ${RLO}${FAMILY}`;
const PARTICIPANTS = [XSS.script, XSS.sql, `${RLO}周${RLM}${FAMILY}`, `${XSS.template}队`];

/**
 * 10,000 characters (code points, as the server's limit counts them) of all of the above with line breaks,
 * starting and ending with no space (the server trims).
 */
function longNote(): string {
  const block = Array.from(`${Object.values(XSS).join('\n')}\n${FAMILY}${RLO}备注${RLM} 老干部活动中心，欢迎参加！\n`);
  const chars: string[] = [];
  while (chars.length + block.length < 9_999) chars.push(...block);
  return `${chars.join('')}${'中'.repeat(9_999 - chars.length)}末`;
}
const NOTE = longNote();

const codePoints = (text: string | null | undefined) => Array.from(text ?? '', (c) => c.codePointAt(0));

/** A fixed-offset zone in which it is about noon now (Etc/GMT-N is UTC+N). */
function noonZone(now = new Date()): string {
  const offset = Math.max(-12, Math.min(14, 12 - now.getUTCHours()));
  if (offset === 0) return 'Etc/GMT';
  return offset > 0 ? `Etc/GMT-${offset}` : `Etc/GMT+${-offset}`;
}

describe.runIf(chromiumPath)('hostile strings on every screen', () => {
  let server: ServerProcess;
  let browser: Browser;
  let stop: (() => Promise<void>) | undefined;
  let cookie: string;
  let venueId: string;
  let roomId: string;
  let bookingId: string;
  let tournamentId: string;
  const memberIds = new Map<string, string>();
  const errors: string[][] = [];
  const dialogs: string[] = [];

  const api = async <T>(path: string) => {
    const answer = await request(`${server.url}${path}`, { cookie });
    expect(answer.statusCode, path).toBe(200);
    return answer.json as T;
  };

  async function newPage(label: string, viewport = { width: 1400, height: 1000 }): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ viewport, locale: 'zh-CN' });
    const page = await context.newPage();
    errors.push(collectErrors(page, label));
    page.on('dialog', (dialog) => {
      dialogs.push(`${label}: ${dialog.type()} ${dialog.message()}`);
      void dialog.dismiss();
    });
    return { context, page };
  }

  /** Nothing of the strings ran or became markup: no flag, no inline script, no element they describe. */
  async function assertUnharmed(page: Page): Promise<void> {
    const state = await page.evaluate(() => ({
      pwned: typeof (window as unknown as { __pwned?: unknown }).__pwned,
      inlineScripts: [...document.scripts].filter((s) => !s.src || s.textContent?.trim()).length,
      foreignScripts: [...document.scripts].filter((s) => s.src && !new URL(s.src).pathname.startsWith('/assets/')).map((s) => s.src),
      handlers: document.querySelectorAll('[onerror], [onload], [onclick], [onmouseover], [onfocus]').length,
      described: document.querySelectorAll('img[src="x"], svg[onload], b').length,
    }));
    expect(state).toEqual({ pwned: 'undefined', inlineScripts: 0, foreignScripts: [], handlers: 0, described: 0 });
    expect(dialogs).toEqual([]);
  }

  /** The text of every element matching `selector`, once one of them is exactly `expected`. */
  async function textsOnceShown(page: Page, selector: string, expected: string): Promise<string[]> {
    let texts: string[] = [];
    await expect
      .poll(
        async () => {
          texts = await page.locator(selector).evaluateAll((els) => els.map((el) => el.textContent ?? ''));
          return texts.includes(expected);
        },
        { timeout: 15_000, message: `${selector} showing ${JSON.stringify(expected)}` },
      )
      .toBe(true);
    return texts;
  }

  async function pairDevice(page: Page, kind: 'kiosk' | 'display'): Promise<void> {
    const device = await postJson(`${server.url}/api/devices`, cookie, { kind, venueId, name: kind === 'kiosk' ? '签到机' : '显示屏' });
    expect(device.status).toBe(201);
    await page.locator('input.code').fill((device.json as { pairingCode: string }).pairingCode);
    await page.getByRole('button', { name: /配对/ }).click();
  }

  beforeAll(async () => {
    ({ server, browser, stop } = await openSuite({ ADMIN_PASSWORD }));
    cookie = await httpSignIn(server.url, 'admin', ADMIN_PASSWORD);
  });
  afterAll(async () => stop?.());

  it('stores every string exactly over the API, and refuses names beyond the limits', async () => {
    const venue = await postJson(`${server.url}/api/venues`, cookie, { name: VENUE_NAME, timezone: noonZone(), opensAt: '00:00', closesAt: '23:59' });
    expect(venue.status, JSON.stringify(venue.json)).toBe(201);
    venueId = (venue.json as { venue: { id: string; name: string } }).venue.id;
    expect(codePoints((venue.json as { venue: { name: string } }).venue.name)).toEqual(codePoints(VENUE_NAME));

    const room = await postJson(`${server.url}/api/venues/${venueId}/rooms`, cookie, { name: ROOM_NAME, kind: 'table_tennis', capacity: 30 });
    expect(room.status, JSON.stringify(room.json)).toBe(201);
    roomId = (room.json as { room: { id: string } }).room.id;

    for (const [i, name] of MEMBER_NAMES.entries()) {
      const created = await postJson(`${server.url}/api/members`, cookie, { name, cardCode: `HS${1000 + i}`, phone: `1390000${String(1000 + i)}` });
      expect(created.status, `${name}: ${JSON.stringify(created.json)}`).toBe(201);
      const member = (created.json as { member: { id: string; name: string } }).member;
      expect(codePoints(member.name)).toEqual(codePoints(name));
      memberIds.set(name, member.id);
    }
    // Read back by search: the same code points, and the SQL-looking one did nothing to the table.
    for (const name of MEMBER_NAMES) {
      const found = await api<{ members: Array<{ id: string; name: string }> }>(`/api/members?q=${encodeURIComponent(name)}`);
      expect(found.members.map((m) => codePoints(m.name)), name).toContainEqual(codePoints(name));
    }
    expect((await api<{ members: unknown[] }>('/api/members?limit=100')).members.length).toBeGreaterThan(MEMBER_NAMES.length);

    const quarter = 15 * 60_000;
    const start = Math.floor(Date.now() / quarter) * quarter - 2 * quarter;
    const booking = await postJson(`${server.url}/api/bookings`, cookie, {
      roomId,
      start: new Date(start).toISOString(),
      end: new Date(start + 8 * quarter).toISOString(),
      title: TITLE,
      notes: NOTE,
      expectedCount: 12,
    });
    expect(booking.status, JSON.stringify(booking.json).slice(0, 500)).toBe(201);
    const stored = (booking.json as { bookings: Array<{ id: string; title: string; notes: string | null }> }).bookings[0]!;
    bookingId = stored.id;
    expect(Array.from(NOTE)).toHaveLength(10_000);
    expect(codePoints(stored.title)).toEqual(codePoints(TITLE));
    expect(stored.notes === NOTE).toBe(true);

    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const tournament = await postJson(`${server.url}/api/tournaments`, cookie, {
      venueId, name: TOURNAMENT_NAME, sport: 'table_tennis', format: 'single_elimination', bestOf: 3,
      roomIds: [roomId], startsAt: `${tomorrow}T01:00:00Z`, matchMinutes: 30,
    });
    expect(tournament.status, JSON.stringify(tournament.json)).toBe(201);
    tournamentId = (tournament.json as { tournament: { id: string; name: string } }).tournament.id;
    expect(codePoints((tournament.json as { tournament: { name: string } }).tournament.name)).toEqual(codePoints(TOURNAMENT_NAME));
    for (const [i, name] of PARTICIPANTS.entries()) {
      const entered = await postJson(`${server.url}/api/tournaments/${tournamentId}/participants`, cookie, { name, seed: i + 1 });
      expect(entered.status, JSON.stringify(entered.json)).toBe(201);
      expect(codePoints((entered.json as { participant: { name: string } }).participant.name)).toEqual(codePoints(name));
    }
    expect((await postJson(`${server.url}/api/tournaments/${tournamentId}/start`, cookie, {})).status).toBeLessThan(300);

    // Too long: refused, naming the field, and nothing stored.
    const long = '名'.repeat(10_000);
    const refusals = [
      await postJson(`${server.url}/api/members`, cookie, { name: long }),
      await postJson(`${server.url}/api/venues/${venueId}/rooms`, cookie, { name: long, kind: 'other', capacity: 5 }),
      await postJson(`${server.url}/api/bookings`, cookie, { roomId, start: `${tomorrow}T10:00:00Z`, end: `${tomorrow}T11:00:00Z`, title: long }),
      await postJson(`${server.url}/api/bookings`, cookie, { roomId, start: `${tomorrow}T10:00:00Z`, end: `${tomorrow}T11:00:00Z`, title: '备注太长', notes: '注'.repeat(10_001) }),
      await postJson(`${server.url}/api/tournaments`, cookie, { venueId, name: long, sport: 'table_tennis', format: 'round_robin' }),
      await postJson(`${server.url}/api/tournaments/${tournamentId}/participants`, cookie, { name: long }),
    ];
    expect(refusals.map((r) => [r.status, (r.json as { code?: string } | null)?.code])).toEqual(refusals.map(() => [400, 'validation_failed']));
    const rooms = await api<{ rooms: unknown[] }>(`/api/venues/${venueId}/rooms`);
    expect(rooms.rooms).toHaveLength(1);
  });

  it('shows them literally on the coordinator’s calendar, booking details and booking form', async () => {
    const { page } = await newPage('calendar');
    await page.goto(`${server.url}/`);
    await page.getByLabel(/用户名/).fill('admin');
    await page.getByLabel(/密码/).fill(ADMIN_PASSWORD);
    await page.getByRole('button', { name: /登录/ }).click();
    await page.getByLabel('切换场馆').selectOption(venueId);

    const event = page.locator(`.fc-event[data-booking-id="${bookingId}"]`);
    await event.first().waitFor();
    expect(codePoints(await event.first().locator('.bk-title').textContent())).toEqual(codePoints(TITLE));
    const header = await page.locator(`.fc-col-header-cell[data-resource-id="${roomId}"]`).first().textContent();
    expect(header).toContain(ROOM_NAME);
    await textsOnceShown(page, '.venue-head h3', VENUE_NAME);
    await assertUnharmed(page);

    await event.first().click();
    const details = page.getByRole('dialog');
    await details.locator('h3.title').waitFor();
    expect(codePoints(await details.locator('h3.title').textContent())).toEqual(codePoints(TITLE));
    const shownNote = await details.locator('dd.notes').textContent();
    expect(Array.from(shownNote ?? '')).toHaveLength(10_000);
    expect(shownNote === NOTE).toBe(true);
    expect(await details.locator('dd').nth(1).textContent()).toBe(ROOM_NAME);
    await assertUnharmed(page);

    await details.getByRole('button', { name: '编辑' }).click();
    const form = page.locator('dialog[open]');
    await form.locator('input[name="title"]').waitFor();
    expect(codePoints(await form.locator('input[name="title"]').inputValue())).toEqual(codePoints(TITLE));
    expect((await form.locator('textarea[name="notes"]').inputValue()) === NOTE).toBe(true);
    await assertUnharmed(page);
    await page.context().close();
  });

  it('shows them literally in the member search and the member form', async () => {
    const { page } = await newPage('members');
    await page.goto(`${server.url}/`);
    await page.getByLabel(/用户名/).fill('admin');
    await page.getByLabel(/密码/).fill(ADMIN_PASSWORD);
    await page.getByRole('button', { name: /登录/ }).click();
    await page.getByRole('button', { name: /退出/ }).waitFor();
    for (const name of MEMBER_NAMES) {
      await page.goto(`${server.url}/#/members`);
      await page.getByLabel('查找会员').fill(name);
      const rows = await textsOnceShown(page, 'tbody th.name', name);
      expect(rows.map(codePoints)).toContainEqual(codePoints(name));
      // Phone numbers masked in the list by default.
      expect(await page.locator('tbody').textContent()).not.toContain('13900001');
      await page.getByRole('button', { name: `编辑 ${name}`, exact: true }).click();
      const input = page.locator('input[name="name"]');
      await input.waitFor();
      expect(codePoints(await input.inputValue())).toEqual(codePoints(name));
      await assertUnharmed(page);
    }
    await page.context().close();
  });

  it('shows the tournament and its participants literally on the tournament page', async () => {
    const { page } = await newPage('tournament');
    await page.goto(`${server.url}/`);
    await page.getByLabel(/用户名/).fill('admin');
    await page.getByLabel(/密码/).fill(ADMIN_PASSWORD);
    await page.getByRole('button', { name: /登录/ }).click();
    await page.getByRole('button', { name: /退出/ }).waitFor();
    await page.goto(`${server.url}/#/tournaments/${tournamentId}`);
    await textsOnceShown(page, '#tourn-title', TOURNAMENT_NAME);
    for (const name of PARTICIPANTS) await textsOnceShown(page, '.mc-name', name);
    await assertUnharmed(page);
    await page.getByRole('tab', { name: '参赛名单' }).click();
    const entries = await page.locator('[role="tabpanel"]').first().textContent();
    for (const name of PARTICIPANTS) expect(entries).toContain(name);
    await assertUnharmed(page);
    await page.context().close();
  });

  it('shows them literally on the kiosk (rooms, name search, greeting, activity) and checks the member in', async () => {
    const { page } = await newPage('kiosk', { width: 1280, height: 800 });
    await page.goto(`${server.url}/kiosk/`);
    await pairDevice(page, 'kiosk');
    await page.getByRole('heading', { name: '请刷卡签到' }).waitFor();
    await textsOnceShown(page, 'h1', VENUE_NAME);
    // The venue's name is shown from the pairing answer; its rooms arrive with the first load just after.
    await textsOnceShown(page, '.strip .name', ROOM_NAME);
    await assertUnharmed(page);

    await page.getByRole('button', { name: /按姓名查找/ }).click();
    const input = page.locator('#name-input');
    for (const name of MEMBER_NAMES) {
      await input.fill(name);
      const shown = await textsOnceShown(page, '.pick .name', name);
      expect(shown.map(codePoints)).toContainEqual(codePoints(name));
      // Masked phone only: a hall screen never shows the whole number or the card.
      const list = (await page.locator('.list').textContent()) ?? '';
      expect(list).not.toMatch(/1390000\d{4}/);
      expect(list).not.toContain('HS10');
      await assertUnharmed(page);
    }

    await input.fill(CHECKER);
    await textsOnceShown(page, '.pick .name', CHECKER);
    await page.locator('.pick', { has: page.locator('.name', { hasText: CHECKER }) }).first().click();
    await textsOnceShown(page, 'h2, h1', `${CHECKER}，您好！`);
    const activity = page.locator('button', { hasText: TITLE });
    await activity.first().waitFor();
    await assertUnharmed(page);
    await activity.first().click();
    await textsOnceShown(page, 'h2, h1', `${CHECKER}，签到成功`);
    expect(await page.locator('main').textContent()).toContain(`${TITLE} · ${ROOM_NAME}`);
    await assertUnharmed(page);
    await page.context().close();
  });

  it('shows them literally on the venue and tournament display screens', async () => {
    const { page } = await newPage('display', { width: 1920, height: 1080 });
    await page.goto(`${server.url}/display/?venue=${venueId}`);
    await pairDevice(page, 'display');
    const tile = page.getByTestId(`room-${roomId}`);
    await tile.waitFor();
    expect(codePoints(await tile.locator('h2.name').textContent())).toEqual(codePoints(ROOM_NAME));
    await expect.poll(async () => codePoints(await tile.locator('.activity').textContent()).slice(0, codePoints(TITLE).length)).toEqual(codePoints(TITLE));
    await expect.poll(() => tile.getAttribute('data-count')).toBe('1');
    await textsOnceShown(page, 'h1', VENUE_NAME);
    await assertUnharmed(page);

    await page.goto(`${server.url}/display/?tournament=${tournamentId}&show=bracket`);
    await textsOnceShown(page, 'h1', TOURNAMENT_NAME);
    for (const name of PARTICIPANTS) await expect.poll(() => page.locator('body').textContent(), { timeout: 15_000 }).toContain(name);
    await assertUnharmed(page);
    await page.context().close();
  });

  it('logged no error and opened no dialog in any page', () => {
    expect(errors.flat()).toEqual([]);
    expect(dialogs).toEqual([]);
  });
});
