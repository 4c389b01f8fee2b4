/**
 * Reports (docs/api.md "Reports"): who may read which venues, the ranges, and the rows with the
 * labels people read. Counting itself is in queries.ts; CSV in csv.ts and export.ts.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { AppError, notFound } from '../../errors.ts';
import { canReadVenue, requireUser, type Principal } from '../auth/principal.ts';
import { findVenue, listVenues } from '../venues/queries.ts';
import { ACTIVITY_LABELS, CATEGORY_LABELS, CATEGORY_ORDER, SPORT_LABELS, hourLabel, weekLabel, weekdayHourLabel } from './labels.ts';
import { studentsInYear } from '../enrolment/queries.ts';
import { zonedToInstant } from '../../shared/zoned-time.ts';
import * as q from './queries.ts';
import { MAX_DAYS, MAX_DAYS_BY_DAY, parseRange, periodKeys, type ReportRange } from './range.ts';
import type {
  AbsentMembersInput,
  AbsentMembersReport,
  Totals,
  TournamentRow,
  TournamentsReport,
  TournamentsReportInput,
  VisitRow,
  VisitsReport,
  VisitsReportInput,
  YearlyReport,
  YearlyReportInput,
} from './schemas.ts';

const WEEK_MS = 7 * 86_400_000;
const ZERO: Totals = { visits: 0, members: 0, guests: 0 };

/** The venues a report covers: the one asked for, or every venue the caller may read (staff only). */
export async function reportVenues(db: Kysely<DB>, principal: Principal | null, venueId: string | undefined) {
  const user = requireUser(principal);
  if (venueId !== undefined) {
    const venue = await findVenue(db, venueId);
    if (!venue) throw notFound('The venue');
    if (!canReadVenue(user, venueId)) throw new AppError('forbidden', 'You may not see the figures of this venue.');
    return [venue];
  }
  return listVenues(db, user.role === 'admin' ? 'all' : user.venueIds);
}

const counts = (r: { visits: number; members: number; guests: number }): Totals => ({ visits: r.visits, members: r.members, guests: r.guests });

export async function visitsReport(db: Kysely<DB>, principal: Principal | null, input: VisitsReportInput): Promise<VisitsReport> {
  const groupBy = input.groupBy ?? 'day';
  const range = parseRange(input.from, input.to, groupBy === 'day' || groupBy === 'booking' ? MAX_DAYS_BY_DAY : MAX_DAYS);
  const venues = await reportVenues(db, principal, input.venueId);
  const ids = venues.map((v) => v.id);
  const raw = ids.length > 0 ? await q.reading(db, (trx) => q.countVisits(trx, ids, range, groupBy)) : [];
  const total = raw.find((r) => r.isTotal === 1);
  const found = new Map(raw.filter((r) => r.isTotal !== 1).map((r) => [r.key ?? 'none', counts(r)]));
  let rows: VisitRow[];
  switch (groupBy) {
    case 'day':
    case 'week':
    case 'month': {
      const keys = [...new Set([...periodKeys(range, groupBy), ...found.keys()])].sort();
      rows = keys.map((key) => ({ key, ...(groupBy === 'week' ? { label: weekLabel(key) } : {}), ...(found.get(key) ?? ZERO) }));
      break;
    }
    case 'hour':
    case 'weekday_hour':
      rows = [...found].map(([key, c]) => ({ key, label: groupBy === 'hour' ? hourLabel(key) : weekdayHourLabel(key), ...c }));
      break;
    case 'category':
      rows = CATEGORY_ORDER.filter((key) => found.has(key)).map((key) => ({ key, label: CATEGORY_LABELS[key] ?? key, ...found.get(key)! }));
      break;
    case 'room':
    case 'venue': {
      const names = new Map((await q.namesOf(db, groupBy === 'room' ? 'rooms' : 'venues', [...found.keys()].filter((k) => k !== 'none'))).map((r) => [r.id, r.name]));
      rows = [...found]
        .map(([key, c]) => ({ key, label: key === 'none' ? '未指定房间' : (names.get(key) ?? '（已删除）'), ...c }))
        .sort((a, b) => b.visits - a.visits || a.label.localeCompare(b.label, 'zh'));
      break;
    }
    case 'booking':
      rows = await bookingRows(db, ids, range, found);
      break;
  }
  return { groupBy, rows, total: total ? counts(total) : ZERO };
}

/** One row per activity held in the range (none came: zeros) or visited in it, then visits with no activity. */
async function bookingRows(db: Kysely<DB>, ids: string[], range: ReportRange, found: Map<string, Totals>): Promise<VisitRow[]> {
  const bookings = ids.length > 0 ? await q.bookingsForReport(db, ids, range, [...found.keys()].filter((k) => k !== 'none')) : [];
  const rows: VisitRow[] = bookings.map((b) => ({
    key: b.id,
    label: b.title,
    ...(found.get(b.id) ?? ZERO),
    start: b.start.toISOString(),
    kind: b.kind,
    roomId: b.roomId,
    expected: b.expectedCount,
  }));
  const none = found.get('none');
  if (none) rows.push({ key: 'none', label: '未登记活动', ...none });
  return rows;
}

