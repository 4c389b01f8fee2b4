/**
 * Many socket.io clients in this process, connected over WebSocket with a session cookie and subscribed to
 * one topic, with a collector that records when each client receives the event of the current round.
 * (Issue 6 moves the clients into a separate process; until then they share the server's event loop.)
 */
import { io as connect, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, LiveEvent, ServerToClientEvents } from '../../server/realtime/protocol.ts';

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

/** Receipt times of one round: one slot per client, filled by its `event` handler. */
export class RoundCollector {
  readonly receivedAt: Float64Array;
  private count = 0;
  private seq: number | null = null;
  private done: (() => void) | null = null;
  /** Set when something arrived that no round expected; every later round then fails. */
  private problem: string | null = null;
  /** The last event any client received (the payload a baseline broadcast copies). */
  lastEvent: LiveEvent | null = null;

  constructor(readonly clients: number) {
    this.receivedAt = new Float64Array(clients);
  }

  /** Start a round; resolves when every client has received one event (or rejects after timeoutMs). */
  arm(timeoutMs: number): Promise<void> {
    this.receivedAt.fill(0);
    this.count = 0;
    this.seq = null;
    return new Promise<void>((resolve, reject) => {
      if (this.problem) return reject(new Error(this.problem));
      const timer = setTimeout(() => {
        this.done = null;
        reject(new Error(`only ${this.count} of ${this.clients} clients received the event within ${timeoutMs} ms`));
      }, timeoutMs);
      this.done = () => {
        clearTimeout(timer);
        this.done = null;
        if (this.problem) reject(new Error(this.problem));
        else resolve();
      };
    });
  }

  receive(client: number, event: LiveEvent): void {
    const now = performance.now();
    if (this.receivedAt[client] !== 0 || this.done === null) {
      this.problem ??= `client ${client} received an unexpected event (seq ${event.seq})`;
      return;
    }
    if (this.seq === null) this.seq = event.seq;
    else if (this.seq !== event.seq) this.problem ??= `clients disagree on the event: seq ${this.seq} and ${event.seq}`;
    this.receivedAt[client] = now;
    this.lastEvent = event;
    this.count += 1;
    if (this.count === this.clients) this.done();
  }
}

export interface ClientFleet {
  collector: RoundCollector;
  close(): void;
}

function connectOne(url: string, cookie: string): Promise<Client> {
  const socket: Client = connect(url, { transports: ['websocket'], reconnection: false, forceNew: true, extraHeaders: { cookie } });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (error) => {
      socket.close();
      reject(error);
    });
  });
}

/** Connects `count` clients (in batches, so the handshakes do not all land at once) and subscribes them. */
export async function connectFleet(url: string, cookie: string, topic: string, count: number, batch = 50): Promise<ClientFleet> {
  const sockets: Client[] = [];
  const collector = new RoundCollector(count);
  const close = () => {
    for (const socket of sockets) socket.close();
  };
  try {
    for (let start = 0; start < count; start += batch) {
      const size = Math.min(batch, count - start);
      const connected = await Promise.all(Array.from({ length: size }, () => connectOne(url, cookie)));
      for (const socket of connected) {
        const index = sockets.length;
        sockets.push(socket);
        socket.on('event', (event) => collector.receive(index, event));
      }
    }
    const acks = await Promise.all(sockets.map((socket) => socket.timeout(10_000).emitWithAck('subscribe', { topic })));
    const refused = acks.find((ack) => !ack.ok);
    if (refused) throw new Error(`subscribe refused: ${JSON.stringify(refused)}`);
  } catch (error) {
    close();
    throw error;
  }
  return { collector, close };
}
