/** After the start: sessions, attendance, the term report's students and the yearly count. */
import { sql } from 'kysely';
import type { Executor } from '../../db/executor.ts';
import type { MemberCategory } from '../../shared/enums.ts';
import { uuids } from './array-queries.ts';

// ---- after the start: attendance and the term report

/** A class's sessions (its series' bookings still on the calendar), with how many of its students came to each. */
export async function classSessions(db: Executor, classId: string) {
  const result = await sql<{ bookingId: string; start: Date; end: Date; status: string }>`
    select b.id as "bookingId", lower(b.during) as start, upper(b.during) as "end", b.status
    from term_classes c join bookings b on b.series_id = c.series_id
    where c.id = ${classId} and b.status <> 'cancelled'
    order by lower(b.during)`.execute(db);
  return result.rows;
}

/** Which of the class's students checked in to which of its sessions (a kiosk or desk check-in into the booking). */
export async function classAttendance(db: Executor, classId: string) {
  const result = await sql<{ memberId: string; bookingId: string }>`
    select distinct v.member_id as "memberId", v.booking_id as "bookingId"
    from term_classes c
    join bookings b on b.series_id = c.series_id
    join visits v on v.booking_id = b.id
    join placements p on p.class_id = c.id and p.member_id = v.member_id and p.status = 'admitted'
    where c.id = ${classId}`.execute(db);
  return result.rows;
}

/** Per class of the term: students admitted and the student-sessions attended in sessions held before `now`. */
export async function termAttendance(db: Executor, termId: string, now: Date) {
  const result = await sql<{ classId: string; admitted: number; sessionsHeld: number; attended: number }>`
    select c.id as "classId",
      (select count(*)::int from placements p where p.class_id = c.id and p.status = 'admitted') as admitted,
      (select count(*)::int from bookings b where b.series_id = c.series_id and b.status <> 'cancelled' and lower(b.during) < ${now}) as "sessionsHeld",
      (select count(distinct (v.member_id, v.booking_id))::int from bookings b
         join visits v on v.booking_id = b.id
         join placements p on p.class_id = c.id and p.member_id = v.member_id and p.status = 'admitted'
       where b.series_id = c.series_id and b.status <> 'cancelled' and lower(b.during) < ${now}) as attended
    from term_classes c where c.term_id = ${termId}`.execute(db);
  return result.rows;
}

/** Admitted students of the term with what the report groups them by. */
export async function admittedStudents(db: Executor, termId: string) {
  const result = await sql<{ memberId: string; category: MemberCategory; birthMonth: string | null; gender: string | null }>`
    select distinct m.id as "memberId", m.category, m.birth_month as "birthMonth", m.gender
    from placements p join members m on m.id = p.member_id
    where p.term_id = ${termId} and p.status = 'admitted'`.execute(db);
  return result.rows;
}

/** Distinct students admitted in the venues' terms whose classes meet in [from, to): the yearly 在校学员. */
export async function studentsInYear(db: Executor, venueIds: readonly string[], from: Date, to: Date): Promise<{ students: number; terms: number }> {
  if (venueIds.length === 0) return { students: 0, terms: 0 };
  const result = await sql<{ students: number; terms: number }>`
    with active as (
      select distinct t.id from terms t
      join term_classes c on c.term_id = t.id
      join bookings b on b.series_id = c.series_id and b.status <> 'cancelled'
      where t.venue_id = any(${uuids(venueIds)}) and lower(b.during) >= ${from} and lower(b.during) < ${to})
    select (select count(distinct p.member_id)::int from placements p where p.term_id in (select id from active) and p.status = 'admitted') as students,
           (select count(*)::int from active) as terms`.execute(db);
  return result.rows[0] ?? { students: 0, terms: 0 };
}
