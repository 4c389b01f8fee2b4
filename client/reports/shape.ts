/**
 * Pure shaping of report answers into what the reports page draws: date ranges, month series per centre,
 * bar lists, attendance of recurring activities against their
 * expected number, tournament activity per sport and month, and the figures of the yearly summary.
 * Dates here are local calendar dates ('YYYY-MM-DD', 'YYYY-MM') as the server counts them, each in its
 * venue's zone: nothing is converted through the browser's own zone. The weekday × hour grid: heat.ts.
 */
import type { MatchCounts, Totals, TournamentRow, VisitRow, YearlyReport } from './types.ts';

export const WEEKS_CHOICES = [4, 8, 12, 26] as const;
/** The longest range the detail reports take (the server's by-day/by-activity cap). */
export const MAX_RANGE_DAYS = 366;

const DAY_MS = 86_400_000;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const utcOf = (date: string): number | null => {
  const m = DATE.exec(date);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = Date.UTC(y, mo - 1, d);
  const back = new Date(t);
  return back.getUTCFullYear() === y && back.getUTCMonth() === mo - 1 && back.getUTCDate() === d ? t : null;
};

/** The day after a local date. */
export function nextDay(date: string): string {
  const t = utcOf(date);
  if (t === null) throw new RangeError(`not a date: ${date}`);
  return new Date(t + DAY_MS).toISOString().slice(0, 10);
}

/** A year as the API's half-open range of local dates. */
export const yearRange = (year: number): { from: string; to: string } => ({ from: `${year}-01-01`, to: `${year + 1}-01-01` });

/** 'YYYY-01' … 'YYYY-12'. */
export const monthKeys = (year: number): string[] => Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);

/** The month number (1–12) of a 'YYYY-MM' key. */
export const monthOf = (key: string): number => Number(key.slice(5, 7));

/** Years to choose from: this one and the nine before it, newest first. */
export const yearChoices = (current: number, count = 10): number[] => Array.from({ length: count }, (_, i) => current - i);

/**
 * The detail charts' default range (both ends included, as people pick dates): the whole year, or from
 * 1 January up to today in the current year.
 */
export function defaultDetailRange(year: number, today: string): { from: string; to: string } {
  const from = `${year}-01-01`;
  const end = `${year}-12-31`;
  return { from, to: today.slice(0, 4) === String(year) && today < end ? today : end };
}

export type RangeProblem = 'invalid' | 'order' | 'tooLong';

/** What is wrong with a picked range (both ends included), or null. */
export function rangeProblem(from: string, to: string): RangeProblem | null {
  const a = utcOf(from);
  const b = utcOf(to);
  if (a === null || b === null) return 'invalid';
  if (b < a) return 'order';
  return (b - a) / DAY_MS + 1 > MAX_RANGE_DAYS ? 'tooLong' : null;
}

/** A picked range (both ends included) as the API's half-open one. */
export const apiRange = (from: string, toInclusive: string): { from: string; to: string } => ({ from, to: nextDay(toInclusive) });

/** Person-visits per month of a year (12 numbers, January first) from rows keyed 'YYYY-MM'. */
export function monthSeries(year: number, rows: readonly VisitRow[]): number[] {
  const byKey = new Map(rows.map((r) => [r.key, r.visits]));
  return monthKeys(year).map((key) => byKey.get(key) ?? 0);
}

export interface Series {
  label: string;
  data: number[];
}

/** Sums of several series, index by index. */
export function sumSeries(series: readonly Series[], length: number): number[] {
  return Array.from({ length }, (_, i) => series.reduce((sum, s) => sum + (s.data[i] ?? 0), 0));
}

// ---------------------------------------------------------------------------------------------------------
// Bar lists

export interface Bar {
  key: string;
  label: string;
  value: number;
  /** The bar's length as a share (0–1) of the longest. */
  share: number;
}

/** Rows as bars, largest first, at most `limit`; `none` keys (visits with no room) are kept and named. */
export function barList(rows: readonly VisitRow[], limit = 12, noneLabel = '—'): Bar[] {
  const top = [...rows]
    .filter((r) => r.visits > 0)
    .sort((a, b) => b.visits - a.visits || (a.label ?? a.key).localeCompare(b.label ?? b.key, 'zh'))
    .slice(0, limit);
  const max = top[0]?.visits ?? 0;
  return top.map((r) => ({
    key: r.key,
    label: r.key === 'none' ? noneLabel : (r.label ?? r.key),
    value: r.visits,
    share: max > 0 ? r.visits / max : 0,
  }));
}

/**
 * The month of `year` that is not over yet ('YYYY-MM'), given today's local date: its figures are "so far", and
 * a chart must not let it look like a bad month. Null for a year that is over (or not begun).
 */
export function partialMonth(year: number, today: string): string | null {
  return today.slice(0, 4) === String(year) ? today.slice(0, 7) : null;
}

// ---------------------------------------------------------------------------------------------------------
// Attendance of activities against their expected number

