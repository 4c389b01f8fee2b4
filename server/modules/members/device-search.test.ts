import { describe, expect, it } from 'vitest';
import { fullPhoneDigits, isGuessable, parseDeviceQuery } from './device-search.ts';

describe('parseDeviceQuery', () => {
  it.each([
    ['张建国', { kind: 'name', name: '张建国' }],
    ['  zjg ', { kind: 'name', name: 'zjg' }],
    ['Zhang Jianguo', { kind: 'name', name: 'Zhang Jianguo' }],
    ['张建国 1741', { kind: 'nameAndLastFour', name: '张建国', lastFour: '1741' }],
    ['张建国1741', { kind: 'nameAndLastFour', name: '张建国', lastFour: '1741' }],
    ['zjg1741', { kind: 'nameAndLastFour', name: 'zjg', lastFour: '1741' }],
    ['1741 张', { kind: 'nameAndLastFour', name: '张', lastFour: '1741' }],
    ['１７４１ 张建国', { kind: 'nameAndLastFour', name: '张建国', lastFour: '1741' }],
    // Still typing the four digits: the name alone, which tells no digits.
    ['张建国 17', { kind: 'name', name: '张建国' }],
    ['13812341741', { kind: 'phone', digits: '13812341741' }],
    ['138 1234 1741', { kind: 'phone', digits: '13812341741' }],
    ['+86 138-1234-1741', { kind: 'phone', digits: '13812341741' }],
    ['0086 13812341741', { kind: 'phone', digits: '13812341741' }],
    ['0874-1234567', { kind: 'phone', digits: '08741234567' }],
    ['张建国 13812341741', { kind: 'phone', digits: '13812341741', name: '张建国' }],
  ])('%s', (q, parsed) => {
    expect(parseDeviceQuery(q)).toEqual(parsed);
  });

  it('refuses every fragment of digits: the digit-by-digit walk from the shown prefix asks nothing', () => {
    const phone = '13812341741';
    for (let n = 1; n < phone.length; n += 1) expect(parseDeviceQuery(phone.slice(0, n)), phone.slice(0, n)).toEqual({ kind: 'nothing' });
    for (let n = 1; n <= 6; n += 1) expect(parseDeviceQuery(phone.slice(-n)), phone.slice(-n)).toEqual({ kind: 'nothing' });
    // Seven or eight digits that could be a local landline are asked as a whole number, exactly: a fragment of a
    // longer one matches nobody (and is counted as a guess).
    expect(parseDeviceQuery(phone.slice(-7))).toEqual({ kind: 'phone', digits: '2341741' });
    // With a name, four digits are the last four; five or six, a second number, a card code: the text as typed,
    // compared with names only (it finds nobody, and tests no digit of a phone).
    for (const typed of ['张建国 41741', '张建国 341741', '1741 张 0166', '张1741建国', 'QJ2020001', '<img src=x onerror="window.__pwned=1">']) {
      expect(parseDeviceQuery(typed), typed).toEqual({ kind: 'name', name: typed });
    }
    expect(parseDeviceQuery('- 1741')).toEqual({ kind: 'nothing' });
    expect(parseDeviceQuery('   ')).toEqual({ kind: 'nothing' });
  });

  it('counts only whole numbers as guesses', () => {
    expect(isGuessable(parseDeviceQuery('13812341741'))).toBe(true);
    expect(isGuessable(parseDeviceQuery('张建国 1741'))).toBe(false);
    expect(isGuessable(parseDeviceQuery('张建国'))).toBe(false);
  });
});

describe('fullPhoneDigits', () => {
  it.each([
    ['13812341741', '13812341741'],
    ['8613812341741', '13812341741'],
    ['2345678', '2345678'],
    ['1234567', null],
    ['1381234174', null],
    ['08741234567', '08741234567'],
    ['234567', null],
    ['12a4567', null],
  ])('%s → %s', (raw, digits) => {
    expect(fullPhoneDigits(raw)).toBe(digits);
  });
});
