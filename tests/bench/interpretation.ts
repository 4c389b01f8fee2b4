/**
 * The run's settings, how the figures were made, and the performance goals checked against the figures of this
 * very run, so docs/performance.md never describes numbers it does not show.
 */
import type { Row } from './report.ts';

export const SETTINGS = {
  warmups: 1,
  runs: 3,
  transactions: 2_000,
  concurrency: 16,
  /** Check-in throughput: requests per variant per run, and in flight at once. */
  checkinRequests: 3_000,
  checkinConcurrency: 32,
  /** Fan-out: socket.io clients in a separate process, and rounds of each kind per run. */
  fanoutClients: [1_000, 5_000] as const,
  fanoutRounds: 30,
  memoryClients: 5_000,
  bookingCreations: 300,
  calendarRequests: 200,
  twoProcessClients: 5_000,
  /** Lottery draw: classes, applicants, ranked choices each, classes per member. */
  drawClasses: 300,
  drawApplicants: 8_000,
  drawChoices: 3,
  drawClassesPerMember: 2,
  /** First-come rush: applications at once, classes and their capacity, bare broadcasts per run. */
  rushApplications: 2_000,
  rushClasses: 50,
  rushCapacity: 30,
  rushBroadcastRounds: 10,
  /**
   * Hall screens following the rush (BENCH_RUSH_SCREENS sets both, e.g. 20000). 20,000 made one rush take over
   * half an hour on the 2-core machines these runs get (findings.ts "Enrolment"), longer than the whole program
   * may run, so the default is what finishes in minutes. See rushLayout for how they are spread over processes.
   */
  rushScreens: { postgres: screensFromEnv() ?? 5_000, pglite: screensFromEnv() ?? 1_000 },
  /** A rush is minutes long and each run has 2,000 answers and millions of (application, screen) pairs: one run, no warm-up. */
  rushWarmups: 0,
  rushRuns: 1,
} as const;

function screensFromEnv(): number | null {
  const value = Number(process.env.BENCH_RUSH_SCREENS);
  return Number.isInteger(value) && value > 0 ? value : null;
}

/**
 * Client processes of at most 5,000 screens each (as the fan-out benchmarks hold them), and server processes of at
 * most 10,000 each: a process may hold 20,000 open files on these machines. PGlite is one process by nature.
 */
export function rushLayout(storage: 'postgres' | 'pglite'): { screens: number; fleets: number; servers: number } {
  const screens = SETTINGS.rushScreens[storage];
  return { screens, fleets: Math.ceil(screens / 5_000), servers: storage === 'pglite' ? 1 : Math.ceil(screens / 10_000) };
}

const s = SETTINGS;
const n = (value: number) => value.toLocaleString('en-US');

