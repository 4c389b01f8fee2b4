/**
 * Changing bookings: one booking, or "this and following" / "all" of a series. Optimistic concurrency: the
 * caller sends the version it saw; a stale one gets 409 version_conflict with the current booking, and
 * nothing changes. A time change of a series moves every occurrence in scope the same way in the venue's
 * wall time (a 09:00 class moved to 10:00 is at 10:00 on each of its dates), all or nothing.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { pgErrorCode, PG } from '../../db/errors.ts';
import { AppError, notFound, validationFailed } from '../../errors.ts';
import { addDays, dayNumber, instantToZoned, zonedToInstant } from '../../shared/zoned-time.ts';
import { venueTopic } from '../../realtime/topics.ts';
import { write } from '../../realtime/write.ts';
import { bookingUpdated } from '../audit/entries.ts';
import { userOfVenue, type Principal } from '../auth/principal.ts';
import { findRoom, findVenue } from '../venues/queries.ts';
import { findClosuresFor } from './closure-queries.ts';
import { bookingConflict, toBooking, toClosure, toConflict, venueClosed } from './dto.ts';
import * as q from './queries.ts';
import { checkSlot, parseInstant } from './rules.ts';
import { occurrencesInScope } from './service.ts';
import type { BookingDto, UpdateBookingInput } from './schemas.ts';

type Planned = { row: q.BookingRow; change: q.BookingChange };

/** Where each occurrence goes: the target's move (day shift, new local time, new length) applied to each. */
function planMoves(target: q.BookingRow, rows: q.BookingRow[], input: UpdateBookingInput, timeZone: string, roomId: string): Planned[] {
  const newStart = input.start ? parseInstant(input.start, 'start') : target.start;
  const newEnd = input.end ? parseInstant(input.end, 'end') : input.start ? new Date(newStart.getTime() + (target.end.getTime() - target.start.getTime())) : target.end;
  checkSlot(newStart, newEnd);
  const timeChanged = newStart.getTime() !== target.start.getTime() || newEnd.getTime() !== target.end.getTime();
  const before = instantToZoned(target.start, timeZone);
  const after = instantToZoned(newStart, timeZone);
  const dayShift = dayNumber(after.date) - dayNumber(before.date);
  const durationMs = newEnd.getTime() - newStart.getTime();

  return rows.map((row) => {
    let start = row.start;
    let end = row.end;
    if (row.id === target.id) {
      start = newStart;
      end = newEnd;
    } else if (timeChanged) {
      start = zonedToInstant(addDays(instantToZoned(row.start, timeZone).date, dayShift), after.time, timeZone);
      end = new Date(start.getTime() + durationMs);
    }
    return {
      row,
      change: {
        roomId,
        start,
        end,
        title: input.title?.trim() || row.title,
        kind: input.kind ?? row.kind,
        expectedCount: input.expectedCount === undefined ? row.expectedCount : input.expectedCount,
        notes: input.notes === undefined ? row.notes : input.notes?.trim() || null,
      },
    };
  });
}

export async function updateBooking(
  db: Kysely<DB>,
  principal: Principal | null,
  bookingId: string,
  input: UpdateBookingInput,
): Promise<{ booking: BookingDto; bookings: BookingDto[] }> {
  const existing = await q.findBooking(db, bookingId);
  if (!existing) throw notFound('The booking');
  const user = userOfVenue(principal, existing.venueId);
  const venue = (await findVenue(db, existing.venueId))!;
  const roomId = input.roomId ?? existing.roomId;
  if (input.roomId && input.roomId !== existing.roomId) {
    const room = await findRoom(db, input.roomId);
    if (!room) throw new AppError('not_found', 'The room was not found; it may have been removed.', { field: 'roomId' });
    if (room.venueId !== existing.venueId) throw validationFailed('roomId', 'A booking can only move to a room of the same venue.');
  }
  if (input.title !== undefined && !input.title.trim()) throw validationFailed('title', 'The title may not be empty.');

  try {
    return await write(db, async ({ trx, emit, audit }) => {
      await q.shareLockVenue(trx, venue.id);
      const target = (await q.lockBooking(trx, bookingId))!;
      if (target.version !== input.version) {
        throw new AppError('version_conflict', 'Someone else changed this booking meanwhile; here is how it is now.', { current: toBooking(target) });
      }
      if (target.status === 'cancelled') throw new AppError('conflict', 'This booking was cancelled; it can no longer be changed.');
      const rows = await occurrencesInScope(trx, target, input.scope ?? 'this');
      const planned = planMoves(target, rows, input, venue.timezone, roomId);
      const slots = planned.map((p) => ({ start: p.change.start, end: p.change.end }));
      const ids = planned.map((p) => p.row.id);
      const [clashes, closures] = await Promise.all([q.findClashes(trx, roomId, slots, ids), findClosuresFor(trx, venue.id, roomId, slots)]);
      const series = planned.length > 1;
      if (closures.length > 0) throw venueClosed([...new Map(closures.map((c) => [c.id, toClosure(c)])).values()]);
      if (clashes.length > 0) throw bookingConflict(clashes.map((c) => toConflict(c, series ? slots[c.slot] : undefined)), planned.length);
      const updated: BookingDto[] = [];
      for (const p of planned) updated.push(toBooking(await q.updateBooking(trx, p.row.id, p.change)));
      emit({ topic: venueTopic(venue.id), type: 'booking.updated', data: { bookings: updated } });
      const booking = updated.find((b) => b.id === bookingId)!;
      await audit(user, bookingUpdated(toBooking(target), booking, updated, input.scope));
      return { booking, bookings: updated };
    });
  } catch (error) {
    if (pgErrorCode(error) !== PG.EXCLUSION_VIOLATION) throw error;
    // A concurrent request took the slot after our check; name it now that it has committed.
    const current = (await q.findBooking(db, bookingId))!;
    const start = input.start ? parseInstant(input.start, 'start') : current.start;
    const end = input.end ? parseInstant(input.end, 'end') : new Date(start.getTime() + (current.end.getTime() - current.start.getTime()));
    const clashes = await q.findClashes(db, roomId, [{ start, end }], [bookingId]);
    throw bookingConflict(clashes.map((c) => toConflict(c)));
  }
}
