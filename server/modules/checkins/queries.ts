import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB, VisitEndReason } from '../../db/schema.ts';
import type { HeadcountDto, VisitDto } from './schemas.ts';

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

export interface CheckinRecord {
  key: string;
  venueId: string;
  memberId: string | null;
  guests: number;
  roomId: string | null;
  bookingId: string | null;
  deviceId: string | null;
  createdBy: string | null;
}

/** `checkin_record` (migration 202611291410): the check-in's writes and events in one statement. */
export async function recordCheckin(db: Executor, r: CheckinRecord): Promise<{ visit: VisitDto; moved: VisitDto | null; headcount: HeadcountDto }> {
  const result = await sql<{ recorded: { visit: VisitDto; moved: VisitDto | null; headcount: HeadcountDto } }>`
    select checkin_record(${r.key}::uuid, ${r.venueId}::uuid, ${r.memberId}::uuid, ${r.guests}::int, ${r.roomId}::uuid,
                          ${r.bookingId}::uuid, ${r.deviceId}::uuid, ${r.createdBy}::uuid) as recorded`.execute(db);
  const recorded = result.rows[0]?.recorded;
  if (!recorded) throw new Error('checkin_record returned nothing');
  return recorded;
}
