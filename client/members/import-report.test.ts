import { describe, expect, it } from 'vitest';
import { delimiterName, fieldOfHeading, fileProblem, importSummary, lineOutcomes, MAX_IMPORT_BYTES, rawCells, refusalRows } from './import-report.ts';
import type { ImportReport } from './types.ts';

/** What the server answered for tests/fixtures/members-gb18030.csv (lines 62–64 of 65). */
const report: ImportReport = {
  encoding: 'gb18030',
  delimiter: ',',
  ignoredColumns: ['序号'],
  updated: [],
  unchanged: [],
  created: [
    { line: 2, id: 'a', name: '杜荣' },
    { line: 65, id: 'b', name: '俞德福' },
  ],
  refused: [
    {
      line: 63,
      errors: [
        { field: 'birthMonth', message: 'The birth month 1949.13 is not a month.', messageZh: '出生年月 1949.13 不是有效的月份。' },
        { field: 'phone', message: 'The phone number 1381234 is too short.', messageZh: '联系电话 1381234 太短。' },
      ],
      raw: { 序号: '62', 姓名: '周玉兰', 出生年月: '1949.13', 联系电话: '1381234', 会员卡号: 'QJ2020062' },
    },
    {
      line: 62,
      errors: [{ field: 'name', message: 'The name is missing.', messageZh: '姓名不能为空。' }],
      raw: { 序号: '61', 姓名: '', 性别: '男' },
    },
    {
      line: 64,
      errors: [{ field: 'cardCode', message: 'Card code QJ2020001 is also on line 2.', messageZh: '会员卡号 QJ2020001 与第 2 行重复。' }],
    },
  ],
};

describe('import report rows', () => {
  it('gives one row per problem, lines in order, reasons in Chinese', () => {
    const rows = refusalRows(report, 'zh-CN');
    expect(rows.map((r) => [r.line, r.field, r.first, r.span])).toEqual([
      [62, 'name', true, 1],
      [63, 'birthMonth', true, 2],
      [63, 'phone', false, 2],
      [64, 'cardCode', true, 1],
    ]);
    expect(rows[1]?.reason).toBe('出生年月 1949.13 不是有效的月份。');
    expect(new Set(rows.map((r) => r.key)).size).toBe(rows.length);
  });

  it('gives the English reasons in English', () => {
    expect(refusalRows(report, 'en')[0]?.reason).toBe('The name is missing.');
  });

  it("keeps the line's cells in file order and marks the cells at fault", () => {
    const line63 = refusalRows(report, 'zh-CN')[1]!;
    expect(line63.cells.map((c) => c.header)).toEqual(['序号', '姓名', '出生年月', '联系电话', '会员卡号']);
    expect(line63.cells.filter((c) => c.flagged).map((c) => c.header)).toEqual(['出生年月', '联系电话']);
    expect(refusalRows(report, 'zh-CN')[2]?.cells).toEqual([]);
  });

  it('copes with a refusal without cells (a card code already in the database)', () => {
    expect(refusalRows(report, 'zh-CN')[3]?.cells).toEqual([]);
    expect(rawCells(undefined, ['cardCode'])).toEqual([]);
  });

  it('falls back to the other language rather than showing nothing', () => {
    const rows = refusalRows({ refused: [{ line: 5, errors: [{ field: 'x', message: 'Only English.', messageZh: '' }] }] }, 'zh-CN');
    expect(rows[0]?.reason).toBe('Only English.');
    expect(refusalRows({ refused: [{ line: 9, errors: [] }] }, 'en')).toMatchObject([{ line: 9, field: '', first: true }]);
  });

  it('reads headings the way the importer does', () => {
    expect(fieldOfHeading('联系电话（手机）')).toBe('phone');
    expect(fieldOfHeading('【姓名】')).toBe('name');
    expect(fieldOfHeading('Card No.')).toBe('cardCode');
    expect(fieldOfHeading('电话 (8)')).toBe('phone');
    expect(fieldOfHeading('序号')).toBeNull();
    expect(fieldOfHeading('column 12')).toBeNull();
  });

  it('counts what happened', () => {
    expect(importSummary(report)).toEqual({ created: 2, updated: 0, unchanged: 0, refusedLines: 3, lines: 5 });
  });

  it('says per line what became of it, in the file order, and names an unusual separator', () => {
    const again: ImportReport = {
      ...report,
      created: [{ line: 65, id: 'b', name: '俞德福' }],
      updated: [{ line: 3, id: 'c', name: '钟振', fields: ['phone'] }],
      unchanged: [{ line: 2, id: 'a', name: '杜荣' }],
    };
    expect(lineOutcomes(again).map((o) => [o.line, o.outcome])).toEqual([[2, 'unchanged'], [3, 'updated'], [62, 'refused'], [63, 'refused'], [64, 'refused'], [65, 'created']]);
    expect(lineOutcomes(again)[1]).toMatchObject({ name: '钟振', fields: ['phone'] });
    expect(importSummary(again)).toEqual({ created: 1, updated: 1, unchanged: 1, refusedLines: 3, lines: 6 });
    expect([delimiterName(';'), delimiterName('\t'), delimiterName(',')]).toEqual(['semicolon', 'tab', null]);
  });

  it('does not send empty or oversized files', () => {
    expect(fileProblem({ size: 0 })).toBe('empty');
    expect(fileProblem({ size: MAX_IMPORT_BYTES + 1 })).toBe('tooLarge');
    expect(fileProblem({ size: MAX_IMPORT_BYTES })).toBeNull();
  });
});
