import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB, VisitEndReason } from '../../db/schema.ts';

type Executor = Kysely<DB> | Transaction<DB>;

const visitColumns = [
  'visits.id',
  'visits.memberId',
  'visits.venueId',
  'visits.roomId',
  'visits.bookingId',
  'visits.guests',
  'visits.checkedInAt',
  'visits.checkedOutAt',
  'visits.endedReason',
] as const;

export function findVisit(db: Executor, id: string) {
  return db.selectFrom('visits').select([...visitColumns]).where('visits.id', '=', id).executeTakeFirst();
}

export function lockVisit(trx: Transaction<DB>, id: string) {
  return trx.selectFrom('visits').select([...visitColumns]).where('visits.id', '=', id).forUpdate().executeTakeFirst();
}

export function findVisitByKey(db: Executor, key: string) {
  return db
    .selectFrom('checkinKeys')
    .innerJoin('visits', 'visits.id', 'checkinKeys.visitId')
    .select([...visitColumns])
    .where('checkinKeys.idempotencyKey', '=', key)
    .executeTakeFirst();
}

export function lockOpenVisitOfMember(trx: Transaction<DB>, memberId: string) {
  return trx
    .selectFrom('visits')
    .select([...visitColumns])
    .where('visits.memberId', '=', memberId)
    .where('visits.checkedOutAt', 'is', null)
    .forUpdate()
    .executeTakeFirst();
}

export function insertVisit(
  trx: Transaction<DB>,
  visit: { venueId: string; memberId: string | null; guests: number; roomId: string | null; bookingId: string | null; deviceId: string | null; createdBy: string | null },
) {
  return trx.insertInto('visits').values(visit).returning([...visitColumns]).executeTakeFirstOrThrow();
}

export function recordKey(trx: Transaction<DB>, key: string, visitId: string) {
  return trx.insertInto('checkinKeys').values({ idempotencyKey: key, visitId }).execute();
}

export function endVisit(trx: Transaction<DB>, id: string, reason: VisitEndReason, at?: Date) {
  return trx
    .updateTable('visits')
    .set({ checkedOutAt: at ? at.toISOString() : sql`now()`, endedReason: reason })
    .where('id', '=', id)
    .where('checkedOutAt', 'is', null)
    .returning([...visitColumns])
    .executeTakeFirst();
}

/** Open visits that began before `before` in a venue: what closing time must end. */
export function openVisitsBefore(db: Executor, venueId: string, before: Date) {
  return db
    .selectFrom('visits')
    .select([...visitColumns])
    .where('visits.venueId', '=', venueId)
    .where('visits.checkedOutAt', 'is', null)
    .where('visits.checkedInAt', '<', before)
    .execute();
}

/** People in each room now, from the committed open visits (a member counts 1 plus the guests they brought). */
export async function headcountRows(db: Executor, venueId: string) {
  const rooms = await sql<{ roomId: string; capacity: number; count: number }>`
    select r.id as "roomId", r.capacity,
           coalesce(sum(case when v.member_id is null then v.guests else 1 + v.guests end), 0)::int as count
      from rooms r
      left join visits v on v.room_id = r.id and v.checked_out_at is null
     where r.venue_id = ${venueId}
     group by r.id, r.capacity, r.name
     order by r.name`.execute(db);
  const total = await sql<{ total: number }>`
    select coalesce(sum(case when member_id is null then guests else 1 + guests end), 0)::int as total
      from visits where venue_id = ${venueId} and checked_out_at is null`.execute(db);
  return { rooms: rooms.rows, total: total.rows[0]?.total ?? 0 };
}
