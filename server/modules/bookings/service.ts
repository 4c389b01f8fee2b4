/**
 * Creating, listing, checking and cancelling bookings. The database's exclusion constraint is the guarantee
 * against double booking; the checks here run inside the same transaction only to name what is in the way.
 * Every change records one outbox event on `venue:ID` (a series is one event listing its occurrences).
 */
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Executor } from '../../db/executor.ts';
import { pgErrorCode, PG } from '../../db/errors.ts';
import { AppError, notFound, validationFailed } from '../../errors.ts';
import { instantToZoned, parseLocalDate } from '../../shared/zoned-time.ts';
import { venueTopic } from '../../realtime/topics.ts';
import { write, type Write } from '../../realtime/write.ts';
import { bookingsCancelled, bookingsCreated } from '../audit/entries.ts';
import { canReadVenue, requirePrincipal, userOfVenue, type Principal } from '../auth/principal.ts';
import { findRoom, findVenue } from '../venues/queries.ts';
import { findClosuresFor } from './closure-queries.ts';
import { bookingConflict, toBooking, toClosure, toConflict, venueClosed } from './dto.ts';
import * as q from './queries.ts';
import { expandSeries, formatRRule, parseRRule } from './recurrence.ts';
import { outsideHoursNote } from './opening-hours.ts';
import { checkRange, checkSlot, MAX_OCCURRENCE_MINUTES, MAX_OCCURRENCES, parseInstant } from './rules.ts';
import type { BookingDto, CheckBookingInput, CreateBookingInput, ListBookingsInput, SeriesScope } from './schemas.ts';

export async function listBookings(db: Kysely<DB>, principal: Principal | null, input: ListBookingsInput): Promise<BookingDto[]> {
  const p = requirePrincipal(principal);
  const from = parseInstant(input.from, 'from');
  const to = parseInstant(input.to, 'to');
  checkRange(from, to);
  if (!(await findVenue(db, input.venueId))) throw notFound('The venue');
  if (!canReadVenue(p, input.venueId)) throw new AppError('forbidden', 'You may not see this venue.');
  const rows = await q.listBookings(db, { ...input, from, to });
  // Kiosks and hall screens show no notes, so they are not sent them (realtime/device-view.ts).
  return p.kind === 'device' ? rows.map((row) => ({ ...toBooking(row), notes: null })) : rows.map(toBooking);
}

/** The room and its venue, which must be one of the caller's (the route lets only staff book). */
export async function bookableRoom(db: Executor, principal: Principal | null, roomId: string) {
  const room = await findRoom(db, roomId);
  if (!room) throw new AppError('not_found', 'The room was not found; it may have been removed.', { field: 'roomId' });
  const user = userOfVenue(principal, room.venueId);
  const venue = (await findVenue(db, room.venueId))!;
  return { room, venue, user };
}

/** The recurrence module's messages become sentences in the error body. */
const sentence = (message: string) => (/[.!?。]$/.test(message.trim()) ? message.trim() : `${message.trim()}.`);

export interface PlannedSlots {
  slots: Array<q.Slot & { occurrenceDate: string | null }>;
  series: { rrule: string; startDate: string; startTime: string; durationMinutes: number; exdates: string[] } | null;
}

/** One slot for a single booking; every occurrence, in the venue's wall time, for a series. */
export function planSlots(input: { start: string; end: string; recurrence?: { rrule: string; exdates?: string[] } }, timeZone: string): PlannedSlots {
  const start = parseInstant(input.start, 'start');
  const end = parseInstant(input.end, 'end');
  checkSlot(start, end);
  if (!input.recurrence) return { slots: [{ start, end, occurrenceDate: null }], series: null };

  const parsed = parseRRule(input.recurrence.rrule);
  if (!parsed.ok) throw validationFailed('recurrence.rrule', sentence(parsed.message));
  const durationMinutes = (end.getTime() - start.getTime()) / 60_000;
  if (!Number.isInteger(durationMinutes) || start.getUTCSeconds() !== 0 || start.getUTCMilliseconds() !== 0) {
    throw validationFailed('start', 'A repeating booking starts and ends on whole minutes.');
  }
  if (durationMinutes > MAX_OCCURRENCE_MINUTES) throw validationFailed('end', 'Each occurrence of a repeating booking may last at most a day.');
  const local = instantToZoned(start, timeZone);
  const exdates = [...new Set(input.recurrence.exdates ?? [])].sort();
  const badDate = exdates.find((d) => parseLocalDate(d) === null);
  if (badDate) throw validationFailed('recurrence.exdates', `"${badDate}" is not a date; write exceptions as YYYY-MM-DD.`);
  const expanded = expandSeries({
    startDate: local.date,
    startTime: local.time,
    durationMinutes,
    rrule: parsed.rule,
    timeZone,
    exdates,
    maxOccurrences: MAX_OCCURRENCES,
  });
  if (!expanded.ok) throw validationFailed('recurrence.rrule', sentence(expanded.message));
  if (expanded.occurrences.length === 0) throw validationFailed('recurrence.rrule', 'This rule gives no dates at all; check its days and end date.');
  return {
    slots: expanded.occurrences.map((o) => ({ start: o.start, end: o.end, occurrenceDate: o.occurrenceDate })),
    series: { rrule: formatRRule(parsed.rule), startDate: local.date, startTime: local.time, durationMinutes, exdates },
  };
}