export async function tournamentsReport(db: Kysely<DB>, principal: Principal | null, input: TournamentsReportInput): Promise<TournamentsReport> {
  const groupBy = input.groupBy ?? 'sport';
  const range = parseRange(input.from, input.to, MAX_DAYS);
  const venues = await reportVenues(db, principal, input.venueId);
  const raw = venues.length > 0 ? await q.reading(db, (trx) => q.countMatches(trx, venues.map((v) => v.id), range, groupBy)) : [];
  const total = raw.find((r) => r.isTotal === 1);
  const rows: TournamentRow[] = raw
    .filter((r) => r.isTotal !== 1)
    .map((r) => ({
      key: groupBy === 'month' ? `${r.month}:${r.sport}` : r.sport!,
      label: SPORT_LABELS[r.sport!] ?? r.sport!,
      sport: r.sport!,
      ...(groupBy === 'month' ? { month: r.month! } : {}),
      tournaments: r.tournaments,
      matches: r.matches,
      participations: r.participations,
    }));
  return {
    groupBy,
    rows,
    total: total ? { tournaments: total.tournaments, matches: total.matches, participations: total.participations } : { tournaments: 0, matches: 0, participations: 0 },
  };
}

/** The bureau's one-page yearly figures for a venue, or for every venue the caller may read. */
export async function yearlyReport(db: Kysely<DB>, principal: Principal | null, input: YearlyReportInput): Promise<YearlyReport> {
  const from = `${input.year}-01-01`;
  const to = `${input.year + 1}-01-01`;
  const venues = await reportVenues(db, principal, input.venueId);
  const ids = venues.map((v) => v.id);
  const who = principal;
  const base = { venueId: input.venueId, from, to } as const;
  // Parsed before any query starts: a refusal then leaves no query running with nobody awaiting it.
  const range = parseRange(from, to, MAX_DAYS);
  const [months, categories, competitions, activities, register, seniorUniversity] = await Promise.all([
    visitsReport(db, who, { ...base, groupBy: 'month' }),
    visitsReport(db, who, { ...base, groupBy: 'category' }),
    tournamentsReport(db, who, { ...base, groupBy: 'sport' }),
    ids.length > 0 ? q.reading(db, (trx) => q.countActivities(trx, ids, range)) : Promise.resolve([]),
    q.registerByCategory(db, to),
    // Classes meet in the venues' own zone; the year's bounds are taken in the first venue's (a city has one zone).
    studentsInYear(db, ids, zonedToInstant(from, '00:00', venues[0]?.timezone ?? 'Asia/Shanghai'), zonedToInstant(to, '00:00', venues[0]?.timezone ?? 'Asia/Shanghai')),
  ]);
  const registered = new Map(register.map((r) => [r.category, r.members]));
  return {
    year: input.year,
    from,
    to,
    venues: venues.map((v) => ({ id: v.id, name: v.name })),
    visits: months.total,
    months: months.rows,
    categories: categories.rows,
    register: CATEGORY_ORDER.filter((c) => c !== 'guest').map((category) => ({ category, label: CATEGORY_LABELS[category]!, members: registered.get(category) ?? 0 })),
    competitions: { ...competitions.total, sports: competitions.rows },
    activities: activities.map((a) => ({ ...a, label: ACTIVITY_LABELS[a.kind] ?? a.kind })),
    seniorUniversity,
  };
}

export async function absentMembersReport(
  db: Kysely<DB>,
  principal: Principal | null,
  input: AbsentMembersInput,
  now = new Date(),
): Promise<AbsentMembersReport> {
  const venues = await reportVenues(db, principal, input.venueId);
  const limit = input.limit ?? 1000;
  const before = new Date(now.getTime() - input.weeks * WEEK_MS);
  const rows = venues.length > 0 ? await q.reading(db, (trx) => q.absentMembers(trx, venues.map((v) => v.id), before, limit + 1)) : [];
  return {
    weeks: input.weeks,
    before: before.toISOString(),
    truncated: rows.length > limit,
    members: rows.slice(0, limit).map((r) => ({
      id: r.id,
      name: r.name,
      memberNo: r.memberNo,
      phone: r.phone,
      category: r.category,
      lastSeenAt: r.lastSeenAt.toISOString(),
      lastVenueId: r.lastVenueId,
      weeksAbsent: Math.floor((now.getTime() - r.lastSeenAt.getTime()) / WEEK_MS),
    })),
  };
}
