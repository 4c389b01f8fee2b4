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

/** `venue:<id>` or `tournament:<id>`. Internal topics (devices, users) are never subscribable. */
export const TopicSchema = Type.String({ pattern: '^(venue|tournament):[A-Za-z0-9-]{1,64}$', maxLength: 80 });

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
  | { ok: false; code: 'forbidden' | 'not_found' | 'validation_failed'; message: string };

export type UnsubscribeAck = { ok: true } | { ok: false; code: 'validation_failed'; message: string };

/** One outbox row as it travels to clients. */
export interface LiveEvent<TData = unknown> {
  seq: number;
  topic: string;
  type: string;
  data: TData;
  /** ISO 8601 instant of the commit's transaction. */
  at: string;
}

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

/** Event types emitted on `venue:<id>` topics by the foundation (more come with bookings, check-ins...). */
export interface VenueEventData {
  'venue.updated': { venue: { id: string; name: string; timezone: string } };
  'room.created': { room: { id: string; venueId: string; name: string; kind: string; capacity: number } };
  'room.updated': { room: { id: string; venueId: string; name: string; kind: string; capacity: number } };
}

/** Connection states a live screen shows (docs/architecture.md habit 6). */
export type ConnectionState = 'connecting' | 'live' | 'offline' | 'unauthorized';
