import { describe, expect, it } from 'vitest';
import { bandLabel, perSeatText, reportCsv, reportFileName, reportTotals, shares } from './term-report.ts';
import { aTerm } from './testing.ts';
import type { TermReportDto } from './types.ts';

const report: TermReportDto = {
  term: aTerm({ name: '2027 年春季学期' }),
  courses: [
    { course: '书法', classes: 2, capacity: 40, applicants: 90, firstChoice: 62, applicantsPerSeat: 1.55, admitted: 40, waitlisted: 30 },
    { course: '=HYPERLINK("x")', classes: 1, capacity: 20, applicants: 12, firstChoice: 8, applicantsPerSeat: 0.4, admitted: 12, waitlisted: 0 },
  ],
  admittedByCategory: [
    { category: 'veteran', students: 5 },
    { category: 'retired', students: 40 },
    { category: 'leader', students: 0 },
    { category: 'other', students: 4 },
  ],
  admittedByAgeBand: [
    { band: 'under_60', students: 3 },
    { band: '60_69', students: 30 },
    { band: '70_79', students: 14 },
    { band: '80_plus', students: 1 },
    { band: 'unknown', students: 1 },
  ],
  classes: [{ classId: 'c1', course: '书法', name: '书法初级一班', admitted: 20, sessionsHeld: 4, attended: 70, rate: 0.875 }],
  attendance: { sessionsHeld: 4, expected: 80, attended: 70, rate: 0.875 },
};

describe('term report', () => {
  it('adds up seats and counts each student once', () => {
    expect(reportTotals(report)).toEqual({ classes: 3, capacity: 60, students: 49, seats: 52, waitlisted: 30 });
  });

  it('sizes bars against the largest value, and names age bands', () => {
    expect(shares([5, 40, 0, 4])).toEqual([0.125, 1, 0, 0.1]);
    expect(shares([0, 0])).toEqual([0, 0]);
    expect(bandLabel('80_plus')).toBe('80 岁及以上');
    expect(perSeatText(1.5)).toBe('1.50');
  });

  it('writes a CSV for Excel: BOM, CRLF, quoted cells, formulas kept as text', () => {
    const csv = reportCsv(report, '市老年大学');
    expect(csv.startsWith('\uFEFF"学期报表","2027 年春季学期"\r\n"场馆","市老年大学"\r\n')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines).toContain('"书法","2","40","90","62","1.55","40","30"');
    expect(lines).toContain('"\'=HYPERLINK(""x"")","1","20","12","8","0.40","12","0"');
    expect(lines).toContain('"离休","5"');
    expect(lines).toContain('"60 岁以下","3"');
    expect(lines).toContain('"书法","书法初级一班","20","4","70","88%"');
    expect(lines).toContain('"合计","","","4","70","88%"');
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('names the file after the term, without characters a file system refuses', () => {
    expect(reportFileName('2027 年春季学期')).toBe('2027 年春季学期-学期报表.csv');
    expect(reportFileName('春/秋:学期')).toBe('春_秋_学期-学期报表.csv');
  });
});
