/**
 * The member form's pure parts: what the inputs hold, what to check before sending (the same rules as the
 * server's schema, so most mistakes are named at once), the bodies for `POST /api/members` and
 * `PATCH /api/members/:id`, and which field a refusal from the server belongs to.
 */
import { ApiError } from '../lib/api.ts';
import type { MemberCategory } from '../../server/shared/enums.ts';
import { isMemberField, type Gender, type Member, type MemberField } from './types.ts';

export interface MemberFormValues {
  name: string;
  memberNo: string;
  cardCode: string;
  category: MemberCategory;
  gender: Gender | '';
  birthMonth: string;
  phone: string;
  formerUnit: string;
  formerPosition: string;
  notes: string;
}

export type ProblemCode =
  | 'required'
  | 'tooLong'
  | 'cardCodeChars'
  | 'phoneFormat'
  | 'birthMonthFormat'
  | 'duplicate'
  | 'invalid';

export interface Problem {
  code: ProblemCode;
  /** For `tooLong`: the most characters allowed. */
  max?: number;
  /** The server's own sentence (English), when the problem came from the server. */
  serverMessage?: string;
}

export type Problems = Partial<Record<MemberField, Problem>>;

/** The server's limits (server/modules/members/schemas.ts). */
export const MAX_LENGTH: Record<Exclude<MemberField, 'category' | 'gender' | 'birthMonth'>, number> = {
  name: 60,
  memberNo: 32,
  cardCode: 32,
  phone: 20,
  formerUnit: 200,
  formerPosition: 100,
  notes: 500,
};

const CARD_CODE = /^[A-Za-z0-9_-]+$/;
const PHONE = /^[0-9+ -]{5,20}$/;

export function formValuesOf(member?: Member | null): MemberFormValues {
  return {
    name: member?.name ?? '',
    memberNo: member?.memberNo ?? '',
    cardCode: member?.cardCode ?? '',
    category: member?.category ?? 'retired',
    gender: member?.gender ?? '',
    birthMonth: member?.birthMonth ?? '',
    phone: member?.phone ?? '',
    formerUnit: member?.formerUnit ?? '',
    formerPosition: member?.formerPosition ?? '',
    notes: member?.notes ?? '',
  };
}

/**
 * `YYYY-MM` from the ways people write a month: 1950-03, 1950-3, 1950.03, 1950/3, 1950年3月, 195003.
 * `''` for nothing typed, `null` for something that is not a month.
 */
export function normalizeBirthMonth(input: string): string | null {
  const text = input.trim();
  if (text === '') return '';
  const match = /^([12]\d{3})\s*(?:[-./年]\s*(\d{1,2})\s*月?|(\d{2}))$/u.exec(text);
  if (!match) return null;
  const month = Number(match[2] ?? match[3]);
  if (!Number.isInteger(month) || month < 1 || month > 12) return null;
  return `${match[1]}-${String(month).padStart(2, '0')}`;
}

/** How the server stores a phone number: without spaces and dashes, without +86 before a mobile number. */
export function cleanPhone(input: string): string {
  return input.replace(/[\s-]/g, '').replace(/^\+?86(?=1\d{10}$)/, '');
}

const cleanCardCode = (input: string): string => input.trim().toUpperCase();

/** What is wrong with the values before anything is sent; empty when they may be sent. */
export function checkMemberForm(values: MemberFormValues): Problems {
  const problems: Problems = {};
  const name = values.name.trim();
  if (name === '') problems.name = { code: 'required' };
  for (const field of Object.keys(MAX_LENGTH) as Array<keyof typeof MAX_LENGTH>) {
    if (field === 'phone') continue;
    const value = values[field].trim();
    if (value.length > MAX_LENGTH[field]) problems[field] ??= { code: 'tooLong', max: MAX_LENGTH[field] };
  }
  const card = values.cardCode.trim();
  if (card !== '' && !problems.cardCode && !CARD_CODE.test(card)) problems.cardCode = { code: 'cardCodeChars' };
  const phone = values.phone.trim();
  if (phone !== '' && !PHONE.test(phone)) problems.phone = { code: 'phoneFormat' };
  if (normalizeBirthMonth(values.birthMonth) === null) problems.birthMonth = { code: 'birthMonthFormat' };
  return problems;
}

