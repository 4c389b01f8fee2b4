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
 *   follow  → followed             every client leaves some topics and subscribes to others (a new term)
 *   record  → recording            from now on every event of a topic and type is kept, with each client's
 *                                  receipt time (a burst of coalesced events, not one awaited event)
 *   stop    → recorded             the kept events, oldest first, and recording ends
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
  | { kind: 'follow'; topics: string[]; leave: string[] }
  | { kind: 'record'; topic: string; type: string }
  | { kind: 'stop' }
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
  | { kind: 'followed' }
  | { kind: 'recording' }
  /** Each kept event (client 0's copy, or the first receiver's) with every client's receipt time; 0: never received. */
  | { kind: 'recorded'; events: RecordedEvent[] }
  | { kind: 'closed' }
  | { kind: 'error'; message: string };

export interface RecordedEvent {
  event: LiveEvent;
  receivedAt: Float64Array;
}

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

/** The recording in progress (`record` … `stop`): events by seq. */
let recording: { topic: string; type: string; events: Map<number, RecordedEvent>; problem: string | null } | null = null;

function keep(index: number, event: LiveEvent, at: number): void {
  const r = recording;
  if (!r || event.topic !== r.topic || event.type !== r.type) return;
  let kept = r.events.get(event.seq);
  if (!kept) r.events.set(event.seq, (kept = { event, receivedAt: new Float64Array(sockets.length) }));
  if (kept.receivedAt[index] !== 0) r.problem ??= `client ${index} received ${event.type} seq ${event.seq} twice`;
  kept.receivedAt[index] = at;
}

function receive(index: number, event: LiveEvent): void {
  const at = now();
  keep(index, event, at);
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

/**
 * One client, connected. A handshake refused with `unavailable` (the server could not read the database just then,
 * e.g. a few hundred handshakes at once on a busy machine) is tried again a little later, as socket.io's own
 * reconnection would; any other refusal is final.
 */
async function connectOne(url: string, auth: { token: string } | { cookie: string }): Promise<Client> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await connectOnce(url, auth);
    } catch (error) {
      if (!(error instanceof Error && error.message === 'unavailable') || attempt === 5) throw error;
      await new Promise((resolve) => setTimeout(resolve, 1_000 + Math.random() * 2_000));
    }
  }
}

function connectOnce(url: string, auth: { token: string } | { cookie: string }): Promise<Client> {
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
  recording = null;
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

/**
 * Subscribes the clients to a topic; those told `service_unavailable` (the server could not read the database
 * just then) ask again a few seconds later, as api.md tells the apps to. Any other refusal is final.
 */
async function subscribeAll(clients: Client[], topic: string): Promise<void> {
  let waiting = clients;
  for (let attempt = 1; waiting.length > 0; attempt += 1) {
    const acks = await Promise.all(waiting.map((s) => s.timeout(30_000).emitWithAck('subscribe', { topic, batch: true }) as Promise<SubscribeAck>));
    const final = acks.find((ack) => !ack.ok && ack.code !== 'service_unavailable');
    if (final) throw new Error(`subscribe to ${topic} refused: ${JSON.stringify(final)}`);
    waiting = waiting.filter((_, i) => !acks[i]!.ok);
    if (waiting.length > 0 && attempt === 5) throw new Error(`subscribe to ${topic}: ${waiting.length} clients still refused after ${attempt} attempts`);
    if (waiting.length > 0) await new Promise((resolve) => setTimeout(resolve, 3_000));
  }
}

/** Every client leaves `leave` and subscribes to `topics`, a hundred at a time (as connectAll does). */
async function follow(request: Extract<FleetRequest, { kind: 'follow' }>): Promise<FleetReply> {
  const BATCH = 100;
  for (let start = 0; start < sockets.length; start += BATCH) {
    const some = sockets.slice(start, start + BATCH);
    for (const topic of request.leave) await Promise.all(some.map((s) => s.timeout(30_000).emitWithAck('unsubscribe', { topic })));
    for (const topic of request.topics) await subscribeAll(some, topic);
  }
  return { kind: 'followed' };
}

function stopRecording(): FleetReply {
  const r = recording;
  if (!r) throw new Error('stop without record');
  recording = null;
  if (r.problem) throw new Error(r.problem);
  return { kind: 'recorded', events: [...r.events.values()].sort((a, b) => a.event.seq - b.event.seq) };
}

async function handle(request: FleetRequest): Promise<FleetReply> {
  switch (request.kind) {
    case 'connect':
      return connectAll(request);
    case 'arm':
      return arm(request);
    case 'follow':
      return follow(request);
    case 'record':
      if (recording) throw new Error('already recording');
      recording = { topic: request.topic, type: request.type, events: new Map(), problem: null };
      return { kind: 'recording' };
    case 'stop':
      return stopRecording();
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
