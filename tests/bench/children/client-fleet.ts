/**
 * A separate process holding many socket.io clients (WebSocket transport), so that receiving and parsing
 * events does not share the server's event loop. Every client connects with a device token or a session
 * cookie and subscribes to the given topics; then, round by round, the parent arms the fleet for one event
 * (topic and type) and this process records when each client receives it.
 *
 * Times are `performance.timeOrigin + performance.now()`, milliseconds on the machine's clock, which the
 * parent reads the same way: the two processes share it, so a receipt minus the parent's start is a latency.
 *
 * Protocol (IPC, `advanced` serialisation, one request and one answer; see spawn.ts):
 *   connect → connected            the clients are connected and subscribed
 *   arm     → armed, then round    `round` comes unasked once every client has the event (or `error`)
 *   clock   → clock                this process's time now (the parent checks the shared clock)
 *   close   → closed               every client disconnected
 * Any failure answers `error`. The process exits when the parent disconnects.
 */
import { io as connect, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, LiveEvent, ServerToClientEvents, SubscribeAck } from '../../../server/realtime/protocol.ts';

export type FleetRequest =
  | {
      kind: 'connect';
      url: string;
      /** A device token (sent as `auth.token`) or a `name=value` session cookie. */
      auth: { token: string } | { cookie: string };
      topics: string[];
      count: number;
      /** Handshakes in flight at once (default 100). */
      batch?: number;
    }
  | { kind: 'arm'; topic: string; type: string; timeoutMs: number }
  | { kind: 'clock' }
  | { kind: 'close' };

export type FleetReply =
  | { kind: 'connected'; clients: number; ms: number }
  | { kind: 'armed' }
  /**
   * Per client, the time it received the armed event; `event` is one client's copy of it, and `sequence` every
   * event of the round's topic that client 0 received during the round, the armed one last.
   */
  | { kind: 'round'; receivedAt: Float64Array; event: LiveEvent; sequence: LiveEvent[] }
  | { kind: 'clock'; now: number }
  | { kind: 'closed' }
  | { kind: 'error'; message: string };

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

const now = () => performance.timeOrigin + performance.now();
const send = (reply: FleetReply) => process.send?.(reply);

let sockets: Client[] = [];

/** The round in progress, or null between rounds. */
let round: {
  topic: string;
  type: string;
  receivedAt: Float64Array;
  count: number;
  seq: number | null;
  event: LiveEvent | null;
  sequence: LiveEvent[];
  problem: string | null;
  timer: NodeJS.Timeout;
} | null = null;

function receive(index: number, event: LiveEvent): void {
  const at = now();
  const r = round;
  if (!r || event.topic !== r.topic) return;
  if (index === 0 && r.receivedAt[0] === 0) r.sequence.push(event);
  // Events of other types (a check-in's `checkin.created`, say) are not what the round waits for.
  if (event.type !== r.type) return;
  if (r.receivedAt[index] !== 0) {
    r.problem ??= `client ${index} received ${event.type} twice in one round (seq ${event.seq})`;
    return;
  }
  if (r.seq === null) r.seq = event.seq;
  else if (r.seq !== event.seq) r.problem ??= `clients disagree on the round's event: seq ${r.seq} and ${event.seq}`;
  r.receivedAt[index] = at;
  r.event ??= event;
  r.count += 1;
  if (r.count === r.receivedAt.length) finishRound();
}

function finishRound(): void {
  const r = round;
  if (!r) return;
  clearTimeout(r.timer);
  round = null;
  if (r.problem) send({ kind: 'error', message: r.problem });
  else send({ kind: 'round', receivedAt: r.receivedAt, event: r.event!, sequence: r.sequence });
}

function connectOne(url: string, auth: { token: string } | { cookie: string }): Promise<Client> {
  const socket: Client = connect(url, {
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    ...('token' in auth ? { auth: { token: auth.token } } : { extraHeaders: { cookie: auth.cookie } }),
  });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (error) => {
      socket.close();
      reject(error);
    });
  });
}

async function connectAll(request: Extract<FleetRequest, { kind: 'connect' }>): Promise<FleetReply> {
  if (sockets.length > 0) throw new Error('the fleet is already connected; close it first');
  const started = performance.now();
  const batch = request.batch ?? 100;
  try {
    for (let start = 0; start < request.count; start += batch) {
      const size = Math.min(batch, request.count - start);
      const connected = await Promise.all(Array.from({ length: size }, () => connectOne(request.url, request.auth)));
      for (const socket of connected) {
        const index = sockets.length;
        sockets.push(socket);
        socket.on('event', (event) => receive(index, event));
        socket.on('events', (events) => {
          for (const event of events) receive(index, event);
        });
        socket.on('disconnect', (reason) => {
          if (round && reason !== 'io client disconnect') round.problem ??= `client ${index} was disconnected: ${reason}`;
        });
      }
      // Subscribe this batch before the next handshakes, so the server is never handed thousands at once.
      for (const topic of request.topics) {
        const acks = await Promise.all(connected.map((s) => s.timeout(30_000).emitWithAck('subscribe', { topic, batch: true }) as Promise<SubscribeAck>));
        const refused = acks.find((ack) => !ack.ok);
        if (refused) throw new Error(`subscribe to ${topic} refused: ${JSON.stringify(refused)}`);
      }
    }
  } catch (error) {
    closeAll();
    throw error;
  }
  return { kind: 'connected', clients: sockets.length, ms: performance.now() - started };
}

function closeAll(): void {
  if (round) {
    clearTimeout(round.timer);
    round = null;
  }
  for (const socket of sockets) socket.close();
  sockets = [];
}

function arm(request: Extract<FleetRequest, { kind: 'arm' }>): FleetReply {
  if (round) throw new Error('a round is already armed');
  if (sockets.length === 0) throw new Error('no clients are connected');
  const receivedAt = new Float64Array(sockets.length);
  const timer = setTimeout(() => {
    const count = round?.count ?? 0;
    round = null;
    send({ kind: 'error', message: `only ${count} of ${receivedAt.length} clients received ${request.type} within ${request.timeoutMs} ms` });
  }, request.timeoutMs);
  round = { topic: request.topic, type: request.type, receivedAt, count: 0, seq: null, event: null, sequence: [], problem: null, timer };
  return { kind: 'armed' };
}

async function handle(request: FleetRequest): Promise<FleetReply> {
  switch (request.kind) {
    case 'connect':
      return connectAll(request);
    case 'arm':
      return arm(request);
    case 'clock':
      return { kind: 'clock', now: now() };
    case 'close':
      closeAll();
      return { kind: 'closed' };
  }
}

process.on('message', (request: FleetRequest) => {
  handle(request).then(send, (error: unknown) => send({ kind: 'error', message: error instanceof Error ? error.message : String(error) }));
});
process.on('disconnect', () => {
  closeAll();
  process.exit(0);
});
