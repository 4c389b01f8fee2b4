/**
 * CSV for spreadsheets (Excel, WPS, LibreOffice): UTF-8 with a byte-order mark (Excel in China otherwise
 * reads it as GBK and the Chinese headers turn to mojibake), CRLF line ends, every cell quoted with quotes
 * doubled (RFC 4180), and a cell that a spreadsheet would run as a formula (starting with = + - @, a tab or a
 * carriage return) prefixed with an apostrophe, so a name like =HYPERLINK(…) stays text.
 * Used by the reports and the audit log; the same columns also make an XLSX sheet (xlsx.ts).
 */
export const BOM = '\uFEFF';

/**
 * A date or wall-clock time as the venue's people read it (its own zone, never UTC): `text` is "2026-01-08",
 * "2026-01" or "2026-01-08 15:00". A CSV holds the text; an XLSX sheet a real Excel date with that format.
 */
export interface LocalTimeCell {
  kind: 'date' | 'month' | 'dateTime';
  text: string;
}

export const localDate = (text: string): LocalTimeCell => ({ kind: 'date', text });
export const localMonth = (text: string): LocalTimeCell => ({ kind: 'month', text });
export const localDateTime = (text: string): LocalTimeCell => ({ kind: 'dateTime', text });
export const isLocalTime = (value: unknown): value is LocalTimeCell =>
  typeof value === 'object' && value !== null && 'kind' in value && 'text' in value && typeof (value as LocalTimeCell).text === 'string';

export type CellValue = string | number | null | undefined | LocalTimeCell;

export interface Column<T> {
  header: string;
  value: (row: T) => CellValue;
}

/** One cell: formula-safe, quoted, quotes doubled; other values as JSON. */
export function csvCell(value: unknown): string {
  let text =
    value === null || value === undefined ? '' : typeof value === 'string' ? value : typeof value === 'number' ? String(value) : isLocalTime(value) ? value.text : JSON.stringify(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

export function csvLine(cells: readonly unknown[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

export function toCsv<T>(columns: ReadonlyArray<Column<T>>, rows: readonly T[]): string {
  let out = BOM + csvLine(columns.map((c) => c.header));
  for (const row of rows) out += csvLine(columns.map((c) => c.value(row)));
  return out;
}
