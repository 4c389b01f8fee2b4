/**
 * The add-class form as pure functions: the weekly rule the class's sessions are booked with (one series on the
 * calendar, docs/api.md), the dates it gives, what is wrong with what was typed, and the
 * `POST /api/terms/:termId/classes` body. The first session is typed on the venue's wall clock.
 */
import type { MemberCategory } from '../../server/shared/enums.ts';
import { MEMBER_CATEGORIES } from '../../server/shared/enums.ts';
import { addDays, parseWall, wallToIso } from '../calendar/zone.ts';
import { yuanToCents } from './money.ts';
import { wholeNumber } from './term-form.ts';
import type { CreateClassInput } from './types.ts';

export interface ClassFields {
  course: string;
  name: string;
  teacher: string;
  level: string;
  roomId: string;
  /** The first session: a venue-local date and times. */
  firstDate: string;
  startTime: string;
  endTime: string;
  /** The last date sessions may fall on (included). */
  untilDate: string;
  /** Whether the person set the last date; until then it follows the first date (a term of 18 weeks). */
  untilChosen?: boolean;
  capacity: number | string | null;
  /** In yuan, as typed. */
  fee: string;
  minAgeFemale: number | string | null;
  minAgeMale: number | string | null;
  maxAge: number | string | null;
  /** None ticked: every category may enrol. */
  categories: MemberCategory[];
  continuesClassId: string;
}

export type ClassField =
  | 'course'
  | 'name'
  | 'teacher'
  | 'level'
  | 'roomId'
  | 'firstDate'
  | 'endTime'
  | 'untilDate'
  | 'capacity'
  | 'fee'
  | 'minAgeFemale'
  | 'minAgeMale'
  | 'maxAge';

export type ClassProblemCode = 'required' | 'badTime' | 'endBeforeStart' | 'untilBeforeFirst' | 'outOfRange' | 'badFee' | 'maxBelowMin' | 'tooLong';

export interface ClassProblem {
  field: ClassField;
  code: ClassProblemCode;
  params?: Record<string, number>;
}

/** A term's weeks, when the form starts and while the last date follows the first. */
const TERM_WEEKS = 18;

/** A term's class: weekly for 18 weeks from `firstDate`, 09:00–10:30. */
export function initialClassFields(firstDate: string): ClassFields {
  return {
    course: '',
    name: '',
    teacher: '',
    level: '',
    roomId: '',
    firstDate,
    startTime: '09:00',
    endTime: '10:30',
    untilDate: addDays(firstDate, (TERM_WEEKS - 1) * 7),
    untilChosen: false,
    capacity: 30,
    fee: '',
    minAgeFemale: '',
    minAgeMale: '',
    maxAge: '',
    categories: [],
    continuesClassId: '',
  };
}

/** The form after the first date changed: an untouched last date follows it, one the person chose stays. */
export function withFirstDate(fields: ClassFields, firstDate: string): ClassFields {
  const untilDate = fields.untilChosen || Number.isNaN(parseWall(firstDate).getTime()) ? fields.untilDate : addDays(firstDate, (TERM_WEEKS - 1) * 7);
  return { ...fields, firstDate, untilDate };
}

/** `FREQ=WEEKLY;UNTIL=20270630`: every week on the first session's weekday, through the local date `until`. */
export const weeklyRule = (untilDate: string): string => `FREQ=WEEKLY;UNTIL=${untilDate.replaceAll('-', '')}`;

/** The dates the weekly rule gives (closed days aside: the server skips those). Empty when the dates are wrong. */
export function sessionDates(firstDate: string, untilDate: string): string[] {
  if (Number.isNaN(parseWall(firstDate).getTime()) || Number.isNaN(parseWall(untilDate).getTime()) || untilDate < firstDate) return [];
  const dates: string[] = [];
  // A term is weeks, the server's series at most two years: the loop is short.
  for (let date = firstDate; date <= untilDate && dates.length <= 110; date = addDays(date, 7)) dates.push(date);
  return dates;
}

export type ClassFormResult = { ok: true; body: CreateClassInput; sessions: number } | { ok: false; problems: ClassProblem[] };

const TITLE_MAX = 80;
const LEVEL_MAX = 40;

