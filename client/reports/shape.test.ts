import { describe, expect, it } from 'vitest';
import { parseHash } from '../routes.ts';
import { zhCN } from '../lib/messages/zh-CN.ts';
import { en } from '../lib/messages/en.ts';
import { busiestCells, heatGrid, heatLegend, HEAT_SHADES, shadeLevel, shadeText } from './heat.ts';
import { exportPath, visitsPath } from './reports-api.ts';
import {
  activityAttendance,
  apiRange,
  barList,
  chineseDate,
  defaultDetailRange,
  monthKeys,
  monthSeries,
  monthsBetween,
  nextDay,
  partialMonth,
  percent,
  rangeProblem,
  sumSeries,
  tournamentPivot,
  yearChoices,
  yearlySheet,
  yearRange,
} from './shape.ts';
import type { VisitRow, YearlyReport } from './types.ts';

const row = (key: string, visits: number, extra: Partial<VisitRow> = {}): VisitRow => ({ key, visits, members: visits, guests: 0, ...extra });

describe('dates and ranges', () => {
  it('steps days across months, years and leap days', () => {
    expect(nextDay('2026-01-31')).toBe('2026-02-01');
    expect(nextDay('2026-12-31')).toBe('2027-01-01');
    expect(nextDay('2028-02-28')).toBe('2028-02-29');
    expect(() => nextDay('2026-02-30')).toThrow(RangeError);
  });

  it('gives a year as a half-open range and its twelve months', () => {
    expect(yearRange(2026)).toEqual({ from: '2026-01-01', to: '2027-01-01' });
    expect(monthKeys(2026)).toHaveLength(12);
    expect(monthKeys(2026)[0]).toBe('2026-01');
    expect(monthKeys(2026)[11]).toBe('2026-12');
    expect(yearChoices(2026, 3)).toEqual([2026, 2025, 2024]);
  });

  it('defaults the detail range to the year, up to today in the current year', () => {
    expect(defaultDetailRange(2026, '2026-11-29')).toEqual({ from: '2026-01-01', to: '2026-11-29' });
    expect(defaultDetailRange(2025, '2026-11-29')).toEqual({ from: '2025-01-01', to: '2025-12-31' });
  });

  it('checks a picked range and turns its inclusive end into the API\'s exclusive one', () => {
    expect(rangeProblem('2026-01-01', '2026-12-31')).toBeNull();
    expect(rangeProblem('2024-01-01', '2024-12-31')).toBeNull(); // 366 days in a leap year
    expect(rangeProblem('2026-01-01', '2027-01-01')).toBeNull(); // 366 days, the server's cap
    expect(rangeProblem('2026-01-01', '2027-01-02')).toBe('tooLong');
    expect(rangeProblem('2026-03-01', '2026-02-01')).toBe('order');
    expect(rangeProblem('', '2026-02-01')).toBe('invalid');
    expect(rangeProblem('2026-02-30', '2026-03-01')).toBe('invalid');
    expect(apiRange('2026-01-01', '2026-01-31')).toEqual({ from: '2026-01-01', to: '2026-02-01' });
  });

  it('lists the months a half-open range touches', () => {
    expect(monthsBetween('2026-01-01', '2026-04-01')).toEqual(['2026-01', '2026-02', '2026-03']);
    expect(monthsBetween('2025-11-15', '2026-01-02')).toEqual(['2025-11', '2025-12', '2026-01']);
    expect(monthsBetween('2026-05-01', '2026-05-02')).toEqual(['2026-05']);
  });

  it('writes a date the Chinese way', () => {
    expect(chineseDate('2026-01-05')).toBe('2026年1月5日');
  });
});

describe('month series', () => {
  it('places rows by their month and fills the others with 0', () => {
    const rows = [row('2026-02', 5), row('2026-12', 7), row('2025-12', 99)];
    const series = monthSeries(2026, rows);
    expect(series).toEqual([0, 5, 0, 0, 0, 0, 0, 0, 0, 0, 0, 7]);
  });

  it('sums several centres month by month', () => {
    expect(sumSeries([{ label: 'a', data: [1, 2, 3] }, { label: 'b', data: [10, 0] }], 3)).toEqual([11, 2, 3]);
  });
});