export const hasProblems = (problems: Problems): boolean => Object.keys(problems).length > 0;

export interface CreateMemberBody {
  name: string;
  memberNo?: string;
  cardCode?: string;
  category: MemberCategory;
  gender?: Gender;
  birthMonth?: string;
  phone?: string;
  formerUnit?: string;
  formerPosition?: string;
  notes?: string;
}

export type UpdateMemberBody = Partial<{
  name: string;
  memberNo: string | null;
  cardCode: string | null;
  category: MemberCategory;
  gender: Gender | null;
  birthMonth: string | null;
  phone: string | null;
  formerUnit: string | null;
  formerPosition: string | null;
  notes: string | null;
}>;

/** The values as the server would store them; `null` for an empty field. Call only after checkMemberForm. */
function normalized(values: MemberFormValues) {
  const text = (value: string) => value.trim() || null;
  return {
    name: values.name.trim(),
    memberNo: text(values.memberNo),
    cardCode: text(values.cardCode) === null ? null : cleanCardCode(values.cardCode),
    category: values.category,
    gender: values.gender === '' ? null : values.gender,
    birthMonth: normalizeBirthMonth(values.birthMonth) || null,
    phone: text(values.phone),
    formerUnit: text(values.formerUnit),
    formerPosition: text(values.formerPosition),
    notes: text(values.notes),
  };
}

/** The body of `POST /api/members`: empty fields left out. */
export function createBody(values: MemberFormValues): CreateMemberBody {
  const v = normalized(values);
  const body: CreateMemberBody = { name: v.name, category: v.category };
  if (v.memberNo) body.memberNo = v.memberNo;
  if (v.cardCode) body.cardCode = v.cardCode;
  if (v.gender) body.gender = v.gender;
  if (v.birthMonth) body.birthMonth = v.birthMonth;
  if (v.phone) body.phone = v.phone;
  if (v.formerUnit) body.formerUnit = v.formerUnit;
  if (v.formerPosition) body.formerPosition = v.formerPosition;
  if (v.notes) body.notes = v.notes;
  return body;
}

/** The body of `PATCH /api/members/:id`: only what changed, `null` for a field emptied. `{}` when nothing did. */
export function patchBody(original: Member, values: MemberFormValues): UpdateMemberBody {
  const v = normalized(values);
  const body: UpdateMemberBody = {};
  if (v.name !== original.name) body.name = v.name;
  if (v.memberNo !== original.memberNo) body.memberNo = v.memberNo;
  if (v.cardCode !== original.cardCode) body.cardCode = v.cardCode;
  if (v.category !== original.category) body.category = v.category;
  if (v.gender !== original.gender) body.gender = v.gender;
  if (v.birthMonth !== original.birthMonth) body.birthMonth = v.birthMonth;
  const phoneChanged = (v.phone === null ? null : cleanPhone(v.phone)) !== original.phone;
  if (phoneChanged) body.phone = v.phone;
  if (v.formerUnit !== original.formerUnit) body.formerUnit = v.formerUnit;
  if (v.formerPosition !== original.formerPosition) body.formerPosition = v.formerPosition;
  if (v.notes !== original.notes) body.notes = v.notes;
  return body;
}

/** The problem a refusal names, with its field; `null` when it is not about one field of the form. */
export function serverProblem(error: unknown): { field: MemberField; problem: Problem } | null {
  if (!(error instanceof ApiError)) return null;
  const field = error.field?.replace(/^body\./, '');
  if (!isMemberField(field)) return null;
  const serverMessage = error.message;
  if (error.code === 'duplicate') return { field, problem: { code: 'duplicate', serverMessage } };
  if (error.code !== 'validation_failed') return null;
  if (/more than \d+ characters/.test(serverMessage) && field in MAX_LENGTH) {
    return { field, problem: { code: 'tooLong', max: MAX_LENGTH[field as keyof typeof MAX_LENGTH], serverMessage } };
  }
  const specific: Partial<Record<MemberField, ProblemCode>> = {
    name: 'required',
    cardCode: 'cardCodeChars',
    phone: 'phoneFormat',
    birthMonth: 'birthMonthFormat',
  };
  return { field, problem: { code: specific[field] ?? 'invalid', serverMessage } };
}
