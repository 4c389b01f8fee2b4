/**
 * Members found by pinyin and initials (docs/api.md "Members"): "zjg" finds 张建国 for staff and kiosks; the readings
 * follow every way a name is written (form, import, rename, removal, the migration for members already there); a
 * card code is looked up exactly, never as a name; a kiosk gets at most eight hits, masked.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as addMemberPinyin from '../../migrations/202612071004_add_member_pinyin.ts';
import { fillMissingPinyin } from '../../server/modules/members/queries.ts';
import { storageAvailable } from '../support/database.ts';
import { createVenue, pairDevice, signIn, startTestApp, type TestApp } from '../support/app.ts';
import { expectError } from '../support/expect-error.ts';

interface Hit {
  id: string;
  name: string;
  phone: string | null;
  cardCode: string | null;
}

describe.runIf(storageAvailable)('member search by pinyin', () => {
  let t: TestApp;
  let cookie: string;
  let kiosk: string;

  const search = async (query: string, auth: Record<string, string>) => {
    const response = await t.app.inject({ method: 'GET', url: `/api/members?${query}`, headers: auth });
    expect(response.statusCode, response.body).toBe(200);
    return (response.json() as { members: Hit[] }).members;
  };
  const staff = (query: string) => search(query, { cookie });
  const atKiosk = (query: string) => search(query, { authorization: `Bearer ${kiosk}` });
  const names = (hits: Hit[]) => hits.map((h) => h.name);
  const create = async (body: Record<string, string>) => {
    const response = await t.app.inject({ method: 'POST', url: '/api/members', headers: { cookie }, payload: body });
    expect(response.statusCode, response.body).toBe(201);
    return (response.json() as { member: Hit }).member;
  };

  beforeAll(async () => {
    t = await startTestApp();
    cookie = (await signIn(t, 'admin')).cookie;
    const venueId = (await createVenue(t, cookie)).id;
    kiosk = (await pairDevice(t, cookie, venueId, 'kiosk')).token;
    await create({ name: '张建国', phone: '13800001234', cardCode: 'ZJG001' });
    await create({ name: '张金刚', phone: '13800005678' });
    await create({ name: '单田芳' });
    await create({ name: '吕小华' });
  });
  afterAll(async () => t?.close());

  it('lists the hits for a surname in the order of their readings, not of their characters', async () => {
    // The field test: "wang" put 万国强 (wan-guo…) first, before every 王 and 汪, and the 王 the member was
    // looking for fell past the kiosk's eight. In pinyin order 万国强 comes after wang-j…, wang-m….
    await create({ name: '万国强' });
    await create({ name: '王建华' });
    await create({ name: '汪明' });
    const hits = names(await atKiosk('q=wang'));
    expect(hits).toEqual(['王建华', '汪明', '万国强']);
  });

  it('finds a member by the initials, the full pinyin or its start, in any case', async () => {
    expect(names(await staff('q=zjg')).sort()).toEqual(['张建国', '张金刚'].sort());
    expect(names(await staff('q=zhangjianguo'))).toEqual(['张建国']);
    expect(names(await staff(`q=${encodeURIComponent('Zhang Jianguo')}`))).toEqual(['张建国']);
    expect(names(await staff('q=zhang')).sort()).toEqual(['张建国', '张金刚'].sort());
    expect(names(await staff('q=lvxh'))).toEqual([]);
    expect(names(await staff('q=lxh'))).toEqual(['吕小华']);
    expect(names(await staff('q=lv'))).toEqual(['吕小华']);
    // A surname read its own way, and the everyday reading too.
    expect(names(await staff('q=stf'))).toEqual(['单田芳']);
    expect(names(await staff('q=dantianfang'))).toEqual(['单田芳']);
    // Not in the middle of a reading: "jianguo" is not how anyone starts a name.
    expect(names(await staff('q=jianguo'))).toEqual([]);
  });

  it('gives a kiosk the same hits with the phone masked and no card code, eight at most', async () => {
    const hits = await atKiosk('q=zjg');
    expect(hits.find((h) => h.name === '张建国')).toMatchObject({ phone: '138****1234', cardCode: null });
    for (let i = 0; i < 10; i += 1) await create({ name: `张${'一二三四五六七八九十'[i]}` });
    expect(await atKiosk('q=zhang')).toHaveLength(8);
    expect((await staff('q=zhang&limit=50')).length).toBe(12);
  });

  it('follows a rename and forgets a removed member', async () => {
    const member = await create({ name: '欧阳修' });
    expect(names(await staff('q=oyx'))).toEqual(['欧阳修']);
    const renamed = await t.app.inject({ method: 'PATCH', url: `/api/members/${member.id}`, headers: { cookie }, payload: { name: '司马光' } });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(names(await staff('q=oyx'))).toEqual([]);
    expect(names(await staff('q=smg'))).toEqual(['司马光']);
    const removed = await t.app.inject({ method: 'DELETE', url: `/api/members/${member.id}`, headers: { cookie } });
    expect(removed.statusCode).toBe(204);
    expect(names(await staff('q=smg'))).toEqual([]);
    const row = await t.database.db.selectFrom('members').select(['namePinyin', 'nameInitials']).where('id', '=', member.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ namePinyin: null, nameInitials: null });
  });

  it('fills the readings of imported members', async () => {
    const csv = ['姓名,会员卡号,类别', '钱学森,QXS001,离休'].join('\r\n');
    const response = await t.app.inject({ method: 'POST', url: '/api/members/import', headers: { cookie, 'content-type': 'text/csv' }, payload: csv });
    expect(response.statusCode, response.body).toBe(200);
    expect(names(await atKiosk('q=qxs'))).toEqual(['钱学森']);
  });

  it('looks a card code up exactly: its holder or no one, never a name that looks like it', async () => {
    expect(names(await atKiosk('code=zjg001'))).toEqual(['张建国']);
    expect(await atKiosk('code=ZJG')).toEqual([]);
    // The same letters as a name search do find people: the kiosk must not greet a card by them.
    expect((await atKiosk('q=zjg')).length).toBeGreaterThan(0);
    expectError(await t.app.inject({ method: 'GET', url: '/api/members?code=a%20b', headers: { authorization: `Bearer ${kiosk}` } }), 400, 'validation_failed', 'code');
  });

  it('fills the readings of members inserted in bulk without them, when asked', async () => {
    await sql`insert into members (name, category) values ('华罗庚', 'veteran')`.execute(t.database.db);
    expect(names(await staff('q=hlg'))).toEqual([]);
    expect(await fillMissingPinyin(t.database.db)).toBe(1);
    expect(names(await staff('q=hlg'))).toEqual(['华罗庚']);
    expect(await fillMissingPinyin(t.database.db)).toBe(0);
  });

  it('fills the readings of members that were there before the migration', async () => {
    const db = t.database.db;
    await addMemberPinyin.down(db);
    await sql`insert into members (name, category) values ('邓稼先', 'veteran')`.execute(db);
    await addMemberPinyin.up(db);
    expect(names(await staff('q=djx'))).toEqual(['邓稼先']);
    expect(names(await staff('q=zjg')).length).toBe(2);
  });
});
