import { fieldForHeader, type MemberField } from '../../../shared/member-columns.ts';
import { CsvImportError } from './errors.ts';

/** Field → 0-based column index, for the fields the file has; `ignored`: the headers of unused columns. */
export type ColumnMap = { [F in MemberField]?: number } & { ignored: string[] };

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
