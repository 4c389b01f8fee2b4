/**
 * Check-in → `headcount.changed` fan-out latency with 1,000 or 5,000 socket.io clients subscribed to one
 * `venue:ID` topic, the clients in a separate process (children/client-fleet.ts) so that parsing thousands of
 * frames does not share the server's event loop. The server is a buildApp app in this process.
 *
 * Rounds rotate through three kinds and each waits for every client before the next starts:
 * - centre-ops: the clock starts just before a real kiosk check-in (`POST /api/checkins` through app.inject,
 *   Bearer token, fresh Idempotency-Key) and stops at each client's receipt of the `headcount.changed` that
 *   the check-in's commit publishes. Every check-in is a member's arrival (no earlier visit to end), so the
 *   commit publishes two events, `checkin.created` then `headcount.changed`, and the clients get both;
 * - baseline: the clock starts just before `app.io.to(deviceRoom(batchRoom(topic))).emit('events', [payload])`
 *   of a copy of the same `headcount.changed` payload to the same clients (kiosks: the topic's device rooms);
 * - second baseline: the same bare emit of every event the check-in publishes, in its order, the clock
 *   stopping at the `headcount.changed`: what the fan-out of that many events costs without the outbox.
 * Per-client p50/p99 are over all deliveries of a run. The check-in's write (its transaction or single
 * statement, connection acquisition included, to COMMIT) is timed too, for the goal: per-client p99 ≤
 * 1.5 × bare p99 + one commit.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../server/db/schema.ts';
import { deviceRoom } from '../../server/realtime/device-view.ts';
import { batchRoom, type LiveEvent } from '../../server/realtime/protocol.ts';
import { createScratchDatabase, storageLabel, type BenchStorage } from './databases.ts';
import { addLatencies, checkClock, clock, RemoteFleet, sleep } from './fleet.ts';
import type { Row } from './report.ts';
import { serveApp, type ServedApp } from './served-app.ts';
import { median, percentile, repeat, spread, type RepeatOptions } from './stats.ts';

export interface FanoutLatencyOptions {
  storage: BenchStorage;
  adminUrl: string | null;
  /** Socket.io clients in the fleet process, all subscribed to the venue topic (e.g. 1,000 or 5,000). */
  clients: number;
  /** Rounds of each kind per run. */
  rounds: number;
  /** A round starts at least this long after the previous one started (default 20 ms). */
  spacingMs?: number;
  /**
   * Also time a bare emit of every event the check-in publishes (default true). Its rounds are about 40 % of
   * the run's time; without them the row comparing against it is left out.
   */
  allEventsBaseline?: boolean;
  repeat: RepeatOptions;
}

const EVENT_TYPE = 'headcount.changed';
const ROUND_TIMEOUT_MS = 30_000;
const ROOMS = 8;

/**
 * Times every call the app makes to its database (each query outside a transaction, each transaction from
 * asking for a connection to COMMIT), by wrapping `db.transaction()` and the instance's query executor on
 * this one Kysely instance. The check-in's write is the longest call of its request: its transaction, or the
 * one statement that records it, whichever way the checkins module does it; the reads before it take a
 * fraction of that. Only the benchmark's own app is touched, and `restore()` puts it back.
 */
export function timeDatabaseCalls(db: Kysely<DB>): { take(): number[]; restore(): void } {
  let durations: number[] = [];
  const timed = async <T>(work: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    try {
      return await work();
    } finally {
      durations.push(performance.now() - started);
    }
  };
  const originalTransaction = db.transaction;
  db.transaction = function timedTransaction(this: Kysely<DB>) {
    const builder = originalTransaction.call(this);
    const execute = builder.execute.bind(builder);
    builder.execute = (callback) => timed(() => execute(callback));
    return builder;
  } as Kysely<DB>['transaction'];
  // Queries outside transactions go through this executor; a transaction's queries through one of its own.
  const executor = db.getExecutor();
  const originalQuery = Object.hasOwn(executor, 'executeQuery') ? executor.executeQuery : null;
  const executeQuery = executor.executeQuery.bind(executor);
  executor.executeQuery = ((query, options) => timed(() => executeQuery(query, options))) as typeof executor.executeQuery;
  return {
    take() {
      const taken = durations;
      durations = [];
      return taken;
    },
    restore() {
      db.transaction = originalTransaction;
      if (originalQuery) executor.executeQuery = originalQuery;
      else delete (executor as Partial<typeof executor>).executeQuery;
    },
  };
}

interface Stage {
  served: ServedApp;
  fleet: RemoteFleet;
  databaseCalls: ReturnType<typeof timeDatabaseCalls>;
  /** The `headcount.changed` the bare broadcast copies. */
  payload: LiveEvent;
  /** Every event a check-in publishes on the topic, in order, `headcount.changed` last. */
  sequence: LiveEvent[];
  checkins: number;
}

/** One real kiosk check-in: a member who is not checked in yet arrives, into the next room. */
async function checkIn(stage: Stage): Promise<void> {
  const { served } = stage;
  const n = stage.checkins++;
  const memberCode = served.memberCodes[n];
  if (!memberCode) throw new Error(`the site has only ${served.memberCodes.length} members for ${n + 1} check-ins`);
  const roomId = served.roomIds[n % served.roomIds.length]!;
  const response = await served.app.inject({
    method: 'POST',
    url: '/api/checkins',
    headers: { authorization: `Bearer ${served.kioskToken}`, 'idempotency-key': randomUUID() },
    payload: { venueId: served.venueId, memberCode, roomId },
  });
  if (response.statusCode !== 201) throw new Error(`check-in failed (${response.statusCode}): ${response.body}`);
}

