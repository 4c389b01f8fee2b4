import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CsvImportError, CsvSyntaxError } from './errors.ts';
import { type MemberInput, type MemberRow, readMembers } from './rows.ts';

const repoRoot = path.resolve(import.meta.dirname, '../../../..');
const fixture = (name: string): Uint8Array => readFileSync(path.resolve(repoRoot, 'tests/fixtures', name));
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const utf16le = (text: string): Uint8Array => new Uint8Array([0xff, 0xfe, ...Buffer.from(text, 'utf16le')]);

/** Good rows as line and member (what each carries besides is tested on its own). */
const good = (rows: MemberRow[]) => rows.flatMap((r) => ('member' in r ? [{ line: r.line, member: r.member }] : []));
const plain = (rows: MemberRow[]) => rows.map((r) => ('member' in r ? { line: r.line, member: r.member } : r));
const bad = (rows: MemberRow[]) => rows.flatMap((r) => ('errors' in r ? [r] : []));
const member = (partial: Partial<MemberInput> & { name: string }): MemberInput => ({
  gender: null, birthMonth: null, formerUnit: null, formerPosition: null, category: 'other',
  phone: null, cardCode: null, memberNo: null, notes: null, ...partial,
});

describe('readMembers on the ledger fixtures', () => {
  const gb = readMembers(fixture('members-gb18030.csv'));
  const bom = readMembers(fixture('members-utf8-bom.csv'));

  it('detects the encodings and maps the Chinese headers, 序号 ignored', () => {
    expect([gb.encoding, bom.encoding]).toEqual(['gb18030', 'utf-8-bom']);
    expect(gb.columns).toEqual({
      name: 1, gender: 2, birthMonth: 3, formerUnit: 4, formerPosition: 5,
      category: 6, phone: 7, cardCode: 8, notes: 9, ignored: ['序号'],
    });
    expect(bom.columns).toEqual(gb.columns);
  });

  it('reads the same 61 good rows from both files', () => {
    // 64 ledger rows (序号 1–64) under the header: Excel lines 2–65; 序号 61–63 (lines 62–64) are wrong.
    expect(good(gb.rows)).toHaveLength(61);
    expect(good(bom.rows)).toEqual(good(gb.rows));
    expect(good(gb.rows)[0]).toEqual({
      line: 2,
      member: member({ name: '杜荣', gender: 'female', birthMonth: '1929-04', formerUnit: '市政府办公室',
        formerPosition: '县长', category: 'retired', phone: '13590830166', cardCode: 'QJ2020001' }),
    });
    expect(good(gb.rows).at(-1)).toMatchObject({ line: 65, member: { name: '俞德福', category: 'veteran', notes: '九十高龄' } });
    const categories = new Set(good(gb.rows).map((r) => r.member.category));
    expect(categories).toEqual(new Set(['veteran', 'retired', 'leader']));
  });

  it('refuses exactly the three bad lines, with every error of each and the line as Excel shows it', () => {
    for (const result of [gb, bom]) {
      const refused = bad(result.rows);
      expect(refused.map((r) => [r.line, r.raw['序号'], r.errors.map((e) => e.field)])).toEqual([
        [62, '61', ['name']],
        [63, '62', ['birthMonth', 'phone']],
        [64, '63', ['cardCode']],
      ]);
      const [noName, monthAndPhone, usedCard] = refused;
      expect(noName?.errors[0]?.messageZh).toBe('姓名未填写。');
      expect(monthAndPhone?.errors[0]?.message).toMatch(/"1949\.13".*no month 13/);
      expect(monthAndPhone?.errors[1]?.message).toMatch(/"1381234"/);
      expect(usedCard?.errors[0]?.message).toMatch(/^Card code QJ2020001 is also on line 2/);
      expect(usedCard?.errors[0]?.messageZh).toMatch(/^会员卡号 QJ2020001 与第 2 行重复/);
      expect(usedCard?.raw).toMatchObject({ 姓名: '重复卡', 会员卡号: 'QJ2020001', 备注: '卡号重复' });
    }
  });
});

