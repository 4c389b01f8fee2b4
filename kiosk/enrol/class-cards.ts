/**
 * What a class card on the kiosk says, from the class, the member's eligibility and their choices: the course
 * and class, when it meets each week (in the venue's zone), the teacher, the fee, the seats, and, when the
 * member may not choose it, why. Classes the member may choose come first, in the server's order; the others
 * after them, greyed, each with its reason, so nobody wonders why a class they wanted is missing.
 */
import { localDateOf, weekdayOf, zonedFields, type Weekday } from '../../server/shared/zoned-time.ts';
import { rankOf } from './choices.ts';
import type { ClassDto, EligibilityDto, IneligibleReason, TermDto } from './types.ts';

export interface WeeklyTime {
  /** ISO weekdays the class meets (Monday 1); empty when its rule is not a weekly one. */
  weekdays: Weekday[];
  /** Wall-clock 'HH:MM' of its first session, in the venue's zone. */
  start: string;
  end: string;
  /** The first session's date, 'YYYY-MM-DD' in the venue's zone. */
  firstDate: string;
}

export interface SeatsLine {
  capacity: number;
  /** Admitted and offered: the seats that are not free. */
  taken: number;
  free: number;
  waitlisted: number;
  /** Applications naming the class (a lottery's odds). */
  applicants: number;
}

export interface ClassCard {
  id: string;
  course: string;
  name: string;
  teacher: string | null;
  level: string | null;
  roomId: string;
  when: WeeklyTime;
  feeCents: number;
  seats: SeatsLine;
  eligible: boolean;
  reason: IneligibleReason | null;
  /** The choice's number when the member chose the class (1 = first choice). */
  rank: number | null;
}

const DAY_CODES: Record<string, Weekday> = { MO: 1, TU: 2, WE: 3, TH: 4, FR: 5, SA: 6, SU: 7 };
const pad = (n: number) => String(n).padStart(2, '0');

function wallTime(instant: string, zone: string): string {
  const f = zonedFields(new Date(instant), zone);
  return `${pad(f.hour)}:${pad(f.minute)}`;
}

/** The weekdays of an RFC 5545 rule ("FREQ=WEEKLY;BYDAY=TU,TH"); without BYDAY, the first session's weekday. */
export function weeklyTime(cls: Pick<ClassDto, 'firstStart' | 'firstEnd' | 'rrule'>, zone: string): WeeklyTime {
  const parts = new Map(
    cls.rrule
      .replace(/^RRULE:/i, '')
      .split(';')
      .map((part) => part.split('=') as [string, string?])
      .map(([key, value]) => [key.trim().toUpperCase(), (value ?? '').trim().toUpperCase()]),
  );
  const start = new Date(cls.firstStart);
  const firstDate = localDateOf(start, zone);
  let weekdays: Weekday[] = [];
  if (parts.get('FREQ') === 'WEEKLY') {
    const byDay = (parts.get('BYDAY') ?? '')
      .split(',')
      .map((code) => DAY_CODES[code.replace(/^[+-]?\d*/, '')])
      .filter((day): day is Weekday => day !== undefined);
    weekdays = byDay.length > 0 ? [...new Set(byDay)].sort((a, b) => a - b) : [weekdayOf(firstDate)];
  }
  return { weekdays, start: wallTime(cls.firstStart, zone), end: wallTime(cls.firstEnd, zone), firstDate };
}

export function seatsOf(cls: ClassDto): SeatsLine {
  const taken = cls.seats.admitted + cls.seats.offered;
  return {
    capacity: cls.capacity,
    taken,
    free: Math.max(0, cls.capacity - taken),
    waitlisted: cls.seats.waitlisted,
    applicants: cls.seats.applicants,
  };
}

/**
 * The cards of a term's classes for one member: eligible first, then the others, each group in the server's
 * order. A class the server did not mention for the member is shown as not possible (without a reason)
 * rather than offered: the server decides who may choose what.
 */
export function classCards(classes: readonly ClassDto[], eligibility: EligibilityDto, picks: readonly string[], zone: string): ClassCard[] {
  const verdicts = new Map(eligibility.classes.map((c) => [c.classId, c]));
  const cards = classes.map((cls): ClassCard => {
    const verdict = verdicts.get(cls.id);
    return {
      id: cls.id,
      course: cls.course,
      name: cls.name,
      teacher: cls.teacher,
      level: cls.level,
      roomId: cls.roomId,
      when: weeklyTime(cls, zone),
      feeCents: cls.feeCents,
      seats: seatsOf(cls),
      eligible: verdict?.eligible ?? false,
      reason: verdict?.reason ?? null,
      rank: rankOf(picks, cls.id),
    };
  });
  return [...cards.filter((c) => c.eligible), ...cards.filter((c) => !c.eligible)];
}

/** How many choices the member may make in this term, and how many classes they can be given at most. */
export function choiceLimits(term: Pick<TermDto, 'choicesPerApplication' | 'classesPerMember'>, eligibleCount: number) {
  return { max: Math.max(0, Math.min(term.choicesPerApplication, eligibleCount)), classes: term.classesPerMember };
}

/** Yuan from fen, without ".00": 30000 → "300", 30050 → "300.50". */
export function yuan(cents: number): string {
  const whole = Math.trunc(cents / 100);
  const rest = Math.abs(cents % 100);
  return rest === 0 ? String(whole) : `${whole}.${pad(rest)}`;
}

/** Four cards a page: with the member's choices and the buttons, what a portrait kiosk (and a landscape tablet, two by two) shows without scrolling. */
export const CARDS_PER_PAGE = 4;
