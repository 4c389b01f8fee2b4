/**
 * The parent's side of children/client-fleet.ts: a process of socket.io clients that records, round by
 * round, when each of them received the event the round waits for. Also the shared clock both processes
 * read (`performance.timeOrigin + performance.now()`), and the arithmetic from receipts to latencies.
 */
import type { FleetReply, FleetRequest, RecordedEvent } from './children/client-fleet.ts';
import { spawnChild, type Child } from './children/spawn.ts';
import type { LiveEvent } from '../../server/realtime/protocol.ts';

/** Milliseconds on the machine's clock, comparable with the fleet process's receipt times. */
export const clock = () => performance.timeOrigin + performance.now();

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface Receipts {
  /** Per client, when it received the round's event (`clock()` time). */
  receivedAt: Float64Array;
  event: LiveEvent;
  /** Every event of the topic that the first client received in the round, the awaited one last. */
  sequence: LiveEvent[];
}

export class RemoteFleet {
  private readonly child: Child<FleetRequest, FleetReply>;
  private armed = false;

  private constructor(readonly name: string) {
    this.child = spawnChild<FleetRequest, FleetReply>('client-fleet.ts');
  }

  /** The fleet process's id (for its CPU time). */
  get pid(): number | undefined {
    return this.child.process.pid;
  }

  static start(name = 'client fleet'): RemoteFleet {
    return new RemoteFleet(name);
  }

  private async expect<K extends FleetReply['kind']>(reply: Promise<FleetReply>, kind: K): Promise<Extract<FleetReply, { kind: K }>> {
    const answer = await reply;
    if (answer.kind === 'error') throw new Error(`${this.name}: ${answer.message}`);
    if (answer.kind !== kind) throw new Error(`${this.name}: expected ${kind}, got ${answer.kind}`);
    return answer as Extract<FleetReply, { kind: K }>;
  }

  /** Connects `count` clients and subscribes each to every topic; resolves when all are live. */
  async connect(url: string, auth: { token: string } | { cookie: string }, topics: string[], count: number): Promise<{ clients: number; ms: number }> {
    const reply = await this.expect(this.child.ask({ kind: 'connect', url, auth, topics, count }, 600_000), 'connected');
    if (reply.clients !== count) throw new Error(`${this.name}: ${reply.clients} of ${count} clients connected`);
    return reply;
  }

  /** Resolves once the fleet waits for the next `type` event of `topic`; then trigger it and call receipts(). */
  async arm(topic: string, type: string, timeoutMs: number): Promise<void> {
    await this.expect(this.child.ask({ kind: 'arm', topic, type, timeoutMs }), 'armed');
    this.armed = true;
  }

  /** Every client's receipt time of the armed event (rejects on a timeout or an unexpected event). */
  async receipts(): Promise<Receipts> {
    if (!this.armed) throw new Error(`${this.name}: receipts() without arm()`);
    this.armed = false;
    const reply = await this.expect(this.child.next(), 'round');
    return { receivedAt: reply.receivedAt, event: reply.event, sequence: reply.sequence };
  }

  /** Every client leaves the topics `leave` and follows `topics` (batch subscriptions, as the apps make). */
  async follow(topics: string[], leave: string[] = []): Promise<void> {
    await this.expect(this.child.ask({ kind: 'follow', topics, leave }, 600_000), 'followed');
  }

  /** Keeps every `type` event of `topic` from now on, with each client's receipt time, until stopRecording(). */
  async record(topic: string, type: string): Promise<void> {
    await this.expect(this.child.ask({ kind: 'record', topic, type }), 'recording');
  }

  /** The events kept since record(), oldest first; receipt time 0 where a client never received one. */
  async stopRecording(): Promise<RecordedEvent[]> {
    return (await this.expect(this.child.ask({ kind: 'stop' }), 'recorded')).events;
  }

  /**
   * How far the fleet's clock is from this process's (its reading minus the midpoint of the exchange), from
   * the exchange with the shortest round trip: should be well under a millisecond on one machine.
   */
  async clockOffset(tries = 20): Promise<{ offsetMs: number; roundTripMs: number }> {
    let best = { offsetMs: Number.NaN, roundTripMs: Number.POSITIVE_INFINITY };
    for (let i = 0; i < tries; i += 1) {
      const sent = clock();
      const reply = await this.expect(this.child.ask({ kind: 'clock' }), 'clock');
      const back = clock();
      if (back - sent < best.roundTripMs) best = { offsetMs: reply.now - (sent + back) / 2, roundTripMs: back - sent };
    }
    return best;
  }

  /** Disconnects the clients (the process stays, for another connect). */
  async disconnect(): Promise<void> {
    await this.expect(this.child.ask({ kind: 'close' }), 'closed');
  }

  /** Ends the process (its clients disconnect as it exits). */
  close(): Promise<void> {
    return this.child.close();
  }
}

/** Appends every client's latency (receipt minus `startedAt`) to `into`. */
export function addLatencies(into: number[], receipts: Receipts, startedAt: number): void {
  for (const at of receipts.receivedAt) into.push(at - startedAt);
}

/** Warns on stderr when the fleet's clock disagrees with ours by more than a tenth of a millisecond. */
export async function checkClock(fleet: RemoteFleet): Promise<void> {
  const { offsetMs, roundTripMs } = await fleet.clockOffset();
  if (Math.abs(offsetMs) > 0.1 + roundTripMs / 2) {
    process.stderr.write(`  ${fleet.name}: its clock is ${offsetMs.toFixed(3)} ms off ours (round trip ${roundTripMs.toFixed(3)} ms); latencies carry that error\n`);
  }
}
