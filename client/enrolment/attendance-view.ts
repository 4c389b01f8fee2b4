/**
 * One class's attendance as the 出勤 tab shows it, pure: the sessions held so far as columns (dated on the
 * venue's calendar), each student's row of ✓ and blanks with their count, and the students who missed the last
 * sessions in a row (the server flags them) first in a list to call, longest absent first.
 */
import { toVenueWall, wallDate } from '../calendar/zone.ts';
import { t } from '../lib/i18n.svelte.ts';
import type { AttendanceDto, AttendanceSession, AttendanceStudent } from './types.ts';

export interface AttendanceRow {
  student: AttendanceStudent;
  /** One per session held, in order: came or not. */
  cells: boolean[];
  attended: number;
  /** attended / sessions held; null before the first session. */
  rate: number | null;
}

export interface AttendanceGrid {
  held: AttendanceSession[];
  /** Sessions still to come. */
  upcoming: number;
  rows: AttendanceRow[];
  /** Flagged students, longest absence first. */
  toCall: AttendanceStudent[];
}

export function attendanceGrid(view: AttendanceDto): AttendanceGrid {
  const held = view.sessions.filter((s) => s.held);
  const rows = view.students.map((student) => {
    const came = new Set(student.attended);
    const cells = held.map((s) => came.has(s.bookingId));
    const attended = cells.filter(Boolean).length;
    return { student, cells, attended, rate: held.length > 0 ? attended / held.length : null };
  });
  const toCall = view.students
    .filter((s) => s.flagged)
    .sort((a, b) => b.absentStreak - a.absentStreak || (a.memberNo ?? '').localeCompare(b.memberNo ?? '') || a.name.localeCompare(b.name, 'zh-CN'));
  return { held, upcoming: view.sessions.length - held.length, rows, toCall };
}

/** A session's column head on the venue's calendar: "3/2" in Chinese, "2/3" in English (day first there). */
export function sessionDay(start: string, timeZone: string): string {
  const date = wallDate(toVenueWall(start, timeZone));
  return t('enrol.att.day', { month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) });
}

/** "42%" (whole percent), or "—" when there is nothing to count yet. */
export const percentText = (rate: number | null): string => (rate === null ? '—' : `${Math.round(rate * 100)}%`);