export const methodNotes: readonly string[] = [
  `Every figure is the median of ${s.runs} runs after ${s.warmups} warm-up run; every ratio is computed inside each run ` +
    '(against the baseline of that same run) and then the median of those ratios is taken. The range shows the lowest and ' +
    'highest per-run ratio.',
  `Write throughput: ${n(s.transactions)} transactions per variant per run, each an \`UPDATE rooms … RETURNING\` of one of 64 rooms; ` +
    'centre-ops records a `room.updated` event with it (`write`: the events inserted unnumbered, NOTIFY); the baseline ' +
    `is the same UPDATE alone. PostgreSQL: ${s.concurrency} workers on ${s.concurrency} connections; PGlite: one at a time.`,
  `Check-in throughput: a separate process (tests/bench/children/load-generator.ts) sends ${n(s.checkinRequests)} requests per ` +
    `variant per run, ${s.checkinConcurrency} in flight, over keep-alive HTTP. centre-ops: \`POST /api/checkins\` with a kiosk's ` +
    'bearer token and a fresh Idempotency-Key; 300 members (a large centre at its busiest) walk from room to room of 8, so every ' +
    'check-in after the first pass also ends an earlier visit. Baseline: a bare Fastify route on the same database that validates ' +
    'a body of the same shape and does one INSERT.',
  `Check-in → headcount.changed: ${s.fanoutClients.map(n).join(' and ')} socket.io clients (WebSocket) in a separate process ` +
    '(tests/bench/children/client-fleet.ts), subscribed to the venue topic; each round starts the clock before a real check-in ' +
    'and stops it at each client\'s receipt of the resulting `headcount.changed` (both processes read one clock). Baseline: a bare ' +
    `\`io.to(topic).emit\` of the same payload. ${s.fanoutRounds} rounds of each kind per run, interleaved. The goal bound is ` +
    '1.5 × the bare p99 plus the check-in\'s own write (its statement, to COMMIT).',
  `Memory: RSS and heapUsed of the server process before and after ${n(s.memoryClients)} subscribed clients connect, after a ` +
    'forced GC, divided by the clients; baseline: a bare socket.io server in the same process with as many clients.',
  `Booking creation: ${s.bookingCreations} \`POST /api/bookings\` per table size per run through \`app.inject\`, into a table ` +
    'filled with existing bookings by one INSERT … SELECT; the ratio compares the large table with the small one.',
  `Calendar: ${s.calendarRequests} \`GET /api/bookings\` requests for a venue-week (50 rooms, a year of bookings) through ` +
    '`app.inject`, against the bare query that lists the same rows.',
  `Two processes: ${n(s.twoProcessClients)} clients spread over two server processes (server/main.ts) on one PostgreSQL, ` +
    `against one process holding ${n(s.twoProcessClients / 2)}; a check-in through one process, its event timed at every client.`,
  `Lottery draw: a fresh term per run (made through the API) with ${s.drawClasses} classes of 15–40 seats and ${n(s.drawApplicants)} ` +
    `applications of ${s.drawChoices} ranked choices (${s.drawClassesPerMember} classes per member; popularity falling as 1/rank, so the ` +
    'most wanted class is about 1,300 people\'s first choice), classes and applications inserted by one SQL statement each, the window ' +
    'closed. Timed: `POST /api/terms/:id/draw` over HTTP, request to the last byte of the answer; every statement of its transaction ' +
    'is timed by wrapping the app\'s `db.transaction()`. The baseline is the pure placement, `runDraw` ' +
    '(server/shared/enrolment-draw.ts) with the published inputs in the benchmark\'s process, whose result must equal the server\'s.',
  `First-come rush (${s.rushRuns} run, no warm-up: a rush lasts minutes): a fresh first-come term per run with ${s.rushClasses} classes of ` +
    `${s.rushCapacity}; a separate process sends ${n(s.rushApplications)} applications at once (each a different member, 1–3 ranked ` +
    'choices, popular classes most often) as kiosks, while hall displays follow `term:<id>` with batch subscriptions from client ' +
    `processes: ${n(rushLayout('postgres').screens)} on PostgreSQL (${rushLayout('postgres').servers} server process(es); one process may hold ` +
    `20,000 open files here, so each serves at most 10,000), ${n(rushLayout('pglite').screens)} on PGlite's one process; ` +
    'BENCH_RUSH_SCREENS changes both. Each server runs the seat board\'s coalescer as in production. Afterwards the database is checked: every ' +
    'request answered 201 with placements, no class over capacity, the places the answers gave equal to those held. Seat-board delay: ' +
    'in each class the k-th answer (by arrival) that placed someone in it is shown by the first `seats.changed` holding at least k places ' +
    'there; an application\'s delay at a screen is that event\'s arrival minus the answer\'s (0 if the screen was first), over every ' +
    '(application, screen) pair. Baselines, same run: the same burst to the bare check-in route on the same servers, and a bare ' +
    `\`io.to(room).emit\` of the final \`seats.changed\` (${s.rushBroadcastRounds} rounds) to the same screens.`,
];

export interface Goal {
  goal: string;
  measured: string;
  met: boolean | null;
}

const find = (rows: readonly Row[], benchmark: string, storage: string, measure: string) =>
  rows.find((r) => r.benchmark.startsWith(benchmark) && r.storage.startsWith(storage) && r.measure.startsWith(measure) && !r.skipped && r.value !== null);

const fmt = (value: number, digits = 2) => value.toFixed(digits);

