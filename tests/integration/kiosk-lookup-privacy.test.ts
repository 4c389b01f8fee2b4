/**
 * Kiosk look-ups cannot leak phone numbers or confirm card codes (docs/security.md "Kiosk look-ups").
 *
 * The attacks as reported: a kiosk sees `138****1741`; `GET /api/members?q=` matched any 4+ digits anywhere in a
 * phone, without limit, so adding one digit at a time to the shown prefix and watching whether the member still
 * appeared recovered all eleven digits in about 20 queries; and `?code=` confirmed guessed card codes as fast as
 * they could be sent. Now a kiosk finds a member by name, by name and the last four digits, or by the whole
 * number; it learns no digit the mask hides; and its guesses (card codes, whole numbers that find nobody) stop
 * after MISSES_PER_WINDOW, across processes (two apps on one database). Staff search is unchanged.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app.ts';
import { LOOKUPS_PER_MINUTE, MISSES_PER_WINDOW } from '../../server/modules/members/lookup-limits.ts';
import { storageAvailable } from '../support/database.ts';
import { createVenue, pairDevice, signIn, startTestApp, testConfig, type TestApp } from '../support/app.ts';
import { expectError } from '../support/expect-error.ts';

interface Hit {
  id: string;
  name: string;
  phone: string | null;
  memberNo: string | null;
  cardCode: string | null;
}

const PHONE = '13812341741';
const MASKED = '138****1741';

describe.runIf(storageAvailable)('kiosk look-ups and privacy', () => {
  let t: TestApp;
  /** A second server process on the same database (it must not close the shared database). */
  let other: FastifyInstance;
  let cookie: string;
  let venueId: string;
  let member: Hit;

  const kiosk = async () => (await pairDevice(t, cookie, venueId, 'kiosk')).token;
  const get = (url: string, headers: Record<string, string>, app: FastifyInstance = t.app) => app.inject({ method: 'GET', url, headers });
  const atKiosk = async (token: string, query: string, app: FastifyInstance = t.app) => {
    const response = await get(`/api/members?${query}`, { authorization: `Bearer ${token}` }, app);
    expect(response.statusCode, `${query}: ${response.body}`).toBe(200);
    return (response.json() as { members: Hit[] }).members;
  };
  const q = (text: string) => `q=${encodeURIComponent(text)}`;
  const found = (hits: Hit[]) => hits.some((h) => h.id === member.id);
  const create = async (body: Record<string, string>) => {
    const response = await t.app.inject({ method: 'POST', url: '/api/members', headers: { cookie }, payload: body });
    expect(response.statusCode, response.body).toBe(201);
    return (response.json() as { member: Hit }).member;
  };

  beforeAll(async () => {
    t = await startTestApp();
    // With the check-in flood guard on (as in production; tests have it off), and with it the card-guess budget.
    other = await buildApp(testConfig({ checkinLimitPerMinute: 1_000 }), { database: { ...t.database, close: async () => undefined }, logger: false, backgroundJobs: false });
    await other.ready();
    cookie = (await signIn(t, 'admin')).cookie;
    venueId = (await createVenue(t, cookie)).id;
    member = await create({ name: '张建国', phone: PHONE, cardCode: 'K7M3Q9TD', memberNo: 'NO-2026-0042' });
    // Neighbours that share the prefix or the last four: what a walk would have to tell apart.
    await create({ name: '李秀英', phone: '13812349999', cardCode: 'P4X8N2WA' });
    await create({ name: '王建华', phone: '13900001741' });
    await create({ name: '赵短号', phone: '65431741' });
  });
  afterAll(async () => {
    await other?.close();
    await t?.close();
  });

  it('lets the digit-by-digit walk from the shown prefix recover nothing', async () => {
    // The attack: take what the kiosk shows, add one digit, keep the digit that still finds the member. Even
    // handed the true digits so far at every step (a fresh kiosk each, so no limit gets in the way), no
    // next digit is confirmed: 4 to 10 digits are a fragment, never a match.
    for (let length = 3; length < PHONE.length - 1; length += 1) {
      const token = await kiosk();
      const prefix = PHONE.slice(0, length);
      for (let digit = 0; digit <= 9; digit += 1) {
        expect(found(await atKiosk(token, q(`${prefix}${digit}`))), `${prefix}${digit}`).toBe(false);
        expect(found(await atKiosk(token, q(`张建国 ${prefix}${digit}`))), `张建国 ${prefix}${digit}`).toBe(false);
      }
    }
    // Every fragment of the number, from 4 to 10 digits, from the start, the end or the middle, finds nobody.
    const token = await kiosk();
    for (let length = 4; length <= 10; length += 1) {
      for (let start = 0; start + length <= PHONE.length; start += 1) {
        const fragment = PHONE.slice(start, start + length);
        expect(await atKiosk(token, q(fragment)), fragment).toEqual([]);
      }
    }
  });

  it('finds a member by the whole number, or by the name with the last four digits', async () => {
    const token = await kiosk();
    // The last four alone find nobody; with the name, the member, masked.
    expect(await atKiosk(token, q('1741'))).toEqual([]);
    for (const typed of ['张建国 1741', '张建国1741', 'zjg1741', 'zjg 1741', '1741 张建国', '1741 张', '张 １７４１']) {
      const hits = await atKiosk(token, q(typed));
      expect(hits.map((h) => h.name), typed).toEqual(['张建国']);
      expect(hits[0]).toMatchObject({ phone: MASKED, cardCode: null, memberNo: null });
    }
    // A name with five or six of the last digits, or the wrong four: nobody (no digit beyond the mask is testable).
    expect(await atKiosk(token, q('张建国 41741'))).toEqual([]);
    expect(await atKiosk(token, q('张建国 341741'))).toEqual([]);
    expect(await atKiosk(token, q('张建国 0166'))).toEqual([]);
    // The whole number finds them, written as people write it.
    for (const typed of [PHONE, '138 1234 1741', '+86 138-1234-1741', '张建国 13812341741']) {
      expect((await atKiosk(token, q(typed))).map((h) => h.id), typed).toEqual([member.id]);
    }
    // A short number's mask shows two digits (******41): its last four cannot be asked about.
    expect(await atKiosk(token, q('赵短号 1741'))).toEqual([]);
  });

  it('never matches a member number or card code through q, and shows a kiosk no more than the mask', async () => {
    const token = await kiosk();
    expect(await atKiosk(token, q('K7M3Q9TD'))).toEqual([]);
    expect(await atKiosk(token, q('NO-2026-0042'))).toEqual([]);
    const byCard = await atKiosk(token, 'code=k7m3q9td');
    expect(byCard).toEqual([expect.objectContaining({ id: member.id, phone: MASKED, cardCode: null, memberNo: null })]);
    const one = await get(`/api/members/${member.id}`, { authorization: `Bearer ${token}` });
    expect(one.json()).toMatchObject({ member: { phone: MASKED, cardCode: null, memberNo: null } });
    // Every answer the kiosk got holds only masked phones.
    for (const hit of [...(await atKiosk(token, q('张'))), ...(await atKiosk(token, q('李')))]) expect(hit.phone).toMatch(/^\d{3}\*{4}\d{4}$|^\*+\d{2}$/);
  });

  it('still lets staff search by any part of a phone, member number and card code', async () => {
    const staff = async (text: string) => ((await get(`/api/members?${q(text)}`, { cookie })).json() as { members: Hit[] }).members;
    expect((await staff('1234')).map((h) => h.name).sort()).toEqual(['张建国', '李秀英'].sort());
    expect((await staff('1381234174')).map((h) => h.id)).toEqual([member.id]);
    expect((await staff('k7m3q9td')).map((h) => h.id)).toEqual([member.id]);
    expect((await staff('NO-2026-0042')).map((h) => h.id)).toEqual([member.id]);
    expect((await staff('1741')).map((h) => h.name).sort()).toEqual(['张建国', '王建华', '赵短号'].sort());
    expect((await staff('1741'))[0]).toHaveProperty('phone');
    expect((await staff('张建国'))[0]).toMatchObject({ phone: PHONE, cardCode: 'K7M3Q9TD', memberNo: 'NO-2026-0042' });
  });

  it('stops a burst of card-code guesses from one kiosk after the limit, across processes; the next kiosk is served', async () => {
    const guesser = await kiosk();
    const neighbour = await kiosk();
    const guess = (i: number) =>
      get(`/api/members?code=GUESS${String(i).padStart(4, '0')}`, { authorization: `Bearer ${guesser}` }, i % 2 === 0 ? t.app : other);
    const answers = await Promise.all(Array.from({ length: MISSES_PER_WINDOW + 15 }, (_, i) => guess(i)));
    const answered = answers.filter((a) => a.statusCode === 200);
    const refused = answers.filter((a) => a.statusCode === 429);
    expect(answered.length).toBe(MISSES_PER_WINDOW);
    expect(refused.length).toBe(15);
    for (const r of refused) {
      const body = expectError(r, 429, 'rate_limited');
      expect(body.retryAfter).toBeGreaterThan(0);
      expect(Number(r.headers['retry-after'])).toBeGreaterThan(0);
    }
    // Past the limit a right code is refused too: the answer tells nothing about the code.
    expectError(await get('/api/members?code=K7M3Q9TD', { authorization: `Bearer ${guesser}` }, other), 429, 'rate_limited');
    // So are whole numbers (guessable too); a name search is not a guess and goes on.
    expectError(await get(`/api/members?${q(PHONE)}`, { authorization: `Bearer ${guesser}` }), 429, 'rate_limited');
    expect((await atKiosk(guesser, q('张建国 1741'))).map((h) => h.id)).toEqual([member.id]);
    // The kiosk next to it is not held back.
    expect((await atKiosk(neighbour, 'code=K7M3Q9TD')).map((h) => h.id)).toEqual([member.id]);
  });

  it('stops card-code guesses sent as check-ins too, without holding back members whose cards are known', async () => {
    const guesser = await kiosk();
    const neighbour = await kiosk();
    // On the process with the flood guard on (the budget is per process).
    const checkIn = (token: string, memberCode: string) =>
      other.inject({
        method: 'POST',
        url: '/api/checkins',
        headers: { authorization: `Bearer ${token}`, 'idempotency-key': randomUUID() },
        payload: { venueId, memberCode },
      });
    const visits = async () => Number((await t.database.db.selectFrom('visits').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    // Known cards use no guesses.
    for (let i = 0; i < MISSES_PER_WINDOW + 5; i += 1) expect((await checkIn(guesser, 'K7M3Q9TD')).statusCode).toBe(201);
    const answers = await Promise.all(Array.from({ length: MISSES_PER_WINDOW + 10 }, (_, i) => checkIn(guesser, `GUESS${i}`)));
    expect(answers.filter((a) => a.statusCode === 404).length).toBe(MISSES_PER_WINDOW);
    for (const r of answers.filter((a) => a.statusCode !== 404)) expectError(r, 429, 'rate_limited');
    // Past the limit a right card is refused too, and nothing is recorded.
    const before = await visits();
    expectError(await checkIn(guesser, 'P4X8N2WA'), 429, 'rate_limited');
    expect(await visits()).toBe(before);
    expect((await checkIn(neighbour, 'P4X8N2WA')).statusCode).toBe(201);
  });

  it('counts whole numbers that find nobody as guesses', async () => {
    const guesser = await kiosk();
    for (let i = 0; i < MISSES_PER_WINDOW; i += 1) expect(await atKiosk(guesser, q(`138${String(i).padStart(4, '0')}1741`))).toEqual([]);
    expectError(await get(`/api/members?${q('13800201741')}`, { authorization: `Bearer ${guesser}` }), 429, 'rate_limited');
  });

  it('lets a queue of members scan their cards: look-ups that find someone use no guesses', async () => {
    const token = await kiosk();
    for (let i = 0; i < MISSES_PER_WINDOW * 2; i += 1) {
      const app = i % 2 === 0 ? t.app : other;
      expect((await atKiosk(token, i % 3 === 0 ? q(PHONE) : 'code=K7M3Q9TD', app)).map((h) => h.id)).toEqual([member.id]);
    }
    // A few misreads among them are fine.
    for (let i = 0; i < 3; i += 1) expect(await atKiosk(token, `code=MISREAD${i}`)).toEqual([]);
    expect((await atKiosk(token, 'code=K7M3Q9TD')).map((h) => h.id)).toEqual([member.id]);
  });

  it('limits every look-up of one kiosk per minute, across processes', async () => {
    const token = await kiosk();
    const answers = await Promise.all(
      Array.from({ length: LOOKUPS_PER_MINUTE + 10 }, (_, i) => get(`/api/members?${q('张')}`, { authorization: `Bearer ${token}` }, i % 2 === 0 ? t.app : other)),
    );
    expect(answers.filter((a) => a.statusCode === 200).length).toBe(LOOKUPS_PER_MINUTE);
    for (const r of answers.filter((a) => a.statusCode !== 200)) expectError(r, 429, 'rate_limited');
    // Staff are not limited by it.
    for (let i = 0; i < 5; i += 1) expect((await get(`/api/members?${q('张')}`, { cookie })).statusCode).toBe(200);
  });
});
