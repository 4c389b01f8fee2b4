/**
 * The shape of the invented history `npm run seed -- --years N` writes (history.ts): the city's centres, the
 * yearly scale of docs/domain.md ("Who and where"), the calendar (Chinese New Year, National Day, terms), the
 * register's categories and the hours people come. Plain data and pure functions; the SQL is history-queries.ts.
 */
import type { MemberCategory, RoomKind } from '../db/schema.ts';
import { DEMO_VENUES, type DemoVenue } from './demo-data.ts';

/** The city's yearly figures at scale 1 (docs/domain.md): person-visits, matches, lectures, exhibitions. */
export const YEARLY = {
  /** Visits (人次, guests included) to all centres together; the classes', lectures' and exhibitions' are part of it. */
  visits: 120_000,
  matches: 1_200,
  lectures: 110,
  lectureAttendance: 10_000,
  exhibitions: 17,
  /** Members on the register at scale 1. */
  members: 1_000,
} as const;

/** Register of docs/domain.md: 620 retired cadres, 40 former city leaders; 离休 veterans are in their nineties and few. */
export const CATEGORY_SHARES: ReadonlyArray<{ category: MemberCategory; share: number; activity: number }> = [
  { category: 'retired', share: 0.62, activity: 1 },
  { category: 'leader', share: 0.04, activity: 0.8 },
  { category: 'veteran', share: 0.025, activity: 0.35 },
  { category: 'other', share: 0.315, activity: 0.9 },
];

export interface HistoryVenue extends DemoVenue {
  /** Share of the city's visits. */
  weight: number;
}

const COUNTY_ROOMS: DemoVenue['rooms'] = DEMO_VENUES[1]!.rooms;
const EXTRA_COUNTIES = ['会泽县', '宣威市', '陆良县', '富源县', '马龙区', '沾益区'];

/** The city centre, the demo's two county centres and six more: one centre in every county. */
export const HISTORY_VENUES: HistoryVenue[] = [
  { ...DEMO_VENUES[0]!, weight: 0.4 },
  ...DEMO_VENUES.slice(1).map((v) => ({ ...v, weight: 0.075 })),
  ...EXTRA_COUNTIES.map((county) => ({ name: `${county}老干部活动中心`, opensAt: '08:30', closesAt: '20:30', rooms: COUNTY_ROOMS, weight: 0.075 })),
];

/** Weekly classes of a term, placed in the first room of the first kind the venue has (never overlapping). */
export interface ClassTemplate {
  title: string;
  kinds: RoomKind[];
  /** ISO weekdays. */
  days: number[];
  time: string;
  minutes: number;
  expected: number;
  /** Only the city centre runs it. */
  cityOnly?: boolean;
}

export const CLASS_TEMPLATES: ClassTemplate[] = [
  { title: '老年大学 · 书法班', kinds: ['classroom'], days: [2, 4], time: '09:00', minutes: 90, expected: 28 },
  { title: '老年大学 · 合唱团', kinds: ['studio', 'classroom'], days: [1, 3], time: '09:30', minutes: 120, expected: 35 },
  { title: '老年大学 · 国画班', kinds: ['classroom'], days: [1, 3], time: '14:30', minutes: 120, expected: 24, cityOnly: true },
  { title: '老年大学 · 民族舞班', kinds: ['studio'], days: [2, 4], time: '14:30', minutes: 120, expected: 32 },
  { title: '花灯戏兴趣班', kinds: ['studio', 'classroom'], days: [5], time: '09:30', minutes: 90, expected: 18 },
  { title: '旗袍走秀队排练', kinds: ['studio'], days: [5], time: '15:00', minutes: 90, expected: 20, cityOnly: true },
];

/** Terms: spring from March to June, autumn from September to mid-December (month, day; inclusive). */
export const TERMS: ReadonlyArray<{ name: string; from: [number, number]; to: [number, number] }> = [
  { name: '春季', from: [3, 1], to: [6, 30] },
  { name: '秋季', from: [9, 1], to: [12, 20] },
];

/** Chinese New Year's day (正月初一), 2010–2035. */
export const NEW_YEAR: Record<number, string> = {
  2010: '2010-02-14', 2011: '2011-02-03', 2012: '2012-01-23', 2013: '2013-02-10', 2014: '2014-01-31',
  2015: '2015-02-19', 2016: '2016-02-08', 2017: '2017-01-28', 2018: '2018-02-16', 2019: '2019-02-05',
  2020: '2020-01-25', 2021: '2021-02-12', 2022: '2022-02-01', 2023: '2023-01-22', 2024: '2024-02-10',
  2025: '2025-01-29', 2026: '2026-02-17', 2027: '2027-02-06', 2028: '2028-01-26', 2029: '2029-02-13',
  2030: '2030-02-03', 2031: '2031-01-23', 2032: '2032-02-11', 2033: '2033-01-31', 2034: '2034-02-19',
  2035: '2035-02-08',
};

/** Month factors: winter and the summer heat are quieter, spring and autumn busy (index 0 = January). */
export const MONTH_FACTOR = [0.95, 0.85, 1.08, 1.12, 1.1, 1.0, 0.82, 0.8, 1.08, 1.02, 1.08, 1.0];
/** ISO weekday factors, Monday first: weekdays busy, Sunday quiet. */
export const WEEKDAY_FACTOR = [1.12, 1.12, 1.1, 1.12, 1.05, 0.82, 0.6];
/** When people check in, by local hour from 08:00 to 20:00: a morning peak, an afternoon one, evening dancing. */
export const HOUR_WEIGHTS: Record<number, number> = { 8: 14, 9: 17, 10: 12, 11: 6, 12: 2, 13: 3, 14: 10, 15: 11, 16: 8, 17: 4, 18: 3, 19: 6, 20: 2 };

/** The hours as a list, each repeated by its weight: picking a random element picks an hour by weight. */
export function weightedHours(): number[] {
  return Object.entries(HOUR_WEIGHTS).flatMap(([hour, weight]) => Array.from({ length: weight }, () => Number(hour)));
}

/** Days around Chinese New Year when centres are nearly empty (the eve to the seventh day), as [from, to]. */
export function newYearBreaks(years: readonly number[]): Array<[string, string]> {
  return years.flatMap((year) => {
    const day = NEW_YEAR[year];
    if (!day) return [];
    const d = new Date(`${day}T00:00:00Z`);
    const shift = (n: number) => new Date(d.getTime() + n * 86_400_000).toISOString().slice(0, 10);
    return [[shift(-2), shift(6)] as [string, string]];
  });
}
