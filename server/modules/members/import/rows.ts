import { isHeaderRow, MEMBER_FIELDS, type MemberField } from '../../../shared/member-columns.ts';
import { type ColumnMap, mapColumns, noNameColumn } from './columns.ts';
import { type CsvDelimiter, detectDelimiter, parseCsvRecords } from './csv.ts';
import { type CsvEncoding, decodeCsv } from './decode.ts';
import { CsvImportError } from './errors.ts';
import {
  cleanCell, type Gender, type MemberCategory, type Parsed, parseBirthMonth, parseCardCode, parseCategory,
  parseGender, parseName, parsePhone, parseText,
} from './fields.ts';

export interface MemberInput {
  name: string;
  gender: Gender | null;
  /** YYYY-MM */
  birthMonth: string | null;
  formerUnit: string | null;
  formerPosition: string | null;
  category: MemberCategory;
  phone: string | null;
  cardCode: string | null;
  memberNo: string | null;
  notes: string | null;
}

export interface RowError {
  field: MemberField;
  message: string;
  messageZh: string;
}

/**
 * `line`: the row number Excel shows for it (the header is line 1). `given`: the fields whose cell had
 * something in it (a re-import changes only those: an empty cell never erases what the register has).
 */
export type MemberRow =
  | { line: number; member: MemberInput; given: MemberField[]; raw: Record<string, string> }
  | { line: number; errors: RowError[]; raw: Record<string, string> };

export interface ReadMembersResult {
  encoding: CsvEncoding;
  /** The separator the file uses (found from its first line). */
  delimiter: CsvDelimiter;
  columns: ColumnMap;
  rows: MemberRow[];
}

/** Title rows above the header ("某某中心会员名册") are skipped when the header is within this many rows. */
const HEADER_SEARCH_ROWS = 10;

/**
 * Reads an uploaded member ledger: decodes it, finds the header, and checks every row. Rows that are wholly
 * empty are skipped; every other row is either a member to create or the list of what is wrong with it.
 * Throws CsvImportError when the file as a whole cannot be read (see errors.ts).
 */
export function readMembers(bytes: Uint8Array): ReadMembersResult {
  const { text, encoding } = decodeCsv(bytes);
  return { encoding, ...readMembersText(text) };
}

/** readMembers for text already decoded. */
export function readMembersText(text: string): Omit<ReadMembersResult, 'encoding'> {
  const delimiter = detectDelimiter(text);
  const records = parseCsvRecords(text, delimiter);
  const first = records[0];
  if (first === undefined) {
    throw new CsvImportError(
      'empty_file',
      'The file is empty: it needs a header row (姓名, 性别, …) and one row per member.',
      '文件是空的：应有一行表头（姓名、性别……），其下每行一位会员。',
    );
  }
  const headerIndex = records.slice(0, HEADER_SEARCH_ROWS).findIndex((r) => isHeaderRow(r.cells));
  const header = records[headerIndex];
  if (header === undefined) throw noNameColumn(first.cells, first.line);
  const columns = mapColumns(header.cells, header.line);
  const rawKeys = rawKeysFor(header.cells);

  const cardLines = new Map<string, number>();
  const rows: MemberRow[] = [];
  for (const record of records.slice(headerIndex + 1)) {
    if (record.cells.every((c) => cleanCell(c) === '')) continue;
    const cell = (field: MemberField): string => {
      const index = columns[field];
      return index === undefined ? '' : (record.cells[index] ?? '');
    };
    const errors: RowError[] = [];
    const take = <T>(field: MemberField, parsed: Parsed<T>, fallback: T): T => {
      if (parsed.ok) return parsed.value;
      errors.push({ field, message: parsed.message, messageZh: parsed.messageZh });
      return fallback;
    };

    const member: MemberInput = {
      name: take('name', parseName(cell('name')), ''),
      gender: take('gender', parseGender(cell('gender')), null),
      birthMonth: take('birthMonth', parseBirthMonth(cell('birthMonth')), null),
      formerUnit: take('formerUnit', parseText(cell('formerUnit'), 200, 'The former unit', '原工作单位'), null),
      formerPosition: take('formerPosition', parseText(cell('formerPosition'), 100, 'The former position', '原职务'), null),
      category: take('category', parseCategory(cell('category')), 'other'),
      phone: take('phone', parsePhone(cell('phone')), null),
      cardCode: take('cardCode', parseCardCode(cell('cardCode')), null),
      memberNo: take('memberNo', parseText(cell('memberNo'), 32, 'The member number', '会员编号'), null),
      notes: take('notes', parseText(cell('notes'), 500, 'The notes', '备注'), null),
    };

    if (member.cardCode !== null) {
      const earlier = cardLines.get(member.cardCode);
      if (earlier === undefined) {
        cardLines.set(member.cardCode, record.line);
      } else {
        errors.push({
          field: 'cardCode',
          message: `Card code ${member.cardCode} is also on line ${earlier}; each member needs their own card code.`,
          messageZh: `会员卡号 ${member.cardCode} 与第 ${earlier} 行重复；每位会员的卡号必须不同。`,
        });
      }
    }

    const given = MEMBER_FIELDS.filter((field) => cleanCell(cell(field)) !== '');
    if (errors.length === 0) rows.push({ line: record.line, member, given, raw: rawRow(rawKeys, record.cells) });
    else rows.push({ line: record.line, errors, raw: rawRow(rawKeys, record.cells) });
  }
  return { delimiter, columns, rows };
}

/** The row as the clerk's spreadsheet shows it: header text → cell, for every column (unused ones too). */
function rawRow(keys: readonly string[], cells: readonly string[]): Record<string, string> {
  const raw: Record<string, string> = {};
  keys.forEach((key, i) => {
    raw[key] = cleanCell(cells[i] ?? '');
  });
  cells.slice(keys.length).forEach((cell, i) => {
    if (cleanCell(cell) !== '') raw[columnKey(keys.length + i)] = cleanCell(cell);
  });
  return raw;
}

const columnKey = (index: number): string => `column ${index + 1}`;

/** Header texts made unique: an empty header becomes "column N", a repeated one gets " (N)". */
function rawKeysFor(headers: readonly string[]): string[] {
  const seen = new Set<string>();
  return headers.map((h, i) => {
    const text = cleanCell(h);
    const key = text === '' ? columnKey(i) : seen.has(text) ? `${text} (${i + 1})` : text;
    seen.add(key);
    return key;
  });
}
