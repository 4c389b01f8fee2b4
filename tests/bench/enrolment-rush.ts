/**
 * A first-come term opening: 2,000 applications at once (each a different member, each 1–3 ranked choices skewed
 * to the popular classes) for 50 classes of 30, while 20,000 hall screens follow the term's seat board.
 *
 * Every part is a process of its own. The servers are buildApp apps with the seat board's coalescer running as in
 * production (children/enrolment-server.ts); one process may hold at most 20,000 open files on this machine, so on
 * PostgreSQL the screens are spread over two servers on one database (as a site would run them behind a load
 * balancer), while the embedded database, one process by nature, serves fewer screens. The applications come from
 * children/load-generator.ts, all in flight at once, as kiosks' `POST /api/terms/:id/applications` (bearer token,
 * fresh Idempotency-Key), taking turns between the servers. The screens are socket.io clients in client processes
 * (children/client-fleet.ts), each a paired hall display with a batch subscription to `term:<id>`, as the seat
 * board subscribes. Each run makes a fresh term (through the API; its classes by one SQL statement) and the
 * screens move to it.
 *
 * Reported per run, then the median over runs:
 * - lost requests: not answered 201 with at least one placement (a connection error counts too);
 * - classes over capacity, counted in the database afterwards from the placements themselves;
 * - answer time (each request, sent → answered) p50 and p99, against the same burst sent to the bare check-in
 *   route of checkin-throughput.ts (a validated body and one INSERT) on the same servers in the same run;
 * - the seat-board delay (enrolment-seat-delay.ts says exactly what it is) p50 and p99 over every (application,
 *   screen) pair, against a bare `io.to(room).emit` of the final `seats.changed` to the same screens in the same
 *   run; and from the last answer until every screen shows the final counts;
 * - the CPU time the servers and the screens' processes used during the rush (all share this machine's cores).
 */
import type { PlacementDto, SeatsDto } from '../../server/modules/enrolment/schemas.ts';
import type { LiveEvent } from '../../server/realtime/protocol.ts';
import { termTopic } from '../../server/realtime/topics.ts';
import type { ServerReply, ServerRequest } from './children/enrolment-server.ts';
import type { LoadAnswer, LoadJob, LoadResult } from './children/load-generator.ts';
import { spawnChild, type Child } from './children/spawn.ts';
import { createScratchDatabase, storageLabel, type BenchStorage, type ScratchDatabase } from './databases.ts';
import { rankedChoices, seededRandom, zipfWeights } from './enrolment-fixture.ts';
import { held, seatBoardDelays, type Shown, type Told } from './enrolment-seat-delay.ts';
import { addLatencies, checkClock, RemoteFleet, sleep } from './fleet.ts';
import type { Row } from './report.ts';
import { percentile, repeat, spread, type RepeatOptions } from './stats.ts';
import { cpuMs } from './two-processes.ts';

export interface EnrolmentRushOptions {
  storage: BenchStorage;
  adminUrl: string | null;
  /** Applications fired at once, each by a different member. */
  applications: number;
  classes: number;
  capacity: number;
  /** Hall screens following the term, spread evenly over the client processes and the servers. */
  screens: number;
  /** Client processes holding the screens. */
  fleets: number;
  /** Server processes (PostgreSQL only may have more than one). */
  servers: number;
  /** Bare broadcasts of the final seats.changed per run (the baseline of the seat-board delay). */
  broadcastRounds: number;
  repeat: RepeatOptions;
}

const ROOMS = 10;
const EVENT_TYPE = 'seats.changed';
/** After the last answer: the coalescer flushes every 300 ms, then the fan-out; the board must be final well within this. */
const SETTLE_MS = 5_000;
const ROUND_TIMEOUT_MS = 60_000;
/** A burst is given this long: on a busy 2-core machine 20,000 screens can slow a rush to many minutes (see the findings). */
const BURST_TIMEOUT_MS = 45 * 60_000;

type Server = Child<ServerRequest, ServerReply>;

async function ask<K extends ServerReply['kind']>(server: Server, request: ServerRequest, kind: K): Promise<Extract<ServerReply, { kind: K }>> {
  const reply = await server.ask(request, 600_000);
  if (reply.kind === 'error') throw new Error(`enrolment server: ${reply.message}`);
  if (reply.kind !== kind) throw new Error(`enrolment server: expected ${kind}, got ${reply.kind}`);
  return reply as Extract<ServerReply, { kind: K }>;
}

