import { describe, expect, it } from 'vitest';
import { fieldForHeader } from './member-columns.ts';

describe('fieldForHeader', () => {
  it('knows the synonyms, and is tolerant of spaces, full-width brackets and marks', () => {
    const cases: Array<[string, string]> = [
      ['名字', 'name'], [' 姓 名 ', 'name'], ['姓名*', 'name'], ['姓名（必填）', 'name'], ['【姓名】', 'name'],
      ['出生日期', 'birthMonth'], ['出生年月日', 'birthMonth'], ['出生年月(年.月)', 'birthMonth'],
      ['工作单位', 'formerUnit'], ['单位', 'formerUnit'], ['职务', 'formerPosition'],
      ['人员类别', 'category'], ['身份', 'category'],
      ['电话', 'phone'], ['手机', 'phone'], ['手机号', 'phone'], ['手机号码', 'phone'], ['联系电话（手机）', 'phone'],
      ['卡号', 'cardCode'], ['会员卡', 'cardCode'], ['会员编号', 'memberNo'], ['编号', 'memberNo'],
      ['Birth Month', 'birthMonth'], ['former_unit', 'formerUnit'], ['Card Code', 'cardCode'],
      ['member no', 'memberNo'], ['ＮＡＭＥ', 'name'], ['备注：', 'notes'],
    ];
    for (const [header, field] of cases) expect([header, fieldForHeader(header)]).toEqual([header, field]);
    expect(fieldForHeader('序号')).toBeNull();
    expect(fieldForHeader('籍贯')).toBeNull();
  });
});
