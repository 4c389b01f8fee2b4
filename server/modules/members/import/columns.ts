import { CsvImportError } from './errors.ts';

export const MEMBER_FIELDS = [
  'name', 'gender', 'birthMonth', 'formerUnit', 'formerPosition',
  'category', 'phone', 'cardCode', 'memberNo', 'notes',
] as const;
export type MemberField = (typeof MEMBER_FIELDS)[number];

/** Field → 0-based column index, for the fields the file has; `ignored`: the headers of unused columns. */
export type ColumnMap = { [F in MemberField]?: number } & { ignored: string[] };

/**
 * Header names after normalizeHeader. 序号 (Excel's row number) is deliberately not here: it is ignored,
 * and so is not taken for 编号 (the member number).
 */
const SYNONYMS: Record<MemberField, readonly string[]> = {
  name: ['姓名', '名字', '会员姓名', 'name', 'fullname'],
  gender: ['性别', 'gender', 'sex'],
  birthMonth: ['出生年月', '出生日期', '出生年月日', 'birthmonth', 'birthdate', 'dateofbirth'],
  formerUnit: ['原工作单位', '工作单位', '单位', '原单位', 'formerunit', 'unit'],
  formerPosition: ['原职务', '职务', 'formerposition', 'position'],
  category: ['类别', '人员类别', '身份', 'category'],
  phone: ['联系电话', '电话', '手机', '手机号', '手机号码', '电话号码', 'phone', 'mobile', 'tel', 'telephone'],
  cardCode: ['会员卡号', '卡号', '会员卡', 'cardcode', 'card', 'cardno', 'cardnumber'],
  memberNo: ['会员编号', '编号', 'memberno', 'membernumber'],
  notes: ['备注', 'notes', 'note', 'remarks', 'remark'],
};

const BY_NAME = new Map<string, MemberField>(
  MEMBER_FIELDS.flatMap((field) => SYNONYMS[field].map((n) => [n, field] as const)),
);

/** Full-width forms folded (NFKC), lower case, without spaces, underscores, dashes, dots, colons or stars. */
export function normalizeHeader(header: string): string {
  return header.normalize('NFKC').toLowerCase().replace(/[\s_\-.·:*]/gu, '');
}

/**
 * The field a header names: as written, then without a bracketed part ("联系电话（手机）"), then without
 * the brackets themselves ("【姓名】").
 */
export function fieldForHeader(header: string): MemberField | null {
  const plain = normalizeHeader(header);
  const unbracketed = plain.replace(/\([^)]*\)|\[[^\]]*\]|【[^】]*】|〔[^〕]*〕|<[^>]*>/gu, '');
  const debracketed = plain.replace(/[()[\]【】〔〕<>]/gu, '');
  return BY_NAME.get(plain) ?? BY_NAME.get(unbracketed) ?? BY_NAME.get(debracketed) ?? null;
}

/** True when some cell of the row names the name column: the row is a header row. */
export function isHeaderRow(cells: readonly string[]): boolean {
  return cells.some((cell) => fieldForHeader(cell) === 'name');
}

/**
 * Maps a header row. A field named twice keeps its first column (the later one is reported as ignored);
 * empty header cells are skipped silently. Throws CsvImportError('no_name_column') without a name column.
 */
export function mapColumns(headers: readonly string[], line = 1): ColumnMap {
  const map: ColumnMap = { ignored: [] };
  headers.forEach((raw, index) => {
    const header = raw.trim();
    if (header === '') return;
    const field = fieldForHeader(header);
    if (field === null || map[field] !== undefined) map.ignored.push(header);
    else map[field] = index;
  });
  if (map.name === undefined) throw noNameColumn(headers, line);
  return map;
}

export function noNameColumn(headers: readonly string[], line: number): CsvImportError {
  const found = headers.map((h) => h.trim()).filter((h) => h !== '');
  // A header such as "姓名;性别" read as one cell: the file is separated by semicolons (mixed with commas).
  const semicolons = found.some((h) => h.includes(';') && h.split(';').some((part) => fieldForHeader(part) === 'name'));
  return new CsvImportError(
    'no_name_column',
    `No name column: the header row (line ${line}) needs a column headed 姓名 (or "name"). ` +
      (found.length > 0 ? `Its columns are: ${found.join(', ')}.` : 'That row is empty.') +
      (semicolons ? ' The columns are separated by semicolons (;); save the file as "CSV UTF-8 (comma delimited)".' : ''),
    `缺少“姓名”列：表头（第 ${line} 行）须有一列标题为“姓名”。` +
      (found.length > 0 ? `现有的列：${found.join('、')}。` : '该行是空的。') +
      (semicolons ? '此文件的列用分号（;）分隔，请另存为“CSV UTF-8（逗号分隔）”后再导入。' : ''),
  );
}