/** Who is in the way of these slots: clashing bookings and closures, by slot. */
async function obstacles(db: Executor, venueId: string, roomId: string, slots: readonly q.Slot[], exceptIds: string[] = []) {
  const [clashes, closures] = await Promise.all([q.findClashes(db, roomId, slots, exceptIds), findClosuresFor(db, venueId, roomId, slots)]);
  return { clashes, closures };
}

export async function checkBooking(db: Kysely<DB>, principal: Principal | null, input: CheckBookingInput) {
  const { room, venue } = await bookableRoom(db, principal, input.roomId);
  const { slots } = planSlots(input, venue.timezone);
  const { clashes, closures } = await obstacles(db, venue.id, room.id, slots, input.bookingId ? [input.bookingId] : []);
  const series = slots.length > 1;
  return {
    ok: clashes.length === 0 && closures.length === 0,
    occurrences: slots.length,
    // Bookable all the same; the form says so before the coordinator books.
    outsideHours: outsideHoursNote(slots, venue, venue.timezone),
    conflicts: clashes.map((c) => toConflict(c, series ? slots[c.slot] : undefined)),
    closures: [...new Map(closures.map((c) => [c.id, toClosure(c)])).values()],
  };
}

const isExclusionViolation = (error: unknown) => pgErrorCode(error) === PG.EXCLUSION_VIOLATION;

export async function createBookings(db: Kysely<DB>, principal: Principal | null, input: CreateBookingInput) {
  const { room, venue, user } = await bookableRoom(db, principal, input.roomId);
  const plan = planSlots(input, venue.timezone);
  const title = input.title.trim();
  if (!title) throw validationFailed('title', 'The title may not be empty.');
  const place = { venue, room, user };
  return retryOnRace(db, place, plan, input, () => write(db, (w) => bookPlanned(w, place, plan, { ...input, title })));
}

/** The room being booked, its venue and the user booking it (as `bookableRoom` found them). */
export type BookingPlace = Awaited<ReturnType<typeof bookableRoom>>;

/**
 * Books planned slots inside a caller's write: a booking, a series, or (term enrolment) a class's sessions made
 * together with the class. The closure lock, the conflict and closure checks and the event are the same for all.
 */
