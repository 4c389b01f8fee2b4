/**
 * Importing the member ledger again (docs/guide-checkin.md "会员名册"): the members already on the register are
 * recognised (same member number, card code, or name + phone) and updated or left alone, line by line, never added
 * twice, also when two imports of the same file race. And files as offices really save them: 其它, semicolons, dates
 * Excel wrote as serial numbers.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storageAvailable } from '../support/database.ts';
import { signIn, startTestApp, type TestApp } from '../support/app.ts';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures');

interface LineMember {
  line: number;
  id: string;
  name: string;
}
interface Report {
  delimiter: string;
  created: LineMember[];
  updated: Array<LineMember & { fields: string[] }>;
  unchanged: LineMember[];
  refused: Array<{ line: number; errors: Array<{ field: string; messageZh: string }> }>;
}

describe.runIf(storageAvailable)('importing the member ledger again', () => {
  let t: TestApp;
  let cookie: string;
  const send = (payload: Buffer | string) =>
    t.app.inject({ method: 'POST', url: '/api/members/import', headers: { cookie, 'content-type': 'text/csv' }, payload });
  const upload = async (payload: Buffer | string): Promise<Report> => {
    const response = await send(payload);
    expect(response.statusCode, response.body.slice(0, 400)).toBe(200);
    return response.json() as Report;
  };
  const count = async (where = '') => {
    const { sql } = await import('kysely');
    const rows = await sql<{ n: number }>`select count(*)::int as n from members where removed_at is null ${sql.raw(where)}`.execute(t.database.db);
    return rows.rows[0]!.n;
  };
  const member = (name: string) => t.database.db.selectFrom('members').selectAll().where('name', '=', name).execute();

  beforeAll(async () => {
    t = await startTestApp();
    cookie = (await signIn(t, 'admin')).cookie;
  });
  afterAll(async () => t?.close());

  it('imports the ledger twice (GB18030, then UTF-8): the second time every member is unchanged, none added', async () => {
    const first = await upload(readFileSync(path.join(FIXTURES, 'members-gb18030.csv')));
    expect(first.created).toHaveLength(61);
    expect(await count()).toBe(61);

    const again = await upload(readFileSync(path.join(FIXTURES, 'members-utf8-bom.csv')));
    expect(again.created).toEqual([]);
    expect(again.updated).toEqual([]);
    expect(again.unchanged).toHaveLength(61);
    expect(again.unchanged.map((u) => u.id).sort()).toEqual(first.created.map((c) => c.id).sort());
    // Only the lines wrong in the file itself are refused, as the first time.
    expect(again.refused.map((r) => r.line)).toEqual([62, 63, 64]);
    expect(await count()).toBe(61);
  });

  it('updates what changed in the ledger and says which fields; an empty cell erases nothing', async () => {
    const text = readFileSync(path.join(FIXTURES, 'members-utf8-bom.csv'), 'utf8')
      .replace('1,杜荣,女,1929.04,市政府办公室,县长,退休,13590830166,QJ2020001,', '1,杜荣,女,1929.04,市政府办公室,县长,离休,13590830199,QJ2020001,')
      .replace('2,钟振,男,1962.03,罗平县委,副处长,退休,13996030824,QJ2020002,老年大学学员', '2,钟振,男,1962.03,,副处长,退休,13996030824,QJ2020002,老年大学学员');
    const report = await upload(Buffer.from(text));
    expect(report.updated).toEqual([expect.objectContaining({ line: 2, name: '杜荣', fields: ['category', 'phone'] })]);
    expect(report.unchanged).toHaveLength(60);
    expect(report.created).toEqual([]);
    expect((await member('杜荣'))[0]).toMatchObject({ category: 'veteran', phone: '13590830199' });
    expect((await member('钟振'))[0]).toMatchObject({ formerUnit: '罗平县委' });
    const log = await t.database.db.selectFrom('auditLog').select(['action']).where('action', '=', 'member.updated').execute();
    expect(log).toHaveLength(1);
  });

  it('recognises a member without card or number by name and phone, and refuses a card that is someone else', async () => {
    const ledger = '姓名,联系电话,类别,备注\r\n李秀英,13800001111,退休,\r\n';
    expect((await upload(ledger)).created).toHaveLength(1);
    const again = await upload('姓名,联系电话,类别,备注\r\n李秀英,13800001111,退休,书法班\r\n张伟,13800002222,其它,\r\n张伟,13800002222,其他,\r\n');
    expect(again.updated).toEqual([expect.objectContaining({ line: 2, name: '李秀英', fields: ['notes'] })]);
    expect(again.created).toEqual([expect.objectContaining({ line: 3, name: '张伟' })]);
    expect(again.refused).toEqual([expect.objectContaining({ line: 4, errors: [expect.objectContaining({ messageZh: expect.stringContaining('第 3 行') })] })]);
    expect(await count("and name = '李秀英'")).toBe(1);
    expect((await member('张伟'))[0]).toMatchObject({ category: 'other' });

    const stolen = await upload('姓名,会员卡号\r\n王大明,QJ2020001\r\n');
    expect(stolen.refused[0]!.errors[0]!.messageZh).toMatch(/QJ2020001 已属于 杜荣/);
    expect(await count("and name = '王大明'")).toBe(0);
  });

  it('never adds a member twice when two imports of the same file race', async () => {
    const people = Array.from({ length: 40 }, (_, i) => `竞赛${String.fromCodePoint(0x4e00 + i)},139${String(i).padStart(8, '0')},退休`);
    const ledger = ['姓名,联系电话,类别', ...people].join('\r\n');
    const [a, b] = await Promise.all([upload(ledger), upload(ledger)]);
    expect(a.created.length + b.created.length).toBe(40);
    expect(a.unchanged.length + b.unchanged.length).toBe(40);
    expect(await count("and name like '竞赛%'")).toBe(40);
  });

  it('reads a semicolon-separated file and says so; reads an Excel date serial number as the date', async () => {
    const report = await upload('姓名;性别;出生年月;类别\r\n赵一曼;女;17597;其它\r\n钱二;男;1949;退休\r\n');
    expect(report.delimiter).toBe(';');
    expect(report.created).toEqual([expect.objectContaining({ line: 2, name: '赵一曼' })]);
    expect((await member('赵一曼'))[0]).toMatchObject({ birthMonth: '1948-03', category: 'other', gender: 'female' });
    expect(report.refused).toEqual([expect.objectContaining({ line: 3, errors: [expect.objectContaining({ field: 'birthMonth' })] })]);
  });
});
