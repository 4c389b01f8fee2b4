/**
 * `npm run bench`: the benchmark program (docs/architecture.md habit 9). Prints a table of figures and ratios and
 * rewrites docs/performance.md with the figures, the performance goals checked against them, and findings.ts.
 *
 *   npm run bench                      everything; PostgreSQL too when BENCH_DATABASE_URL or TEST_DATABASE_URL is set
 *   npm run bench -- fanout            only benchmarks whose id contains "fanout" (docs are then not rewritten)
 *
 * Progress goes to stderr, the table to stdout. Exits non-zero when any benchmark fails.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { benchBookingLatency } from './booking-latency.ts';
import { benchCalendarLoad } from './calendar-load.ts';
import { benchCheckinThroughput } from './checkin-throughput.ts';
import { dropAll, postgresAdminUrl, storageLabel, type BenchStorage } from './databases.ts';
import { benchEnrolmentDraw } from './enrolment-draw.ts';
import { benchEnrolmentRush } from './enrolment-rush.ts';
import { benchFanoutLatency } from './fanout-latency.ts';
import { findings } from './findings.ts';
import { checkGoals, goalLines, methodNotes, rushLayout, SETTINGS } from './interpretation.ts';
import { describeMachine, performanceMarkdown, textTable, type Row } from './report.ts';
import { benchReports, reportsSection } from './reports.ts';
import { firstLoadSection } from './first-load.ts';
import { benchSocketMemory } from './socket-memory.ts';
import type { RepeatOptions } from './stats.ts';
import { benchTwoProcesses } from './two-processes.ts';
import { benchWriteThroughput } from './write-throughput.ts';

interface Benchmark {
  id: string;
  /** Rows to show when the benchmark cannot run here, e.g. PostgreSQL without a URL. */
  skippedRows?: () => Row[] | null;
  /** Warm-ups and runs when not SETTINGS' (a benchmark whose one run takes minutes). */
  runs?: { warmups: number; runs: number };
  run(repeat: RepeatOptions): Promise<Row[]>;
}

const adminUrl = postgresAdminUrl();
const POSTGRES_SKIPPED = 'skipped: set BENCH_DATABASE_URL';

const progress = (id: string, runs: number): RepeatOptions['onRun'] => (index, figures, warmup) => {
  const shown = Object.entries(figures)
    .map(([key, value]) => `${key}=${value.toFixed(/tps|rps/i.test(key) ? 0 : 2)}`)
    .join(' ');
  process.stderr.write(`  ${id} ${warmup ? 'warm-up' : `run ${index + 1}/${runs}`}: ${shown}\n`);
};

function skipUnlessPostgres(storage: BenchStorage, benchmark: string, measures: string[], unit: Row['unit']): () => Row[] | null {
  return () =>
    storage === 'postgres' && !adminUrl
      ? measures.map((measure) => ({ benchmark, storage: storageLabel.postgres, measure, value: null, baseline: null, ratio: null, unit, skipped: POSTGRES_SKIPPED }))
      : null;
}

const STORAGES: BenchStorage[] = ['postgres', 'pglite'];
const log = (line: string) => process.stderr.write(`  ${line}\n`);

