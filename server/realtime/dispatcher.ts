/**
 * The read side of live events: one dispatcher per server process.
 *
 * It keeps `position`, the highest seq it has emitted, runs the sequencer (which numbers the events writers
 * have committed), and reads numbered outbox rows above `position` in seq order (outbox.ts explains why that
 * order is safe). NOTIFY wakes it; a reconnection of the LISTEN connection
 * wakes it too, so events committed while it was cut off are read then, not lost; a slow poll is the last
 * safety net. Every process runs the same loop, so an event committed by any process reaches the sockets
 * of all of them, once each.
 *
 * Subscriptions are handled inside the same serial loop as emission. A subscriber with `after` gets the
 * replay of (after, position] and joins the live room before the loop emits anything above position, so it
 * sees every event exactly once and in order, without any per-socket filtering on the hot path.
 */
import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '../db/connect.ts';
import type { Listener } from '../db/notifier.ts';
import type { LiveEvent, SubscribeAck } from './protocol.ts';
import { OUTBOX_CHANNEL, SEQUENCE_BATCH, sequenceEvents } from './outbox.ts';
import { eventsAfter, maxSeq, prunedThrough, topicEventsBetween, type OutboxRow } from './queries.ts';
import type { DispatchedEvent } from './system-events.ts';

/** What the dispatcher needs of a socket: kept abstract so tests can drive it without socket.io. */
export interface Subscriber {
  readonly connected: boolean;
  send(event: LiveEvent): void;
  join(topic: string): void;
}

export interface DispatchSink {
  /** Emit to every socket subscribed to each event's topic in this process; `events` are in seq order. */
  broadcast(events: readonly DispatchedEvent[]): void;
}

interface PendingSubscription {
  subscriber: Subscriber;
  topic: string;
  after: number | undefined;
  since: number;
  resolve(ack: SubscribeAck): void;
}

const READ_BATCH = 500;
/** A replay longer than this is cheaper as an HTTP reload. */
export const MAX_REPLAY = 2_000;
/** A subscriber ahead of this process (it saw a later event on another process) waits this long for us. */
const AHEAD_WAIT_MS = 5_000;
const SAFETY_POLL_MS = 5_000;
const RETRY_MS = 1_000;

export class Dispatcher {
  private position = 0;
  private running = false;
  private rerun = false;
  private stopped = false;
  private pending: PendingSubscription[] = [];
  private listener: Listener | null = null;
  private poll: NodeJS.Timeout | null = null;
  private retry: NodeJS.Timeout | null = null;
  private idleWaiters: Array<() => void> = [];

  constructor(
    private readonly database: Database,
    private readonly sink: DispatchSink,
    private readonly log: FastifyBaseLogger,
  ) {}

  /** The highest seq this process has emitted. */
  get emittedThrough(): number {
    return this.position;
  }

