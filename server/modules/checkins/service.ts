/**
 * Check-in and check-out. Every request carries an Idempotency-Key made by the kiosk before its first try;
 * the key is unique in the database, so a retry, a duplicate from a flaky network, or two copies racing
 * all find the one visit the first made. A member has one open visit: checking in elsewhere ends the
 * earlier one (reason `moved`) in the same transaction.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import { AppError, notFound, validationFailed } from '../../errors.ts';
import { write, type Write } from '../../realtime/write.ts';
import { canManageVenue, requirePrincipal, type Principal } from '../auth/principal.ts';
import { findVenue } from '../venues/queries.ts';
import { checkinEnded, checkinEventsAt, headcountEvent, type CheckinEvents } from './events.ts';
import { computeHeadcount } from './headcount.ts';
import * as q from './queries.ts';
import type { CheckInInput, HeadcountDto, VisitDto } from './schemas.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type VisitRow = NonNullable<Awaited<ReturnType<typeof q.findVisit>>>;

export const toVisit = (v: VisitRow): VisitDto => ({
  id: v.id,
  memberId: v.memberId,
  venueId: v.venueId,
  roomId: v.roomId,
  bookingId: v.bookingId,
  guests: v.guests,
  checkedInAt: v.checkedInAt.toISOString(),
  checkedOutAt: v.checkedOutAt ? v.checkedOutAt.toISOString() : null,
  endedReason: v.endedReason,
});

/** Kiosks of the venue and its staff check people in; displays only watch. */
function requireCheckInRight(principal: Principal | null, venueId: string): Principal {
  const p = requirePrincipal(principal);
  if (p.kind === 'device') {
    if (p.deviceKind !== 'kiosk') throw new AppError('forbidden', 'A display screen cannot check people in.');
    if (p.venueId !== venueId) throw new AppError('forbidden', 'This kiosk belongs to another venue.');
    return p;
  }
  if (!canManageVenue(p, venueId)) throw new AppError('forbidden', 'You do not look after this venue.');
  return p;
}

export function parseIdempotencyKey(header: string | undefined): string {
  if (!header) throw validationFailed('Idempotency-Key', 'Send an Idempotency-Key header (a UUID made once per check-in) so that a retry is not counted twice.');
  if (!UUID.test(header.trim())) throw validationFailed('Idempotency-Key', 'The Idempotency-Key header must be a UUID.');
  return header.trim().toLowerCase();
}

export interface CheckInResult {
  visit: VisitDto;
  headcount: HeadcountDto;
  member: { id: string; name: string } | null;
  moved: VisitDto | null;
  replayed: boolean;
}

/** Publish the headcounts of the venues a change touched (computed when the events are numbered). */
function publishHeadcounts(emitLate: Write['emitLate'], venueIds: Iterable<string>): void {
  for (const venueId of new Set(venueIds)) emitLate(headcountEvent(venueId));
}

/**
 * `checkin_record` with the events of the check-in's venue, as a one-statement write: the statement appends
 * its own events and PostgreSQL runs it atomically, so the busiest write needs no BEGIN/COMMIT round trips.
 * A member whose open visit is at another venue needs that venue's events too: the statement then wrote
 * nothing and answered `movedFrom`, and the check-in is made again in a transaction with both venues' events.
 */
async function recordCheckin(db: Kysely<DB>, record: q.CheckinRecord): Promise<q.CheckinRecorded> {
  const events: CheckinEvents = { [record.venueId]: checkinEventsAt(record.venueId) };
  const alone = await write(db, { oneStatement: true }, ({ statement }) => q.recordCheckin(statement, record, events));
  if (alone.error !== undefined) throw refusal(alone.error, alone.field);
  if (alone.movedFrom === undefined) return alone;
  return write(db, ({ trx }) => recordMoving(trx, record, events));
}

/** The check-in of a member moving between venues, in the write's transaction (see recordCheckin). */
async function recordMoving(trx: Write['trx'], record: q.CheckinRecord, events: CheckinEvents): Promise<q.CheckinRecorded> {
  for (;;) {
    const outcome = await q.recordCheckin(trx, record, events);
    // A refusal wrote nothing; throwing ends the write with nothing to commit.
    if (outcome.error !== undefined) throw refusal(outcome.error, outcome.field);
    if (outcome.movedFrom === undefined) return outcome;
    if (events[outcome.movedFrom]) throw new Error(`checkin_record asked twice for the events of venue ${outcome.movedFrom}`);
    events[outcome.movedFrom] = checkinEventsAt(outcome.movedFrom);
  }
}

