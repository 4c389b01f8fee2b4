/**
 * The enrolment module's SQL: terms, classes, applications, placements, draws and the seat board's change
 * marks. Services call these and never Kysely themselves. Arrays (choices, categories) travel as JSON and are
 * turned into PostgreSQL arrays here, so both drivers (pg and PGlite) see the same text.
 */
import { sql, type Transaction } from 'kysely';
import type { Executor } from '../../db/executor.ts';
import type { DB, TermClassesTable } from '../../db/schema.ts';
import type { MemberCategory, PlacementSource, PlacementStatus, TermMode, WithdrawnReason } from '../../shared/enums.ts';

const uuids = (ids: readonly string[]) => sql<string[]>`array(select jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb)::uuid)`;
const texts = <T extends string>(values: readonly T[]) => sql<T[]>`array(select jsonb_array_elements_text(${JSON.stringify(values)}::jsonb))`;

// ---- terms

const termColumns = [
  'terms.id', 'terms.venueId', 'terms.name', 'terms.mode', 'terms.renewFrom', 'terms.renewUntil', 'terms.applyFrom', 'terms.applyUntil',
  'terms.classesPerMember', 'terms.choicesPerApplication', 'terms.offerHours', 'terms.payUntil', 'terms.seedHash', 'terms.drawnAt',
] as const;

function termSelect(db: Executor) {
  return db
    .selectFrom('terms')
    .select([...termColumns])
    .select(sql<MemberCategory[]>`array_to_json(terms.priority_categories)`.as('priorityCategories'))
    .select((eb) => eb.selectFrom('enrolmentApplications').whereRef('enrolmentApplications.termId', '=', 'terms.id').select(eb.fn.countAll<string>().as('n')).as('applications'));
}

export type TermRow = NonNullable<Awaited<ReturnType<typeof findTerm>>>;

export function findTerm(db: Executor, id: string) {
  return termSelect(db).where('terms.id', '=', id).executeTakeFirst();
}

export function listTerms(db: Executor, venueId: string) {
  return termSelect(db).where('terms.venueId', '=', venueId).orderBy('terms.applyFrom', 'desc').execute();
}

/**
 * The term row locked, in one statement: `update` for a change of the term itself (the draw, a redo, a window
 * moved), `share` for an application. `applications` is not counted here (it is the busiest path of a rush).
 */
export async function lockTerm(trx: Transaction<DB>, id: string, mode: 'update' | 'share'): Promise<TermRow | undefined> {
  const q = trx
    .selectFrom('terms')
    .select([...termColumns])
    .select(sql<MemberCategory[]>`array_to_json(terms.priority_categories)`.as('priorityCategories'))
    .select(sql<string>`'0'`.as('applications'))
    .where('terms.id', '=', id);
  return (mode === 'update' ? q.forUpdate() : q.forShare()).executeTakeFirst();
}

export function termSecret(db: Executor, id: string) {
  return db.selectFrom('terms').select(['secret', 'seedHash']).where('id', '=', id).executeTakeFirstOrThrow();
}

export interface NewTerm {
  venueId: string;
  name: string;
  mode: TermMode;
  renewFrom: string | null;
  renewUntil: string | null;
  applyFrom: string;
  applyUntil: string;
  classesPerMember: number;
  choicesPerApplication: number;
  priorityCategories: readonly MemberCategory[];
  offerHours: number;
  payUntil: string | null;
  secret: string;
  seedHash: string;
  createdBy: string | null;
}