describe('the weekday × hour grid', () => {
  it('places each row in its weekday and hour, always showing the usual opening hours', () => {
    const grid = heatGrid([row('1-09', 4), row('7-20', 2), row('3-09', 1)]);
    expect(grid.days).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(grid.hours[0]).toBe(8);
    expect(grid.hours[grid.hours.length - 1]).toBe(20);
    expect(grid.cells[0]![grid.hours.indexOf(9)]).toBe(4);
    expect(grid.cells[6]![grid.hours.indexOf(20)]).toBe(2);
    expect(grid.cells[2]![grid.hours.indexOf(9)]).toBe(1);
    expect(grid.max).toBe(4);
    expect(grid.total).toBe(7);
  });

  it('widens the hours to visits early in the morning or late at night, and skips unreadable keys', () => {
    const grid = heatGrid([row('2-06', 1), row('5-22', 3), row('9-10', 50), row('x', 1)]);
    expect(grid.hours[0]).toBe(6);
    expect(grid.hours[grid.hours.length - 1]).toBe(22);
    expect(grid.hours).toHaveLength(17);
    expect(grid.total).toBe(4);
  });

  it('names the busiest cells, most first', () => {
    const grid = heatGrid([row('1-09', 4), row('2-10', 9), row('3-11', 4)]);
    expect(busiestCells(grid, 2)).toEqual([
      { day: 2, hour: 10, visits: 9 },
      { day: 1, hour: 9, visits: 4 },
    ]);
  });

  it('shades 0 as none and the rest in five steps up to the largest', () => {
    expect(shadeLevel(0, 10)).toBe(0);
    expect(shadeLevel(1, 10)).toBe(1);
    expect(shadeLevel(2, 10)).toBe(1);
    expect(shadeLevel(5, 10)).toBe(3);
    expect(shadeLevel(10, 10)).toBe(5);
    expect(shadeLevel(3, 0)).toBe(0);
    expect(shadeText(5)).toBe('#ffffff');
    expect(shadeText(1)).not.toBe('#ffffff');
  });

  it('gives each shade the values it stands for, without overlaps or gaps', () => {
    expect(heatLegend(487)).toEqual([
      { level: 1, from: 1, to: 97 },
      { level: 2, from: 98, to: 194 },
      { level: 3, from: 195, to: 292 },
      { level: 4, from: 293, to: 389 },
      { level: 5, from: 390, to: 487 },
    ]);
    for (const max of [1, 2, 6, 487]) {
      const legend = heatLegend(max);
      for (let v = 1; v <= max; v++) {
        const entry = legend.find((e) => e.from <= v && v <= e.to);
        expect(entry?.level, `${v} of ${max}`).toBe(shadeLevel(v, max));
      }
    }
    expect(heatLegend(2).map((e) => e.level)).toEqual([3, 5]);
    expect(heatLegend(0)).toEqual([]);
  });

  it('uses shades that get darker at every step (they must read in black-and-white print)', () => {
    const luminance = (hex: string) => {
      const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    };
    const steps = HEAT_SHADES.map(luminance);
    for (let i = 1; i < steps.length; i++) expect(steps[i]!).toBeLessThan(steps[i - 1]! - 0.08);
  });
});

describe('bar lists', () => {
  it('ranks rows by visits, names the no-room row and scales to the largest', () => {
    const bars = barList([row('r1', 5, { label: '书画室' }), row('none', 10, { label: '未指定房间' }), row('r2', 0, { label: '空房间' })], 10, '未指定');
    expect(bars.map((b) => [b.label, b.value, b.share])).toEqual([
      ['未指定', 10, 1],
      ['书画室', 5, 0.5],
    ]);
  });

  it('keeps at most the limit', () => {
    const rows = Array.from({ length: 20 }, (_, i) => row(`r${i}`, i + 1));
    expect(barList(rows, 5)).toHaveLength(5);
    expect(barList(rows, 5)[0]!.value).toBe(20);
  });
});

