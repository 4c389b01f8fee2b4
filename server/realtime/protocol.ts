/**
 * The socket.io protocol between the server and every app (coordinator, kiosk, displays).
 *
 * This file is shared: the clients import its types (type-only), the server checks incoming
 * messages with its schemas. It must not import anything server-only.
 *
 * Guarantees (docs/api.md "Live updates"):
 * - every `event` carries the outbox `seq`, which grows strictly across all topics;
 * - `subscribe {topic, after}` first replays every event of the topic with `seq > after`, in order,
 *   then streams live ones; no event is sent twice on one subscription; with `batch: true` the live ones
 *   come as `events` frames (arrays of one topic's consecutive events) instead of one `event` each;
 * - when `after` is older than what the outbox still holds, the ack says `resync: true` and the client
 *   reloads its state over HTTP, then continues from the ack's `seq`.
 */
import { Type, type Static } from 'typebox';
import type { BookingDto, ClosureDto } from '../modules/bookings/schemas.ts';
import type { HeadcountDto, VisitDto } from '../modules/checkins/schemas.ts';
import type { Placing } from '../modules/tournaments/engine/types.ts';
import type { StandingsGroup } from '../modules/tournaments/derive.ts';
import type { MatchDto, ParticipantDto, TournamentDto } from '../modules/tournaments/schemas.ts';
import type { RoomDto, VenueDto } from '../modules/venues/schemas.ts';
import type { SeatsDto, TermDto } from '../modules/enrolment/schemas.ts';

/** `venue:<id>`, `tournament:<id>` or `term:<id>`. Internal topics (devices, users) are never subscribable. */
export const TopicSchema = Type.String({ pattern: '^(venue|tournament|term):[A-Za-z0-9-]{1,64}$', maxLength: 80 });

export const SubscribeRequestSchema = Type.Object(
  {
    topic: TopicSchema,
    /** The last `seq` this client applied for the topic; omit for "live only". */
    after: Type.Optional(Type.Integer({ minimum: 0 })),
    /**
     * Receive the topic's live events as `events` frames (arrays, in seq order) instead of one `event` frame
     * each: a check-in's `checkin.created` and `headcount.changed` then reach a hall screen in one write
     * instead of two, which halves the server's work per socket when thousands listen.
     */
    batch: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type SubscribeRequest = Static<typeof SubscribeRequestSchema>;

export const UnsubscribeRequestSchema = Type.Object({ topic: TopicSchema }, { additionalProperties: false });
export type UnsubscribeRequest = Static<typeof UnsubscribeRequestSchema>;

export type SubscribeAck =
  | {
      ok: true;
      /** The position of the stream when the subscription went live: the client is now current up to it. */
      seq: number;
      /** True when `after` was too old (or unknown): reload over HTTP, then continue from `seq`. */
      resync?: boolean;
    }
  /**
   * `service_unavailable`: this process is shutting down or could not reach the database; the topic may be fine,
   * so subscribe again (here after a while, or on the process the reconnect reaches). The others are final.
   */
  | { ok: false; code: 'forbidden' | 'not_found' | 'validation_failed' | 'service_unavailable'; message: string };

export type UnsubscribeAck = { ok: true } | { ok: false; code: 'validation_failed'; message: string };

/**
 * Every event an app can receive, by type: what its `data` holds. Writers are held to it (`emit` in
 * server/realtime/write.ts is generic over this map) and apps narrow on `type` instead of re-parsing `data`.
 * A new event type is added here first. docs/api.md lists the same events per topic.
 */
export interface LiveEventMap {
  // venue:<id>
  'venue.updated': { venue: VenueDto };
  'room.created': { room: RoomDto };
  'room.updated': { room: RoomDto };
  /** A whole series is one event; `seriesId` is null for a single booking. */
  'booking.created': { bookings: BookingDto[]; seriesId: string | null };
  'booking.updated': { bookings: BookingDto[] };
  'booking.cancelled': { bookings: BookingDto[] };
  'closure.created': { closure: ClosureDto };
  'closure.deleted': { closureId: string; venueId: string };
  'checkin.created': { visit: VisitDto };
  'checkin.ended': { visit: VisitDto };
  /** Computed when the event is numbered, from everything committed by then (a late event). */
  'headcount.changed': HeadcountDto;
  // tournament:<id>
  /** `matches` comes when the draw changed as a whole (started, start undone). */
  'tournament.updated': { tournament: TournamentDto; matches?: MatchDto[] };
  'tournament.deleted': { tournamentId: string };
  'match.updated': { match: MatchDto };
  'standings.changed': { standings: StandingsGroup[]; placings: Placing[] };
  'participant.added': { participant: ParticipantDto };
  'participant.updated': { participant: ParticipantDto };
  'participant.removed': { participantId: string };
  // term:<id>
  /** Seat counts of every class of the term, coalesced: at most a few a second however many change (enrolment/seat-board.ts). */
  'seats.changed': SeatsDto;
  /** The term itself or its classes changed (windows, rules, a class added, the draw made or redone): screens load it again. */
  'term.updated': { term: TermDto };
}
export type LiveEventType = keyof LiveEventMap;
/** The event types of `venue:<id>` topics; `seats.changed` and `term.updated` go to `term:<id>`, the others to `tournament:<id>`. */
export type VenueEventType = Extract<LiveEventType, `${'venue' | 'room' | 'booking' | 'closure' | 'checkin' | 'headcount'}.${string}`>;

/**
 * One outbox row as it travels to clients: a union over the event types, so `event.type === 'match.updated'`
 * narrows `event.data` to `{ match }`.
 */
export type LiveEvent<K extends LiveEventType = LiveEventType> = {
  [T in K]: {
    seq: number;
    topic: string;
    type: T;
    data: LiveEventMap[T];
    /** ISO 8601 instant of the commit's transaction. */
    at: string;
  };
}[K];

export interface ServerToClientEvents {
  event: (event: LiveEvent) => void;
  /** For `batch` subscriptions: consecutive live events of one topic, in seq order. */
  events: (events: LiveEvent[]) => void;
}

/** The socket.io room of a topic's batch subscribers (topics never contain `#`). */
export const batchRoom = (topic: string) => `${topic}#batch`;

export interface ClientToServerEvents {
  subscribe: (request: SubscribeRequest, ack: (answer: SubscribeAck) => void) => void;
  unsubscribe: (request: UnsubscribeRequest, ack: (answer: UnsubscribeAck) => void) => void;
}

/** Connection states a live screen shows (docs/architecture.md habit 6). */
export type ConnectionState = 'connecting' | 'live' | 'offline' | 'unauthorized';
