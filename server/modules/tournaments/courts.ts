/**
 * A started tournament takes its courts or tables on the calendar for the time its matches need, so nobody
 * else books them; the same constraint that stops double bookings guarantees it. A clash refuses the start.
 */
import { venueTopic } from '../../realtime/topics.ts';
import type { Write } from '../../realtime/write.ts';
import { findClosuresFor } from '../bookings/closure-queries.ts';
import { bookingConflict, toBooking, toClosure, toConflict, venueClosed } from '../bookings/dto.ts';
import { findClashes, insertBookings, shareLockVenue } from '../bookings/queries.ts';
import { bookingsCreated } from '../audit/entries.ts';
import type { UserPrincipal } from '../auth/principal.ts';
import type { Bracket, BracketState } from './engine/index.ts';
import type { TournamentRow } from './queries.ts';
import { planSchedule, type SchedulePlan } from './schedule.ts';

export async function bookCourts(
  w: Write,
  t: TournamentRow,
  bracket: Bracket,
  state: BracketState,
  user: UserPrincipal,
): Promise<SchedulePlan['slots']> {
  if (t.roomIds.length === 0 || !t.startsAt) return {};
  const plan = planSchedule(bracket, state, { roomIds: t.roomIds, startsAt: t.startsAt, matchMinutes: t.matchMinutes });
  const used = [...new Set(Object.values(plan.slots).map((s) => s.roomId))];
  const lastEnd = new Map<string, number>();
  for (const slot of Object.values(plan.slots)) {
    lastEnd.set(slot.roomId, Math.max(lastEnd.get(slot.roomId) ?? 0, slot.at.getTime() + t.matchMinutes * 60_000));
  }
  const { trx } = w;
  await shareLockVenue(trx, t.venueId);
  const wanted = used.map((roomId) => ({ roomId, start: t.startsAt!, end: new Date(lastEnd.get(roomId)!) }));
  // Every clash on every court at once, so the coordinator sees all that is in the way in one refusal.
  const clashes = [];
  const closures = [];
  for (const w of wanted) {
    clashes.push(...(await findClashes(trx, w.roomId, [w])));
    closures.push(...(await findClosuresFor(trx, t.venueId, w.roomId, [w])));
  }
  if (clashes.length > 0) throw bookingConflict(clashes.map((c) => toConflict(c)));
  if (closures.length > 0) throw venueClosed(closures.map(toClosure));
  const rows = await insertBookings(
    trx,
    wanted.map((w) => ({
      venueId: t.venueId,
      roomId: w.roomId,
      start: w.start,
      end: w.end,
      title: `比赛 · ${t.name}`,
      kind: 'competition' as const,
      expectedCount: null,
      notes: null,
      seriesId: null,
      occurrenceDate: null,
      createdBy: user.userId,
    })),
  );
  if (rows.length > 0) w.emit({ topic: venueTopic(t.venueId), type: 'booking.created', data: { bookings: rows.map(toBooking), seriesId: null } });
  if (rows.length > 0) await w.audit(user, bookingsCreated(rows.map(toBooking), { tournamentId: t.id }));
  return plan.slots;
}