/** The performance goals, each checked against this run's rows (null: the benchmark did not run here). */
export function checkGoals(rows: readonly Row[]): Goal[] {
  const goals: Goal[] = [];
  for (const storage of ['PostgreSQL', 'PGlite']) {
    const row = find(rows, 'Check-in throughput', storage, 'requests/s');
    goals.push({
      goal: `Check-in throughput ≥ 50 % of the bare INSERT route (${storage})`,
      measured: row?.ratio != null ? `${Math.round(row.ratio * 100)} % (${fmt(row.value ?? 0, 0)} against ${fmt(row.baseline ?? 0, 0)} requests/s)` : 'not run',
      met: row?.ratio != null ? row.ratio >= 0.5 : null,
    });
  }
  for (const storage of ['PostgreSQL', 'PGlite']) {
    // Exactly 'per-client p99': another row's measure starts the same way (its baseline is a bare emit of all events).
    const p99 = rows.find((r) => r.benchmark.startsWith('Check-in → headcount.changed, 1,000 clients') && r.storage.startsWith(storage) && r.measure === 'per-client p99' && r.value !== null);
    const bound = find(rows, 'Check-in → headcount.changed, 1,000 clients', storage, 'goal bound');
    goals.push({
      goal: `Per-client p99 at 1,000 sockets ≤ 1.5 × bare p99 + one commit (${storage})`,
      measured: p99?.value != null && bound?.value != null ? `${fmt(p99.value, 1)} ms against a bound of ${fmt(bound.value, 1)} ms (bare p99 ${fmt(p99.baseline ?? 0, 1)} ms)` : 'not run',
      met: p99?.value != null && bound?.value != null ? p99.value <= bound.value : null,
    });
  }
  const memory = rows.find((r) => r.benchmark.startsWith('Server memory per subscribed socket') && r.measure.startsWith('RSS') && r.value !== null);
  goals.push({
    goal: '≤ 30 KB of server memory per connected socket',
    measured: memory?.value != null ? `${fmt(memory.value, 1)} KB of RSS per socket (bare socket.io: ${fmt(memory.baseline ?? 0, 1)} KB)` : 'not run',
    met: memory?.value != null ? memory.value <= 30 : null,
  });
  for (const storage of ['PostgreSQL', 'PGlite']) {
    const row = rows.find((r) => r.benchmark.startsWith('Booking creation') && r.storage.startsWith(storage) && r.measure.startsWith('p99') && r.ratio !== null && !r.skipped);
    goals.push({
      goal: `Booking creation p99 with the large table ≤ 2 × with 1,000 bookings (${storage})`,
      measured: row?.ratio != null ? `${fmt(row.ratio)}× (p99 ${fmt(row.value ?? 0)} ms against ${fmt(row.baseline ?? 0)} ms; ${/p99, ([\d,]+) existing/.exec(row.measure)?.[1] ?? '?'} bookings)` : 'not run',
      met: row?.ratio != null ? row.ratio <= 2 : null,
    });
  }
  const draw = find(rows, 'Lottery draw', 'PGlite', 'whole draw');
  goals.push({
    goal: `Lottery draw of ${n(SETTINGS.drawApplicants)} applicants on ${SETTINGS.drawClasses} classes under 2 s, request to answer (PGlite)`,
    measured: draw?.value != null ? `${fmt(draw.value / 1000)} s (runDraw alone: ${fmt(draw.baseline ?? 0, 0)} ms)` : 'not run',
    met: draw?.value != null ? draw.value < 2000 : null,
  });
  for (const storage of ['PostgreSQL', 'PGlite']) {
    const lost = find(rows, 'First-come rush', storage, 'requests lost');
    const over = find(rows, 'First-come rush', storage, 'classes over capacity');
    goals.push({
      goal: `First-come rush of ${n(SETTINGS.rushApplications)} at once: no request lost, no class over capacity (${storage})`,
      measured: lost?.value != null && over?.value != null ? `${lost.value} lost, ${over.value} over capacity (the worst run)` : 'not run',
      met: lost?.value != null && over?.value != null ? lost.value === 0 && over.value === 0 : null,
    });
  }
  const two = rows.find((r) => r.benchmark.includes('on two processes') && r.measure === 'per-client p99' && r.ratio !== null);
  goals.push({
    goal: 'Per-client p99 with 5,000 sockets on two processes ≤ 1.5 × one process holding 2,500',
    measured: two?.ratio != null ? `${fmt(two.ratio)}× (${fmt(two.value ?? 0, 1)} ms against ${fmt(two.baseline ?? 0, 1)} ms)` : 'not run',
    met: two?.ratio != null ? two.ratio <= 1.5 : null,
  });
  return goals;
}

export function goalLines(goals: readonly Goal[]): string[] {
  return [
    '| Goal | This run | Met |',
    '| --- | --- | --- |',
    ...goals.map((g) => `| ${g.goal} | ${g.measured} | ${g.met === null ? '—' : g.met ? 'yes' : '**no**'} |`),
  ];
}
