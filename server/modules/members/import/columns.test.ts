import { describe, expect, it } from 'vitest';
import { mapColumns } from './columns.ts';
import { CsvImportError } from './errors.ts';

describe('mapColumns', () => {
  it('maps the fixture headers and ignores 序号', () => {
    const headers = ['序号', '姓名', '性别', '出生年月', '原工作单位', '原职务', '类别', '联系电话', '会员卡号', '备注'];
    expect(mapColumns(headers)).toEqual({
      name: 1, gender: 2, birthMonth: 3, formerUnit: 4, formerPosition: 5,
      category: 6, phone: 7, cardCode: 8, notes: 9, ignored: ['序号'],
    });
  });

  it('maps English headers', () => {
    const headers = ['Name', 'Gender', 'Birth month', 'Former unit', 'Former position', 'Category', 'Phone',
      'Card code', 'Member no', 'Notes'];
    const map = mapColumns(headers);
    expect(map).toMatchObject({ name: 0, gender: 1, birthMonth: 2, formerUnit: 3, formerPosition: 4,
      category: 5, phone: 6, cardCode: 7, memberNo: 8, notes: 9, ignored: [] });
  });

  it('reports unknown and repeated columns as ignored, skipping empty header cells', () => {
    expect(mapColumns(['姓名', '籍贯', '电话', '手机', '', '  '])).toEqual({ name: 0, phone: 2, ignored: ['籍贯', '手机'] });
  });

  it('refuses a header without 姓名, in English and Chinese, naming the columns found', () => {
    try {
      mapColumns(['序号', '性别', '电话'], 1);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(CsvImportError);
      const e = error as CsvImportError;
      expect(e.reason).toBe('no_name_column');
      expect(e.message).toBe('No name column: the header row (line 1) needs a column headed 姓名 (or "name"). ' +
        'Its columns are: 序号, 性别, 电话.');
      expect(e.messageZh).toBe('缺少“姓名”列：表头（第 1 行）须有一列标题为“姓名”。现有的列：序号、性别、电话。');
    }
  });
});
