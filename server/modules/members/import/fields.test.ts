import { describe, expect, it } from 'vitest';
import {
  excelSerialDate,
  cleanCell, type Parsed, parseBirthMonth, parseCardCode, parseCategory, parseGender, parseName, parsePhone, parseText,
} from './fields.ts';

const value = <T>(p: Parsed<T>): T => {
  if (!p.ok) throw new Error(`refused: ${p.message}`);
  return p.value;
};
const refusal = <T>(p: Parsed<T>): [string, string] => {
  if (p.ok) throw new Error(`accepted: ${String(p.value)}`);
  return [p.message, p.messageZh];
};

describe('member cells', () => {
  it('trims every kind of space, full-width ones included', () => {
    expect(cleanCell('\u3000 王芳\u00a0\u200b\t')).toBe('王芳');
  });

  it('names: required, at most 60 characters, alignment spaces between Chinese characters removed', () => {
    expect(value(parseName('王\u3000\u3000芳'))).toBe('王芳');
    expect(value(parseName(' 阿依古丽·买买提 '))).toBe('阿依古丽·买买提');
    expect(value(parseName('Li  Ming'))).toBe('Li Ming');
    expect(refusal(parseName('\u3000'))).toEqual(['The name is missing.', '姓名未填写。']);
    expect(refusal(parseName('王'.repeat(61)))[0]).toMatch(/61 characters; at most 60/);
  });

  it('gender', () => {
    expect(['男', '女', 'Male', 'F', 'm', ''].map((g) => value(parseGender(g)))).toEqual(['male', 'female', 'male', 'female', 'male', null]);
    expect(refusal(parseGender('未知'))[1]).toBe('性别“未知”应填“男”或“女”（也可不填）。');
  });

  it('birth months in the ways ledgers write them', () => {
    const today = new Date(2026, 5, 1);
    const cases = ['1929.04', '1929-04', '1929/4', '1929年4月', '192904', '1929.4', '1929年04月12日', '1929-04-30',
      '19290415', '１９２９．０４'];
    for (const c of cases) expect([c, value(parseBirthMonth(c, today))]).toEqual([c, '1929-04']);
    expect(value(parseBirthMonth(' ', today))).toBeNull();
  });

  it('reads a date Excel wrote as its serial number (1900 date system), or says why it cannot be one', () => {
    const today = new Date(2026, 5, 1);
    expect(excelSerialDate(17597)).toEqual({ year: 1948, month: 3, day: 5 });
    expect(excelSerialDate(61)).toEqual({ year: 1900, month: 3, day: 1 });
    expect(excelSerialDate(25569)).toEqual({ year: 1970, month: 1, day: 1 });
    expect(value(parseBirthMonth('17597', today))).toBe('1948-03');
    expect(value(parseBirthMonth('10713', today))).toBe('1929-04');
    expect(value(parseBirthMonth('17597.5', today))).toBe('1948-03');
    const future = refusal(parseBirthMonth('99999', today));
    expect(future[1]).toMatch(/Excel 的日期序号/);
    expect(future[0]).toMatch(/Excel date number/);
  });

  it('refuses impossible birth months, naming the value', () => {
    const today = new Date(2026, 5, 1);
    expect(refusal(parseBirthMonth('1949.13', today))).toEqual([
      'Birth month "1949.13": there is no month 13; write it like 1949.03.',
      '出生年月“1949.13”有误：没有 13 月，请写成 1949.03 这样的格式。',
    ]);
    expect(refusal(parseBirthMonth('1949.00', today))[0]).toMatch(/no month 0/);
    expect(refusal(parseBirthMonth('1949.02.30', today))[0]).toMatch(/"1949.02.30": 1949-02 has no day 30/);
    expect(refusal(parseBirthMonth('1849.03', today))[0]).toMatch(/year 1849/);
    expect(refusal(parseBirthMonth('2026.07', today))[0]).toMatch(/year 2026/);
    expect(refusal(parseBirthMonth('1949', today))[1]).toMatch(/只有年份/);
    expect(refusal(parseBirthMonth('四九年', today))[1]).toMatch(/“四九年”无法识别/);
  });

  it('categories', () => {
    const cases = ['离休', '退休', '原市级领导', '市级领导', '原市领导', '', '其他', 'Retired', '离休干部', '其它'];
    expect(cases.map((c) => value(parseCategory(c)))).toEqual(
      ['veteran', 'retired', 'leader', 'leader', 'leader', 'other', 'other', 'retired', 'veteran', 'other']);
    expect(refusal(parseCategory('在职'))[0]).toBe('Category "在职" should be 离休, 退休, 原市级领导 or 其他/其它 (empty means 其他).');
  });

  it('phones: mobiles and landlines, stored as digits', () => {
    const cases: Array<[string, string | null]> = [
      ['13812345678', '13812345678'], ['138 1234 5678', '13812345678'], ['138-1234-5678', '13812345678'],
      ['+86 138 1234 5678', '13812345678'], ['8613812345678', '13812345678'], ['１３８１２３４５６７８', '13812345678'],
      ['0874-1234567', '08741234567'], ['08741234567', '08741234567'], ['(0874)12345678', '087412345678'],
      ['010-12345678', '01012345678'], ['', null],
    ];
    for (const [input, expected] of cases) expect([input, value(parsePhone(input))]).toEqual([input, expected]);
  });

  it('refuses short, long, double and Excel-mangled phones, naming them', () => {
    expect(refusal(parsePhone('1381234'))).toEqual([
      'Phone "1381234" is not a phone number (it has 7 digits): a mobile number has 11 digits starting with 1; ' +
        'a landline needs its area code, like 0874-1234567.',
      '联系电话“1381234”不是有效号码（共 7 位数字）：手机号为 1 开头的 11 位数字，座机须带区号，如 0874-1234567。',
    ]);
    expect(refusal(parsePhone('138123456789'))[0]).toMatch(/12 digits/);
    expect(refusal(parsePhone('1234567'))[0]).toMatch(/area code/);
    expect(refusal(parsePhone('13812345678/0874-1234567'))[0]).toMatch(/more than one number/);
    expect(refusal(parsePhone('1.38123E+10'))[1]).toMatch(/科学计数法/);
  });

  it('card codes: letters, digits, - and _, upper-cased, at most 32', () => {
    expect(value(parseCardCode(' qj-2020_001 '))).toBe('QJ-2020_001');
    expect(value(parseCardCode('ＱＪ２０２０００１'))).toBe('QJ2020001');
    expect(value(parseCardCode(''))).toBeNull();
    expect(refusal(parseCardCode('QJ 2020001'))[0]).toMatch(/^Card code "QJ 2020001" may only have/);
    expect(refusal(parseCardCode('A'.repeat(33)))[0]).toMatch(/at most 32/);
    expect(refusal(parseCardCode('1.23457E+11'))[0]).toMatch(/scientific notation/);
  });

  it('free text: empty is null, length limited', () => {
    expect(value(parseText(' 市政府 ', 200, 'The former unit', '原工作单位'))).toBe('市政府');
    expect(value(parseText('', 500, 'The notes', '备注'))).toBeNull();
    expect(refusal(parseText('字'.repeat(501), 500, 'The notes', '备注'))).toEqual([
      'The notes has 501 characters; at most 500.', '备注有 501 个字，最多 500 个字。']);
  });
});
