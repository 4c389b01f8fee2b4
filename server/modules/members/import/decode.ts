import { CsvImportError } from './errors.ts';

export type CsvEncoding = 'utf-8' | 'utf-8-bom' | 'gb18030' | 'utf-16le';

export interface DecodedCsv {
  text: string;
  encoding: CsvEncoding;
}

const startsWith = (bytes: Uint8Array, prefix: readonly number[]): boolean =>
  prefix.every((byte, i) => bytes[i] === byte);

function decode(label: string, bytes: Uint8Array): string {
  return new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes);
}

/**
 * Turns the bytes of an uploaded CSV into text, the way Chinese offices actually save it from Excel:
 * UTF-8 with a BOM ("CSV UTF-8"), UTF-8 without one, UTF-16LE with a BOM ("Unicode text", tab-separated),
 * and otherwise GB18030, which also covers GBK and GB2312 ("CSV (逗号分隔)" on a Chinese Windows).
 * Throws CsvImportError for an Excel workbook (.xlsx/.xls) or bytes that are none of these.
 */
export function decodeCsv(bytes: Uint8Array): DecodedCsv {
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) {
    throw new CsvImportError(
      'excel_workbook',
      'This is an Excel workbook (.xlsx or .xls), not a CSV file. In Excel choose File → Save As → ' +
        '"CSV UTF-8 (comma delimited)" and import that file.',
      '这是 Excel 工作簿（.xlsx 或 .xls），不是 CSV 文件。请在 Excel 中选择“文件 → 另存为 → CSV UTF-8（逗号分隔）”，' +
        '再导入另存的文件。',
    );
  }
  try {
    if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return { text: decode('utf-8', bytes.subarray(3)), encoding: 'utf-8-bom' };
    if (startsWith(bytes, [0xff, 0xfe])) return { text: decode('utf-16le', bytes.subarray(2)), encoding: 'utf-16le' };
  } catch {
    throw undecodable();
  }
  try {
    return { text: decode('utf-8', bytes), encoding: 'utf-8' };
  } catch {
    // Not UTF-8: what a Chinese Windows Excel writes by default.
  }
  try {
    return { text: decode('gb18030', bytes), encoding: 'gb18030' };
  } catch {
    throw undecodable();
  }
}

function undecodable(): CsvImportError {
  return new CsvImportError(
    'undecodable',
    'The file is not readable text in UTF-8, GB18030/GBK or UTF-16. Save it from Excel as ' +
      '"CSV UTF-8 (comma delimited)" and import it again.',
    '无法识别文件的文字编码（不是 UTF-8、GB18030/GBK 或 UTF-16）。请在 Excel 中另存为“CSV UTF-8（逗号分隔）”后重新导入。',
  );
}
