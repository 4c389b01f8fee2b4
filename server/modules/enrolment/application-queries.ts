/** Applications: one per member and term, ranked choices (docs/enrolment.md "Applications"). */
import { sql, type Transaction } from 'kysely';
import type { Executor } from '../../db/executor.ts';
import type { DB } from '../../db/schema.ts';
import type { MemberCategory } from '../../shared/enums.ts';
import { uuids } from './array-queries.ts';

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