export async function checkIn(db: Kysely<DB>, principal: Principal | null, keyHeader: string | undefined, input: CheckInInput): Promise<CheckInResult> {
  const key = parseIdempotencyKey(keyHeader);
  // A kiosk of this very venue needs no lookup: its venue exists (the device row's foreign key says so).
  const ownKiosk = principal?.kind === 'device' && principal.venueId === input.venueId;
  if (!ownKiosk && !(await findVenue(db, input.venueId))) throw notFound('The venue');
  const p = requireCheckInRight(principal, input.venueId);
  if (input.memberCode !== undefined && input.memberId !== undefined) throw validationFailed('memberId', 'Send either memberCode or memberId, not both.');
  const guests = input.guests ?? 0;
  const hasMember = input.memberCode !== undefined || input.memberId !== undefined;
  if (!hasMember && guests === 0) throw validationFailed('guests', 'Say who is checking in: a member (memberCode or memberId) or a number of guests.');

  const record: q.CheckinRecord = {
    key,
    venueId: input.venueId,
    memberCode: input.memberCode ?? null,
    memberId: input.memberId ?? null,
    guests,
    roomId: input.roomId ?? null,
    bookingId: input.bookingId ?? null,
    deviceId: p.kind === 'device' ? p.deviceId : null,
    createdBy: p.kind === 'user' ? p.userId : null,
  };
  for (let attempt = 0; ; attempt += 1) {
    try {
      // The whole check-in is one statement (checkin_record, which appends its own events).
      const outcome = await recordCheckin(db, record);
      return { visit: outcome.visit, moved: outcome.moved, member: outcome.member, headcount: outcome.headcount, replayed: outcome.replayed === true };
    } catch (error) {
      // The same key racing in from two connections (the next try finds the other's visit and answers with
      // it), or the same member at two kiosks at once (the next try sees the other visit and moves it).
      if (!isUniqueViolation(error) || attempt >= 2) throw error;
    }
  }
}

/** The API's error for a refusal of checkin_record, in the words the kiosk shows. */
function refusal(error: q.CheckinRefusal, field: string | undefined): AppError {
  switch (error) {
    case 'device_revoked':
      return new AppError('unauthenticated', 'This device was unpaired by staff; ask them for a new pairing code.', { revoked: true });
    case 'member_not_found':
      return field === 'memberId'
        ? new AppError('member_not_found', 'This member was not found. Please ask at the front desk.', { field: 'memberId' })
        : new AppError('member_not_found', 'No member has this card. Please ask at the front desk.', { field: 'memberCode' });
    case 'key_reused':
      return new AppError('duplicate', 'This Idempotency-Key was already used for a different check-in; make a new key for each check-in.', {
        field: 'Idempotency-Key',
      });
    case 'booking_not_found':
      return new AppError('not_found', 'This activity was not found; it may have been cancelled.', { field: 'bookingId' });
    case 'room_not_booking_room':
      return validationFailed('roomId', 'The room is not the activity’s room.');
    case 'room_not_found':
      return new AppError('not_found', 'The room was not found in this venue.', { field: 'roomId' });
  }
}

export async function checkOut(db: Kysely<DB>, principal: Principal | null, visitId: string): Promise<{ visit: VisitDto; headcount: HeadcountDto }> {
  const existing = await q.findVisit(db, visitId);
  if (!existing) throw notFound('The visit');
  requireCheckInRight(principal, existing.venueId);
  const visit = await write(db, async ({ trx, emit, emitLate }) => {
    const locked = await q.lockVisit(trx, visitId);
    // Already ended (checked out, moved or closed): checking out again changes nothing.
    if (!locked || locked.checkedOutAt) return toVisit(locked ?? existing);
    const ended = toVisit((await q.endVisit(trx, visitId, 'checkout'))!);
    emit(checkinEnded(ended));
    publishHeadcounts(emitLate, [ended.venueId]);
    return ended;
  });
  return { visit, headcount: await computeHeadcount(db, existing.venueId) };
}

/** Ends visits still open at closing time (closing.ts decides when), in the write `w`: one per venue. */
export async function closeVisits({ trx, emit, emitLate }: Write, venueId: string, rows: Array<{ id: string; at: Date }>) {
  const ended: VisitDto[] = [];
  for (const row of rows) {
    const visit = await q.endVisit(trx, row.id, 'closing', row.at);
    if (visit) ended.push(toVisit(visit));
  }
  for (const visit of ended) emit(checkinEnded(visit));
  if (ended.length > 0) publishHeadcounts(emitLate, [venueId]);
  return ended;
}
