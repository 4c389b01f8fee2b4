/**
 * After a term starts (docs/enrolment.md "After the start"): attendance per class session, taken from the check-ins
 * members make into the class's bookings at the kiosk or the desk, with students who missed several sessions in a
 * row flagged for a call; and the term report for the academic office and the bureau's yearly figures.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { localDateOf } from '../../shared/zoned-time.ts';
import { MEMBER_CATEGORIES } from '../../shared/enums.ts';
import { notFound } from '../../errors.ts';
import type { Principal } from '../auth/principal.ts';
import { findVenue } from '../venues/queries.ts';
import { ageOn } from './eligibility.ts';
import { toClass, toTerm } from './dto.ts';
import * as q from './queries.ts';
import { classesWithSeats, readableTerm } from './terms.ts';
import type { AttendanceDto, TermReportDto } from './schemas.ts';

/** Missed this many sessions in a row, up to the last one held: the office calls (a fall, an illness, a lost card). */
export const ABSENCE_FLAG_SESSIONS = 3;

const rate = (attended: number, expected: number) => (expected > 0 ? Math.round((attended / expected) * 1000) / 1000 : null);

export async function classAttendance(db: Kysely<DB>, principal: Principal | null, classId: string, now = new Date()): Promise<AttendanceDto> {
  const c = await q.findClass(db, classId);
  if (!c) throw notFound('The class');
  await readableTerm(db, principal, c.termId);
  const [sessions, students, visits] = await Promise.all([q.classSessions(db, classId), q.rosterOf(db, classId), q.classAttendance(db, classId)]);
  const held = sessions.filter((s) => new Date(s.start).getTime() < now.getTime());
  const came = new Map<string, Set<string>>();
  for (const v of visits) {
    if (!came.has(v.memberId)) came.set(v.memberId, new Set());
    came.get(v.memberId)!.add(v.bookingId);
  }
  const present = new Map<string, number>();
  for (const v of visits) present.set(v.bookingId, (present.get(v.bookingId) ?? 0) + 1);
  let attendedTotal = 0;
  const rows = students.map((s) => {
    const mine = came.get(s.memberId) ?? new Set<string>();
    const attended = held.filter((h) => mine.has(h.bookingId)).map((h) => h.bookingId);
    attendedTotal += attended.length;
    let absentStreak = 0;
    for (let i = held.length - 1; i >= 0 && !mine.has(held[i]!.bookingId); i -= 1) absentStreak += 1;
    return {
      placementId: s.placementId,
      memberId: s.memberId,
      name: s.name,
      memberNo: s.memberNo,
      phone: s.phone,
      attended,
      absentStreak,
      flagged: absentStreak >= ABSENCE_FLAG_SESSIONS,
    };
  });
  return {
    class: toClass(c),
    sessions: sessions.map((s) => ({
      bookingId: s.bookingId,
      start: new Date(s.start).toISOString(),
      end: new Date(s.end).toISOString(),
      held: new Date(s.start).getTime() < now.getTime(),
      present: present.get(s.bookingId) ?? 0,
    })),
    students: rows,
    rate: rate(attendedTotal, students.length * held.length),
  };
}

type Band = TermReportDto['admittedByAgeBand'][number]['band'];
const BANDS: Band[] = ['under_60', '60_69', '70_79', '80_plus', 'unknown'];
function bandOf(age: number | null): Band {
  if (age === null) return 'unknown';
  if (age < 60) return 'under_60';
  if (age < 70) return '60_69';
  if (age < 80) return '70_79';
  return '80_plus';
}

export async function termReport(db: Kysely<DB>, principal: Principal | null, termId: string, now = new Date()): Promise<TermReportDto> {
  const term = await readableTerm(db, principal, termId);
  const zone = (await findVenue(db, term.venueId))?.timezone ?? 'Asia/Shanghai';
  const [classes, students, attendance] = await Promise.all([classesWithSeats(db, termId), q.admittedStudents(db, termId), q.termAttendance(db, termId, now)]);

  const courses = new Map<string, TermReportDto['courses'][number]>();
  for (const c of classes) {
    const row = courses.get(c.course) ?? { course: c.course, classes: 0, capacity: 0, applicants: 0, firstChoice: 0, applicantsPerSeat: 0, admitted: 0, waitlisted: 0 };
    row.classes += 1;
    row.capacity += c.capacity;
    row.applicants += c.seats.applicants;
    row.firstChoice += c.seats.firstChoice;
    row.admitted += c.seats.admitted;
    row.waitlisted += c.seats.waitlisted;
    courses.set(c.course, row);
  }
  for (const row of courses.values()) row.applicantsPerSeat = row.capacity > 0 ? Math.round((row.firstChoice / row.capacity) * 100) / 100 : 0;

  // Ages on the day of the term's first session (or today, before there are classes).
  const firstStart = classes.map((c) => c.firstStart).sort()[0];
  const onDate = localDateOf(firstStart ? new Date(firstStart) : now, zone);
  const byCategory = new Map<string, number>();
  const byBand = new Map<Band, number>();
  for (const s of students) {
    byCategory.set(s.category, (byCategory.get(s.category) ?? 0) + 1);
    const band = bandOf(s.birthMonth ? ageOn(s.birthMonth, onDate) : null);
    byBand.set(band, (byBand.get(band) ?? 0) + 1);
  }

  const byClass = new Map(attendance.map((a) => [a.classId, a]));
  const classRows = classes.map((c) => {
    const a = byClass.get(c.id) ?? { admitted: 0, sessionsHeld: 0, attended: 0 };
    return { classId: c.id, course: c.course, name: c.name, admitted: a.admitted, sessionsHeld: a.sessionsHeld, attended: a.attended, rate: rate(a.attended, a.admitted * a.sessionsHeld) };
  });
  const expected = classRows.reduce((n, r) => n + r.admitted * r.sessionsHeld, 0);
  const attended = classRows.reduce((n, r) => n + r.attended, 0);
  return {
    term: toTerm(term),
    courses: [...courses.values()].sort((a, b) => b.applicantsPerSeat - a.applicantsPerSeat || a.course.localeCompare(b.course, 'zh-CN')),
    admittedByCategory: MEMBER_CATEGORIES.map((category) => ({ category, students: byCategory.get(category) ?? 0 })),
    admittedByAgeBand: BANDS.map((band) => ({ band, students: byBand.get(band) ?? 0 })),
    classes: classRows,
    attendance: { sessionsHeld: classRows.reduce((n, r) => n + r.sessionsHeld, 0), expected, attended, rate: rate(attended, expected) },
  };
}
