/**
 * Commit → socket latency. A real app (buildApp, listening on 127.0.0.1) with many socket.io clients
 * subscribed to one `venue:ID` topic. Each round starts a clock, then either
 * - commits a room update with its `room.updated` event through writeTransaction (the outbox path: COMMIT,
 *   NOTIFY, the dispatcher reads the row, emits to the room), or
 * - (baseline) emits the same payload straight to the room with `app.io.to(topic).emit`,
 * and records, for every client, its receipt time minus the round's start. Rounds alternate between the two
 * kinds and wait for every client before the next starts, so both are measured under the same conditions.
 */
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../server/app.ts';
import { loadConfig } from '../../server/config.ts';
import { updateRoom } from '../../server/modules/venues/queries.ts';
import { venueTopic } from '../../server/modules/venues/service.ts';
import { writeTransaction } from '../../server/realtime/outbox.ts';
import type { LiveEvent } from '../../server/realtime/protocol.ts';
import { createScratchDatabase, storageLabel, type BenchStorage } from './databases.ts';
import { createVenueWithRooms, signInAdmin } from './fixture.ts';
import { connectFleet, type ClientFleet } from './live-clients.ts';
import type { Row } from './report.ts';
import { median, percentile, repeat, spread, type RepeatOptions } from './stats.ts';

export interface EventLatencyOptions {
  storage: BenchStorage;
  adminUrl: string | null;
  clients: number;
  /** Events of each kind per run. */
  events: number;
  /** A round starts at least this long after the previous one started. */
  spacingMs: number;
  repeat: RepeatOptions;
}

const ROUND_TIMEOUT_MS = 5_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Stage {
  app: FastifyInstance;
  fleet: ClientFleet;
  roomId: string;
  topic: string;
  /** A payload exactly like the outbox's, for the bare broadcast. */
  payload: LiveEvent;
}

async function commitRoomUpdate(stage: Stage, capacity: number): Promise<void> {
  await writeTransaction(stage.app.database.db, async (trx, emit) => {
    const room = await updateRoom(trx, stage.roomId, { capacity });
    if (!room) throw new Error('the benchmark room vanished');
    emit({ topic: stage.topic, type: 'room.updated', data: { room } });
  });
}

/** One run: `events` rounds of each kind, interleaved. */
async function measure(stage: Stage, options: EventLatencyOptions, runIndex: number) {
  const samples = { outbox: [] as number[], bare: [] as number[] };
  const commitMs: number[] = [];
  const { collector } = stage.fleet;
  for (let round = 0; round < options.events * 2; round += 1) {
    const kind = (round + runIndex) % 2 === 0 ? 'outbox' : 'bare';
    const received = collector.arm(ROUND_TIMEOUT_MS);
    received.catch(() => {}); // awaited below; this only keeps a failed commit from leaving it unhandled
    const started = performance.now();
    if (kind === 'outbox') {
      await commitRoomUpdate(stage, 10 + (round % 50));
      commitMs.push(performance.now() - started);
    } else {
      stage.app.io.to(stage.topic).emit('event', { ...stage.payload, at: new Date().toISOString() });
    }
    await received;
    for (const at of collector.receivedAt) samples[kind].push(at - started);
    await sleep(Math.max(1, options.spacingMs - (performance.now() - started)));
  }
  const outboxP50 = percentile(samples.outbox, 50);
  const outboxP99 = percentile(samples.outbox, 99);
  const bareP50 = percentile(samples.bare, 50);
  const bareP99 = percentile(samples.bare, 99);
  return { outboxP50, outboxP99, bareP50, bareP99, p50Ratio: outboxP50 / bareP50, p99Ratio: outboxP99 / bareP99, commitMs: median(commitMs) };
}

export async function benchEventLatency(options: EventLatencyOptions): Promise<Row[]> {
  const scratch = await createScratchDatabase(options.storage, options.adminUrl);
  let app: FastifyInstance | null = null;
  let fleet: ClientFleet | null = null;
  try {
    const config = loadConfig({ LOG_LEVEL: 'silent' }, { port: 0, host: '127.0.0.1', staticDir: null, seedDemoOnFirstStart: false });
    app = await buildApp(config, { database: scratch.database, logger: false });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    if (typeof address !== 'object' || !address) throw new Error('the app is not listening on a TCP port');
    const cookie = await signInAdmin(app);
    const { venueId, roomIds } = await createVenueWithRooms(app.database.db, 1);
    const roomId = roomIds[0];
    if (!roomId) throw new Error('no room');
    const topic = venueTopic(venueId);
    fleet = await connectFleet(`http://127.0.0.1:${address.port}`, cookie, topic, options.clients);

    // One outbox event first: it checks the path end to end and gives the bare broadcast its payload.
    const stage: Stage = { app, fleet, roomId, topic, payload: { seq: 0, topic, type: '', data: null, at: '' } };
    const first = fleet.collector.arm(ROUND_TIMEOUT_MS);
    first.catch(() => {});
    await commitRoomUpdate(stage, 11);
    await first;
    const payload = fleet.collector.lastEvent;
    if (!payload || payload.type !== 'room.updated') throw new Error('the first outbox event did not arrive as room.updated');
    stage.payload = payload;

    const result = await repeat(options.repeat, (index) => measure(stage, options, index));
    const storage = storageLabel[options.storage];
    const benchmark = `Commit → socket, ${options.clients} clients (in-process)`;
    const base = { benchmark, storage, unit: 'ms' as const };
    const m = result.median;
    return [
      { ...base, measure: 'per-client p50', value: m.outboxP50, baseline: m.bareP50, ratio: m.p50Ratio, ratioRange: spread(result, 'p50Ratio') },
      { ...base, measure: 'per-client p99', value: m.outboxP99, baseline: m.bareP99, ratio: m.p99Ratio, ratioRange: spread(result, 'p99Ratio') },
      { ...base, measure: 'writeTransaction duration, median', value: m.commitMs, baseline: null, ratio: null },
    ];
  } finally {
    fleet?.close();
    if (app) await app.close();
    await scratch.drop();
  }
}
