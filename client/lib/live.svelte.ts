/**
 * THE socket module (docs/architecture.md habit 6): the only code that touches socket.io. State classes subscribe to
 * topics here; components read those classes and this connection's reactive `state`, never the socket.
 *
 * Replay instead of hoping (docs/architecture.md "Writes and live events"): the last applied `seq` is remembered per topic and re-sent as
 * `after` on every (re)connect; the seq bookkeeping itself lives in `seq-tracker.ts`.
 */
import { io, type Socket } from 'socket.io-client';
import type {
  ClientToServerEvents,
  ConnectionState,
  LiveEvent,
  ServerToClientEvents,
  SubscribeAck,
} from '../../server/realtime/protocol.ts';
import { SeqTracker } from './seq-tracker.ts';

export type { ConnectionState, LiveEvent };

/**
 * An event as the patch functions of the screens read it: any type, the data checked field by field, not
 * trusted by its type. A kiosk, a hall display or a calendar stays open for days and may meet a server of
 * another version, so a shape it does not know is left alone (their unit tests feed such shapes). Code that
 * only needs the data's type narrows a `LiveEvent` on `type` instead.
 */
export type UncheckedEvent = { type: string; data: unknown };

export interface TopicHandlers {
  /** Apply one event as a patch. Called in seq order, never twice for one seq. */
  onEvent(event: LiveEvent): void;
  /** Reload the topic's state over HTTP: the stream could not be replayed (or this is the first subscribe). */
  onResync(): Promise<void> | void;
  /** The server refused the subscription for good (`forbidden`, `not_found`, `validation_failed`). */
  onRefused?(code: string, message: string): void;
}

export interface LiveOptions {
  /** A device token; without it the session cookie authenticates the socket. */
  token?: string | null;
  /**
   * Asked over HTTP after the server closed the socket itself: that happens when a device is revoked or a
   * session ends, but also when the server shuts down for a restart. 'unknown' (server unreachable) is
   * asked again later. Without it, a server-side close counts as unauthorized.
   */
  verify?: () => Promise<AuthCheck>;
  /** Called once when the server shuts the door for good (device revoked, session ended). */
  onUnauthorized?: () => void;
}

export type AuthCheck = 'ok' | 'unauthorized' | 'unknown';

const ACK_TIMEOUT_MS = 8_000;
const RETRY_SUBSCRIBE_MS = 5_000;
const RECONNECT_AFTER_REFUSAL_MS = 10_000;
const VERIFY_AGAIN_MS = 5_000;
/** `connect_error` messages of the server's auth middleware that mean "not you": retrying cannot help. */
const REFUSALS = new Set(['unauthenticated', 'forbidden']);

export class LiveConnection {
  state = $state<ConnectionState>('connecting');
  /** When the last event was applied. */
  lastEventAt = $state<Date | null>(null);
  /** When the data was last known to be current (an ack, an event, or the moment the line dropped). */
  lastSyncAt = $state<Date | null>(null);

