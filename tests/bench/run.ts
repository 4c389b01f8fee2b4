/**
 * `npm run bench`: the benchmark program (DESIGN.md habit 9). Prints a table of figures and ratios and
 * rewrites docs/performance.md. Each benchmark is one entry of BENCHMARKS; issue 6 adds more the same way.
 *
 *   npm run bench                      everything; PostgreSQL too when BENCH_DATABASE_URL or TEST_DATABASE_URL is set
 *   npm run bench -- latency           only benchmarks whose id contains "latency" (docs are then not rewritten)
 *
 * Progress goes to stderr, the table to stdout. Exits non-zero when any benchmark fails.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { dropAll, postgresAdminUrl, storageLabel, type BenchStorage } from './databases.ts';
import { benchEventLatency } from './event-latency.ts';
import { interpret, methodNotes, SETTINGS } from './interpretation.ts';
import { describeMachine, performanceMarkdown, textTable, type Row } from './report.ts';
import type { RepeatOptions } from './stats.ts';
import { benchWriteThroughput } from './write-throughput.ts';

interface Benchmark {
  id: string;
  /** Rows to show when the benchmark cannot run here, e.g. PostgreSQL without a URL. */
  skippedRows?: () => Row[] | null;
  run(repeat: RepeatOptions): Promise<Row[]>;
}

const adminUrl = postgresAdminUrl();
const POSTGRES_SKIPPED = 'skipped: set BENCH_DATABASE_URL';

const progress = (id: string): RepeatOptions['onRun'] => (index, figures, warmup) => {
  const shown = Object.entries(figures)
    .map(([key, value]) => `${key}=${value.toFixed(key.toLowerCase().includes('tps') ? 0 : 2)}`)
    .join(' ');
  process.stderr.write(`  ${id} ${warmup ? 'warm-up' : `run ${index + 1}/${SETTINGS.runs}`}: ${shown}\n`);
};

function skipUnlessPostgres(storage: BenchStorage, benchmark: string, measures: string[], unit: Row['unit']): () => Row[] | null {
  return () =>
    storage === 'postgres' && !adminUrl
      ? measures.map((measure) => ({ benchmark, storage: storageLabel.postgres, measure, value: null, baseline: null, ratio: null, unit, skipped: POSTGRES_SKIPPED }))
      : null;
}

const STORAGES: BenchStorage[] = ['pglite', 'postgres'];

const BENCHMARKS: Benchmark[] = [
  ...STORAGES.map((storage) => ({
    id: `write-throughput-${storage}`,
    skippedRows: skipUnlessPostgres(storage, 'Write throughput (UPDATE room + outbox event)', ['transactions/s'], 'tps'),
    run: (repeat: RepeatOptions) =>
      benchWriteThroughput({ storage, adminUrl, transactions: SETTINGS.transactions, concurrency: SETTINGS.concurrency, repeat }),
  })),
  ...STORAGES.map((storage) => ({
    id: `event-latency-${storage}`,
    skippedRows: skipUnlessPostgres(storage, `Commit → socket, ${SETTINGS.clients} clients (in-process)`, ['per-client p50', 'per-client p99'], 'ms'),
    run: (repeat: RepeatOptions) =>
      benchEventLatency({ storage, adminUrl, clients: SETTINGS.clients, events: SETTINGS.events, spacingMs: SETTINGS.spacingMs, repeat }),
  })),
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
    process.stderr.write(`${benchmark.id}: ${SETTINGS.warmups} warm-up + ${SETTINGS.runs} runs\n`);
    const t = performance.now();
    rows.push(...(await benchmark.run({ warmups: SETTINGS.warmups, runs: SETTINGS.runs, onRun: progress(benchmark.id) })));
    process.stderr.write(`${benchmark.id}: done in ${((performance.now() - t) / 1000).toFixed(1)} s\n`);
  }
  const seconds = (performance.now() - started) / 1000;
  const machine = describeMachine();
  const interpretation = interpret(rows);
  process.stdout.write(`\n${textTable(rows)}\n\n`);
  for (const note of methodNotes) process.stdout.write(`- ${note}\n`);
  process.stdout.write(`\n${interpretation.join('\n\n')}\n\n`);
  process.stdout.write(`${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, Node ${machine.node}; ${seconds.toFixed(0)} s in all.\n`);
  if (filters.length === 0) {
    const file = resolve(import.meta.dirname, '../../docs/performance.md');
    writeFileSync(file, performanceMarkdown({ machine, rows, method: methodNotes, interpretation }));
    process.stdout.write(`Wrote ${file}.\n`);
  } else {
    process.stdout.write('Only some benchmarks ran: docs/performance.md left as it was.\n');
  }
}

// A leaked handle must not keep a CI job waiting: give up well past the expected ~2.5 minutes.
setTimeout(() => {
  process.stderr.write('bench: still running after 8 minutes; giving up\n');
  process.exit(2);
}, 8 * 60_000).unref();

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