export interface ActivityAttendance {
  key: string;
  title: string;
  kind: string;
  roomId: string | null;
  /** Rooms (courts, tables) it used: a tournament books several at once. */
  rooms: number;
  /** Sessions held in the range. */
  sessions: number;
  /** Person-visits checked in to them (all sessions). */
  attended: number;
  /** Distinct members over all sessions (an upper bound: the server counts them per session). */
  members: number;
  /** Sessions that had an expected number. */
  withExpected: number;
  /** Sum of expected numbers of those sessions. */
  expected: number;
  /** Person-visits of the sessions that had an expected number. */
  attendedOfExpected: number;
  /** Average person-visits per session. */
  perSession: number;
  /** Average expected number per session that had one, or null. */
  expectedPerSession: number | null;
  /** attendedOfExpected / expected (1 = as many as expected), or null when nothing was expected. */
  rate: number | null;
  firstStart: string | null;
  lastStart: string | null;
}

/**
 * groupBy=booking rows (one per activity held) gathered into one line per recurring activity (same title,
 * room and kind), repeated ones first. A tournament books every court or table it uses at once (one booking
 * each, same title and start): those are one line, one session, however many tables. The `none` row (visits
 * not checked in to an activity) is returned apart.
 */
export function activityAttendance(rows: readonly VisitRow[]): { activities: ActivityAttendance[]; unbooked: Totals | null } {
  const groups = new Map<string, ActivityAttendance>();
  const starts = new Map<string, Set<string>>();
  const rooms = new Map<string, Set<string>>();
  let unbooked: Totals | null = null;
  for (const row of rows) {
    if (row.key === 'none') {
      unbooked = { visits: row.visits, members: row.members, guests: row.guests };
      continue;
    }
    const title = row.label ?? row.key;
    const kind = row.kind ?? 'other';
    const roomId = row.roomId ?? null;
    const key = kind === 'competition' ? JSON.stringify([title, kind, row.start ?? row.key]) : JSON.stringify([title, roomId, kind]);
    let g = groups.get(key);
    if (!g) {
      g = {
        key,
        title,
        kind,
        roomId,
        rooms: 0,
        sessions: 0,
        attended: 0,
        members: 0,
        withExpected: 0,
        expected: 0,
        attendedOfExpected: 0,
        perSession: 0,
        expectedPerSession: null,
        rate: null,
        firstStart: null,
        lastStart: null,
      };
      groups.set(key, g);
    }
    // A session is a start: the tables of one tournament session start together.
    const seen = starts.get(key) ?? new Set<string>();
    starts.set(key, seen);
    const session = kind === 'competition' ? (row.start ?? row.key) : row.key;
    if (!seen.has(session)) {
      seen.add(session);
      g.sessions += 1;
    }
    const used = rooms.get(key) ?? new Set<string>();
    rooms.set(key, used);
    if (roomId) used.add(roomId);
    g.rooms = used.size;
    g.attended += row.visits;
    g.members += row.members;
    if (typeof row.expected === 'number' && row.expected > 0) {
      g.withExpected += 1;
      g.expected += row.expected;
      g.attendedOfExpected += row.visits;
    }
    if (row.start) {
      const t = Date.parse(row.start);
      if (!g.firstStart || t < Date.parse(g.firstStart)) g.firstStart = row.start;
      if (!g.lastStart || t > Date.parse(g.lastStart)) g.lastStart = row.start;
    }
  }
  const activities = [...groups.values()].map((g) => ({
    ...g,
    perSession: g.sessions > 0 ? g.attended / g.sessions : 0,
    expectedPerSession: g.withExpected > 0 ? g.expected / g.withExpected : null,
    rate: g.expected > 0 ? g.attendedOfExpected / g.expected : null,
  }));
  activities.sort((a, b) => Number(b.sessions > 1) - Number(a.sessions > 1) || b.sessions - a.sessions || a.title.localeCompare(b.title, 'zh'));
  return { activities, unbooked };
}

/** A share as a whole percentage ('85%'), or '—'. */
export const percent = (rate: number | null): string => (rate === null || !Number.isFinite(rate) ? '—' : `${Math.round(rate * 100)}%`);

/** A number with one decimal at most ('12', '12.5'). */
export const oneDecimal = (n: number): string => String(Math.round(n * 10) / 10);

// ---------------------------------------------------------------------------------------------------------
// Tournament activity

export interface TournamentPivot {
  months: string[];
  sports: string[];
  /** cells.get(`${month}|${sport}`). */
  cells: Map<string, MatchCounts>;
  bySport: Map<string, MatchCounts>;
  byMonth: Map<string, MatchCounts>;
}

const ZERO_MATCHES: MatchCounts = { tournaments: 0, matches: 0, participations: 0 };
const addCounts = (a: MatchCounts, b: MatchCounts): MatchCounts => ({
  tournaments: a.tournaments + b.tournaments,
  matches: a.matches + b.matches,
  participations: a.participations + b.participations,
});

/** Sports in a steady order: gateball, table tennis, then others by name. */
const SPORT_ORDER = ['gateball', 'table_tennis'];
const sportRank = (s: string) => {
  const i = SPORT_ORDER.indexOf(s);
  return i === -1 ? SPORT_ORDER.length : i;
};

