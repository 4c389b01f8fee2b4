/**
 * The new-term form (新学期) as pure functions: its first values, what is wrong with what was typed (each
 * problem names its field, so the form can say it beside it), and the `POST /api/terms` body. Times are typed
 * as the venue's wall clock and sent as instants (docs/architecture.md habit 5).
 */
import type { MemberCategory, TermMode } from '../../server/shared/enums.ts';
import { addDays, wallToIso } from '../calendar/zone.ts';
import type { CreateTermInput } from './types.ts';

export interface TermFields {
  name: string;
  mode: TermMode;
  applyFromDate: string;
  applyFromTime: string;
  applyUntilDate: string;
  applyUntilTime: string;
  /** A 续报 window for returning students, before new applicants. */
  renewal: boolean;
  renewFromDate: string;
  renewFromTime: string;
  renewUntilDate: string;
  renewUntilTime: string;
  classesPerMember: number | string | null;
  choicesPerApplication: number | string | null;
  priorityCategories: MemberCategory[];
  offerHours: number | string | null;
  /** An unpaid seat is released after this (optional). */
  payDeadline: boolean;
  payUntilDate: string;
  payUntilTime: string;
}

export type TermField =
  | 'name'
  | 'applyFrom'
  | 'applyUntil'
  | 'renewFrom'
  | 'renewUntil'
  | 'classesPerMember'
  | 'choicesPerApplication'
  | 'offerHours'
  | 'payUntil';

export type TermProblemCode = 'required' | 'badTime' | 'notAfterStart' | 'renewalOverlaps' | 'outOfRange' | 'fewerChoicesThanClasses' | 'payBeforeClose';

export interface TermProblem {
  field: TermField;
  code: TermProblemCode;
  params?: Record<string, number>;
}

/** The server's defaults (docs/api.md): 2 classes a member, 3 choices, 48 hours to take an offered seat. */
export function initialTermFields(today: string): TermFields {
  const opens = addDays(today, 1);
  return {
    name: '',
    mode: 'lottery',
    applyFromDate: opens,
    applyFromTime: '08:30',
    applyUntilDate: addDays(opens, 14),
    applyUntilTime: '17:00',
    renewal: false,
    renewFromDate: '',
    renewFromTime: '08:30',
    renewUntilDate: '',
    renewUntilTime: '17:00',
    classesPerMember: 2,
    choicesPerApplication: 3,
    priorityCategories: [],
    offerHours: 48,
    payDeadline: false,
    payUntilDate: '',
    payUntilTime: '17:00',
  };
}

/** Switching the 续报 window on fills it, if empty, with the week before applications open. */
export function withRenewal(fields: TermFields, on: boolean): TermFields {
  if (!on || fields.renewFromDate || !fields.applyFromDate) return { ...fields, renewal: on };
  return { ...fields, renewal: true, renewFromDate: addDays(fields.applyFromDate, -7), renewUntilDate: addDays(fields.applyFromDate, -1) };
}

/** Switching the payment deadline on fills it, if empty, with a week after applications close. */
export function withPayDeadline(fields: TermFields, on: boolean): TermFields {
  if (!on || fields.payUntilDate || !fields.applyUntilDate) return { ...fields, payDeadline: on };
  return { ...fields, payDeadline: true, payUntilDate: addDays(fields.applyUntilDate, 7) };
}

/** A whole number in [min, max], or null. Number inputs hand over numbers, text inputs strings. */
export function wholeNumber(value: number | string | null | undefined, min: number, max: number): number | null {
  if (value === null || value === undefined || value === '') return null;
  const n = typeof value === 'number' ? value : Number(String(value).trim());
  return Number.isInteger(n) && n >= min && n <= max ? n : null;
}

export type TermFormResult = { ok: true; body: CreateTermInput } | { ok: false; problems: TermProblem[] };

export function termBody(fields: TermFields, venueId: string, timeZone: string): TermFormResult {
  const problems: TermProblem[] = [];
  const at = (field: TermField, date: string, time: string): string | null => {
    if (!date || !time) {
      problems.push({ field, code: 'required' });
      return null;
    }
    const iso = wallToIso(date, time, timeZone);
    if (!iso) problems.push({ field, code: 'badTime' });
    return iso;
  };
  const after = (field: TermField, start: string | null, end: string | null) => {
    if (start && end && Date.parse(end) <= Date.parse(start)) problems.push({ field, code: 'notAfterStart' });
  };
  const number = (field: TermField, value: number | string | null, min: number, max: number): number | null => {
    const n = wholeNumber(value, min, max);
    if (n === null) problems.push({ field, code: 'outOfRange', params: { min, max } });
    return n;
  };

  const name = fields.name.trim();
  if (!name) problems.push({ field: 'name', code: 'required' });
  const applyFrom = at('applyFrom', fields.applyFromDate, fields.applyFromTime);
  const applyUntil = at('applyUntil', fields.applyUntilDate, fields.applyUntilTime);
  after('applyUntil', applyFrom, applyUntil);

  let renewal: { renewFrom: string; renewUntil: string } | null = null;
  if (fields.renewal) {
    const renewFrom = at('renewFrom', fields.renewFromDate, fields.renewFromTime);
    const renewUntil = at('renewUntil', fields.renewUntilDate, fields.renewUntilTime);
    after('renewUntil', renewFrom, renewUntil);
    // Returning students confirm first; new applicants then compete only for the seats left.
    if (renewUntil && applyFrom && Date.parse(renewUntil) > Date.parse(applyFrom)) problems.push({ field: 'renewUntil', code: 'renewalOverlaps' });
    if (renewFrom && renewUntil) renewal = { renewFrom, renewUntil };
  }

  const classesPerMember = number('classesPerMember', fields.classesPerMember, 1, 10);
  const choicesPerApplication = number('choicesPerApplication', fields.choicesPerApplication, 1, 10);
  if (classesPerMember !== null && choicesPerApplication !== null && choicesPerApplication < classesPerMember) {
    problems.push({ field: 'choicesPerApplication', code: 'fewerChoicesThanClasses', params: { n: classesPerMember } });
  }
  const offerHours = number('offerHours', fields.offerHours, 1, 720);

  let payUntil: string | null = null;
  if (fields.payDeadline) {
    payUntil = at('payUntil', fields.payUntilDate, fields.payUntilTime);
    if (payUntil && applyUntil && Date.parse(payUntil) <= Date.parse(applyUntil)) problems.push({ field: 'payUntil', code: 'payBeforeClose' });
  }

  if (problems.length > 0 || !applyFrom || !applyUntil || classesPerMember === null || choicesPerApplication === null || offerHours === null) {
    return { ok: false, problems };
  }
  return {
    ok: true,
    body: {
      venueId,
      name,
      mode: fields.mode,
      applyFrom,
      applyUntil,
      ...(renewal ?? {}),
      classesPerMember,
      choicesPerApplication,
      // Priority orders the draw only; a first-come term has none.
      priorityCategories: fields.mode === 'lottery' ? [...fields.priorityCategories] : [],
      offerHours,
      ...(payUntil ? { payUntil } : {}),
    },
  };
}
