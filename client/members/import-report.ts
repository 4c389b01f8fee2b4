/**
 * Turning the answer of `POST /api/members/import` into what the clerk reads: one table row per problem, the
 * line number as Excel shows it, the reason in the current language, and the line's cells as the spreadsheet
 * has them, with the cell at fault marked.
 */
import type { Lang } from '../lib/i18n-core.ts';
import { fieldForHeader } from '../../server/shared/member-columns.ts';
import { isMemberField, type ImportReport, type MemberField } from './types.ts';

/** The server's limit for one file (docs/api.md). */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

export interface RawCell {
  header: string;
  value: string;
  /** This cell holds (part of) what was refused. */
  flagged: boolean;
}

export interface RefusalRow {
  /** Unique within the report, for keyed lists. */
  key: string;
  line: number;
  /** A member field (`name`, `phone`, …) or whatever the server named. */
  field: string;
  reason: string;
  /** The first problem of its line: carries the line number and the cells, spanning `span` rows. */
  first: boolean;
  span: number;
  cells: RawCell[];
}

/** The member field a column heading names, read exactly as the importer reads it; `null` for other columns. */
export function fieldOfHeading(heading: string): MemberField | null {
  // The report names a repeated column "姓名 (4)"; the importer saw it as "姓名".
  return fieldForHeader(heading.replace(/\s*\(\d+\)$/u, ''));
}

/** The line's cells in the file's column order, the ones belonging to `fields` marked. */
export function rawCells(raw: Record<string, string> | undefined, fields: readonly string[]): RawCell[] {
  if (!raw) return [];
  const wanted = new Set(fields);
  return Object.entries(raw).map(([header, value]) => {
    const field = fieldOfHeading(header);
    return { header, value, flagged: field !== null && wanted.has(field) };
  });
}

/** One row per problem, lines in order; a line with several problems spans several rows. */
export function refusalRows(report: Pick<ImportReport, 'refused'>, lang: Lang): RefusalRow[] {
  const rows: RefusalRow[] = [];
  const lines = [...report.refused].sort((a, b) => a.line - b.line);
  for (const refusal of lines) {
    const errors = refusal.errors.length > 0 ? refusal.errors : [{ field: '', message: '', messageZh: '' }];
    const cells = rawCells(refusal.raw, errors.map((e) => e.field));
    errors.forEach((error, i) => {
      rows.push({
        key: `${refusal.line}:${i}`,
        line: refusal.line,
        field: error.field,
        reason: (lang === 'zh-CN' ? error.messageZh || error.message : error.message || error.messageZh) || '',
        first: i === 0,
        span: errors.length,
        cells: i === 0 ? cells : [],
      });
    });
  }
  return rows;
}

export const memberFieldOrNull = (field: string): MemberField | null => (isMemberField(field) ? field : null);

export const KNOWN_ENCODINGS = ['utf-8', 'utf-8-bom', 'gb18030', 'utf-16le'] as const;
export type KnownEncoding = (typeof KNOWN_ENCODINGS)[number];
export const isKnownEncoding = (value: string): value is KnownEncoding => KNOWN_ENCODINGS.some((e) => e === value);

export interface ImportSummary {
  created: number;
  updated: number;
  unchanged: number;
  refusedLines: number;
  /** Lines read in all: the rows under the header that were not empty. */
  lines: number;
}

export function importSummary(report: Pick<ImportReport, 'created' | 'refused' | 'updated' | 'unchanged'>): ImportSummary {
  const refusedLines = new Set(report.refused.map((r) => r.line)).size;
  const updated = report.updated?.length ?? 0;
  const unchanged = report.unchanged?.length ?? 0;
  return { created: report.created.length, updated, unchanged, refusedLines, lines: report.created.length + updated + unchanged + refusedLines };
}

export type LineOutcome = 'created' | 'updated' | 'unchanged' | 'refused';

/** What became of each line, in the file's order: the per-line answer a clerk can check against the sheet. */
export function lineOutcomes(
  report: Pick<ImportReport, 'created' | 'refused' | 'updated' | 'unchanged'>,
): Array<{ line: number; outcome: LineOutcome; name: string; fields: string[] }> {
  const out = [
    ...report.created.map((c) => ({ line: c.line, outcome: 'created' as const, name: c.name, fields: [] as string[] })),
    ...(report.updated ?? []).map((u) => ({ line: u.line, outcome: 'updated' as const, name: u.name, fields: u.fields })),
    ...(report.unchanged ?? []).map((u) => ({ line: u.line, outcome: 'unchanged' as const, name: u.name, fields: [] as string[] })),
    ...report.refused.map((r) => ({ line: r.line, outcome: 'refused' as const, name: r.raw ? (Object.entries(r.raw).find(([h]) => fieldOfHeading(h) === 'name')?.[1] ?? '') : '', fields: r.errors.map((e) => e.field) })),
  ];
  return out.sort((a, b) => a.line - b.line);
}

/** How the file's columns were separated, when that is worth saying (not the usual comma). */
export function delimiterName(delimiter: string | undefined): 'semicolon' | 'tab' | null {
  if (delimiter === ';') return 'semicolon';
  if (delimiter === '\t') return 'tab';
  return null;
}

/**
 * A file not worth sending: empty, or over the server's limit. Everything else (Excel workbooks included) goes
 * to the server, which reads the bytes and says in Chinese what is wrong with the file.
 */
export function fileProblem(file: { size: number }): 'empty' | 'tooLarge' | null {
  if (file.size === 0) return 'empty';
  if (file.size > MAX_IMPORT_BYTES) return 'tooLarge';
  return null;
}