/**
 * groupBy=month rows as a month × sport table. `months` are every month of the range (so quiet months show
 * as 0) when a range is given, else those with rows. Tournament counts per sport or month are summed from
 * the rows, so a tournament spanning two months counts in each.
 */
export function tournamentPivot(rows: readonly TournamentRow[], range?: { from: string; to: string }): TournamentPivot {
  const cells = new Map<string, MatchCounts>();
  const bySport = new Map<string, MatchCounts>();
  const byMonth = new Map<string, MatchCounts>();
  const sports = new Set<string>();
  const monthSet = new Set<string>(range ? monthsBetween(range.from, range.to) : []);
  for (const row of rows) {
    const month = row.month ?? row.key.slice(0, 7);
    const counts = { tournaments: row.tournaments, matches: row.matches, participations: row.participations };
    sports.add(row.sport);
    monthSet.add(month);
    cells.set(`${month}|${row.sport}`, addCounts(cells.get(`${month}|${row.sport}`) ?? ZERO_MATCHES, counts));
    bySport.set(row.sport, addCounts(bySport.get(row.sport) ?? ZERO_MATCHES, counts));
    byMonth.set(month, addCounts(byMonth.get(month) ?? ZERO_MATCHES, counts));
  }
  return {
    months: [...monthSet].sort(),
    sports: [...sports].sort((a, b) => sportRank(a) - sportRank(b) || a.localeCompare(b)),
    cells,
    bySport,
    byMonth,
  };
}

/** Months 'YYYY-MM' touched by a half-open range of dates [from, to). */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  let [y, m] = [Number(from.slice(0, 4)), Number(from.slice(5, 7))];
  const last = previousDayMonth(to);
  for (let guard = 0; guard < 240; guard++) {
    const key = `${y}-${String(m).padStart(2, '0')}`;
    if (key > last) break;
    months.push(key);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return months;
}

/** The month of the day before `date` (the last day a half-open range includes). */
function previousDayMonth(date: string): string {
  const t = utcOf(date);
  return t === null ? date.slice(0, 7) : new Date(t - DAY_MS).toISOString().slice(0, 7);
}

// ---------------------------------------------------------------------------------------------------------
// The yearly summary (年度统计报表)

export const SHEET_CATEGORIES = ['veteran', 'retired', 'leader', 'other'] as const;
export type SheetCategory = (typeof SHEET_CATEGORIES)[number];

export interface YearlySheet {
  year: number;
  visits: number;
  guests: number;
  /** Distinct members who came. */
  members: number;
  months: number[];
  categories: Array<{ category: SheetCategory; registered: number; served: number; visits: number }>;
  /** Person-visits of guests (the category report's `guest` row). */
  guestVisits: number;
  competitions: MatchCounts;
  sports: Array<{ sport: string; label: string } & MatchCounts>;
  classes: { sessions: number; attendance: number };
  lectures: { sessions: number; attendance: number };
  /** Other booked activities (exhibitions, activities…; not meetings, not competitions: section 三 has those). */
  otherActivities: Array<{ kind: string; label: string; sessions: number; attendance: number }>;
  /** Distinct students admitted in the terms whose classes met in the year, and those terms. */
  seniorUniversity: { students: number; terms: number };
}

export function yearlySheet(report: YearlyReport): YearlySheet {
  const served = new Map(report.categories.map((c) => [c.key, c]));
  const registered = new Map(report.register.map((r) => [r.category, r.members]));
  const activity = (kind: string) => report.activities.find((a) => a.kind === kind);
  const pick = (kind: string) => ({ sessions: activity(kind)?.sessions ?? 0, attendance: activity(kind)?.attendance ?? 0 });
  return {
    year: report.year,
    visits: report.visits.visits,
    guests: report.visits.guests,
    members: report.visits.members,
    months: monthSeries(report.year, report.months),
    categories: SHEET_CATEGORIES.map((category) => ({
      category,
      registered: registered.get(category) ?? 0,
      served: served.get(category)?.members ?? 0,
      visits: served.get(category)?.visits ?? 0,
    })),
    guestVisits: served.get('guest')?.visits ?? report.visits.guests,
    competitions: { tournaments: report.competitions.tournaments, matches: report.competitions.matches, participations: report.competitions.participations },
    sports: [...report.competitions.sports]
      .sort((a, b) => sportRank(a.sport) - sportRank(b.sport))
      .map((s) => ({ sport: s.sport, label: s.label ?? s.sport, tournaments: s.tournaments, matches: s.matches, participations: s.participations })),
    classes: pick('class'),
    lectures: pick('lecture'),
    otherActivities: report.activities
      .filter((a) => !['class', 'lecture', 'meeting', 'competition'].includes(a.kind) && (a.sessions > 0 || a.attendance > 0))
      .map((a) => ({ kind: a.kind, label: a.label, sessions: a.sessions, attendance: a.attendance })),
    seniorUniversity: report.seniorUniversity ?? { students: 0, terms: 0 },
  };
}

/** '2026年11月29日' of a local date. */
export function chineseDate(date: string): string {
  const m = DATE.exec(date);
  return m ? `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日` : date;
}
