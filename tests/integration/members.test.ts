/**
 * Members: the ledger import as offices export it from Excel, search, duplicates, and what kiosks may see.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storageAvailable } from '../support/database.ts';
import { createVenue, pairDevice, signIn, startTestApp, type TestApp } from '../support/app.ts';
import { expectError } from '../support/expect-error.ts';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures');

interface Report {
  encoding: string;
  created: Array<{ line: number; id: string; name: string }>;
  refused: Array<{ line: number; errors: Array<{ field: string; message: string; messageZh: string }> }>;
}

describe.runIf(storageAvailable)('members', () => {
  let t: TestApp;
  let cookie: string;
  let venueId: string;
  const upload = (file: string, headers: Record<string, string> = { cookie }) =>
    t.app.inject({ method: 'POST', url: '/api/members/import', headers: { ...headers, 'content-type': 'text/csv' }, payload: readFileSync(path.join(FIXTURES, file)) });
  const memberCount = async () => Number((await t.database.db.selectFrom('members').select(t.database.db.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  beforeAll(async () => {
    t = await startTestApp();
    cookie = (await signIn(t, 'admin')).cookie;
    venueId = (await createVenue(t, cookie)).id;
  });
  afterAll(async () => t?.close());

  it('imports the GB18030 ledger with Chinese headers, refusing the bad lines with reasons', async () => {
    const response = await upload('members-gb18030.csv');
    expect(response.statusCode, response.body).toBe(200);
    const report = response.json() as Report;
    expect(report.encoding).toBe('gb18030');
    expect(report.created).toHaveLength(61);
    expect(report.refused.map((r) => r.line)).toEqual([62, 63, 64]);
    expect(report.refused[0]!.errors.map((e) => e.field)).toEqual(['name']);
    expect(report.refused[1]!.errors.map((e) => e.field).sort()).toEqual(['birthMonth', 'phone']);
    expect(report.refused[2]!.errors[0]!.messageZh).toMatch(/QJ2020001/);
    expect(await memberCount()).toBe(61);

    const search = await t.app.inject({ method: 'GET', url: '/api/members?q=杜荣', headers: { cookie } });
    expect((search.json() as { members: Array<Record<string, unknown>> }).members[0]).toMatchObject({
      name: '杜荣',
      category: 'retired',
      phone: '13590830166',
      cardCode: 'QJ2020001',
      birthMonth: '1929-04',
      gender: 'female',
    });
  });

  it('imports the same ledger in UTF-8 with BOM again: the members already there are unchanged, none added', async () => {
    const report = (await upload('members-utf8-bom.csv')).json() as Report & { unchanged: unknown[] };
    expect(report.encoding).toBe('utf-8-bom');
    expect(report.created).toHaveLength(0);
    expect(report.unchanged).toHaveLength(61);
    expect(report.refused.map((r) => r.line)).toEqual([62, 63, 64]);
    expect(await memberCount()).toBe(61);
  });

  it('refuses a file that is not a ledger, saying why, and writes nothing', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/members/import',
      headers: { cookie, 'content-type': 'text/csv' },
      payload: Buffer.from('编号,电话\n1,13800000000\n'),
    });
    const body = expectError(response, 400, 'validation_failed');
    expect(String(body.messageZh)).toMatch(/姓名/);
    expect(await memberCount()).toBe(61);
  });

  it('creates members, refusing a card code already used', async () => {
    const created = await t.app.inject({ method: 'POST', url: '/api/members', headers: { cookie }, payload: { name: '王建国', cardCode: 'qj9990001', category: 'veteran', phone: '139 0000 1111' } });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ member: { name: '王建国', cardCode: 'QJ9990001', phone: '13900001111', category: 'veteran' } });
    expectError(await t.app.inject({ method: 'POST', url: '/api/members', headers: { cookie }, payload: { name: '李四', cardCode: 'QJ9990001' } }), 409, 'duplicate', 'cardCode');
    expectError(await t.app.inject({ method: 'POST', url: '/api/members', headers: { cookie }, payload: { name: '李四', category: 'mayor' } }), 400, 'validation_failed', 'category');
    expectError(await t.app.inject({ method: 'POST', url: '/api/members', headers: { cookie }, payload: { name: '   ' } }), 400, 'validation_failed', 'name');
    const page = await t.app.inject({ method: 'GET', url: '/api/members?limit=10&offset=10', headers: { cookie } });
    expect(page.json()).toMatchObject({ total: 62 });
    expect((page.json() as { members: unknown[] }).members).toHaveLength(10);
  });

  it('lets a kiosk find a member by name with the last four digits of the phone, masked; a display not at all', async () => {
    const { token } = await pairDevice(t, cookie, venueId, 'kiosk');
    // The last four alone are not enough at a kiosk (docs/security.md "Kiosk look-ups"; kiosk-lookup-privacy.test.ts).
    const byPhone = await t.app.inject({ method: 'GET', url: `/api/members?q=${encodeURIComponent('杜荣 0166')}`, headers: { authorization: `Bearer ${token}` } });
    const found = (byPhone.json() as { members: Array<Record<string, unknown>> }).members;
    expect(found).toEqual([expect.objectContaining({ name: '杜荣', phone: '135****0166', cardCode: null, birthMonth: null })]);
    const empty = await t.app.inject({ method: 'GET', url: '/api/members', headers: { authorization: `Bearer ${token}` } });
    expect(empty.json()).toEqual({ members: [] });
    expectError(await t.app.inject({ method: 'POST', url: '/api/members', headers: { authorization: `Bearer ${token}` }, payload: { name: 'x' } }), 403, 'forbidden');
    const display = (await pairDevice(t, cookie, venueId, 'display')).token;
    expectError(await t.app.inject({ method: 'GET', url: '/api/members?q=杜', headers: { authorization: `Bearer ${display}` } }), 403, 'forbidden');
  });

  // Last: it fills the member list the tests above count.
  it('imports a whole city ledger of 8,000 members in one file (more rows than one statement may bind)', async () => {
    const before = await memberCount();
    const lines = ['姓名,会员卡号,类别', ...Array.from({ length: 8_000 }, (_, i) => `会员${i},BIG${String(i).padStart(5, '0')},退休`)];
    const response = await t.app.inject({ method: 'POST', url: '/api/members/import', headers: { cookie, 'content-type': 'text/csv' }, payload: lines.join('\r\n') });
    expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
    const report = response.json() as Report;
    expect(report.created).toHaveLength(8_000);
    expect(report.refused).toEqual([]);
    expect(report.created[7_999]).toMatchObject({ line: 8_001, name: '会员7999' });
    expect(await memberCount()).toBe(before + 8_000);
  }, 60_000);
});
