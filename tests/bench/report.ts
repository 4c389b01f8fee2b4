/**
 * The benchmark table, on stdout and in docs/performance.md. Each row is one figure: the centre-ops path,
 * the baseline measured in the same runs, and their ratio (the median of the per-run ratios).
 */
import os from 'node:os';

export interface Row {
  benchmark: string;
  storage: string;
  /** What the numbers are, e.g. "transactions/s, 2000 txns, 16 concurrent" or "per-client p99". */
  measure: string;
  /** The centre-ops path; null when skipped. */
  value: number | null;
  baseline: number | null;
  /** value ÷ baseline, computed within each run, median over runs. */
  ratio: number | null;
  /** The lowest and highest per-run ratio. */
  ratioRange?: [number, number];
  /** `count`: a whole number of things (requests lost, classes over capacity). */
  unit: 'tps' | 'rps' | 'ms' | 'KB' | 'count';
  /** Why the row has no figures (e.g. "skipped: set BENCH_DATABASE_URL"). */
  skipped?: string;
}

export interface Machine {
  cpu: string;
  cores: number;
  memoryGiB: number;
  node: string;
  platform: string;
  date: string;
}

export function describeMachine(now = new Date()): Machine {
  return {
    cpu: os.cpus()[0]?.model.trim() ?? 'unknown CPU',
    cores: os.cpus().length,
    memoryGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    date: now.toISOString().slice(0, 10),
  };
}

function formatValue(value: number | null, unit: Row['unit']): string {
  if (value === null || Number.isNaN(value)) return '—';
  if (unit === 'tps' || unit === 'rps' || unit === 'count') return Math.round(value).toLocaleString('en-US');
  return value < 10 ? value.toFixed(2) : value.toFixed(1);
}

function cells(row: Row): string[] {
  const unit = row.unit === 'ms' ? ' ms' : row.unit === 'KB' ? ' KB' : '';
  return [
    row.benchmark,
    row.storage,
    row.measure,
    row.skipped ?? `${formatValue(row.value, row.unit)}${row.value === null ? '' : unit}`,
    row.skipped ? '' : `${formatValue(row.baseline, row.unit)}${row.baseline === null ? '' : unit}`,
    row.skipped || row.ratio === null ? '' : `${row.ratio.toFixed(2)}×${row.ratioRange ? ` (${row.ratioRange.map((r) => r.toFixed(2)).join('–')})` : ''}`,
  ];
}

const HEADER = ['Benchmark', 'Database', 'Measure', 'centre-ops', 'Baseline', 'Ratio (range over runs)'];

/** A fixed-width table for the terminal. */
export function textTable(rows: readonly Row[]): string {
  const lines = [HEADER, ...rows.map(cells)];
  const widths = HEADER.map((_, column) => Math.max(...lines.map((line) => (line[column] ?? '').length)));
  const format = (line: string[]) => line.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  ').trimEnd();
  const rule = widths.map((width) => '─'.repeat(width)).join('  ');
  return [format(HEADER), rule, ...rows.map((row) => format(cells(row)))].join('\n');
}

const escapeCell = (cell: string) => cell.replaceAll('|', '\\|');

export function markdownTable(rows: readonly Row[]): string {
  const line = (values: string[]) => `| ${values.map(escapeCell).join(' | ')} |`;
  return [line(HEADER), line(HEADER.map((_, i) => (i >= 3 ? '---:' : '---'))), ...rows.map((row) => line(cells(row)))].join('\n');
}

export interface Document {
  machine: Machine;
  rows: readonly Row[];
  /** How the runs were made (repeats, sizes), one bullet each. */
  method: readonly string[];
  /** The performance goals checked against this run (markdown table lines). */
  goals: readonly string[];
  /** What the profiles showed and what was changed, with before/after figures (tests/bench/findings.ts). */
  findings: readonly string[];
}

export function performanceMarkdown(doc: Document): string {
  const m = doc.machine;
  return [
    '# Performance',
    '',
    'Figures from `npm run bench` (tests/bench/run.ts). Every figure is the median of repeated runs after a',
    'warm-up run; every ratio compares against a baseline measured in the same run on the same machine, so',
    'ratios travel between machines better than the absolute figures do. Rerun with `npm run bench`; set',
    '`BENCH_DATABASE_URL` (or `TEST_DATABASE_URL`) to a PostgreSQL server to include it. The program rewrites',
    'this file.',
    '',
    `Measured on ${m.date}: ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB memory, Node ${m.node}, ${m.platform}.`,
    '',
    markdownTable(doc.rows),
    '',
    '## How',
    '',
    ...doc.method.map((line) => `- ${line}`),
    '',
    '## Goals',
    '',
    ...doc.goals,
    '',
    '## Findings',
    '',
    ...doc.findings.flatMap((paragraph) => [paragraph, '']),
  ].join('\n');
}
