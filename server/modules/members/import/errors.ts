/**
 * File-level refusals of a member CSV import: the whole file cannot be read, so no line is imported.
 * Each carries an English `message` and a Chinese `messageZh` a clerk can act on, and a stable `reason`
 * the HTTP layer can pass on (e.g. as `validation_failed` with `{reason, messageZh, line}`).
 */
export type CsvImportErrorReason =
  | 'empty_file'
  | 'excel_workbook'
  | 'undecodable'
  | 'unterminated_quote'
  | 'no_name_column';

export class CsvImportError extends Error {
  override name = 'CsvImportError';
  constructor(
    readonly reason: CsvImportErrorReason,
    message: string,
    readonly messageZh: string,
  ) {
    super(message);
  }
}

/**
 * A quoted cell that never closes. `line`: its row as Excel counts rows; `textLine`: the line in a text editor
 * where the quote opens.
 */
export class CsvSyntaxError extends CsvImportError {
  override name = 'CsvSyntaxError';
  constructor(
    readonly line: number,
    readonly textLine: number,
  ) {
    super(
      'unterminated_quote',
      `Line ${line}: a quoted cell starts here (text line ${textLine}) but its closing quote (") is missing, ` +
        'so the rest of the file would be read as one cell. Fix the quote marks and import again.',
      `第 ${line} 行（文本第 ${textLine} 行）有一个以引号（"）开头的单元格没有结束引号，其后的内容都无法读取。` +
        '请补全引号后重新导入。',
    );
  }
}
