/**
 * Server memory per connected, subscribed socket. The clients are in a separate process
 * (children/client-fleet.ts), so only the server's side of each connection is in this process's figures.
 *
 * centre-ops: the buildApp app (authentication on the handshake, private rooms, `subscribe` through the
 * topic authoriser and the dispatcher). Baseline: a bare socket.io Server of the same version with the same
 * options, on its own port in this same process, whose `subscribe` handler only joins the room and acks.
 * For each, per run: force a GC, read RSS and heapUsed, connect and subscribe N clients, force a GC, read
 * again, and divide the growth by N; then disconnect them all and let the server forget them before the next.
 * The variant measured first alternates between runs.
 *
 * Needs `node --expose-gc` for the forced GC; without it the program turns the flag on at run time
 * (v8.setFlagsFromString) and says so, and if even that fails it measures without a forced GC and says so in
 * the rows. RSS also counts memory the allocator keeps after the previous variant freed it, so it is the
 * noisier figure; heapUsed after a full GC is the steadier one.
 */
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { runInNewContext } from 'node:vm';
import v8 from 'node:v8';
import { Server } from 'socket.io';
import { createScratchDatabase, storageLabel, type BenchStorage } from './databases.ts';
import { clock, RemoteFleet, sleep } from './fleet.ts';
import type { Row } from './report.ts';
import { serveApp, type ServedApp } from './served-app.ts';
import { repeat, spread, type RepeatOptions } from './stats.ts';

export interface SocketMemoryOptions {
  storage: BenchStorage;
  adminUrl: string | null;
  /** Clients connected to each variant per run (e.g. 5,000). */
  clients: number;
  repeat: RepeatOptions;
}

const KB = 1024;

/** A forced full GC, and how it was obtained (for the report). */
function findGc(): { gc: (() => void) | null; note: string | null } {
  const exposed = (globalThis as { gc?: () => void }).gc;
  if (typeof exposed === 'function') return { gc: exposed, note: null };
  try {
    v8.setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as unknown;
    if (typeof gc === 'function') return { gc: gc as () => void, note: 'global.gc absent (run node with --expose-gc); turned it on at run time' };
  } catch {
    // fall through: no forced GC available
  }
  return { gc: null, note: 'global.gc absent and could not be enabled: measured WITHOUT a forced GC (run node with --expose-gc)' };
}

/** A bare socket.io server with centre-ops's transport options (server/realtime/socket-server.ts). */
async function bareSocketServer(): Promise<{ io: Server; url: string; close(): Promise<void> }> {
  const http: HttpServer = createServer();
  const io = new Server(http, { serveClient: false, maxHttpBufferSize: 16 * 1024, pingInterval: 20_000, pingTimeout: 20_000 });
  io.on('connection', (socket) => {
    socket.on('subscribe', (request: { topic?: unknown }, ack: unknown) => {
      if (typeof ack !== 'function' || typeof request?.topic !== 'string') return;
      void socket.join(request.topic);
      ack({ ok: true, seq: 0 });
    });
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const { port } = http.address() as AddressInfo;
  return { io, url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => io.close(() => resolve())) };
}

interface Target {
  url: string;
  topic: string;
  auth: { token: string };
  /** Sockets the server still holds (engine.io clients). */
  connected(): number;
}

async function settle(gc: (() => void) | null): Promise<void> {
  for (let i = 0; i < 3; i += 1) {
    gc?.();
    await sleep(50);
  }
}

async function waitUntilEmpty(target: Target): Promise<void> {
  const deadline = clock() + 30_000;
  while (target.connected() > 0) {
    if (clock() > deadline) throw new Error(`${target.connected()} sockets still open 30 s after the clients disconnected`);
    await sleep(20);
  }
}

/** Memory growth per socket when `clients` connect to `target` and subscribe, in KB. */
async function perSocket(fleet: RemoteFleet, target: Target, clients: number, gc: (() => void) | null) {
  await settle(gc);
  const before = process.memoryUsage();
  await fleet.connect(target.url, target.auth, [target.topic], clients);
  await sleep(200);
  await settle(gc);
  const after = process.memoryUsage();
  if (target.connected() !== clients) throw new Error(`the server holds ${target.connected()} sockets, expected ${clients}`);
  await fleet.disconnect();
  await waitUntilEmpty(target);
  return { rss: (after.rss - before.rss) / clients / KB, heap: (after.heapUsed - before.heapUsed) / clients / KB };
}

export async function benchSocketMemory(options: SocketMemoryOptions): Promise<Row[]> {
  const { gc, note } = findGc();
  if (note) process.stderr.write(`  socket memory: ${note}\n`);
  const scratch = await createScratchDatabase(options.storage, options.adminUrl);
  const fleet = RemoteFleet.start(`client fleet (${options.clients})`);
  let served: ServedApp | null = null;
  let bare: Awaited<ReturnType<typeof bareSocketServer>> | null = null;
  try {
    served = await serveApp(scratch.database, { rooms: 1, members: 0 });
    bare = await bareSocketServer();
    const app = served.app;
    const bareIo = bare.io;
    const targets = {
      app: { url: served.url, topic: served.topic, auth: { token: served.kioskToken }, connected: () => app.io.engine.clientsCount },
      bare: { url: bare.url, topic: served.topic, auth: { token: served.kioskToken }, connected: () => bareIo.engine.clientsCount },
    } satisfies Record<string, Target>;

    const result = await repeat(options.repeat, async (index) => {
      const order = index % 2 === 0 ? (['bare', 'app'] as const) : (['app', 'bare'] as const);
      const kb = { app: { rss: 0, heap: 0 }, bare: { rss: 0, heap: 0 } };
      for (const variant of order) kb[variant] = await perSocket(fleet, targets[variant], options.clients, gc);
      return {
        appRssKB: kb.app.rss, bareRssKB: kb.bare.rss, rssRatio: kb.app.rss / kb.bare.rss,
        appHeapKB: kb.app.heap, bareHeapKB: kb.bare.heap, heapRatio: kb.app.heap / kb.bare.heap,
      };
    });
    const base = {
      benchmark: `Server memory per subscribed socket, ${options.clients.toLocaleString('en-US')} clients (separate process)`,
      storage: storageLabel[options.storage],
      unit: 'KB' as const,
    };
    const caveat = gc ? '' : ' (no forced GC)';
    const m = result.median;
    return [
      { ...base, measure: `RSS growth ÷ sockets${caveat}`, value: m.appRssKB, baseline: m.bareRssKB, ratio: m.rssRatio, ratioRange: spread(result, 'rssRatio') },
      { ...base, measure: `heapUsed growth ÷ sockets${caveat}`, value: m.appHeapKB, baseline: m.bareHeapKB, ratio: m.heapRatio, ratioRange: spread(result, 'heapRatio') },
    ];
  } finally {
    await fleet.close();
    await bare?.close();
    if (served) await served.app.close();
    await scratch.drop();
  }
}
