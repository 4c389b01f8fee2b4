/** Reading one cell of the member ledger. Each refusal names the value and says how to fix it. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string; messageZh: string };

export type Gender = 'male' | 'female';
export type MemberCategory = 'veteran' | 'retired' | 'leader' | 'other';

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const no = (message: string, messageZh: string): Parsed<never> => ({ ok: false, message, messageZh });

/** Trims spaces of every kind (incl. the full-width U+3000, NBSP, zero-width ones). */
export function cleanCell(cell: string): string {
  return cell.replace(/^[\s\u200b-\u200d\ufeff]+|[\s\u200b-\u200d\ufeff]+$/gu, '');
}

/** Excel's "1.38123E+10": a long number the spreadsheet turned into scientific notation. */
const EXCEL_SCIENTIFIC = /^\d(\.\d+)?e\+\d+$/i;
const excelMangled = (label: string, labelZh: string, value: string) =>
  no(
    `${label} "${value}" was turned into scientific notation by Excel; format the column as Text, ` +
      're-enter the numbers and export again.',
    `${labelZh}“${value}”已被 Excel 变成科学计数法；请把该列设为“文本”格式，重新填写后再导出。`,
  );

/** Name: 1–60 characters; spaces between Chinese characters ("王  芳", for alignment) are removed. */
export function parseName(cell: string): Parsed<string> {
  const name = cleanCell(cell)
    .replace(/\s+/gu, ' ')
    .replace(/(?<=\p{Script=Han}) (?=\p{Script=Han})/gu, '');
  if (name === '') return no('The name is missing.', '姓名未填写。');
  const length = [...name].length;
  if (length > 60) return no(`The name has ${length} characters; at most 60.`, `姓名有 ${length} 个字，最多 60 个字。`);
  return ok(name);
}

export function parseGender(cell: string): Parsed<Gender | null> {
  const value = cleanCell(cell);
  const key = value.normalize('NFKC').toLowerCase();
  if (key === '') return ok(null);
  if (['男', '男性', 'male', 'm'].includes(key)) return ok('male');
  if (['女', '女性', 'female', 'f'].includes(key)) return ok('female');
  return no(`Gender "${value}" should be 男 or 女 (or left empty).`, `性别“${value}”应填“男”或“女”（也可不填）。`);
}

/**
 * Birth month as YYYY-MM from 1929.04, 1929-04, 1929/4, 1929年4月, 192904, or a full date (1929.04.15,
 * 1929年4月15日, 19290415; the day is checked, then dropped). Years from 1900 to this year.
 */
export function parseBirthMonth(cell: string, today = new Date()): Parsed<string | null> {
  const value = cleanCell(cell);
  const s = value.normalize('NFKC').replace(/\s/gu, '');
  if (s === '') return ok(null);
  // Five digits (optionally with a fraction of a day): a date Excel wrote as its serial number. Four or
  // six digits stay a year or a year and month (1949, 194903).
  if (/^\d{5}(\.\d+)?$/u.test(s)) return parseExcelSerial(value, s, today);
  if (/^\d{4}$/u.test(s)) {
    return no(
      `Birth month "${value}" has only a year; write the month too, like 1949.03.`,
      `出生年月“${value}”只有年份，请写上月份，如 1949.03。`,
    );
  }
  const m =
    /^(\d{4})年(\d{1,2})月(?:(\d{1,2})日)?$/u.exec(s) ??
    /^(\d{4})([./-])(\d{1,2})(?:\2(\d{1,2}))?$/u.exec(s)?.filter((_, i) => i !== 2) ??
    /^(\d{4})(\d{2})(\d{2})?$/u.exec(s);
  const example = '1949.03';
  if (!m) {
    return no(
      `Birth month "${value}" is not understood; write it like ${example}.`,
      `出生年月“${value}”无法识别，请写成 ${example} 这样的格式。`,
    );
  }
  const [year, month, day] = [Number(m[1]), Number(m[2]), m[3] === undefined ? null : Number(m[3])];
  if (month < 1 || month > 12) {
    return no(
      `Birth month "${value}": there is no month ${month}; write it like ${example}.`,
      `出生年月“${value}”有误：没有 ${month} 月，请写成 ${example} 这样的格式。`,
    );
  }
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day !== null && (day < 1 || day > daysInMonth)) {
    return no(
      `Birth date "${value}": ${year}-${String(month).padStart(2, '0')} has no day ${day}.`,
      `出生日期“${value}”有误：${year} 年 ${month} 月没有 ${day} 日。`,
    );
  }
  const thisMonth = today.getFullYear() * 12 + today.getMonth();
  if (year < 1900 || year * 12 + month - 1 > thisMonth) {
    return no(`Birth month "${value}": the year ${year} cannot be right.`, `出生年月“${value}”有误：年份 ${year} 不合理。`);
  }
  return ok(`${year}-${String(month).padStart(2, '0')}`);
}

/** Excel's day 0 of the 1900 date system is 1899-12-31, but it counts a 29 Feb 1900 that never was (day 60). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/**
 * A date cell Excel wrote as its serial number (the column was formatted as a number, e.g. 17597 for
 * 1948-03-05): read in Excel's 1900 date system, whose day 1 is 1900-01-01. Days before 1 March 1900 are no
 * one's birthday here, so anything that is not a plausible birth date is refused with that explanation.
 */
