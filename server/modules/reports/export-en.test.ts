import { describe, expect, it } from 'vitest';
import { englishWord, inEnglish } from './export-en.ts';
import { visitsTable } from './export.ts';

describe('report exports in English', () => {
  it('translates headers, kinds, categories, weekdays and sheet names; leaves names alone', () => {
    expect(['开始时间', '讲座', '课程', '离休干部', '合计', '周三 09:00', '人次（活动）', '书画室'].map(englishWord)).toEqual([
      'Start', 'Lecture', 'Class', 'Veteran cadre', 'Total', 'Wed 09:00', 'Visits (Activity)', '书画室',
    ]);
  });

  it('makes the same table with English words', () => {
    const table = inEnglish(
      visitsTable(
        { groupBy: 'booking', rows: [{ key: 'b1', label: '健康讲座', visits: 3, members: 2, guests: 1, start: '2026-01-08T07:00:00.000Z', kind: 'lecture', roomId: 'r', expected: 50 }], total: { visits: 3, members: 2, guests: 1 } },
        () => 'Asia/Shanghai',
      ),
    );
    expect(table.columns.map((c) => c.header)).toEqual(['Activity', 'Start', 'Kind', 'Expected', 'Visits', 'Members', 'Guests', 'ID']);
    expect(table.columns.map((c) => c.value(table.rows[0]!))).toEqual([
      '健康讲座', { kind: 'dateTime', text: '2026-01-08 15:00' }, 'Lecture', 50, 3, 2, 1, 'b1',
    ]);
    expect(table.columns[0]!.value(table.rows[1]!)).toBe('Total');
  });
});
