/**
 * Spreading sockets over server processes (PostgreSQL only): 5,000 socket.io clients, 2,500 on each of two
 * real server processes (server/main.ts on one scratch database), against one process holding 2,500.
 *
 * Two venues keep both measured in the same run, with the same processes alive: the 2,500 clients on
 * process A follow venues X and Y, the 2,500 on process B follow X only. Rounds alternate:
 * - two processes: a kiosk check-in at X, sent over HTTP to A; its `headcount.changed` reaches A's clients
 *   through A's dispatcher and B's clients through B's (NOTIFY from PostgreSQL), 5,000 deliveries;
 * - one process (baseline): a kiosk check-in at Y, sent to A; 2,500 deliveries on A alone (B's dispatcher
 *   reads the event too, and has nobody to send it to).
 * The clock starts just before the request; latency is each client's receipt of the round's
 * `headcount.changed` minus that start. Each process's clients are in a client process of their own
 * (children/client-fleet.ts), so the 5,000 are parsed by two processes as the 2,500 are by one.
 *
 * The CPU time the server and client processes use per round (Linux /proc) comes with the latencies: twice
 * the deliveries cost about twice the CPU, so two processes can only match one when the machine has the
 * spare cores to run them side by side (a 2-core machine running two servers and two client processes has not).
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { hashPassword } from '../../server/modules/auth/password.ts';
import { venueTopic } from '../../server/realtime/topics.ts';
import { httpSignIn, request, startServerProcess, type ServerProcess } from '../support/processes.ts';
import { createScratchDatabase, storageLabel } from './databases.ts';
import { createMembers, createVenueWithRooms } from './fixture.ts';
import { BENCH_LIMITS_OFF } from './served-app.ts';
import { addLatencies, checkClock, clock, RemoteFleet, sleep } from './fleet.ts';
import type { Row } from './report.ts';
import { median, percentile, repeat, spread, type RepeatOptions } from './stats.ts';

export interface TwoProcessesOptions {
  /** The PostgreSQL server (required: PGlite is one process's database). */
  adminUrl: string | null;
  /** Sockets over the two processes (e.g. 5,000); the one-process baseline holds half of them. */
  clients: number;
  /** Rounds of each kind per run. */
  rounds: number;
  /** A round starts at least this long after the previous one started (default 20 ms). */
  spacingMs?: number;
  repeat: RepeatOptions;
}

const EVENT_TYPE = 'headcount.changed';
const ROUND_TIMEOUT_MS = 30_000;
const ROOMS = 8;
const MEMBERS_PER_VENUE = 500;
const PASSWORD = 'correct horse battery staple';
/** Clock ticks per second of /proc/<pid>/stat's utime and stime (getconf CLK_TCK; 100 on Linux). */
const CLOCK_TICKS = 100;

/** CPU time (user + system) the processes have used so far, in ms; NaN where /proc cannot tell. */
export function cpuMs(pids: Array<number | undefined>): number {
  let ticks = 0;
  for (const pid of pids) {
    try {
      // Fields after the parenthesised command name; utime and stime are the 14th and 15th of the line.
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      return Number.NaN;
    }
  }
  return (ticks * 1000) / CLOCK_TICKS;
}

interface Venue {
  venueId: string;
  topic: string;
  roomIds: string[];
  memberCodes: string[];
  kioskToken: string;
  checkins: number;
}

async function pairKioskOverHttp(url: string, cookie: string, venueId: string): Promise<string> {
  const created = await request(`${url}/api/devices`, { cookie, body: { kind: 'kiosk', venueId, name: 'Bench kiosk' } });
  if (created.statusCode !== 201) throw new Error(`creating a kiosk failed (${created.statusCode}): ${created.body}`);
  const { pairingCode } = created.json as { pairingCode: string };
  const paired = await request(`${url}/api/devices/pair`, { body: { pairingCode } });
  if (paired.statusCode !== 200) throw new Error(`pairing the kiosk failed (${paired.statusCode}): ${paired.body}`);
  return (paired.json as { token: string }).token;
}