/** What the applicants were told: each 201 with placements, and how many were not. */
function toldOf(answers: readonly LoadAnswer[], expected: number): { told: Told[]; lost: number; sample: string | null } {
  const told: Told[] = [];
  let sample: string | null = null;
  for (const answer of answers) {
    const placements = answer.status === 201 ? ((JSON.parse(answer.body) as { placements?: PlacementDto[] }).placements ?? []) : [];
    if (placements.length === 0) {
      sample ??= `${answer.status} ${answer.body.slice(0, 300)}`;
      continue;
    }
    told.push({ answeredAt: answer.answeredAt, classIds: placements.map((p) => p.classId) });
  }
  return { told, lost: expected - told.length, sample };
}

export async function benchEnrolmentRush(options: EnrolmentRushOptions): Promise<Row[]> {
  if (options.servers > 1 && options.storage !== 'postgres') throw new Error('only PostgreSQL is shared by several server processes');
  let scratch: ScratchDatabase | null = null;
  const servers: Server[] = [];
  const loader = spawnChild<LoadJob, LoadResult>('load-generator.ts');
  const perFleet = Math.ceil(options.screens / options.fleets);
  const fleets = Array.from({ length: options.fleets }, (_, i) => RemoteFleet.start(`hall screens ${i + 1} (${perFleet.toLocaleString('en-US')})`));
  try {
    if (options.storage === 'postgres') {
      // Made and migrated here; the servers open it themselves.
      scratch = await createScratchDatabase('postgres', options.adminUrl);
      await scratch.database.close();
    }
    for (let i = 0; i < options.servers; i += 1) servers.push(spawnChild<ServerRequest, ServerReply>('enrolment-server.ts'));
    const started = await Promise.all(servers.map((server) => ask(server, { kind: 'start', databaseUrl: scratch?.url ?? null }, 'started')));
    const primary = servers[0]!;
    const site = await ask(primary, { kind: 'setup', members: options.applications, rooms: ROOMS }, 'ready');
    const bareBodies = site.memberIds.map((_, i) => JSON.stringify({ venueId: site.venueId, memberCode: `RUSH${String(i + 1).padStart(6, '0')}`, roomId: site.roomIds[i % ROOMS] }));

    // Fleet i's screens connect to server i mod servers.
    const serverOf = (fleet: number) => fleet % servers.length;
    process.stderr.write(`  connecting ${options.screens.toLocaleString('en-US')} hall screens from ${options.fleets} processes to ${servers.length} server${servers.length > 1 ? 's' : ''}\n`);
    const connectStarted = performance.now();
    await Promise.all(fleets.map((fleet, i) => fleet.connect(started[serverOf(i)]!.url, { token: site.displayToken }, [], perFleet)));
    process.stderr.write(`  connected in ${((performance.now() - connectStarted) / 1000).toFixed(1)} s\n`);
    for (const fleet of fleets) await checkClock(fleet);

    const pids = { servers: servers.map((s) => s.process.pid), screens: fleets.map((f) => f.pid) };
    let previousTopic: string | null = null;
    const weights = zipfWeights(options.classes, 1);
    const result = await repeat(options.repeat, async (runIndex) => {
      const { termId, classIds } = await ask(primary, { kind: 'term', classes: options.classes, capacity: options.capacity }, 'term');
      const topic = termTopic(termId);
      await Promise.all(fleets.map((fleet) => fleet.follow([topic], previousTopic ? [previousTopic] : [])));
      previousTopic = topic;
      // The same wishes every run: one, two or three choices, the popular classes most often (classIds: most popular first).
      const random = seededRandom(20_270_901);
      const bodies = site.memberIds.map((memberId) => JSON.stringify({ memberId, choices: rankedChoices(random, weights, 1 + Math.floor(random() * 3)).map((i) => classIds[i]!) }));
      const burst = (job: Pick<LoadJob, 'url' | 'path' | 'headers' | 'bodies' | 'uuidHeader'>): LoadJob => ({
        ...job, total: options.applications, concurrency: options.applications, keepAnswers: true,
      });

      const runBare = async () => {
        const outcome = await loader.ask(burst({ url: started.map((s) => s.bareUrl), path: '/bare', headers: {}, bodies: bareBodies }), BURST_TIMEOUT_MS);
        if ((outcome.statuses['201'] ?? 0) !== options.applications) throw new Error(`bare route: ${JSON.stringify(outcome.statuses)} — e.g. ${outcome.sample ?? '?'}`);
        return outcome.answers!.map((a) => a.answeredAt - a.startedAt);
      };
      const runRush = async () => {
        for (const fleet of fleets) await fleet.record(topic, EVENT_TYPE);
        // Where the machine's CPU went during the rush (the screens would be phones and displays elsewhere).
        const before = { servers: cpuMs(pids.servers), screens: cpuMs(pids.screens) };
        const outcome = await loader.ask(
          burst({
            url: started.map((s) => s.url), path: `/api/terms/${termId}/applications`, headers: { authorization: `Bearer ${site.kioskToken}` }, bodies,
            uuidHeader: 'idempotency-key',
          }),
          BURST_TIMEOUT_MS,
        );
        const cpu = { servers: cpuMs(pids.servers) - before.servers, screens: cpuMs(pids.screens) - before.screens };
        await sleep(SETTLE_MS);
        const recorded = await Promise.all(fleets.map((fleet) => fleet.stopRecording()));
        return { answers: outcome.answers!, recorded, cpu };
      };
      let bareMs: number[];
      let rush: Awaited<ReturnType<typeof runRush>>;
      if (runIndex % 2 === 0) {
        bareMs = await runBare();
        rush = await runRush();
      } else {
        rush = await runRush();
        bareMs = await runBare();
      }

      // What the applicants were told, and what the database holds.
      const { told, lost, sample } = toldOf(rush.answers, options.applications);
      if (lost > 0) process.stderr.write(`  ${lost} requests lost, e.g. ${sample}\n`);
      const counts = (await ask(primary, { kind: 'counts', termId }, 'counts')).classes;
      const overCapacity = counts.filter((c) => c.seated > c.capacity || c.taken > c.capacity).length;
      if (counts.some((c) => c.taken !== c.seated)) throw new Error('term_classes.taken disagrees with the placements it counts');
      const placementsTold = told.reduce((sum, t) => sum + t.classIds.length, 0);
      const placementsHeld = counts.reduce((sum, c) => sum + c.held, 0);
      if (placementsTold !== placementsHeld) throw new Error(`the answers gave ${placementsTold} places, the database holds ${placementsHeld}`);

      // The screens: every fleet kept the same events (by seq); their receipt times side by side.
      const bySeq = new Map<number, Shown>();
      for (const [f, events] of rush.recorded.entries()) {
        for (const kept of events) {
          let shown = bySeq.get(kept.event.seq);
          if (!shown) bySeq.set(kept.event.seq, (shown = { seats: kept.event.data as SeatsDto, receivedAt: new Float64Array(perFleet * options.fleets) }));
          shown.receivedAt.set(kept.receivedAt, f * perFleet);
        }
      }
      const shown = [...bySeq.entries()].sort(([a], [b]) => a - b).map(([, s]) => s);
      const final = new Map(counts.map((c) => [c.classId, c.held]));
      const isFinal = (s: Shown) => s.seats.classes.every((c) => held(c) === final.get(c.classId));
      const last = shown.at(-1);
      if (!last || !isFinal(last)) throw new Error(`the seat board did not show the final counts within ${SETTLE_MS} ms of the last answer`);
      const delays = seatBoardDelays(told, shown);
      if (delays.neverShown > 0 || delays.missedReceipts > 0) {
        throw new Error(`the seat board never showed ${delays.neverShown} applications; ${delays.missedReceipts} receipts missing`);
      }
      const lastAnswer = Math.max(...rush.answers.map((a) => a.answeredAt));
      const firstSent = Math.min(...rush.answers.map((a) => a.startedAt));
      const lastScreenFinal = Math.max(...shown.find(isFinal)!.receivedAt);

      // The baseline: the final seats.changed again, emitted bare by every server to its own screens.
      const broadcast: number[] = [];
      const payload: LiveEvent = rush.recorded[0]!.at(-1)!.event;
      for (let round = 0; round < options.broadcastRounds; round += 1) {
        for (const fleet of fleets) await fleet.arm(topic, EVENT_TYPE, ROUND_TIMEOUT_MS);
        const emitted = await Promise.all(servers.map((server) => ask(server, { kind: 'broadcast', topic, event: payload }, 'broadcast')));
        for (const [i, fleet] of fleets.entries()) addLatencies(broadcast, await fleet.receipts(), emitted[serverOf(i)]!.emittedAt);
        await sleep(50);
      }

      const answerMs = rush.answers.map((a) => a.answeredAt - a.startedAt);
      const figures = {
        lost,
        overCapacity,
        answerP50: percentile(answerMs, 50),
        answerP99: percentile(answerMs, 99),
        bareP50: percentile(bareMs, 50),
        bareP99: percentile(bareMs, 99),
        delayP50: delays.p50,
        delayP99: delays.p99,
        broadcastP50: percentile(broadcast, 50),
        broadcastP99: percentile(broadcast, 99),
        finalMs: lastScreenFinal - lastAnswer,
        rushMs: lastAnswer - firstSent,
        events: shown.length,
        placements: placementsHeld,
        serverCpuMs: rush.cpu.servers,
        screensCpuMs: rush.cpu.screens,
      };
      return {
        ...figures,
        answerP50Ratio: figures.answerP50 / figures.bareP50,
        answerP99Ratio: figures.answerP99 / figures.bareP99,
        delayP50Ratio: figures.delayP50 / figures.broadcastP50,
        delayP99Ratio: figures.delayP99 / figures.broadcastP99,
      };
    });

    const m = result.median;
    const worst = (key: 'lost' | 'overCapacity') => Math.max(...result.runs.map((run) => run[key]));
    const n = (value: number) => value.toLocaleString('en-US');
    const base = {
      benchmark:
        `First-come rush: ${n(options.applications)} applications at once, ${options.classes} classes of ${options.capacity}, ` +
        `${n(options.screens)} hall screens on ${servers.length} server process${servers.length > 1 ? 'es' : ''} (all separate processes)`,
      storage: storageLabel[options.storage],
      baseline: null,
      ratio: null,
    };
    const cpuOf = servers.length > 1 ? `the ${servers.length} server processes` : 'the server process';
    return [
      { ...base, unit: 'count', measure: 'requests lost: not answered 201 with placements (most in any run)', value: worst('lost') },
      { ...base, unit: 'count', measure: 'classes over capacity, counted in the database afterwards (most in any run)', value: worst('overCapacity') },
      {
        ...base, unit: 'ms', measure: 'answer time p50; baseline: the same burst to the bare check-in route (one INSERT)',
        value: m.answerP50, baseline: m.bareP50, ratio: m.answerP50Ratio, ratioRange: spread(result, 'answerP50Ratio'),
      },
      {
        ...base, unit: 'ms', measure: 'answer time p99; baseline: the same burst to the bare check-in route',
        value: m.answerP99, baseline: m.bareP99, ratio: m.answerP99Ratio, ratioRange: spread(result, 'answerP99Ratio'),
      },
      {
        ...base, unit: 'ms', measure: 'seat-board delay p50 (answer → a screen shows it); baseline: bare broadcast p50 to the same screens',
        value: m.delayP50, baseline: m.broadcastP50, ratio: m.delayP50Ratio, ratioRange: spread(result, 'delayP50Ratio'),
      },
      {
        ...base, unit: 'ms', measure: 'seat-board delay p99; baseline: bare broadcast p99 to the same screens',
        value: m.delayP99, baseline: m.broadcastP99, ratio: m.delayP99Ratio, ratioRange: spread(result, 'delayP99Ratio'),
      },
      { ...base, unit: 'ms', measure: 'last answer → every screen shows the final counts', value: m.finalMs },
      { ...base, unit: 'ms', measure: `whole rush: first request sent → last answer (${n(m.placements)} places given)`, value: m.rushMs },
      { ...base, unit: 'count', measure: 'seats.changed events during the rush (coalesced)', value: m.events },
      { ...base, unit: 'ms', measure: `CPU time during the rush: ${cpuOf}${options.storage === 'pglite' ? ' (PGlite runs in it)' : ''}`, value: m.serverCpuMs },
      { ...base, unit: 'ms', measure: `CPU time during the rush: the ${options.fleets} hall-screen processes`, value: m.screensCpuMs },
    ];
  } finally {
    await Promise.all(fleets.map((fleet) => fleet.close()));
    await loader.close();
    await Promise.all(servers.map((server) => server.close()));
    await scratch?.drop();
  }
}
