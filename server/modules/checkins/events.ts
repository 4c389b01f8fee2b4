/**
 * The live events of check-ins, made here and nowhere else. Check-out and closing time record them through
 * `emit`/`emitLate`; a check-in's statement (`checkin_record`) appends them in the database, from the names
 * this file gives it (`checkinEventsAt`) with the visit as the data, so SQL builds no topic and no event type.
 * tests/integration/checkin-payloads.test.ts checks that what it makes equals what these make.
 */
import type { LateEvent, OutboxEvent } from '../../realtime/write.ts';
import { venueTopic } from '../../realtime/topics.ts';
import type { VisitDto } from './schemas.ts';

type VisitEventType = 'checkin.created' | 'checkin.ended';
/** A visit's event without its data: `checkin_record` adds `{visit}`. */
type Unfilled<T extends VisitEventType> = Omit<OutboxEvent<T>, 'data'>;

const unfilled = <T extends VisitEventType>(venueId: string, type: T): Unfilled<T> => ({ topic: venueTopic(venueId), type }) as Unfilled<T>;

/** A visit ended (checked out, moved elsewhere, closing time). */
export const checkinEnded = (visit: VisitDto): OutboxEvent<'checkin.ended'> => ({ ...unfilled(visit.venueId, 'checkin.ended'), data: { visit } });

/** The venue's `headcount.changed`, its data computed when it is numbered (a late event: realtime/outbox.ts). */
export function headcountEvent(venueId: string): LateEvent {
  return { topic: venueTopic(venueId), type: 'headcount.changed', compute: { fn: 'venue_headcount', arg: venueId } };
}

/** What `checkin_record` appends at one venue. */
export interface VenueCheckinEvents {
  created: Unfilled<'checkin.created'>;
  ended: Unfilled<'checkin.ended'>;
  headcount: LateEvent;
}

/** By venue id: the venues a check-in may append events at (its own, and the one a member moves from). */
export type CheckinEvents = Record<string, VenueCheckinEvents>;

export const checkinEventsAt = (venueId: string): VenueCheckinEvents => ({
  created: unfilled(venueId, 'checkin.created'),
  ended: unfilled(venueId, 'checkin.ended'),
  headcount: headcountEvent(venueId),
});
