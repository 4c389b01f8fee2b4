import { CsvSyntaxError } from './errors.ts';

export type CsvDelimiter = ',' | '\t' | ';';

/** One row of the file. `line` is the row number Excel shows (blank rows count; a cell's line breaks don't). */
export interface CsvRecord {
  line: number;
  /** The line in a text editor where the row starts (differs from `line` after cells with line breaks). */
  textLine: number;
  cells: string[];
}

/**
 * Tab-separated (Excel "Unicode text") when the first non-blank line has tabs and no commas; semicolons (what
 * Excel writes for "CSV" where the decimal mark is a comma, e.g. a German or Russian Windows) when it has
 * semicolons and neither; else comma.
 */
export function detectDelimiter(text: string): CsvDelimiter {
  const header = text.split(/\r\n|\n|\r/).find((l) => l.trim() !== '') ?? '';
  if (header.includes('\t') && !header.includes(',')) return '\t';
  if (header.includes(';') && !header.includes(',')) return ';';
  return ',';
}

/**
 * RFC 4180 with what real files add: CRLF, LF or CR line ends; quoted cells with delimiters, doubled quotes
 * and line breaks (kept as "\n"); a final line with or without a line end; blank lines skipped (but counted,
 * as Excel counts them). Spaces before an opening quote are dropped; text after a closing quote is kept.
 * Throws CsvSyntaxError for a quote that never closes.
 */
export function parseCsvRecords(text: string, delimiter: CsvDelimiter = detectDelimiter(text)): CsvRecord[] {
  const src = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let field = '';
  let wasQuoted = false;
  let inQuotes = false;
  let line = 1;
  let textLine = 1;
  let startLine = 1;
  let startTextLine = 1;
  let quoteTextLine = 1;

  const endRecord = (): void => {
    cells.push(field);
    const blank = cells.length === 1 && field === '' && !wasQuoted;
    if (!blank) records.push({ line: startLine, textLine: startTextLine, cells });
    cells = [];
    field = '';
    wasQuoted = false;
  };

  for (let i = 0; i < src.length; i++) {
    const c = src.charAt(i);
    const isBreak = c === '\n' || c === '\r';
    if (isBreak && src.charAt(i + 1) === '\n' && c === '\r') i++;
    if (isBreak) textLine++;

    if (inQuotes) {
      if (c === '"') {
        if (src.charAt(i + 1) === '"') {
          field += '"';
          i++;
        } else {
          inQuotes = false;
        }
      } else {
        field += isBreak ? '\n' : c;
      }
    } else if (c === '"' && !wasQuoted && field.trim() === '') {
      inQuotes = true;
      wasQuoted = true;
      quoteTextLine = textLine;
      field = '';
    } else if (c === delimiter) {
      cells.push(field);
      field = '';
      wasQuoted = false;
    } else if (isBreak) {
      endRecord();
      line++;
      startLine = line;
      startTextLine = textLine;
    } else {
      field += c;
    }
  }
  if (inQuotes) throw new CsvSyntaxError(startLine, quoteTextLine);
  if (field !== '' || wasQuoted || cells.length > 0) endRecord();
  return records;
}

/** The cells of each non-blank row. */
export function parseCsv(text: string, delimiter?: CsvDelimiter): string[][] {
  return parseCsvRecords(text, delimiter).map((r) => r.cells);
}