  async start(): Promise<void> {
    // Start from the present: older events are for subscribers to replay, not to broadcast again.
    this.position = await maxSeq(this.database.db);
    this.listener = await this.database.listen(OUTBOX_CHANNEL, {
      onNotify: () => this.wake(),
      onConnected: () => this.wake(),
      onDisconnected: (error) => this.log.warn({ err: error }, 'outbox listener lost its connection; reconnecting'),
    });
    this.poll = setInterval(() => this.wake(), SAFETY_POLL_MS);
    this.poll.unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.poll) clearInterval(this.poll);
    if (this.retry) clearTimeout(this.retry);
    await this.listener?.close();
    for (const p of this.pending.splice(0)) p.resolve({ ok: false, code: 'service_unavailable', message: 'The server is shutting down; subscribe again.' });
  }

  /** Subscribe with replay. Resolves with the ack once the subscriber is live. */
  subscribe(subscriber: Subscriber, topic: string, after: number | undefined): Promise<SubscribeAck> {
    return new Promise((resolve) => {
      this.pending.push({ subscriber, topic, after, since: Date.now(), resolve });
      this.wake();
    });
  }

  /** Resolves when the loop has emitted everything committed up to now (tests and shutdown use it). */
  async idle(): Promise<void> {
    this.wake();
    await new Promise<void>((resolve) => this.idleWaiters.push(resolve));
  }

  wake(): void {
    if (this.stopped) return;
    if (this.running) {
      this.rerun = true;
      return;
    }
    this.running = true;
    void this.loop();
  }

  /** Try again shortly without spinning on the database. */
  private wakeSoon(delayMs = 50): void {
    if (this.stopped || this.retry) return;
    this.retry = setTimeout(() => {
      this.retry = null;
      this.wake();
    }, delayMs);
  }

  private async loop(): Promise<void> {
    try {
      do {
        this.rerun = false;
        await this.drain();
        await this.serveSubscriptions();
      } while (this.rerun && !this.stopped);
      for (const resolve of this.idleWaiters.splice(0)) resolve();
    } catch (error) {
      // The database is unreachable: keep position, try again shortly; nothing is skipped.
      this.log.warn({ err: error }, 'outbox dispatcher could not read; retrying');
      this.wakeSoon(RETRY_MS);
    } finally {
      this.running = false;
    }
  }

  private async drain(): Promise<void> {
    // Number what writers have committed (any process may; the runs queue on the sequencer's lock), then
    // read. Another process's run wakes us by NOTIFY when it numbered something.
    while ((await sequenceEvents(this.database.db)) === SEQUENCE_BATCH && !this.stopped);
    for (;;) {
      const rows = await eventsAfter(this.database.db, this.position, READ_BATCH);
      if (rows.length > 0) {
        this.sink.broadcast(rows.map(toLiveEvent));
        this.position = rows[rows.length - 1]!.seq;
      }
      if (rows.length < READ_BATCH || this.stopped) return;
    }
  }

  private async serveSubscriptions(): Promise<void> {
    if (this.pending.length === 0) return;
    const batch = this.pending.splice(0);
    const replaying = batch.filter((p) => p.subscriber.connected && p.after !== undefined);
    const horizon = replaying.length > 0 ? await prunedThrough(this.database.db) : 0;
    const latest = replaying.some((p) => (p.after ?? 0) > this.position) ? await maxSeq(this.database.db) : this.position;

    const replays = new Map<string, PendingSubscription[]>();
    for (const p of batch) {
      if (!p.subscriber.connected) continue;
      if (p.after === undefined) {
        this.goLive(p, false);
      } else if (p.after < horizon || p.after > latest) {
        // Pruned away, or a seq this database never issued (another database, or a forged one).
        this.goLive(p, true);
      } else if (p.after > this.position) {
        // The client saw events on another process that this one has not emitted yet: wait for them.
        if (Date.now() - p.since > AHEAD_WAIT_MS) this.goLive(p, true);
        else {
          this.pending.push(p);
          this.wakeSoon();
        }
      } else {
        const list = replays.get(p.topic) ?? [];
        list.push(p);
        replays.set(p.topic, list);
      }
    }
    for (const [topic, subs] of replays) await this.replay(topic, subs);
  }

  private async replay(topic: string, subs: PendingSubscription[]): Promise<void> {
    const from = Math.min(...subs.map((s) => s.after ?? 0));
    const rows = await topicEventsBetween(this.database.db, topic, from, this.position, MAX_REPLAY + 1);
    // A subscribable topic is never `system` (protocol.ts TopicSchema), so these are all app events.
    const events = rows.map(toLiveEvent) as LiveEvent[];
    for (const sub of subs) {
      const missed = events.filter((e) => e.seq > (sub.after ?? 0));
      if (rows.length > MAX_REPLAY && missed.length > 0) {
        this.goLive(sub, true);
        continue;
      }
      for (const event of missed) sub.subscriber.send(event);
      this.goLive(sub, false);
    }
  }

  private goLive(p: PendingSubscription, resync: boolean): void {
    p.subscriber.join(p.topic);
    p.resolve(resync ? { ok: true, seq: this.position, resync: true } : { ok: true, seq: this.position });
  }
}

/** A numbered outbox row as it is sent. Rows were recorded by the typed `emit` (write.ts), so their data fit their type. */
export function toLiveEvent(row: OutboxRow): DispatchedEvent {
  return { seq: row.seq, topic: row.topic, type: row.type, data: row.data, at: row.at.toISOString() } as DispatchedEvent;
}