describe('attendance against the expected number', () => {
  const booking = (key: string, title: string, visits: number, expected: number | null, start: string, roomId = 'r1'): VisitRow =>
    row(key, visits, { label: title, expected, start, kind: 'class', roomId });

  it("makes one line of a tournament's table bookings (one session, however many tables)", () => {
    const table = (key: string, roomId: string, visits = 0) =>
      row(key, visits, { label: '比赛 · 春季乒乓球赛', start: '2026-03-20T01:00:00Z', kind: 'competition', roomId, expected: null });
    const { activities } = activityAttendance([
      table('t1', 'table1'),
      table('t2', 'table2'),
      table('t3', 'table3', 4),
      row('t4', 0, { label: '比赛 · 门球邀请赛', start: '2026-03-27T01:00:00Z', kind: 'competition', roomId: 'court1', expected: null }),
    ]);
    expect(activities.map((a) => [a.title, a.sessions, a.rooms, a.attended])).toEqual([
      ['比赛 · 春季乒乓球赛', 1, 3, 4],
      ['比赛 · 门球邀请赛', 1, 1, 0],
    ]);
  });

  it('marks the month of this year that is not over yet', () => {
    expect(partialMonth(2026, '2026-12-07')).toBe('2026-12');
    expect(partialMonth(2025, '2026-12-07')).toBeNull();
  });

  it('gathers the sessions of one recurring class and compares them with what was expected', () => {
    const { activities, unbooked } = activityAttendance([
      booking('b1', '书法班', 18, 20, '2026-03-02T01:00:00Z'),
      booking('b2', '书法班', 12, 20, '2026-03-09T01:00:00Z'),
      booking('b3', '书法班', 6, null, '2026-03-16T01:00:00Z'),
      booking('b4', '健康讲座', 80, 100, '2026-03-05T06:00:00Z', 'r2'),
      row('none', 7, { label: '未登记活动', guests: 2 }),
    ]);
    expect(unbooked).toEqual({ visits: 7, members: 7, guests: 2 });
    expect(activities.map((a) => a.title)).toEqual(['书法班', '健康讲座']);
    const calligraphy = activities[0]!;
    expect(calligraphy.sessions).toBe(3);
    expect(calligraphy.attended).toBe(36);
    expect(calligraphy.perSession).toBe(12);
    expect(calligraphy.withExpected).toBe(2);
    expect(calligraphy.expectedPerSession).toBe(20);
    expect(calligraphy.rate).toBeCloseTo(30 / 40);
    expect(calligraphy.firstStart).toBe('2026-03-02T01:00:00Z');
    expect(calligraphy.lastStart).toBe('2026-03-16T01:00:00Z');
    expect(percent(calligraphy.rate)).toBe('75%');
    expect(activities[1]!.rate).toBeCloseTo(0.8);
  });

  it('keeps the same title in two rooms apart and says when nothing was expected', () => {
    const { activities } = activityAttendance([booking('b1', '合唱', 10, null, '2026-03-02T01:00:00Z', 'r1'), booking('b2', '合唱', 9, null, '2026-03-02T01:00:00Z', 'r2')]);
    expect(activities).toHaveLength(2);
    expect(activities[0]!.rate).toBeNull();
    expect(activities[0]!.expectedPerSession).toBeNull();
    expect(percent(null)).toBe('—');
  });
});

describe('tournament activity', () => {
  it('pivots month rows by sport, with every month of the range', () => {
    const pivot = tournamentPivot(
      [
        { key: '2026-03:table_tennis', sport: 'table_tennis', month: '2026-03', label: '乒乓球', tournaments: 1, matches: 6, participations: 12 },
        { key: '2026-03:gateball', sport: 'gateball', month: '2026-03', label: '门球', tournaments: 1, matches: 2, participations: 20 },
        { key: '2026-05:table_tennis', sport: 'table_tennis', month: '2026-05', label: '乒乓球', tournaments: 2, matches: 3, participations: 6 },
      ],
      { from: '2026-03-01', to: '2026-06-01' },
    );
    expect(pivot.months).toEqual(['2026-03', '2026-04', '2026-05']);
    expect(pivot.sports).toEqual(['gateball', 'table_tennis']);
    expect(pivot.cells.get('2026-03|table_tennis')?.matches).toBe(6);
    expect(pivot.cells.get('2026-04|table_tennis')).toBeUndefined();
    expect(pivot.bySport.get('table_tennis')).toEqual({ tournaments: 3, matches: 9, participations: 18 });
    expect(pivot.byMonth.get('2026-03')).toEqual({ tournaments: 2, matches: 8, participations: 32 });
  });
});

