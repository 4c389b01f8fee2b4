/**
 * The names a member-import file may give its columns (姓名, 联系电话（手机）, "Card code" …) and the member field each
 * names. The importer maps a file's header row with them (server/modules/members/import/columns.ts) and the
 * import report in the app reads the same headings back the same way.
 */

export const MEMBER_FIELDS = [
  'name', 'gender', 'birthMonth', 'formerUnit', 'formerPosition',
  'category', 'phone', 'cardCode', 'memberNo', 'notes',
] as const;
export type MemberField = (typeof MEMBER_FIELDS)[number];

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