export function excelSerialDate(serial: number): { year: number; month: number; day: number } | null {
  if (!Number.isFinite(serial) || serial < 61) return null;
  const date = new Date(EXCEL_EPOCH_MS + Math.floor(serial) * 86_400_000);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

function parseExcelSerial(value: string, s: string, today: Date): Parsed<string> {
  const date = excelSerialDate(Number(s));
  const thisMonth = today.getFullYear() * 12 + today.getMonth();
  if (date && date.year >= 1900 && date.year * 12 + date.month - 1 <= thisMonth) {
    return ok(`${date.year}-${String(date.month).padStart(2, '0')}`);
  }
  return no(
    `Birth month "${value}" looks like an Excel date number but is not a possible birth date ` +
      '(Excel counts days from 1900-01-01); format the column as a date or write it like 1949.03.',
    `出生年月“${value}”像是 Excel 的日期序号（从 1900 年 1 月 1 日起算的天数），但换算后不是合理的出生日期；` +
      '请把该列设为“日期”格式，或写成 1949.03 这样的格式。',
  );
}

const CATEGORIES: Record<string, MemberCategory> = {
  离休: 'veteran', 离休干部: 'veteran', veteran: 'veteran',
  退休: 'retired', 退休干部: 'retired', retired: 'retired',
  原市级领导: 'leader', 市级领导: 'leader', 原市领导: 'leader', leader: 'leader',
  // 其它 is as common as 其他 in office spreadsheets (both mean "other").
  其他: 'other', 其它: 'other', 其他会员: 'other', 其它会员: 'other', other: 'other', '': 'other',
};

export function parseCategory(cell: string): Parsed<MemberCategory> {
  const value = cleanCell(cell);
  const category = CATEGORIES[value.normalize('NFKC').replace(/\s/gu, '').toLowerCase()];
  if (category !== undefined) return ok(category);
  return no(
    `Category "${value}" should be 离休, 退休, 原市级领导 or 其他/其它 (empty means 其他).`,
    `类别“${value}”应为“离休”“退休”“原市级领导”或“其他”（不填即“其他”）。`,
  );
}

/**
 * A mainland mobile (11 digits from 1; spaces, dashes and a +86/86 prefix removed) or a landline with its
 * area code (0874-1234567, 08741234567). Stored as digits only, so the kiosk and search match typed digits.
 */
export function parsePhone(cell: string): Parsed<string | null> {
  const value = cleanCell(cell);
  const s = value.normalize('NFKC').replace(/[\s()]/gu, '');
  if (s === '') return ok(null);
  if (EXCEL_SCIENTIFIC.test(s)) return excelMangled('Phone', '联系电话', value);
  if (/[/,;、]/u.test(s)) {
    return no(
      `Phone "${value}" holds more than one number; keep one here and put the others in 备注 (notes).`,
      `联系电话“${value}”填了多个号码；此处只留一个，其余请写在“备注”里。`,
    );
  }
  const local = s.replace(/^(\+86|0086)-?/u, '');
  const digits = local.replace(/-/gu, '');
  const mobile = /^86(1\d{10})$/u.exec(digits)?.[1] ?? digits;
  if (/^1\d{10}$/u.test(mobile)) return ok(mobile);
  if (/^0\d{9,11}$/u.test(digits) && /^[\d-]+$/u.test(local)) return ok(digits);
  const count = digits.replace(/\D/gu, '').length;
  return no(
    `Phone "${value}" is not a phone number (it has ${count} digits): a mobile number has 11 digits starting ` +
      'with 1; a landline needs its area code, like 0874-1234567.',
    `联系电话“${value}”不是有效号码（共 ${count} 位数字）：手机号为 1 开头的 11 位数字，座机须带区号，如 0874-1234567。`,
  );
}

/** Card code: 1–32 letters, digits, - or _, upper-cased. */
export function parseCardCode(cell: string): Parsed<string | null> {
  const value = cleanCell(cell);
  const s = value.normalize('NFKC');
  if (s === '') return ok(null);
  if (EXCEL_SCIENTIFIC.test(s)) return excelMangled('Card code', '会员卡号', value);
  if (/^[A-Za-z0-9_-]{1,32}$/u.test(s)) return ok(s.toUpperCase());
  return no(
    `Card code "${value}" may only have letters, digits, - and _ (no spaces), at most 32 characters.`,
    `会员卡号“${value}”只能由字母、数字、“-”和“_”组成（不含空格），最多 32 个字符。`,
  );
}

/** Free text (unit, position, member number, notes): empty → null, at most `max` characters. */
export function parseText(cell: string, max: number, label: string, labelZh: string): Parsed<string | null> {
  const value = cleanCell(cell);
  if (value === '') return ok(null);
  const length = [...value].length;
  if (length <= max) return ok(value);
  return no(`${label} has ${length} characters; at most ${max}.`, `${labelZh}有 ${length} 个字，最多 ${max} 个字。`);
}