export function classBody(fields: ClassFields, timeZone: string): ClassFormResult {
  const problems: ClassProblem[] = [];
  const text = (field: ClassField, value: string, required: boolean, max: number): string | null => {
    const clean = value.trim();
    if (!clean) {
      if (required) problems.push({ field, code: 'required' });
      return null;
    }
    if (Array.from(clean).length > max) problems.push({ field, code: 'tooLong', params: { max } });
    return clean;
  };
  const age = (field: ClassField, value: number | string | null): number | null => {
    if (value === null || value === '') return null;
    const n = wholeNumber(value, 0, 130);
    if (n === null) problems.push({ field, code: 'outOfRange', params: { min: 0, max: 130 } });
    return n;
  };

  const course = text('course', fields.course, true, TITLE_MAX);
  const name = text('name', fields.name, true, TITLE_MAX);
  const teacher = text('teacher', fields.teacher, false, TITLE_MAX);
  const level = text('level', fields.level, false, LEVEL_MAX);
  if (!fields.roomId) problems.push({ field: 'roomId', code: 'required' });

  let firstStart: string | null = null;
  let firstEnd: string | null = null;
  if (!fields.firstDate || !fields.startTime || !fields.endTime) problems.push({ field: 'firstDate', code: 'required' });
  else {
    firstStart = wallToIso(fields.firstDate, fields.startTime, timeZone);
    firstEnd = wallToIso(fields.firstDate, fields.endTime, timeZone);
    if (!firstStart || !firstEnd) problems.push({ field: 'firstDate', code: 'badTime' });
    else if (Date.parse(firstEnd) <= Date.parse(firstStart)) problems.push({ field: 'endTime', code: 'endBeforeStart' });
  }
  if (!fields.untilDate || Number.isNaN(parseWall(fields.untilDate).getTime())) problems.push({ field: 'untilDate', code: 'required' });
  else if (fields.firstDate && fields.untilDate < fields.firstDate) problems.push({ field: 'untilDate', code: 'untilBeforeFirst' });

  const capacity = wholeNumber(fields.capacity, 1, 2000);
  if (capacity === null) problems.push({ field: 'capacity', code: 'outOfRange', params: { min: 1, max: 2000 } });
  const feeCents = fields.fee.trim() === '' ? 0 : yuanToCents(fields.fee);
  if (feeCents === null) problems.push({ field: 'fee', code: 'badFee' });

  const minAgeFemale = age('minAgeFemale', fields.minAgeFemale);
  const minAgeMale = age('minAgeMale', fields.minAgeMale);
  const maxAge = age('maxAge', fields.maxAge);
  if (maxAge !== null && ((minAgeFemale !== null && maxAge < minAgeFemale) || (minAgeMale !== null && maxAge < minAgeMale))) {
    problems.push({ field: 'maxAge', code: 'maxBelowMin' });
  }
  // Every category ticked is the same as none: no limit, and a category added later is not shut out.
  const categories = fields.categories.length === 0 || MEMBER_CATEGORIES.every((c) => fields.categories.includes(c)) ? null : [...fields.categories];

  if (problems.length > 0 || !course || !name || !firstStart || !firstEnd || capacity === null || feeCents === null) return { ok: false, problems };
  // Limits left empty are left out rather than sent as null: the server's validation coerces a null in a
  // "number or null" field to 0 (a maximum age of 0 would shut everyone out), and an absent one means no limit.
  return {
    ok: true,
    sessions: sessionDates(fields.firstDate, fields.untilDate).length,
    body: {
      course,
      name,
      roomId: fields.roomId,
      capacity,
      firstStart,
      firstEnd,
      rrule: weeklyRule(fields.untilDate),
      feeCents,
      ...(teacher !== null ? { teacher } : {}),
      ...(level !== null ? { level } : {}),
      ...(minAgeFemale !== null ? { minAgeFemale } : {}),
      ...(minAgeMale !== null ? { minAgeMale } : {}),
      ...(maxAge !== null ? { maxAge } : {}),
      ...(categories !== null ? { categories } : {}),
      ...(fields.continuesClassId ? { continuesClassId: fields.continuesClassId } : {}),
    },
  };
}
