import { sql, type Transaction } from 'kysely';
import type { Executor } from '../../db/executor.ts';
import type { DB, VisitEndReason } from '../../db/schema.ts';
import type { CheckinEvents } from './events.ts';
import type { HeadcountDto, VisitDto } from './schemas.ts';

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
  memberCode: string | null;
  memberId: string | null;
  guests: number;
  roomId: string | null;
  bookingId: string | null;
  deviceId: string | null;
  createdBy: string | null;
}

export type CheckinRefusal = 'device_revoked' | 'member_not_found' | 'key_reused' | 'booking_not_found' | 'room_not_booking_room' | 'room_not_found';

export interface CheckinRecorded {
  error?: undefined;
  movedFrom?: undefined;
  replayed?: boolean;
  visit: VisitDto;
  moved: VisitDto | null;
  member: { id: string; name: string } | null;
  headcount: HeadcountDto;
}

export type CheckinOutcome =
  | { error: CheckinRefusal; field?: string; movedFrom?: undefined }
  /** The member's open visit is at this other venue, whose events were not given: nothing was written. */
  | { error?: undefined; movedFrom: string }
  | CheckinRecorded;

/**
 * `checkin_record` (server/db/functions/checkin_record.sql): the whole check-in in one statement, appending
 * the `events` it is given (events.ts), or why it was refused.
 */
/** In a write's transaction, or alone as a one-statement write (it appends its own events). */
export async function recordCheckin(trx: Executor, r: CheckinRecord, events: CheckinEvents): Promise<CheckinOutcome> {
  const result = await sql<{ outcome: CheckinOutcome }>`
    select checkin_record(${r.key}::uuid, ${r.venueId}::uuid, ${r.memberCode}::text, ${r.memberId}::uuid, ${r.guests}::int,
                          ${r.roomId}::uuid, ${r.bookingId}::uuid, ${r.deviceId}::uuid, ${r.createdBy}::uuid,
                          ${JSON.stringify(events)}::jsonb) as outcome`.execute(trx);
  const outcome = result.rows[0]?.outcome;
  if (!outcome) throw new Error('checkin_record returned nothing');
  return outcome;
}

/** `venue_headcount` (server/db/functions/venue_headcount.sql): who is in the venue now. */
export async function venueHeadcount(db: Executor, venueId: string): Promise<HeadcountDto> {
  const result = await sql<{ headcount: HeadcountDto }>`select venue_headcount(${venueId}::uuid) as headcount`.execute(db);
  const headcount = result.rows[0]?.headcount;
  if (!headcount) throw new Error(`venue_headcount returned nothing for ${venueId}`);
  return headcount;
}
