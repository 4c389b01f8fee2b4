import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { localDate, localDateTime, localMonth } from './csv.ts';
import { columnName, excelSerial, xlsx } from './xlsx.ts';

/** Read back with exceljs: an independent reader, as Excel or WPS would open the file. */
async function read(bytes: Uint8Array) {
  const workbook = new ExcelJS.Workbook();
  // exceljs's types predate Node's generic Buffer; the bytes are what it reads.
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return workbook;
}

describe('xlsx', () => {
  it('writes sheets that a reader opens with Chinese headers, strings and numbers intact', async () => {
    const bytes = xlsx([
      {
        name: '按月统计',
        columns: [{ header: '月份' }, { header: '人次' }, { header: '会员人数' }],
        rows: [['2026-01', 1234, 560], ['2026-02', 0, null]],
      },
      { name: '说明', columns: [{ header: '项目' }], rows: [['接待服务人次']] },
    ]);
    const book = await read(bytes);
    expect(book.worksheets.map((s) => s.name)).toEqual(['按月统计', '说明']);
    const sheet = book.getWorksheet('按月统计')!;
    expect(sheet.getRow(1).values).toEqual([undefined, '月份', '人次', '会员人数']);
    expect(sheet.getCell('A2').value).toBe('2026-01');
    expect(sheet.getCell('B2').value).toBe(1234);
    expect(sheet.getCell('C3').value).toBeNull();
    expect(sheet.getCell('A1').font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  });

  it('keeps hostile text as text: formulas, markup, emoji, right-to-left marks; drops what XML cannot hold', async () => {
    const hostile = ['=HYPERLINK("http://evil","x")', '<script>alert(1)</script> & "q"', '👨‍👩‍👧 家庭', '\u202eabc\u200f', '+1-2', '@SUM(A1)'];
    const book = await read(xlsx([{ name: 'x', columns: [{ header: 'v' }], rows: [...hostile.map((v) => [v]), ['a\u0001b\u0000c']] }]));
    const sheet = book.worksheets[0]!;
    hostile.forEach((value, i) => {
      const cell = sheet.getCell(`A${i + 2}`);
      expect(cell.value).toBe(value);
      expect(cell.formula).toBeUndefined();
    });
    expect(sheet.getCell(`A${hostile.length + 2}`).value).toBe('abc');
  });

  it('names columns as Excel does and keeps sheet names legal and distinct', async () => {
    expect([0, 25, 26, 51, 52, 701, 702].map(columnName)).toEqual(['A', 'Z', 'AA', 'AZ', 'BA', 'ZZ', 'AAA']);
    const book = await read(xlsx([
      { name: 'a/b:c*?[d]', columns: [{ header: 'h' }], rows: [] },
      { name: 'A/B:C*?[D]', columns: [{ header: 'h' }], rows: [] },
      { name: '很长的名字'.repeat(10), columns: [{ header: 'h' }], rows: [] },
    ]));
    const names = book.worksheets.map((s) => s.name);
    expect(names[0]).toBe('a b c   d');
    expect(names[1]).not.toBe(names[0]);
    expect(names[2]!.length).toBeLessThanOrEqual(31);
  });

  it('writes local dates and times as real Excel dates with a date format (the wall clock, never UTC)', async () => {
    expect(excelSerial('1970-01-01')).toBe(25569);
    expect(excelSerial('2026-01-08 15:00')).toBeCloseTo(46030 + 15 / 24, 9);
    const book = await read(xlsx([{
      name: 'x',
      columns: [{ header: '开始时间' }, { header: '日期' }, { header: '月份' }, { header: '人次' }],
      rows: [[localDateTime('2026-01-08 15:00'), localDate('2026-03-01'), localMonth('2026-03'), 12]],
    }]));
    const sheet = book.worksheets[0]!;
    const start = sheet.getCell('A2');
    expect(start.value).toBeInstanceOf(Date);
    // exceljs reads a serial as a UTC instant: its UTC fields are the wall clock written.
    expect((start.value as Date).toISOString()).toBe('2026-01-08T15:00:00.000Z');
    expect(start.numFmt).toBe('yyyy-mm-dd hh:mm');
    expect((sheet.getCell('B2').value as Date).toISOString()).toBe('2026-03-01T00:00:00.000Z');
    expect(sheet.getCell('B2').numFmt).toBe('yyyy-mm-dd');
    expect(sheet.getCell('C2').numFmt).toBe('yyyy-mm');
    expect(sheet.getCell('D2').value).toBe(12);
  });
});
