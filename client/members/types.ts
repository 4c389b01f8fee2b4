/** Members as the server sends them (docs/api.md, Members) and the import report it answers with. */
import { MEMBER_CATEGORIES, type MemberCategory } from '../../server/shared/enums.ts';

export const isMemberCategory = (value: unknown): value is MemberCategory =>
  MEMBER_CATEGORIES.some((c) => c === value);

export const GENDERS = ['male', 'female'] as const;
export type Gender = (typeof GENDERS)[number];

export interface Member {
  id: string;
  memberNo: string | null;
  name: string;
  gender: Gender | null;
  /** YYYY-MM */
  birthMonth: string | null;
  formerUnit: string | null;
  formerPosition: string | null;
  category: MemberCategory;
  phone: string | null;
  cardCode: string | null;
  notes: string | null;
}

/** The fields a member has, in the order the form and the import report name them. */
export const MEMBER_FIELDS = [
  'name',
  'memberNo',
  'cardCode',
  'category',
  'gender',
  'birthMonth',
  'phone',
  'formerUnit',
  'formerPosition',
  'notes',
] as const;
export type MemberField = (typeof MEMBER_FIELDS)[number];

export const isMemberField = (value: unknown): value is MemberField => MEMBER_FIELDS.some((f) => f === value);

export interface ImportRowError {
  field: string;
  message: string;
  messageZh: string;
}

/** `POST /api/members/import` → 200. `line`: the row number as Excel shows it (the header is line 1). */
export interface ImportReport {
  encoding: string;
  /** ',' '\t' or ';' */
  delimiter: string;
  ignoredColumns: string[];
  created: Array<{ line: number; id: string; name: string }>;
  /** Already on the register; `fields` changed. */
  updated: Array<{ line: number; id: string; name: string; fields: string[] }>;
  /** Already on the register, exactly as the line has them. */
  unchanged: Array<{ line: number; id: string; name: string }>;
  refused: Array<{ line: number; errors: ImportRowError[]; raw?: Record<string, string> }>;
}
