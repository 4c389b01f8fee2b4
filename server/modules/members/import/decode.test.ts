import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeCsv } from './decode.ts';
import { CsvImportError } from './errors.ts';

const repoRoot = path.resolve(import.meta.dirname, '../../../..');
const fixture = (name: string): Uint8Array => readFileSync(path.resolve(repoRoot, 'tests/fixtures', name));
const utf16le = (text: string): Uint8Array => new Uint8Array([0xff, 0xfe, ...Buffer.from(text, 'utf16le')]);

describe('decodeCsv', () => {
  it('reads the GB18030 and the UTF-8-with-BOM fixture to the same text, BOM stripped', () => {
    const gb = decodeCsv(fixture('members-gb18030.csv'));
    const bom = decodeCsv(fixture('members-utf8-bom.csv'));
    expect(gb.encoding).toBe('gb18030');
    expect(bom.encoding).toBe('utf-8-bom');
    expect(bom.text.charCodeAt(0)).not.toBe(0xfeff);
    expect(gb.text.startsWith('序号,姓名,性别,出生年月')).toBe(true);
    expect(gb.text).toBe(bom.text);
  });

  it('reads UTF-8 without a BOM, including plain ASCII', () => {
    expect(decodeCsv(new TextEncoder().encode('姓名\r\n王芳\r\n'))).toEqual({ text: '姓名\r\n王芳\r\n', encoding: 'utf-8' });
    expect(decodeCsv(new TextEncoder().encode('name\n')).encoding).toBe('utf-8');
  });

  it('reads UTF-16LE with its BOM (Excel "Unicode text")', () => {
    expect(decodeCsv(utf16le('姓名\t性别\r\n王芳\t女\r\n'))).toEqual({
      text: '姓名\t性别\r\n王芳\t女\r\n',
      encoding: 'utf-16le',
    });
  });

  it('falls back to GB18030 for GBK bytes', () => {
    // "姓名" in GBK: D0 D5 C3 FB
    expect(decodeCsv(new Uint8Array([0xd0, 0xd5, 0xc3, 0xfb, 0x0d, 0x0a]))).toEqual({ text: '姓名\r\n', encoding: 'gb18030' });
  });

  it('refuses an Excel workbook and undecodable bytes, in English and Chinese', () => {
    const xlsx = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]);
    expect(() => decodeCsv(xlsx)).toThrow(CsvImportError);
    expect(() => decodeCsv(xlsx)).toThrow(/Excel workbook/);
    try {
      decodeCsv(new Uint8Array([0x41, 0xff, 0x42]));
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(CsvImportError);
      expect((error as CsvImportError).reason).toBe('undecodable');
      expect((error as CsvImportError).messageZh).toMatch(/编码/);
    }
  });
});
