import { describe, expect, it } from 'vitest';
import { detectDelimiter, parseCsv, parseCsvRecords } from './csv.ts';
import { CsvSyntaxError } from './errors.ts';

describe('parseCsv', () => {
  it('splits CRLF, LF and CR lines, with or without a final line end', () => {
    expect(parseCsv('a,b\r\nc,d\r\n')).toEqual([['a', 'b'], ['c', 'd']]);
    expect(parseCsv('a,b\nc,d')).toEqual([['a', 'b'], ['c', 'd']]);
    expect(parseCsv('a,b\rc,d\r')).toEqual([['a', 'b'], ['c', 'd']]);
  });

  it('keeps empty cells, including trailing ones', () => {
    expect(parseCsv('a,,c,\r\n,,,\r\n')).toEqual([['a', '', 'c', ''], ['', '', '', '']]);
  });

  it('reads quoted cells with commas, doubled quotes and line breaks (CRLF inside becomes \\n)', () => {
    const text = '姓名,备注\r\n王芳,"喜欢书法, 太极拳\r\n周三下午来"\r\n"李""老""",x\r\n';
    expect(parseCsv(text)).toEqual([
      ['姓名', '备注'],
      ['王芳', '喜欢书法, 太极拳\n周三下午来'],
      ['李"老"', 'x'],
    ]);
  });

  it('counts rows the way Excel does: blank lines count and are skipped, breaks inside quotes do not', () => {
    const records = parseCsvRecords('h1,h2\r\n\r\na,"x\ny"\r\nb,c\r\n');
    expect(records).toEqual([
      { line: 1, textLine: 1, cells: ['h1', 'h2'] },
      { line: 3, textLine: 3, cells: ['a', 'x\ny'] },
      { line: 4, textLine: 5, cells: ['b', 'c'] },
    ]);
  });

  it('keeps a row holding only an empty quoted cell, and a quoted empty last cell', () => {
    expect(parseCsv('""\na,""')).toEqual([[''], ['a', '']]);
  });

  it('tolerates spaces before an opening quote and keeps a quote inside an unquoted cell', () => {
    expect(parseCsv('a, "b,c" ,5"2')).toEqual([['a', 'b,c ', '5"2']]);
  });

  it('reads tab-separated text when the header has tabs and no commas', () => {
    const text = '姓名\t备注\r\n王芳\t"a\tb, c"\r\n李明\t1,2\r\n';
    expect(detectDelimiter(text)).toBe('\t');
    expect(parseCsv(text)).toEqual([['姓名', '备注'], ['王芳', 'a\tb, c'], ['李明', '1,2']]);
    expect(detectDelimiter('\r\n姓名,备注\tx\r\n')).toBe(',');
  });

  it('strips a BOM left at the start of the text', () => {
    expect(parseCsv('\uFEFF姓名\n王芳')).toEqual([['姓名'], ['王芳']]);
  });

  it('reports an unterminated quote with its line', () => {
    const text = '姓名,备注\r\n王芳,"ok\r\nstill ok"\r\n李明,"never closed\r\n周丽,x\r\n';
    try {
      parseCsv(text);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(CsvSyntaxError);
      const e = error as CsvSyntaxError;
      expect([e.line, e.textLine, e.reason]).toEqual([3, 4, 'unterminated_quote']);
      expect(e.message).toMatch(/^Line 3: /);
      expect(e.messageZh).toMatch(/第 3 行/);
    }
  });

  it('returns nothing for empty or blank text', () => {
    expect(parseCsv('')).toEqual([]);
    expect(parseCsv('\r\n\r\n')).toEqual([]);
  });
});
