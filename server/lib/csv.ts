/**
 * CSV for spreadsheets (Excel, WPS, LibreOffice): UTF-8 with a byte-order mark (Excel in China otherwise
 * reads it as GBK and the Chinese headers turn to mojibake), CRLF line ends, every cell quoted with quotes
 * doubled (RFC 4180), and a cell that a spreadsheet would run as a formula (starting with = + - @, a tab or a
 * carriage return) prefixed with an apostrophe, so a name like =HYPERLINK(…) stays text.
 * Used by the reports and the audit log; the same columns also make an XLSX sheet (xlsx.ts).
 */
export const BOM = '\uFEFF';

export type CellValue = string | number | null | undefined;

export interface Column<T> {
  header: string;
  value: (row: T) => CellValue;
}

/** One cell: formula-safe, quoted, quotes doubled; other values as JSON. */
export function csvCell(value: unknown): string {
  let text = value === null || value === undefined ? '' : typeof value === 'string' ? value : typeof value === 'number' ? String(value) : JSON.stringify(value);
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
