/** Rows → API shapes, and the 409 answers that name what is in the way. */
import { AppError } from '../../errors.ts';
import type { ClosureRow } from './closure-queries.ts';
import type { BookingRow, Slot } from './queries.ts';
import type { BookingDto, ClosureDto, ConflictDto } from './schemas.ts';

export const toBooking = (b: BookingRow): BookingDto => ({
  id: b.id,
  venueId: b.venueId,
  roomId: b.roomId,
  start: b.start.toISOString(),
  end: b.end.toISOString(),
  title: b.title,
  kind: b.kind,
  status: b.status,
  seriesId: b.seriesId,
  occurrenceDate: b.occurrenceDate,
  version: b.version,
  expectedCount: b.expectedCount,
  notes: b.notes,
});

export const toClosure = (c: ClosureRow): ClosureDto => ({
  id: c.id,
  venueId: c.venueId,
  roomId: c.roomId,
  start: c.start.toISOString(),
  end: c.end.toISOString(),
  reason: c.reason,
});

export function toConflict(b: BookingRow, occurrence?: Slot): ConflictDto {
  return {
    id: b.id,
    roomId: b.roomId,
    start: b.start.toISOString(),
    end: b.end.toISOString(),
    title: b.title,
    ...(occurrence ? { occurrence: { start: occurrence.start.toISOString(), end: occurrence.end.toISOString() } } : {}),
  };
}

function describe(conflicts: readonly ConflictDto[]): string {
  const names = [...new Set(conflicts.map((c) => `"${c.title}"`))];
  const shown = names.slice(0, 3).join(', ') + (names.length > 3 ? ` and ${names.length - 3} more` : '');
  return shown;
}

export function bookingConflict(conflicts: ConflictDto[], occurrences = 1): AppError {
  const message =
    occurrences > 1
      ? `${new Set(conflicts.map((c) => c.occurrence?.start)).size} of the ${occurrences} occurrences clash with ${describe(conflicts)} in this room. Choose another time or room, or create only the free ones (skipConflicts).`
      : `This room is already booked then by ${describe(conflicts)}. Choose another time or room.`;
  return new AppError('booking_conflict', message, { conflicts });
}

export function venueClosed(closures: ClosureDto[]): AppError {
  const reasons = [...new Set(closures.map((c) => c.reason))].join(', ');
  return new AppError('venue_closed', `The venue or room is closed then (${reasons}). Choose another time.`, { closures });
}