/** One kiosk check-in at `venue` through `server`: member after member, each into the next room. */
async function checkIn(server: ServerProcess, venue: Venue): Promise<void> {
  const n = venue.checkins++;
  const memberCode = venue.memberCodes[n % venue.memberCodes.length]!;
  const roomId = venue.roomIds[(n + Math.floor(n / venue.memberCodes.length)) % venue.roomIds.length]!;
  const answer = await request(`${server.url}/api/checkins`, {
    token: venue.kioskToken,
    headers: { 'idempotency-key': randomUUID() },
    body: { venueId: venue.venueId, memberCode, roomId },
  });
  if (answer.statusCode !== 201) throw new Error(`check-in failed (${answer.statusCode}): ${answer.body}`);
}

export async function benchTwoProcesses(options: TwoProcessesOptions): Promise<Row[]> {
  if (!options.adminUrl) throw new Error('the two-process benchmark needs PostgreSQL: set BENCH_DATABASE_URL');
  const half = Math.floor(options.clients / 2);
  const scratch = await createScratchDatabase('postgres', options.adminUrl);
  const fleets = { a: RemoteFleet.start(`client fleet on process A (${half})`), b: RemoteFleet.start(`client fleet on process B (${half})`) };
  const servers: ServerProcess[] = [];
  try {
    // The site, written straight into the database; marked initialised so the servers seed no demo data.
    const db = scratch.database.db;
    const username = `bench_admin_${process.pid}`;
    await db.insertInto('users').values({ username, passwordHash: await hashPassword(PASSWORD), role: 'admin' }).execute();
    await db.insertInto('appMeta').values({ key: 'initialised_at', value: JSON.stringify(new Date().toISOString()) }).execute();
    const codes = await createMembers(db, 2 * MEMBERS_PER_VENUE);
    const places = [await createVenueWithRooms(db, ROOMS), await createVenueWithRooms(db, ROOMS)];
    await scratch.database.close();

    const env = { DATABASE_URL: scratch.url!, LOG_LEVEL: 'warn', ...BENCH_LIMITS_OFF };
    servers.push(...(await Promise.all([startServerProcess(env), startServerProcess(env)])));
    const [a, b] = servers as [ServerProcess, ServerProcess];
    const cookie = await httpSignIn(a.url, username, PASSWORD);
    const [x, y] = await Promise.all(
      places.map(
        async (place, i): Promise<Venue> => ({
          venueId: place.venueId,
          topic: venueTopic(place.venueId),
          roomIds: place.roomIds,
          memberCodes: codes.slice(i * MEMBERS_PER_VENUE, (i + 1) * MEMBERS_PER_VENUE),
          kioskToken: await pairKioskOverHttp(a.url, cookie, place.venueId),
          checkins: 0,
        }),
      ),
    ) as [Venue, Venue];

    await fleets.a.connect(a.url, { cookie }, [x.topic, y.topic], half);
    await fleets.b.connect(b.url, { cookie }, [x.topic], half);
    await checkClock(fleets.a);
    await checkClock(fleets.b);

    const pids = { servers: [a.child.pid, b.child.pid], clients: [fleets.a.pid, fleets.b.pid] };
    /** One round; returns the request's duration and the CPU it took, and adds each client's latency to `into`. */
    const round = async (kind: 'two' | 'one', into: number[]): Promise<{ requestMs: number; serverCpuMs: number; clientCpuMs: number }> => {
      const venue = kind === 'two' ? x : y;
      const listening = kind === 'two' ? [fleets.a, fleets.b] : [fleets.a];
      for (const fleet of listening) await fleet.arm(venue.topic, EVENT_TYPE, ROUND_TIMEOUT_MS);
      const cpuBefore = { servers: cpuMs(pids.servers), clients: cpuMs(pids.clients) };
      const started = clock();
      await checkIn(a, venue);
      const requestMs = clock() - started;
      for (const fleet of listening) addLatencies(into, await fleet.receipts(), started);
      return { requestMs, serverCpuMs: cpuMs(pids.servers) - cpuBefore.servers, clientCpuMs: cpuMs(pids.clients) - cpuBefore.clients };
    };
    // Each path once end to end before measuring.
    await round('two', []);
    await round('one', []);
    if (Number.isNaN(cpuMs(pids.servers))) process.stderr.write('  two processes: no /proc here, so no CPU times\n');

    const result = await repeat(options.repeat, async (runIndex) => {
      const spacingMs = options.spacingMs ?? 20;
      const samples = { two: [] as number[], one: [] as number[] };
      const requests = { two: [] as number[], one: [] as number[] };
      const cpu = { two: { servers: 0, clients: 0 }, one: { servers: 0, clients: 0 } };
      for (let i = 0; i < options.rounds * 2; i += 1) {
        const kind = (i + runIndex) % 2 === 0 ? 'two' : 'one';
        const started = clock();
        const measured = await round(kind, samples[kind]);
        requests[kind].push(measured.requestMs);
        cpu[kind].servers += measured.serverCpuMs;
        cpu[kind].clients += measured.clientCpuMs;
        await sleep(Math.max(1, spacingMs - (clock() - started)));
      }
      const twoP50 = percentile(samples.two, 50);
      const twoP99 = percentile(samples.two, 99);
      const oneP50 = percentile(samples.one, 50);
      const oneP99 = percentile(samples.one, 99);
      const twoRequestMs = median(requests.two);
      const oneRequestMs = median(requests.one);
      return {
        twoP50, twoP99, oneP50, oneP99,
        p50Ratio: twoP50 / oneP50,
        p99Ratio: twoP99 / oneP99,
        twoRequestMs, oneRequestMs,
        requestRatio: twoRequestMs / oneRequestMs,
        twoServerCpuMs: cpu.two.servers / options.rounds,
        oneServerCpuMs: cpu.one.servers / options.rounds,
        serverCpuRatio: cpu.two.servers / cpu.one.servers,
        twoClientCpuMs: cpu.two.clients / options.rounds,
        oneClientCpuMs: cpu.one.clients / options.rounds,
        clientCpuRatio: cpu.two.clients / cpu.one.clients,
      };
    });
    const base = {
      benchmark: `Check-in → headcount.changed, ${(2 * half).toLocaleString('en-US')} clients on two processes vs ${half.toLocaleString('en-US')} on one`,
      storage: storageLabel.postgres,
      unit: 'ms' as const,
    };
    const m = result.median;
    return [
      { ...base, measure: 'per-client p50', value: m.twoP50, baseline: m.oneP50, ratio: m.p50Ratio, ratioRange: spread(result, 'p50Ratio') },
      { ...base, measure: 'per-client p99', value: m.twoP99, baseline: m.oneP99, ratio: m.p99Ratio, ratioRange: spread(result, 'p99Ratio') },
      { ...base, measure: 'check-in request (HTTP → 201), median', value: m.twoRequestMs, baseline: m.oneRequestMs, ratio: m.requestRatio, ratioRange: spread(result, 'requestRatio') },
      {
        ...base,
        measure: 'server CPU time per round, both processes (mean)',
        value: m.twoServerCpuMs, baseline: m.oneServerCpuMs, ratio: m.serverCpuRatio, ratioRange: spread(result, 'serverCpuRatio'),
      },
      {
        ...base,
        measure: 'client-process CPU time per round (mean)',
        value: m.twoClientCpuMs, baseline: m.oneClientCpuMs, ratio: m.clientCpuRatio, ratioRange: spread(result, 'clientCpuRatio'),
      },
    ];
  } finally {
    await Promise.all([fleets.a.close(), fleets.b.close()]);
    await Promise.all(servers.map((server) => server.stop()));
    await scratch.drop();
  }
}