const BENCHMARKS: Benchmark[] = [
  ...STORAGES.map((storage) => ({
    id: `checkin-throughput-${storage}`,
    skippedRows: skipUnlessPostgres(storage, 'Check-in throughput (HTTP, kiosk token)', ['requests/s'], 'rps'),
    run: (repeat: RepeatOptions) =>
      benchCheckinThroughput({ storage, adminUrl, requests: SETTINGS.checkinRequests, concurrency: SETTINGS.checkinConcurrency, repeat }),
  })),
  ...STORAGES.map((storage) => ({
    id: `write-throughput-${storage}`,
    skippedRows: skipUnlessPostgres(storage, 'Write throughput (UPDATE room + outbox event)', ['transactions/s'], 'tps'),
    run: (repeat: RepeatOptions) =>
      benchWriteThroughput({ storage, adminUrl, transactions: SETTINGS.transactions, concurrency: SETTINGS.concurrency, repeat }),
  })),
  ...STORAGES.flatMap((storage) =>
    SETTINGS.fanoutClients.map((clients) => ({
      id: `fanout-${clients}-${storage}`,
      skippedRows: skipUnlessPostgres(storage, `Check-in → headcount.changed, ${clients.toLocaleString('en-US')} clients (separate process)`, ['per-client p99'], 'ms'),
      run: (repeat: RepeatOptions) => benchFanoutLatency({ storage, adminUrl, clients, rounds: SETTINGS.fanoutRounds, repeat }),
    })),
  ),
  {
    id: 'socket-memory',
    run: (repeat: RepeatOptions) => benchSocketMemory({ storage: adminUrl ? 'postgres' : 'pglite', adminUrl, clients: SETTINGS.memoryClients, repeat }),
  },
  ...STORAGES.map((storage) => ({
    id: `booking-latency-${storage}`,
    skippedRows: skipUnlessPostgres(storage, 'Booking creation (POST /api/bookings, app.inject)', ['p99'], 'ms'),
    run: (repeat: RepeatOptions) => benchBookingLatency({ storage, adminUrl, creations: SETTINGS.bookingCreations, repeat, log }),
  })),
  ...STORAGES.map((storage) => ({
    id: `calendar-load-${storage}`,
    skippedRows: skipUnlessPostgres(storage, 'Calendar week (GET /api/bookings, app.inject, 50 rooms)', ['p99'], 'ms'),
    run: (repeat: RepeatOptions) => benchCalendarLoad({ storage, adminUrl, requests: SETTINGS.calendarRequests, repeat }),
  })),
  ...STORAGES.map((storage) => ({
    id: `reports-${storage}`,
    skippedRows: skipUnlessPostgres(storage, 'Reports (app.inject, ten years of a city)', ['yearly summary, all centres'], 'ms'),
    run: (repeat: RepeatOptions) => benchReports({ storage, adminUrl, repeat, years: 10, scale: 1, samples: 5, log }),
  })),
  ...STORAGES.map((storage) => ({
    id: `enrolment-draw-${storage}`,
    skippedRows: skipUnlessPostgres(storage, `Lottery draw: ${SETTINGS.drawClasses} classes`, ['whole draw'], 'ms'),
    run: (repeat: RepeatOptions) =>
      benchEnrolmentDraw({
        storage, adminUrl, classes: SETTINGS.drawClasses, applicants: SETTINGS.drawApplicants, choices: SETTINGS.drawChoices,
        classesPerMember: SETTINGS.drawClassesPerMember, repeat,
      }),
  })),
  ...STORAGES.map((storage) => ({
    id: `enrolment-rush-${storage}`,
    skippedRows: skipUnlessPostgres(storage, 'First-come rush', ['requests lost', 'classes over capacity'], 'count'),
    runs: { warmups: SETTINGS.rushWarmups, runs: SETTINGS.rushRuns },
    run: (repeat: RepeatOptions) =>
      benchEnrolmentRush({
        storage, adminUrl, applications: SETTINGS.rushApplications, classes: SETTINGS.rushClasses, capacity: SETTINGS.rushCapacity,
        ...rushLayout(storage), broadcastRounds: SETTINGS.rushBroadcastRounds, repeat,
      }),
  })),
  {
    id: 'two-processes',
    skippedRows: skipUnlessPostgres('postgres', 'Check-in → headcount.changed, two processes', ['per-client p99'], 'ms'),
    run: (repeat: RepeatOptions) => benchTwoProcesses({ adminUrl, clients: SETTINGS.twoProcessClients, rounds: SETTINGS.fanoutRounds, repeat }),
  },
];

async function main(filters: string[]): Promise<void> {
  const selected = BENCHMARKS.filter((b) => filters.length === 0 || filters.some((f) => b.id.includes(f)));
  if (selected.length === 0) throw new Error(`no benchmark matches ${filters.join(', ')}; ids: ${BENCHMARKS.map((b) => b.id).join(', ')}`);
  const started = performance.now();
  const rows: Row[] = [];
  for (const benchmark of selected) {
    const skipped = benchmark.skippedRows?.();
    if (skipped) {
      process.stderr.write(`${benchmark.id}: ${POSTGRES_SKIPPED}\n`);
      rows.push(...skipped);
      continue;
    }
    const { warmups, runs } = benchmark.runs ?? { warmups: SETTINGS.warmups, runs: SETTINGS.runs };
    process.stderr.write(`${benchmark.id}: ${warmups} warm-up + ${runs} run${runs === 1 ? '' : 's'}\n`);
    const t = performance.now();
    rows.push(...(await benchmark.run({ warmups, runs, onRun: progress(benchmark.id, runs) })));
    process.stderr.write(`${benchmark.id}: done in ${((performance.now() - t) / 1000).toFixed(1)} s\n`);
  }
  const seconds = (performance.now() - started) / 1000;
  const machine = describeMachine();
  const goals = goalLines(checkGoals(rows));
  process.stdout.write(`\n${textTable(rows)}\n\n${goals.join('\n')}\n\n`);
  process.stdout.write(`${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, Node ${machine.node}; ${seconds.toFixed(0)} s in all.\n`);
  if (filters.length === 0) {
    const file = resolve(import.meta.dirname, '../../docs/performance.md');
    writeFileSync(file, performanceMarkdown({ machine, rows, method: methodNotes, goals, findings }) + reportsSection + firstLoadSection);
    process.stdout.write(`Wrote ${file}.\n`);
  } else {
    process.stdout.write('Only some benchmarks ran: docs/performance.md left as it was.\n');
  }
}

// A leaked handle must not keep anyone waiting: give up well past the expected time (about 25 minutes).
setTimeout(() => {
  process.stderr.write('bench: still running after 60 minutes; giving up\n');
  process.exit(2);
}, 60 * 60_000).unref();

process.once('SIGINT', () => {
  process.stderr.write('bench: interrupted; dropping scratch databases\n');
  void dropAll(adminUrl).finally(() => process.exit(130));
});

try {
  await main(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
} finally {
  await dropAll(adminUrl).catch((error: unknown) => process.stderr.write(`bench: could not drop scratch databases: ${String(error)}\n`));
}
