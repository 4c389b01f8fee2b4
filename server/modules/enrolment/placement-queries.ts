/** Placements: seats, waiting lists, offers, payments and rosters (docs/enrolment.md "Placements"). */
import { sql, type Transaction } from 'kysely';
import type { Executor } from '../../db/executor.ts';
import type { DB } from '../../db/schema.ts';
import type { PlacementSource, PlacementStatus, WithdrawnReason } from '../../shared/enums.ts';
import { uuids } from './array-queries.ts';

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