async function measure(stage: Stage, options: FanoutLatencyOptions, runIndex: number) {
  const KINDS = options.allEventsBaseline === false ? (['checkin', 'bare'] as const) : (['checkin', 'bare', 'bareAll'] as const);
  const spacingMs = options.spacingMs ?? 20;
  const samples = { checkin: [] as number[], bare: [] as number[], bareAll: [] as number[] };
  const requestMs: number[] = [];
  const writeMs: number[] = [];
  const { served, fleet } = stage;
  for (let round = 0; round < options.rounds * KINDS.length; round += 1) {
    const kind = KINDS[(((round + runIndex) % KINDS.length) + KINDS.length) % KINDS.length]!; // warm-ups have negative indexes
    await fleet.arm(served.topic, EVENT_TYPE, ROUND_TIMEOUT_MS);
    stage.databaseCalls.take();
    const started = clock();
    if (kind === 'checkin') {
      await checkIn(stage);
      requestMs.push(clock() - started);
      writeMs.push(Math.max(...stage.databaseCalls.take()));
    } else {
      const at = new Date().toISOString();
      // The fleet subscribes as the apps do (batch: one `events` frame per change), so the bare broadcast is
      // one frame too: the payload alone, or every event the check-in published.
      const frame = (kind === 'bare' ? [stage.payload] : stage.sequence).map((event) => ({ ...event, at }));
      // The fleet are kiosks: they follow the topic through its device rooms (realtime/device-view.ts).
      served.app.io.to(deviceRoom(batchRoom(served.topic))).emit('events', frame);
    }
    addLatencies(samples[kind], await fleet.receipts(), started);
    await sleep(Math.max(1, spacingMs - (clock() - started)));
  }
  const checkinP50 = percentile(samples.checkin, 50);
  const checkinP99 = percentile(samples.checkin, 99);
  const bareP50 = percentile(samples.bare, 50);
  const bareP99 = percentile(samples.bare, 99);
  const bareAllP99 = percentile(samples.bareAll, 99);
  const write = median(writeMs);
  return {
    checkinP50, checkinP99, bareP50, bareP99, bareAllP99,
    p50Ratio: checkinP50 / bareP50,
    p99Ratio: checkinP99 / bareP99,
    p99AllRatio: checkinP99 / bareAllP99,
    writeMs: write,
    requestMs: median(requestMs),
    /** The goal's bound for this run: 1.5 × bare p99 + one commit. */
    goalMs: 1.5 * bareP99 + write,
  };
}

export async function benchFanoutLatency(options: FanoutLatencyOptions): Promise<Row[]> {
  const scratch = await createScratchDatabase(options.storage, options.adminUrl);
  const fleet = RemoteFleet.start(`client fleet (${options.clients})`);
  let served: ServedApp | null = null;
  let databaseCalls: ReturnType<typeof timeDatabaseCalls> | null = null;
  try {
    // A fresh member for every check-in of every run (and the first one below).
    const checkins = options.rounds * (options.repeat.warmups + options.repeat.runs) + 1;
    served = await serveApp(scratch.database, { rooms: ROOMS, members: checkins });
    databaseCalls = timeDatabaseCalls(served.app.database.db);
    await fleet.connect(served.url, { token: served.kioskToken }, [served.topic], options.clients);
    await checkClock(fleet);
    const stage: Stage = { served, fleet, databaseCalls, payload: null as unknown as LiveEvent, sequence: [], checkins: 0 };
    // One check-in first: it checks the path end to end and gives the bare broadcasts their payloads.
    await fleet.arm(served.topic, EVENT_TYPE, ROUND_TIMEOUT_MS);
    await checkIn(stage);
    const first = await fleet.receipts();
    stage.payload = first.event;
    stage.sequence = first.sequence;
    const published = stage.sequence.map((e) => e.type).join(' + ');

    const result = await repeat(options.repeat, (index) => measure(stage, options, index));
    const base = {
      benchmark: `Check-in → headcount.changed, ${options.clients.toLocaleString('en-US')} clients (separate process)`,
      storage: storageLabel[options.storage],
      unit: 'ms' as const,
    };
    const m = result.median;
    return [
      { ...base, measure: 'per-client p50', value: m.checkinP50, baseline: m.bareP50, ratio: m.p50Ratio, ratioRange: spread(result, 'p50Ratio') },
      { ...base, measure: 'per-client p99', value: m.checkinP99, baseline: m.bareP99, ratio: m.p99Ratio, ratioRange: spread(result, 'p99Ratio') },
      ...(options.allEventsBaseline === false
        ? []
        : [{
            ...base,
            measure: `per-client p99, baseline a bare emit of all ${stage.sequence.length} events (${published})`,
            value: m.checkinP99, baseline: m.bareAllP99, ratio: m.p99AllRatio, ratioRange: spread(result, 'p99AllRatio'),
          }]),
      { ...base, measure: 'check-in write (its transaction or statement, to COMMIT), median', value: m.writeMs, baseline: null, ratio: null },
      { ...base, measure: 'check-in request (inject → 201), median', value: m.requestMs, baseline: null, ratio: null },
      { ...base, measure: 'goal bound: 1.5 × bare p99 + check-in write', value: m.goalMs, baseline: null, ratio: null },
    ];
  } finally {
    databaseCalls?.restore();
    await fleet.close();
    if (served) await served.app.close();
    await scratch.drop();
  }
}
