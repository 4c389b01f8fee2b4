import { describe, expect, it } from 'vitest';
import { BOM, csvCell, csvLine, localDate, localDateTime, localMonth, toCsv } from './csv.ts';

describe('CSV for spreadsheets', () => {
  it('quotes every cell and doubles quotes', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"\nnext line')).toBe('"say ""hi""\nnext line"');
    expect(csvCell(null)).toBe('""');
    expect(csvCell(3)).toBe('"3"');
    expect(csvCell({ a: 1 })).toBe('"{""a"":1}"');
  });

  it('keeps formulas as text', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r']) expect(csvCell(`${start}1+1`)).toBe(`"'${start}1+1"`);
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvCell('a=b')).toBe('"a=b"');
  });

  it('starts with a BOM and writes a header line, then a line a row', () => {
    const csv = toCsv(
      [
        { header: '名称', value: (r: { name: string; n: number | null }) => r.name },
        { header: '人次', value: (r) => r.n },
      ],
      [
        { name: '书法班, 一班', n: 3 },
        { name: '=SUM(A1)', n: null },
      ],
    );
    expect(csv.startsWith(BOM)).toBe(true);
    expect(csv.slice(1).split('\r\n')).toEqual(['"名称","人次"', '"书法班, 一班","3"', `"'=SUM(A1)",""`, '']);
  });

  it('writes local dates and times as their text', () => {
    expect(csvLine([localDateTime('2026-01-08 15:00'), localDate('2026-01-08'), localMonth('2026-01')])).toBe('"2026-01-08 15:00","2026-01-08","2026-01"\r\n');
  });
});
