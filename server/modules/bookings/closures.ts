/**
 * Venue closures (holidays, maintenance of a room). Occurrences of a new series skip them; a single booking
 * inside one is refused. A closure takes the venue row's lock exclusively while bookings take it shared, so
 * a booking and a closure written at the same moment cannot miss each other.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { AppError, notFound } from '../../errors.ts';
import { venueTopic } from '../../realtime/topics.ts';
import { write } from '../../realtime/write.ts';
import { bookingsCancelled } from '../audit/entries.ts';
import { canReadVenue, requirePrincipal, userOfVenue, type Principal } from '../auth/principal.ts';
import { findRoom, findVenue } from '../venues/queries.ts';
import * as cq from './closure-queries.ts';
import { toBooking, toClosure, toConflict } from './dto.ts';
import * as q from './queries.ts';
import { checkRange, checkSlot, parseInstant } from './rules.ts';
import type { CreateClosureInput } from './schemas.ts';

const DAY = 24 * 60 * 60 * 1000;

export async function listClosures(db: Kysely<DB>, principal: Principal | null, venueId: string, range: { from?: string; to?: string }) {
  const p = requirePrincipal(principal);
  if (!(await findVenue(db, venueId))) throw notFound('The venue');
  if (!canReadVenue(p, venueId)) throw new AppError('forbidden', 'You may not see this venue.');
  const from = range.from ? parseInstant(range.from, 'from') : new Date(Date.now() - 30 * DAY);
  const to = range.to ? parseInstant(range.to, 'to') : new Date(from.getTime() + 366 * DAY);
  checkRange(from, to);
  return (await cq.listClosures(db, venueId, from, to)).map(toClosure);
}

export async function createClosure(db: Kysely<DB>, principal: Principal | null, venueId: string, input: CreateClosureInput) {
  if (!(await findVenue(db, venueId))) throw notFound('The venue');
  const user = userOfVenue(principal, venueId);
  const start = parseInstant(input.start, 'start');
  const end = parseInstant(input.end, 'end');
  checkSlot(start, end);
  if (input.roomId) {
    const room = await findRoom(db, input.roomId);
    if (!room || room.venueId !== venueId) throw new AppError('not_found', 'The room was not found in this venue.', { field: 'roomId' });
  }
  return write(db, async ({ trx, emit, audit }) => {
    await q.exclusiveLockVenue(trx, venueId);
    const inside = await cq.bookingIdsInside(trx, venueId, input.roomId ?? null, start, end);
    if (inside.length > 0 && !input.cancelBookings) {
      const rows = await Promise.all(inside.map((id) => q.findBooking(trx, id)));
      const conflicts = rows.filter((r) => r !== undefined).map((r) => toConflict(r));
      throw new AppError('booking_conflict', `${conflicts.length} booking(s) fall inside this closure. Cancel them first, or close with cancelBookings.`, {
        conflicts,
      });
    }
    const cancelled = (await q.cancelBookings(trx, inside)).map(toBooking);
    const closure = toClosure(
      await cq.insertClosure(trx, { venueId, roomId: input.roomId ?? null, start, end, reason: input.reason.trim(), createdBy: user.userId }),
    );
    if (cancelled.length > 0) emit({ topic: venueTopic(venueId), type: 'booking.cancelled', data: { bookings: cancelled } });
    if (cancelled.length > 0) await audit(user, bookingsCancelled(cancelled[0]!, cancelled, { closureId: closure.id, reason: closure.reason }));
    emit({ topic: venueTopic(venueId), type: 'closure.created', data: { closure } });
    return { closure, cancelled };
  });
}

export async function deleteClosure(db: Kysely<DB>, principal: Principal | null, closureId: string): Promise<void> {
  const closure = await cq.findClosure(db, closureId);
  if (!closure) throw notFound('The closure');
  userOfVenue(principal, closure.venueId);
  await write(db, async ({ trx, emit }) => {
    await cq.deleteClosure(trx, closureId);
    emit({ topic: venueTopic(closure.venueId), type: 'closure.deleted', data: { closureId, venueId: closure.venueId } });
  });
}
