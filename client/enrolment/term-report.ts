/**
 * The term report (学期报表) as the office reads, prints and files it, pure: the headline figures, the words
 * for age bands, bar lengths, and the CSV file (in the form of the server's exports, server/lib/csv.ts: UTF-8
 * with a byte-order mark for Excel in China, CRLF, every cell quoted, a cell a spreadsheet would run as a
 * formula kept as text). The report holds counts only, no names: the browser may write the file itself.
 */
import { t } from '../lib/i18n.svelte.ts';
import { categoryLabel } from '../members/labels.ts';
import { percentText } from './attendance-view.ts';
import type { AgeBand, TermReportDto } from './types.ts';

export const bandLabel = (band: AgeBand): string => t(`enrol.report.band.${band}`);

export interface ReportTotals {
  classes: number;
  capacity: number;
  /** Distinct students admitted (a student in two classes counts once). */
  students: number;
  /** Seats admitted (a student in two classes counts twice). */
  seats: number;
  waitlisted: number;
}

export function reportTotals(report: TermReportDto): ReportTotals {
  const sum = (pick: (c: TermReportDto['courses'][number]) => number) => report.courses.reduce((n, c) => n + pick(c), 0);
  return {
    classes: sum((c) => c.classes),
    capacity: sum((c) => c.capacity),
    students: report.admittedByCategory.reduce((n, c) => n + c.students, 0),
    seats: sum((c) => c.admitted),
    waitlisted: sum((c) => c.waitlisted),
  };
}

/** Each value's share of the largest (0–1), for bars; all 0 when there is nothing. */
export function shares(values: readonly number[]): number[] {
  const top = Math.max(0, ...values);
  return values.map((v) => (top > 0 ? v / top : 0));
}

/** "1.33": first choices per seat, two decimals as the server rounds them. */
export const perSeatText = (value: number): string => value.toFixed(2);

// ---- CSV

const BOM = '\uFEFF';

function cell(value: string | number | null): string {
  let text = value === null ? '' : String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}
const line = (cells: ReadonlyArray<string | number | null>): string => `${cells.map(cell).join(',')}\r\n`;

/** The whole report in one file: a title, then each table under its heading, separated by a blank line. */
export function reportCsv(report: TermReportDto, venueName: string): string {
  const rows: Array<ReadonlyArray<string | number | null>> = [
    [t('enrol.report.title'), report.term.name],
    [t('enrol.venue'), venueName],
    [],
    [t('enrol.report.courses')],
    [
      t('enrol.class.course'),
      t('enrol.report.classes'),
      t('enrol.class.capacity'),
      t('enrol.seats.applicants'),
      t('enrol.seats.firstChoice'),
      t('enrol.report.perSeat'),
      t('enrol.seats.admitted'),
      t('enrol.seats.waitlisted'),
    ],
    ...report.courses.map((c) => [c.course, c.classes, c.capacity, c.applicants, c.firstChoice, perSeatText(c.applicantsPerSeat), c.admitted, c.waitlisted]),
    [],
    [t('enrol.report.byCategory')],
    [t('enrol.roster.category'), t('enrol.report.students')],
    ...report.admittedByCategory.map((c) => [categoryLabel(c.category), c.students]),
    [],
    [t('enrol.report.byAge')],
    [t('enrol.report.ageBand'), t('enrol.report.students')],
    ...report.admittedByAgeBand.map((b) => [bandLabel(b.band), b.students]),
    [],
    [t('enrol.report.attendance')],
    [t('enrol.class.course'), t('enrol.class.name'), t('enrol.report.students'), t('enrol.report.sessionsHeld'), t('enrol.report.attended'), t('enrol.report.rate')],
    ...report.classes.map((c) => [c.course, c.name, c.admitted, c.sessionsHeld, c.attended, percentText(c.rate)]),
    [t('enrol.report.overall'), null, null, report.attendance.sessionsHeld, report.attendance.attended, percentText(report.attendance.rate)],
  ];
  return BOM + rows.map(line).join('');
}

/** "2027 年春季学期-学期报表.csv", without characters a file system refuses. */
export const reportFileName = (termName: string): string => `${termName.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '_').trim()}-${t('enrol.report.title')}.csv`;
