/**
 * The enrolment module's SQL, in files by what they hold: terms, classes and members here; applications,
 * placements, draws with the seat board's marks, and attendance beside it (re-exported below, so services
 * read them all as `q.`). Services call these and never Kysely themselves. Arrays (choices, categories) travel as JSON and are
 * turned into PostgreSQL arrays here, so both drivers (pg and PGlite) see the same text.
 */
import { sql, type Transaction } from 'kysely';
import type { Executor } from '../../db/executor.ts';
import type { DB, TermClassesTable } from '../../db/schema.ts';
import type { MemberCategory, TermMode } from '../../shared/enums.ts';
import { texts, uuids } from './array-queries.ts';


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

export * from './application-queries.ts';
export * from './placement-queries.ts';
export * from './draw-queries.ts';
export * from './attendance-queries.ts';