describe('readMembers on other exports', () => {
  it('reads a UTF-16LE tab-separated file (Excel "Unicode text")', () => {
    const result = readMembers(utf16le('姓名\t性别\t类别\t会员卡号\r\n王芳\t女\t离休\tqj1\r\n李明\t男\t原市级领导\t\r\n'));
    expect(result.encoding).toBe('utf-16le');
    expect(plain(result.rows)).toEqual([
      { line: 2, member: member({ name: '王芳', gender: 'female', category: 'veteran', cardCode: 'QJ1' }) },
      { line: 3, member: member({ name: '李明', gender: 'male', category: 'leader' }) },
    ]);
  });

  it('reads a tab-separated UTF-8 file', () => {
    const result = readMembers(utf8('序号\t姓名\t联系电话\n1\t王芳\t0874-1234567\n'));
    expect(plain(result.rows)).toEqual([{ line: 2, member: member({ name: '王芳', phone: '08741234567' }) }]);
  });

  it('reads a quoted cell with a comma and a line break, and counts lines as Excel does', () => {
    const text = '姓名,备注,类别\r\n王芳,"书法, 太极拳\r\n周三来",退休\r\n\r\n,,\r\n李明,,\r\n';
    const result = readMembers(utf8(text));
    expect(result.encoding).toBe('utf-8');
    expect(plain(result.rows)).toEqual([
      { line: 2, member: member({ name: '王芳', notes: '书法, 太极拳\n周三来', category: 'retired' }) },
      { line: 5, member: member({ name: '李明' }) },
    ]);
  });

  it('reads English headers and values', () => {
    const text = 'Name,Gender,Birth month,Former unit,Former position,Category,Phone,Card code,Member no,Notes,Hobby\n' +
      'Li Ming,M,1950-03,City Hall,Director,retired,+86 138 1234 5678,card-7,A-12,likes chess,chess\n';
    const result = readMembers(utf8(text));
    expect(result.columns.ignored).toEqual(['Hobby']);
    expect(plain(result.rows)).toEqual([{
      line: 2,
      member: { name: 'Li Ming', gender: 'male', birthMonth: '1950-03', formerUnit: 'City Hall', formerPosition: 'Director',
        category: 'retired', phone: '13812345678', cardCode: 'CARD-7', memberNo: 'A-12', notes: 'likes chess' },
    }]);
  });

  it('skips a title row above the header', () => {
    const result = readMembers(utf8('曲靖市老干部活动中心会员名册,,\r\n姓名,性别,类别\r\n王芳,女,退休\r\n'));
    expect(plain(result.rows)).toEqual([{ line: 3, member: member({ name: '王芳', gender: 'female', category: 'retired' }) }]);
  });

  it('keeps short rows and reports a category it does not know, with the raw row', () => {
    const result = readMembers(utf8('姓名,,类别,姓名\n王芳\n李明,x,在职,y,extra\n'));
    expect(plain(result.rows)[0]).toEqual({ line: 2, member: member({ name: '王芳' }) });
    expect(result.rows[1]).toEqual({
      line: 3,
      errors: [{ field: 'category', message: expect.stringMatching(/"在职"/), messageZh: expect.stringMatching(/“在职”/) }],
      raw: { 姓名: '李明', 'column 2': 'x', 类别: '在职', '姓名 (4)': 'y', 'column 5': 'extra' },
    });
  });

  it('refuses a file without a 姓名 column, an empty file and an unterminated quote', () => {
    const noName = () => readMembers(utf8('序号,性别,电话\n1,男,13812345678\n'));
    expect(noName).toThrow(CsvImportError);
    expect(noName).toThrow('No name column: the header row (line 1) needs a column headed 姓名');
    expect(() => readMembers(utf8('\r\n\r\n'))).toThrow(expect.objectContaining({ reason: 'empty_file' }));
    expect(() => readMembers(utf8('姓名,备注\n王芳,"oops\n'))).toThrow(CsvSyntaxError);
  });

  it('a header row alone gives no rows', () => {
    expect(readMembers(utf8('姓名\r\n')).rows).toEqual([]);
  });

  it('reads a semicolon-separated file (Excel where the decimal mark is a comma) and names the separator', () => {
    const result = readMembers(utf8('姓名;性别;类别\r\n王芳;女;其它\r\n'));
    expect(result.delimiter).toBe(';');
    expect(plain(result.rows)).toEqual([{ line: 2, member: member({ name: '王芳', gender: 'female', category: 'other' }) }]);
    expect(readMembers(utf8('姓名,性别\r\n王芳,女\r\n')).delimiter).toBe(',');
  });

  it('says which cells were filled in, so a re-import never erases with an empty cell', () => {
    const [row] = readMembers(utf8('姓名,性别,类别,备注\r\n王芳,,退休,\r\n')).rows;
    expect(row).toMatchObject({ given: ['name', 'category'], raw: { 姓名: '王芳', 性别: '', 类别: '退休', 备注: '' } });
  });
});