describe('the yearly summary', () => {
  const report: YearlyReport = {
    year: 2026,
    from: '2026-01-01',
    to: '2027-01-01',
    venues: [{ id: 'v1', name: '市老干部活动中心' }],
    visits: { visits: 130, members: 40, guests: 10 },
    months: [row('2026-01', 100), row('2026-07', 30)],
    categories: [
      row('veteran', 20, { members: 5 }),
      row('retired', 90, { members: 30 }),
      row('leader', 10, { members: 5 }),
      row('guest', 10, { members: 0, guests: 10 }),
    ],
    register: [
      { category: 'veteran', label: '离休干部', members: 8 },
      { category: 'retired', label: '退休干部', members: 60 },
      { category: 'leader', label: '原市级领导', members: 6 },
      { category: 'other', label: '其他会员', members: 2 },
    ],
    competitions: {
      tournaments: 2,
      matches: 9,
      participations: 40,
      sports: [
        { key: 'table_tennis', sport: 'table_tennis', label: '乒乓球', tournaments: 1, matches: 7, participations: 14 },
        { key: 'gateball', sport: 'gateball', label: '门球', tournaments: 1, matches: 2, participations: 26 },
      ],
    },
    activities: [
      { kind: 'class', label: '课程', sessions: 40, expected: 800, attendance: 600, members: 30 },
      { kind: 'exhibition', label: '展览', sessions: 2, expected: 0, attendance: 50, members: 20 },
      { kind: 'meeting', label: '会议', sessions: 3, expected: 0, attendance: 0, members: 0 },
      { kind: 'competition', label: '比赛', sessions: 1, expected: 0, attendance: 4, members: 4 },
    ],
  };

  it('gives the bureau\'s figures: visits, members by category, competitions, classes and lectures', () => {
    const sheet = yearlySheet(report);
    expect(sheet.visits).toBe(130);
    expect(sheet.guests).toBe(10);
    expect(sheet.members).toBe(40);
    expect(sheet.months[0]).toBe(100);
    expect(sheet.months[6]).toBe(30);
    expect(sheet.categories).toEqual([
      { category: 'veteran', registered: 8, served: 5, visits: 20 },
      { category: 'retired', registered: 60, served: 30, visits: 90 },
      { category: 'leader', registered: 6, served: 5, visits: 10 },
      { category: 'other', registered: 2, served: 0, visits: 0 },
    ]);
    expect(sheet.guestVisits).toBe(10);
    // Person-visits by category add up to the year's.
    expect(sheet.categories.reduce((s, c) => s + c.visits, 0) + sheet.guestVisits).toBe(sheet.visits);
    expect(sheet.competitions).toEqual({ tournaments: 2, matches: 9, participations: 40 });
    expect(sheet.sports.map((s) => s.sport)).toEqual(['gateball', 'table_tennis']);
    expect(sheet.classes).toEqual({ sessions: 40, attendance: 600 });
    expect(sheet.lectures).toEqual({ sessions: 0, attendance: 0 });
    expect(sheet.otherActivities).toEqual([{ kind: 'exhibition', label: '展览', sessions: 2, attendance: 50 }]);
  });
});

describe('the page around the data', () => {
  it('is reached at #/reports', () => {
    expect(parseHash('#/reports')).toBe('reports');
    expect(parseHash('#/reports/')).toBe('reports');
  });

  it('asks for CSV with the same query', () => {
    const path = visitsPath({ venueId: 'v 1', from: '2026-01-01', to: '2027-01-01', groupBy: 'month' });
    expect(path).toBe('/api/reports/visits?venueId=v+1&from=2026-01-01&to=2027-01-01&groupBy=month');
    expect(exportPath(path, 'csv')).toBe(`${path}&format=csv`);
    expect(exportPath('/api/reports/x', 'xlsx')).toBe('/api/reports/x?format=xlsx');
    expect(visitsPath({ venueId: undefined, from: 'a', to: 'b', groupBy: 'room' } as never)).not.toContain('venueId');
  });

  it('has every message in both languages, and the printed sheet in Chinese', () => {
    const keys = Object.keys(zhCN).filter((k) => k.startsWith('reports.'));
    expect(keys.length).toBeGreaterThan(50);
    for (const key of keys) expect(en[key as keyof typeof en], key).toBeTruthy();
    expect(zhCN['reports.sheet.title']).toBe('{year}年度统计报表');
    expect(zhCN['nav.reports']).toBe('统计报表');
  });
});