export async function bookPlanned(
  { trx, emit, audit }: Write,
  { venue, room, user }: BookingPlace,
  plan: PlannedSlots,
  input: Pick<CreateBookingInput, 'title' | 'kind' | 'expectedCount' | 'notes' | 'skipConflicts'>,
) {
  const series = plan.series !== null;
  const title = input.title.trim();
  // Closures take this lock exclusively: no closure can appear between our check and our insert.
  await q.shareLockVenue(trx, venue.id);
  const { clashes, closures } = await obstacles(trx, venue.id, room.id, plan.slots);
  const closedSlots = new Set(closures.map((c) => c.slot));
  const clashingSlots = new Set(clashes.map((c) => c.slot));
  if (!series && closures.length > 0) throw venueClosed(closures.map(toClosure));
  if (clashes.length > 0 && !input.skipConflicts) {
    throw bookingConflict(clashes.map((c) => toConflict(c, series ? plan.slots[c.slot] : undefined)), plan.slots.length);
  }
  const free = plan.slots.filter((_, i) => !closedSlots.has(i) && !clashingSlots.has(i));
  if (free.length === 0) {
    if (clashes.length > 0) throw bookingConflict(clashes.map((c) => toConflict(c, plan.slots[c.slot])), plan.slots.length);
    throw venueClosed(closures.map(toClosure));
  }
  const seriesId = plan.series
    ? (await q.insertSeries(trx, { venueId: venue.id, roomId: room.id, title, kind: input.kind ?? 'activity', timezone: venue.timezone, createdBy: user.userId, ...plan.series })).id
    : null;
  const rows = await q.insertBookings(
    trx,
    free.map((slot) => ({
      venueId: venue.id,
      roomId: room.id,
      start: slot.start,
      end: slot.end,
      title,
      kind: input.kind ?? 'activity',
      expectedCount: input.expectedCount ?? null,
      notes: input.notes?.trim() || null,
      seriesId,
      occurrenceDate: slot.occurrenceDate,
      createdBy: user.userId,
    })),
  );
  const bookings = rows.map(toBooking);
  emit({ topic: venueTopic(venue.id), type: 'booking.created', data: { bookings, seriesId } });
  await audit(user, bookingsCreated(bookings, { seriesId, ...(plan.series ? { rrule: plan.series.rrule } : {}) }));
  const skipped = plan.slots.flatMap((slot, i) =>
    closedSlots.has(i) || clashingSlots.has(i)
      ? [
          {
            start: slot.start.toISOString(),
            end: slot.end.toISOString(),
            reason: closedSlots.has(i) ? ('closure' as const) : ('conflict' as const),
            conflicts: clashes.filter((c) => c.slot === i).map((c) => toConflict(c)),
            closures: closures.filter((c) => c.slot === i).map(toClosure),
          },
        ]
      : [],
  );
  return { bookings, seriesId, skipped };
}

/**
 * Runs a write that books `plan`, again when another request took a slot between our check and our insert
 * (the exclusion constraint caught it): by then that booking has committed, so it is named in the conflict.
 */
export async function retryOnRace<T>(db: Kysely<DB>, { venue, room }: BookingPlace, plan: PlannedSlots, input: { skipConflicts?: boolean }, run: () => Promise<T>): Promise<T> {
  const series = plan.series !== null;
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await run();
    } catch (error) {
      if (!isExclusionViolation(error)) throw error;
      const { clashes } = await obstacles(db, venue.id, room.id, plan.slots);
      if (clashes.length > 0 && !input.skipConflicts) {
        throw bookingConflict(clashes.map((c) => toConflict(c, series ? plan.slots[c.slot] : undefined)), plan.slots.length);
      }
      if (attempt >= 3) throw error;
    }
  }
}

/** The occurrences a series operation touches, starting from `target`. */
export async function occurrencesInScope(trx: Transaction<DB>, target: q.BookingRow, scope: SeriesScope): Promise<q.BookingRow[]> {
  if (scope === 'this' || !target.seriesId) return [target];
  const fromDate = scope === 'following' ? (target.occurrenceDate ?? instantToZoned(target.start, 'UTC').date) : null;
  const rows = await q.lockSeriesOccurrences(trx, target.seriesId, fromDate);
  return rows.some((r) => r.id === target.id) ? rows : [target, ...rows];
}

export async function cancelBooking(
  db: Kysely<DB>,
  principal: Principal | null,
  bookingId: string,
  options: { scope?: SeriesScope; version?: number },
): Promise<BookingDto[]> {
  const existing = await q.findBooking(db, bookingId);
  if (!existing) throw notFound('The booking');
  const user = userOfVenue(principal, existing.venueId);
  return write(db, async ({ trx, emit, audit }) => {
    const target = (await q.lockBooking(trx, bookingId))!;
    if (options.version !== undefined && options.version !== target.version) {
      throw new AppError('version_conflict', 'Someone else changed this booking meanwhile; look at it again before cancelling.', {
        current: toBooking(target),
      });
    }
    if (target.status === 'cancelled' && (options.scope ?? 'this') === 'this') return [];
    const inScope = await occurrencesInScope(trx, target, options.scope ?? 'this');
    const cancelled = (await q.cancelBookings(trx, inScope.filter((b) => b.status === 'confirmed').map((b) => b.id))).map(toBooking);
    if (cancelled.length > 0) emit({ topic: venueTopic(target.venueId), type: 'booking.cancelled', data: { bookings: cancelled } });
    if (cancelled.length > 0) await audit(user, bookingsCancelled(toBooking(target), cancelled, target.seriesId ? { scope: options.scope ?? 'this' } : {}));
    return cancelled;
  });
}
