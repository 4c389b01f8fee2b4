import { describe, expect, it } from 'vitest';
import { namePinyin, pinyinQuery } from './pinyin.ts';

describe('namePinyin', () => {
  it('gives the full reading and the initials of a name', () => {
    expect(namePinyin('张建国')).toEqual({ namePinyin: 'zhangjianguo', nameInitials: 'zjg' });
    expect(namePinyin(' 欧阳修 ')).toEqual({ namePinyin: 'ouyangxiu', nameInitials: 'oyx' });
  });

  it('writes ü as v, as pinyin keyboards do', () => {
    expect(namePinyin('吕小华').namePinyin).toBe('lvxiaohua');
  });

  it('keeps both readings of a surname that is read differently as a name', () => {
    expect(namePinyin('单田芳')).toEqual({ namePinyin: 'shantianfang dantianfang', nameInitials: 'stf dtf' });
  });

  it('keeps Latin letters of a name and drops the rest', () => {
    expect(namePinyin('Anna·李')).toEqual({ namePinyin: 'annali', nameInitials: 'annal' });
  });
});

describe('pinyinQuery', () => {
  it('takes letters, in any case and with spaces, as a pinyin search', () => {
    expect(pinyinQuery('zjg')).toBe('zjg');
    expect(pinyinQuery('Zhang Jianguo')).toBe('zhangjianguo');
    expect(pinyinQuery('lü')).toBe('lv');
  });

  it('leaves single letters, digits, Chinese and card codes alone', () => {
    expect(pinyinQuery('z')).toBeNull();
    expect(pinyinQuery('0166')).toBeNull();
    expect(pinyinQuery('张')).toBeNull();
    expect(pinyinQuery('QJ2020001')).toBeNull();
  });
});