  readonly #socket: Socket<ServerToClientEvents, ClientToServerEvents>;
  readonly #tracker = new SeqTracker<LiveEvent>();
  readonly #handlers = new Map<string, Set<TopicHandlers>>();
  readonly #retryTimers = new Map<string, ReturnType<typeof setTimeout>>();
  readonly #onUnauthorized: (() => void) | undefined;
  readonly #verify: (() => Promise<AuthCheck>) | undefined;
  #closed = false;
  #reconnectTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(options: LiveOptions = {}) {
    this.#onUnauthorized = options.onUnauthorized;
    this.#verify = options.verify;
    this.#socket = io({
      transports: ['websocket'],
      withCredentials: true,
      ...(options.token ? { auth: { token: options.token } } : {}),
    });
    this.#socket.on('connect', () => {
      this.state = 'live';
      this.lastSyncAt = new Date();
      for (const topic of this.#tracker.topics()) this.#sendSubscribe(topic);
    });
    this.#socket.on('disconnect', (reason) => {
      if (this.state === 'live') this.lastSyncAt = new Date();
      if (reason === 'io client disconnect') return;
      this.state = 'offline';
      // socket.io does not reconnect after the server closed us: find out why before trying again.
      if (reason === 'io server disconnect') void this.#verifyThenResume();
    });
    this.#socket.on('connect_error', (error) => {
      this.state = 'offline';
      if (this.#socket.active) return; // a network failure: socket.io keeps retrying by itself
      // Refused by the server's middleware, which socket.io does not retry. Who we are is not accepted:
      // stop. Anything else ('unavailable': the database is down) passes: try again a little later.
      if (REFUSALS.has(error.message)) this.#unauthorized();
      else this.#reconnectLater();
    });
    this.#socket.on('event', (event) => this.#receive(event));
    this.#socket.on('events', (events) => {
      for (const event of events) this.#receive(event);
    });
  }

  /** Follow a topic; returns the function that stops following it. */
  subscribe(topic: string, handlers: TopicHandlers): () => void {
    let set = this.#handlers.get(topic);
    const isNewTopic = !set;
    if (!set) {
      set = new Set();
      this.#handlers.set(topic, set);
      this.#tracker.track(topic);
    }
    set.add(handlers);
    if (isNewTopic) {
      if (this.#socket.connected) this.#sendSubscribe(topic);
    } else if (this.#tracker.lastSeq(topic) !== null) {
      // Joining a topic that is already live: this owner has nothing yet, let it load.
      void handlers.onResync();
    }
    return () => this.#unsubscribe(topic, handlers);
  }

  /** Close the connection for good (logout, page teardown). */
  close(): void {
    this.#closed = true;
    for (const timer of this.#retryTimers.values()) clearTimeout(timer);
    this.#retryTimers.clear();
    if (this.#reconnectTimer) clearTimeout(this.#reconnectTimer);
    this.#socket.disconnect();
  }

  async #verifyThenResume(): Promise<void> {
    if (!this.#verify) {
      this.#unauthorized();
      return;
    }
    let answer: AuthCheck;
    try {
      answer = await this.#verify();
    } catch {
      answer = 'unknown';
    }
    if (this.#closed || this.#socket.connected || this.state === 'unauthorized') return;
    if (answer === 'ok') this.#socket.connect();
    else if (answer === 'unauthorized') this.#unauthorized();
    else setTimeout(() => void this.#verifyThenResume(), VERIFY_AGAIN_MS);
  }

  #reconnectLater(): void {
    if (this.#reconnectTimer || this.#closed) return;
    this.#reconnectTimer = setTimeout(() => {
      this.#reconnectTimer = null;
      if (!this.#closed && !this.#socket.connected && this.state !== 'unauthorized') this.#socket.connect();
    }, RECONNECT_AFTER_REFUSAL_MS);
  }

  #unauthorized(): void {
    if (this.state === 'unauthorized') return;
    this.state = 'unauthorized';
    this.#socket.disconnect();
    this.#onUnauthorized?.();
  }

  #unsubscribe(topic: string, handlers: TopicHandlers): void {
    const set = this.#handlers.get(topic);
    if (!set) return;
    set.delete(handlers);
    if (set.size > 0) return;
    this.#handlers.delete(topic);
    this.#tracker.forget(topic);
    const timer = this.#retryTimers.get(topic);
    if (timer) clearTimeout(timer);
    this.#retryTimers.delete(topic);
    if (this.#socket.connected) this.#socket.emit('unsubscribe', { topic }, () => {});
  }

  #sendSubscribe(topic: string): void {
    const after = this.#tracker.afterFor(topic);
    // batch: a change's events (a check-in and its headcount) arrive in one frame (protocol.ts).
    const request = after === undefined ? { topic, batch: true } : { topic, after, batch: true };
    this.#socket.timeout(ACK_TIMEOUT_MS).emit('subscribe', request, (error, ack) => {
      if (!this.#handlers.has(topic) || this.#closed) return;
      if (error) {
        this.#retryLater(topic);
        return;
      }
      void this.#acknowledged(topic, ack);
    });
  }

  #retryLater(topic: string): void {
    if (this.#retryTimers.has(topic)) return;
    const timer = setTimeout(() => {
      this.#retryTimers.delete(topic);
      if (this.#socket.connected && this.#handlers.has(topic)) this.#sendSubscribe(topic);
    }, RETRY_SUBSCRIBE_MS);
    this.#retryTimers.set(topic, timer);
  }

  async #acknowledged(topic: string, ack: SubscribeAck): Promise<void> {
    // A process shutting down (or without its database) says so; the topic is not refused: ask again.
    if (!ack.ok && ack.code === 'service_unavailable') {
      this.#retryLater(topic);
      return;
    }
    if (!ack.ok) {
      for (const handlers of this.#handlers.get(topic) ?? []) handlers.onRefused?.(ack.code, ack.message);
      return;
    }
    this.lastSyncAt = new Date();
    const { resync } = this.#tracker.acknowledge(topic, ack);
    if (!resync) return;
    const owners = [...(this.#handlers.get(topic) ?? [])];
    await Promise.allSettled(owners.map(async (handlers) => handlers.onResync()));
    for (const event of this.#tracker.finishResync(topic)) this.#dispatch(event);
  }

  #receive(event: LiveEvent): void {
    if (this.#tracker.admit(event) === 'apply') this.#dispatch(event);
  }

  #dispatch(event: LiveEvent): void {
    const now = new Date();
    this.lastEventAt = now;
    this.lastSyncAt = now;
    for (const handlers of this.#handlers.get(event.topic) ?? []) {
      try {
        handlers.onEvent(event);
      } catch (error) {
        // One broken patch must not stop the others; the owner reloads on the next resync.
        reportError(error);
      }
    }
  }
}
