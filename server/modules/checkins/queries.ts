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

export interface CheckinContext {
  member: { id: string; name: string } | null;
  /** The visit this Idempotency-Key already made, if any (a retry). */
  earlier: VisitDto | null;
  room: { venueId: string } | null;
  booking: { venueId: string; roomId: string; status: string } | null;
}

/**
 * Everything a check-in must look up before writing, in one round trip: the member (by card, any case, or
 * by id; current members only), an earlier visit made with the same key, the room and the booking.
 */
export async function checkinContext(
  db: Executor,
  r: { key: string; memberCode?: string | undefined; memberId?: string | undefined; roomId: string | null; bookingId: string | null },
): Promise<CheckinContext> {
  // Written out per case, so that each uses its index (upper(card_code), or the primary key).
  const whichMember =
    r.memberCode !== undefined ? sql`upper(m.card_code) = ${r.memberCode.trim().toUpperCase()}`
    : r.memberId !== undefined ? sql`m.id = ${r.memberId}::uuid`
    : sql`false`;
  const result = await sql<CheckinContext>`
    select
      (select jsonb_build_object('id', m.id, 'name', m.name) from members m
        where m.removed_at is null
          and ${whichMember}
        limit 1) as member,
      (select visit_json(v) from checkin_keys k join visits v on v.id = k.visit_id where k.idempotency_key = ${r.key}::uuid) as earlier,
      (select jsonb_build_object('venueId', ro.venue_id) from rooms ro where ro.id = ${r.roomId}::uuid) as room,
      (select jsonb_build_object('venueId', b.venue_id, 'roomId', b.room_id, 'status', b.status) from bookings b where b.id = ${r.bookingId}::uuid) as booking`.execute(db);
  const row = result.rows[0];
  if (!row) throw new Error('checkinContext returned no row');
  return row;
}