export async function insertTerm(trx: Transaction<DB>, t: NewTerm): Promise<string> {
  const row = await trx
    .insertInto('terms')
    .values({ ...t, priorityCategories: texts(t.priorityCategories) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export type TermChanges = Partial<Omit<NewTerm, 'venueId' | 'mode' | 'createdBy'> & { drawnAt: Date | null }>;

export async function updateTerm(trx: Transaction<DB>, id: string, changes: TermChanges): Promise<void> {
  const { priorityCategories, ...rest } = changes;
  await trx
    .updateTable('terms')
    .set({ ...rest, updatedAt: sql`now()`, ...(priorityCategories ? { priorityCategories: texts(priorityCategories) } : {}) })
    .where('id', '=', id)
    .execute();
}

// ---- classes

const classColumns = [
  'termClasses.id', 'termClasses.termId', 'termClasses.name', 'termClasses.course', 'termClasses.teacher', 'termClasses.level',
  'termClasses.feeCents', 'termClasses.roomId', 'termClasses.capacity', 'termClasses.firstStart', 'termClasses.firstEnd',
  'termClasses.rrule', 'termClasses.seriesId', 'termClasses.minAgeFemale', 'termClasses.minAgeMale', 'termClasses.maxAge',
  'termClasses.continuesClassId', 'termClasses.taken', 'termClasses.waitlistSeq',
] as const;

function classSelect(db: Executor) {
  return db
    .selectFrom('termClasses')
    .select([...classColumns])
    .select(sql<MemberCategory[] | null>`array_to_json(term_classes.categories)`.as('categories'));
}

export type ClassRow = NonNullable<Awaited<ReturnType<typeof findClass>>>;

export function findClass(db: Executor, id: string) {
  return classSelect(db).where('termClasses.id', '=', id).executeTakeFirst();
}

export function listClasses(db: Executor, termId: string) {
  return classSelect(db).where('termClasses.termId', '=', termId).orderBy('termClasses.course').orderBy('termClasses.name').orderBy('termClasses.id').execute();
}

/** The classes locked in id order (the one order every writer takes them in, so two writers never deadlock), in one statement. */
export function lockClasses(trx: Transaction<DB>, ids: readonly string[]): Promise<ClassRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return classSelect(trx).where('termClasses.id', 'in', [...ids]).orderBy('termClasses.id').forUpdate().execute();
}

/** The named classes that belong to the term (fewer than asked: some are not of this term). */
export function classesOfTerm(db: Executor, termId: string, ids: readonly string[]): Promise<ClassRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return classSelect(db).where('termClasses.termId', '=', termId).where('termClasses.id', 'in', [...ids]).execute();
}

export type NewClass = Omit<TermClassesTable, 'id' | 'taken' | 'waitlistSeq' | 'createdAt' | 'categories' | 'firstStart' | 'firstEnd' | 'feeCents'> & {
  firstStart: Date;
  firstEnd: Date;
  feeCents: number;
  categories: readonly MemberCategory[] | null;
};

export async function insertClass(trx: Transaction<DB>, c: NewClass): Promise<string> {
  const { categories, ...rest } = c;
  const row = await trx
    .insertInto('termClasses')
    .values({ ...rest, categories: categories ? texts(categories) : null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export type ClassChanges = Partial<Pick<NewClass, 'name' | 'course' | 'teacher' | 'level' | 'feeCents' | 'capacity' | 'minAgeFemale' | 'minAgeMale' | 'maxAge' | 'categories'>>;

export async function updateClass(trx: Transaction<DB>, id: string, changes: ClassChanges): Promise<void> {
  const { categories, ...rest } = changes;
  if (Object.keys(changes).length === 0) return;
  await trx
    .updateTable('termClasses')
    .set({ ...rest, ...(categories !== undefined ? { categories: categories ? texts(categories) : null } : {}) })
    .where('id', '=', id)
    .execute();
}

/** Hands out the next `count` waiting-list numbers of a class; returns the first. The class row must be locked. */
export async function takeQueueNumbers(trx: Transaction<DB>, classId: string, count: number): Promise<number> {
  const row = await trx
    .updateTable('termClasses')
    .set((eb) => ({ waitlistSeq: eb('waitlistSeq', '+', count) }))
    .where('id', '=', classId)
    .returning('waitlistSeq')
    .executeTakeFirstOrThrow();
  return row.waitlistSeq - count + 1;
}

export async function setQueueNumbers(trx: Transaction<DB>, last: ReadonlyMap<string, number>): Promise<void> {
  if (last.size === 0) return;
  const rows = JSON.stringify([...last].map(([id, n]) => ({ id, n })));
  await sql`update term_classes c set waitlist_seq = greatest(c.waitlist_seq, r.n)
    from jsonb_to_recordset(${rows}::jsonb) as r(id uuid, n int) where c.id = r.id`.execute(trx);
}

/** Per class of the term: seats held by status, and how many applications name it (at all, and first). */
export async function seatCounts(db: Executor, termId: string) {
  const result = await sql<{ classId: string; capacity: number; admitted: number; waitlisted: number; offered: number; applicants: number; firstChoice: number }>`
    select c.id as "classId", c.capacity,
      coalesce(p.admitted, 0)::int as admitted, coalesce(p.waitlisted, 0)::int as waitlisted, coalesce(p.offered, 0)::int as offered,
      coalesce(a.applicants, 0)::int as applicants, coalesce(a.first_choice, 0)::int as "firstChoice"
    from term_classes c
    left join (
      select class_id, count(*) filter (where status = 'admitted') admitted, count(*) filter (where status = 'waitlisted') waitlisted,
             count(*) filter (where status = 'offered') offered
      from placements where term_id = ${termId} group by class_id) p on p.class_id = c.id
    left join (
      select choice, count(*) applicants, count(*) filter (where rank = 1) first_choice
      from enrolment_applications ea, unnest(ea.choices) with ordinality as u(choice, rank)
      where ea.term_id = ${termId} group by choice) a on a.choice = c.id
    where c.term_id = ${termId}
    order by c.course, c.name, c.id`.execute(db);
  return result.rows;
}

// ---- members

export function memberForEnrolment(db: Executor, by: { memberId: string } | { memberCode: string }) {
  const q = db.selectFrom('members').select(['id', 'name', 'memberNo', 'gender', 'birthMonth', 'category']).where('removedAt', 'is', null);
  return ('memberId' in by ? q.where('id', '=', by.memberId) : q.where(sql<string>`upper(card_code)`, '=', by.memberCode.trim().toUpperCase())).executeTakeFirst();
}

export type EnrolmentMember = NonNullable<Awaited<ReturnType<typeof memberForEnrolment>>>;

export function memberCategories(db: Executor, memberIds: readonly string[]) {
  if (memberIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('members').select(['id', 'category']).where('id', '=', sql<string>`any(${uuids(memberIds)})`).execute();
}

// ---- applications

const applicationColumns = ['enrolmentApplications.id', 'enrolmentApplications.termId', 'enrolmentApplications.memberId', 'enrolmentApplications.channel', 'enrolmentApplications.createdAt', 'enrolmentApplications.updatedAt'] as const;

function applicationSelect(db: Executor) {
  return db
    .selectFrom('enrolmentApplications')
    .select([...applicationColumns])
    .select(sql<string[]>`array_to_json(enrolment_applications.choices)`.as('choices'));
}

export type ApplicationRow = NonNullable<Awaited<ReturnType<typeof findApplication>>>;

export function findApplication(db: Executor, id: string) {
  return applicationSelect(db).where('enrolmentApplications.id', '=', id).executeTakeFirst();
}

export function findApplicationByKey(db: Executor, termId: string, key: string) {
  return applicationSelect(db).where('enrolmentApplications.termId', '=', termId).where('enrolmentApplications.idempotencyKey', '=', key).executeTakeFirst();
}

export function findApplicationOfMember(db: Executor, termId: string, memberId: string) {
  return applicationSelect(db).where('enrolmentApplications.termId', '=', termId).where('enrolmentApplications.memberId', '=', memberId).executeTakeFirst();
}

export function listApplications(db: Executor, termId: string, classId?: string) {
  let q = applicationSelect(db)
    .innerJoin('members', 'members.id', 'enrolmentApplications.memberId')
    .select(['members.name as memberName', 'members.memberNo'])
    .where('enrolmentApplications.termId', '=', termId);
  if (classId) q = q.where(sql<string>`${classId}::uuid`, '=', sql<string>`any(enrolment_applications.choices)`);
  return q.orderBy('enrolmentApplications.createdAt').orderBy('enrolmentApplications.id').execute();
}

export async function insertApplication(
  trx: Transaction<DB>,
  a: { termId: string; memberId: string; choices: readonly string[]; idempotencyKey: string; channel: 'desk' | 'kiosk' | 'home' },
): Promise<string> {
  const row = await trx
    .insertInto('enrolmentApplications')
    .values({ ...a, choices: uuids(a.choices) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateApplicationChoices(trx: Transaction<DB>, id: string, choices: readonly string[]): Promise<void> {
  await trx.updateTable('enrolmentApplications').set({ choices: uuids(choices), updatedAt: sql`now()` }).where('id', '=', id).execute();
}

export async function deleteApplication(trx: Transaction<DB>, id: string): Promise<void> {
  await trx.deleteFrom('enrolmentApplications').where('id', '=', id).execute();
}

/** The term's applications for the draw, in no particular order (the draw orders them). */
export async function applicationsForDraw(db: Executor, termId: string) {
  const result = await sql<{ id: string; memberId: string; choices: string[]; category: MemberCategory }>`
    select ea.id, ea.member_id as "memberId", array_to_json(ea.choices) as choices, m.category
    from enrolment_applications ea join members m on m.id = ea.member_id
    where ea.term_id = ${termId}`.execute(db);
  return result.rows;
}

// ---- placements

/** A placement with its live waiting-list place (rank among those still waiting in the class). */
function placementSelect(db: Executor) {
  return db
    .selectFrom('placements as p')
    .innerJoin('members as m', 'm.id', 'p.memberId')
    .select([
      'p.id', 'p.termId', 'p.applicationId', 'p.memberId', 'p.classId', 'p.status', 'p.source', 'p.queueNo', 'p.offerExpiresAt', 'p.payBy',
      'p.paidAt', 'p.receiptNo', 'p.amountCents', 'p.withdrawnReason', 'm.name as memberName', 'm.memberNo',
    ])
    .select(
      sql<number | null>`case when p.status = 'waitlisted' then (select count(*)::int from placements w where w.class_id = p.class_id and w.status = 'waitlisted' and w.queue_no <= p.queue_no) end`.as(
        'position',
      ),
    );
}

export type PlacementRow = NonNullable<Awaited<ReturnType<typeof findPlacement>>>;

export function findPlacement(db: Executor, id: string) {
  return placementSelect(db).where('p.id', '=', id).executeTakeFirst();
}

export function listPlacements(db: Executor, termId: string, filter: { classId?: string; memberId?: string; ids?: readonly string[] } = {}) {
  let q = placementSelect(db).where('p.termId', '=', termId);
  if (filter.classId) q = q.where('p.classId', '=', filter.classId);
  if (filter.memberId) q = q.where('p.memberId', '=', filter.memberId);
  if (filter.ids) q = q.where('p.id', '=', sql<string>`any(${uuids(filter.ids)})`);
  return q.orderBy('p.classId').orderBy('p.status').orderBy('p.queueNo').orderBy('m.name').execute();
}

export async function lockPlacement(trx: Transaction<DB>, id: string) {
  const row = await trx.selectFrom('placements').select(['id', 'classId', 'termId']).where('id', '=', id).forUpdate().executeTakeFirst();
  return row ? findPlacement(trx, id) : undefined;
}

export interface NewPlacement {
  termId: string;
  classId: string;
  memberId: string;
  applicationId: string | null;
  status: 'admitted' | 'waitlisted';
  source: PlacementSource;
  queueNo: number | null;
  payBy: string | null;
}

/** Inserts many placements in one statement (a draw's thousands), so the seat triggers run once. Returns their ids in the same order. */
export async function insertPlacements(trx: Transaction<DB>, rows: readonly NewPlacement[]): Promise<string[]> {
  if (rows.length === 0) return [];
  const result = await sql<{ id: string; ord: number }>`
    insert into placements (term_id, class_id, member_id, application_id, status, source, queue_no, pay_by)
    select r.term_id, r.class_id, r.member_id, r.application_id, r.status, r.source, r.queue_no, r.pay_by
    from jsonb_to_recordset(${JSON.stringify(rows.map((r, ord) => ({
      term_id: r.termId, class_id: r.classId, member_id: r.memberId, application_id: r.applicationId, status: r.status, source: r.source,
      queue_no: r.queueNo, pay_by: r.payBy, ord,
    })))}::jsonb) as r(term_id uuid, class_id uuid, member_id uuid, application_id uuid, status text, source text, queue_no int, pay_by timestamptz, ord int)
    order by r.ord
    returning id`.execute(trx);
  return result.rows.map((r) => r.id);
}

export async function setPlacementStatus(
  trx: Transaction<DB>,
  id: string,
  change: { status: PlacementStatus; withdrawnReason?: WithdrawnReason | null; offerExpiresAt?: Date | null; payBy?: Date | null; queueNo?: number | null },
): Promise<void> {
  await trx
    .updateTable('placements')
    .set({ ...change, updatedAt: sql`now()` })
    .where('id', '=', id)
    .execute();
}

export async function recordPayment(trx: Transaction<DB>, id: string, p: { receiptNo: string; amountCents: number }): Promise<void> {
  await trx.updateTable('placements').set({ ...p, paidAt: sql`now()`, updatedAt: sql`now()` }).where('id', '=', id).execute();
}

/** The first `count` still waiting in a class, by their number, locked; skipped if another writer holds them. */
export function nextWaiting(trx: Transaction<DB>, classId: string, count: number) {
  return trx
    .selectFrom('placements')
    .select(['id', 'memberId'])
    .where('classId', '=', classId)
    .where('status', '=', 'waitlisted')
    .orderBy('queueNo')
    .limit(count)
    .forUpdate()
    .execute();
}

/** Offers whose time ran out and admitted seats whose payment deadline passed, locked (others' locked rows skipped). */
export function lapsedPlacements(trx: Transaction<DB>, limit: number) {
  return trx
    .selectFrom('placements')
    .select(['id', 'classId', 'termId', 'status'])
    .where((eb) =>
      eb.or([
        eb.and([eb('status', '=', 'offered'), eb('offerExpiresAt', '<=', sql<Date>`now()`)]),
        eb.and([eb('status', '=', 'admitted'), eb('paidAt', 'is', null), eb('payBy', '<=', sql<Date>`now()`)]),
      ]),
    )
    .limit(limit)
    .forUpdate()
    .skipLocked()
    .execute();
}

/** Removes the placements a draw made (a redo); the superseded draw keeps the record of them. */
export async function deleteDrawPlacements(trx: Transaction<DB>, termId: string): Promise<number> {
  const result = await trx.deleteFrom('placements').where('termId', '=', termId).where('source', '=', 'draw').executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function paidDrawPlacements(db: Executor, termId: string): Promise<number> {
  const row = await db
    .selectFrom('placements')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('termId', '=', termId)
    .where('source', '=', 'draw')
    .where('paidAt', 'is not', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** After a redo, waiting-list numbering restarts from what is left (returning students never wait). */
export async function resetQueueNumbers(trx: Transaction<DB>, termId: string): Promise<void> {
  await sql`update term_classes c set waitlist_seq = coalesce((select max(queue_no) from placements p where p.class_id = c.id), 0) where c.term_id = ${termId}`.execute(trx);
}

/** Members admitted (and not gone) in a class: who may confirm a seat in the class that continues it. */
export async function heldSeat(db: Executor, classId: string, memberId: string): Promise<boolean> {
  const row = await db
    .selectFrom('placements')
    .select('id')
    .where('classId', '=', classId)
    .where('memberId', '=', memberId)
    .where('status', '=', 'admitted')
    .executeTakeFirst();
  return row !== undefined;
}

/** Classes of the term where the member holds a returning student's seat (续报). */
export async function renewedClasses(db: Executor, termId: string, memberId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('placements')
    .select('classId')
    .where('termId', '=', termId)
    .where('memberId', '=', memberId)
    .where('source', '=', 'returning')
    .where('status', '<>', 'withdrawn')
    .execute();
  return rows.map((r) => r.classId);
}

export function placementsOfMember(db: Executor, termId: string, memberId: string) {
  return listPlacements(db, termId, { memberId });
}

export function rosterOf(db: Executor, classId: string) {
  return db
    .selectFrom('placements as p')
    .innerJoin('members as m', 'm.id', 'p.memberId')
    .select(['p.id as placementId', 'p.memberId', 'm.name', 'm.memberNo', 'm.gender', 'm.birthMonth', 'm.phone', 'm.category', 'p.paidAt', 'p.receiptNo'])
    .where('p.classId', '=', classId)
    .where('p.status', '=', 'admitted')
    .orderBy('m.namePinyin')
    .orderBy('m.name')
    .execute();
}

// ---- draws

export function liveDraw(db: Executor, termId: string) {
  return db
    .selectFrom('termDraws')
    .select(['id', 'round', 'published', 'drawnAt'])
    .where('termId', '=', termId)
    .where('supersededAt', 'is', null)
    .executeTakeFirst();
}

export async function lastDrawRound(db: Executor, termId: string): Promise<number> {
  const row = await db.selectFrom('termDraws').select((eb) => eb.fn.max('round').as('round')).where('termId', '=', termId).executeTakeFirst();
  return Number(row?.round ?? 0);
}

export async function insertDraw(
  trx: Transaction<DB>,
  d: { termId: string; round: number; secret: string; seedHash: string; publicNumber: string; seed: string; published: unknown; drawnBy: string | null },
): Promise<Date> {
  const row = await trx
    .insertInto('termDraws')
    .values({ ...d, published: JSON.stringify(d.published) })
    .returning('drawnAt')
    .executeTakeFirstOrThrow();
  return row.drawnAt;
}

export async function supersedeDraw(trx: Transaction<DB>, termId: string, reason: string): Promise<void> {
  await trx.updateTable('termDraws').set({ supersededAt: sql`now()`, supersededReason: reason }).where('termId', '=', termId).where('supersededAt', 'is', null).execute();
}

// ---- the seat board's change marks

export async function markSeatsChanged(trx: Transaction<DB>, termId: string): Promise<void> {
  await trx.insertInto('termSeatChanges').values({ termId }).execute();
}

/** Takes every mark committed so far (another process's flush takes the rest); the terms they name. */
export async function takeSeatChanges(trx: Transaction<DB>): Promise<string[]> {
  const result = await sql<{ termId: string }>`
    delete from term_seat_changes where ctid in (select ctid from term_seat_changes for update skip locked limit 10000)
    returning term_id as "termId"`.execute(trx);
  return [...new Set(result.rows.map((r) => r.termId))];
}

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
