/**
 * The report queries (docs/api.md "Reports"). Every one starts from `scope`: the venues asked about, each with the range
 * as instants in its own zone (a local date range `[from, to)` is midnight to midnight there), so each
 * venue's visits are one range scan of the covering index visits_report_idx (migration 202611291600), and
 * each visit's local day, week, month and hour are read in its venue's zone.
 *
 * Counting: a visit row is one check-in (docs/api.md). Its person-visits (人次) are 1 for the member, if
 * any, plus its guests; `members` is distinct members. A member who moves to another room makes a new visit
 * (the earlier one ends `moved`), counted in each room; a second tap in the same room makes none. A visit
 * belongs to the local day (hour, week…) it began in, whenever it ended, even past midnight.
 */
import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Executor } from '../../db/executor.ts';
import type { ReportRange } from './range.ts';
import { ROLLED_UP, rollUp, wholeMonths } from './rollup.ts';
import { monthlySource, rollUpMonths } from './rollup-queries.ts';
import type { TournamentGrouping, VisitGrouping } from './schemas.ts';

/**
 * Run report queries in one transaction with settings for scans of many rows: no JIT (PostgreSQL's default
 * compiles a plan it expects to be expensive, which cost a 10-year report 340 ms of its 600), and room to
 * aggregate in memory instead of spilling to disk. Both settings end with the transaction.
 * It is a read, not a write: it records no events and no audit, so it does not go through `write`
 * (server/realtime/write.ts). (The monthly roll-up it may run inside inserts only derived rows.)
 */
export function reading<T>(db: Kysely<DB>, work: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (trx) => {
    await sql`select set_config('jit', 'off', true), set_config('work_mem', '32MB', true)`.execute(trx);
    return work(trx);
  });
}

export interface CountRow {
  key: string | null;
  visits: number;
  members: number;
  guests: number;
  /** 1 on the total row (the empty grouping set). */
  isTotal: number;
}

/** The venues and their range in instants. */
function scope(venueIds: readonly string[], range: ReportRange): RawBuilder<unknown> {
  const bound = (value: string) =>
    range.kind === 'date' ? sql`(${value}::date::timestamp at time zone v.timezone)` : sql`${value}::timestamptz`;
  return sql`
    select v.id as venue_id, v.timezone as tz, ${bound(range.from)} as t0, ${bound(range.to)} as t1
      from venues v where v.id = any(${venueIds as string[]}::uuid[])`;
}

/**
 * Visits of the scope with their local wall-clock time. `offset 0` keeps each venue's range one index range
 * scan: flattened, the planner (which expects hundreds of venues) merged all of a venue's visits and filtered
 * the times, 140 million comparisons for a ten-year roll-up.
 */
function picked(): RawBuilder<unknown> {
  return sql`
    select s.venue_id, x.member_id, x.guests, x.room_id, x.booking_id, x.checked_in_at at time zone s.tz as local
      from scope s
     cross join lateral (
       select vi.member_id, vi.guests, vi.room_id, vi.booking_id, vi.checked_in_at
         from visits vi
        where vi.venue_id = s.venue_id and vi.checked_in_at >= s.t0 and vi.checked_in_at < s.t1
       offset 0) as x`;
}

const KEYS: Record<Exclude<VisitGrouping, 'category'>, RawBuilder<string>> = {
  day: sql`to_char(local, 'YYYY-MM-DD')`,
  week: sql`to_char(date_trunc('week', local), 'YYYY-MM-DD')`,
  month: sql`to_char(local, 'YYYY-MM')`,
  hour: sql`to_char(local, 'HH24')`,
  weekday_hour: sql`extract(isodow from local)::int || '-' || to_char(local, 'HH24')`,
  room: sql`coalesce(room_id::text, 'none')`,
  booking: sql`coalesce(booking_id::text, 'none')`,
  venue: sql`venue_id::text`,
};

/**
 * Rows of one grouping plus the total row, in one statement (grouping sets). By category, a member's visit
 * counts under the member's category (as it is now) and every guest under `guest`, so rows add up.
 * Month, category and venue over whole months read the monthly roll-up (rolling up what is due first);
 * everything else, and ranges that are not whole months, read the visits.
 */
export async function countVisits(db: Executor, venueIds: readonly string[], range: ReportRange, groupBy: VisitGrouping): Promise<CountRow[]> {
  const months = wholeMonths(range);
  let source: RawBuilder<unknown>;
  let units: RawBuilder<unknown>;
  if (months && rollUp.enabled && ROLLED_UP.has(groupBy)) {
    await rollUpMonths(db, venueIds, months.from, months.to);
    source = monthlySource(venueIds, months);
    units =
      groupBy === 'category'
        ? sql`select m.category as key, p.member_id, p.own as visits, 0 as guests from picked p join members m on m.id = p.member_id where p.own > 0
              union all
              select 'guest', null, p.guests, p.guests from picked p where p.guests > 0`
        : sql`select ${groupBy === 'month' ? sql`to_char(month, 'YYYY-MM')` : sql`venue_id::text`} as key, member_id, own + guests as visits, guests from picked`;
  } else {
    source = sql`scope as (${scope(venueIds, range)}), picked as (${picked()})`;
    units =
      groupBy === 'category'
        ? sql`select m.category as key, p.member_id, 1 as visits, 0 as guests from picked p join members m on m.id = p.member_id
              union all
              select 'guest', null, p.guests, p.guests from picked p where p.guests > 0`
        : sql`select ${KEYS[groupBy as Exclude<VisitGrouping, 'category'>]} as key, member_id, (member_id is not null)::int + guests as visits, guests from picked`;
  }
  // Two steps: per key and member first (a hash aggregate), so distinct members are counted on few rows.
  const result = await sql<CountRow>`
    with ${source}, units as (${units}),
    per_member as (select key, member_id, sum(visits) as visits, sum(guests) as guests from units group by key, member_id)
    select key, coalesce(sum(visits), 0)::int as visits, count(distinct member_id)::int as members, coalesce(sum(guests), 0)::int as guests,
           grouping(key)::int as is_total
      from per_member
     group by grouping sets ((key), ())
     order by grouping(key), key`.execute(db);
  return result.rows;
}

export interface BookingInfo {
  id: string;
  title: string;
  kind: string;
  roomId: string;
  start: Date;
  expectedCount: number | null;
  status: string;
}

/** The bookings a by-activity report names: those visits point at, and those that began in the range. */
export async function bookingsForReport(db: Executor, venueIds: readonly string[], range: ReportRange, ids: readonly string[]): Promise<BookingInfo[]> {
  const result = await sql<BookingInfo>`
    with scope as (${scope(venueIds, range)})
    select b.id, b.title, b.kind, b.room_id, lower(b.during) as start, b.expected_count, b.status
      from bookings b where b.id = any(${ids as string[]}::uuid[])
    union
    select b.id, b.title, b.kind, b.room_id, lower(b.during) as start, b.expected_count, b.status
      from scope s join bookings b on b.venue_id = s.venue_id and b.during && tstzrange(s.t0, s.t1)
     where b.status = 'confirmed' and b.kind <> 'meeting' and lower(b.during) >= s.t0 and lower(b.during) < s.t1
     order by start, title`.execute(db);
  return result.rows;
}

/** The zone of each room's venue (an export writes a booking's start in it). */
export async function roomZones(db: Executor, roomIds: readonly string[]): Promise<Map<string, string>> {
  if (roomIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('rooms')
    .innerJoin('venues', 'venues.id', 'rooms.venueId')
    .select(['rooms.id', 'venues.timezone'])
    .where('rooms.id', 'in', [...new Set(roomIds)])
    .execute();
  return new Map(rows.map((r) => [r.id, r.timezone]));
}

export function namesOf(db: Executor, table: 'rooms' | 'venues', ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom(table).select(['id', 'name']).where('id', 'in', ids).execute();
}

export interface MatchCountRow {
  sport: string | null;
  month: string | null;
  tournaments: number;
  matches: number;
  participations: number;
  isTotal: number;
}

/** Matches played in the range (done, both sides there, not a walkover), at the match's time in its venue's zone. */
export async function countMatches(db: Executor, venueIds: readonly string[], range: ReportRange, groupBy: TournamentGrouping): Promise<MatchCountRow[]> {
  const sets = groupBy === 'month' ? sql`(month, sport), ()` : sql`(sport), ()`;
  const result = await sql<MatchCountRow>`
    with scope as (${scope(venueIds, range)}),
    played as (
      select t.id as tournament_id, t.sport, to_char(coalesce(m.scheduled_at, t.starts_at, m.updated_at) at time zone s.tz, 'YYYY-MM') as month,
             greatest(1, jsonb_array_length(p1.players)) + greatest(1, jsonb_array_length(p2.players)) as people
        from scope s
        join tournaments t on t.venue_id = s.venue_id
        join matches m on m.tournament_id = t.id
        join participants p1 on p1.id = m.side1
        join participants p2 on p2.id = m.side2
       where m.status = 'done' and coalesce(m.result -> 'outcome' ->> 'kind', '') <> 'walkover'
         and coalesce(m.scheduled_at, t.starts_at, m.updated_at) >= s.t0 and coalesce(m.scheduled_at, t.starts_at, m.updated_at) < s.t1)
    select sport, ${groupBy === 'month' ? sql`month` : sql`null::text`} as month,
           count(distinct tournament_id)::int as tournaments, count(*)::int as matches, coalesce(sum(people), 0)::int as participations,
           grouping(sport)::int as is_total
      from played
     group by grouping sets (${sets})
     order by grouping(sport), 2, sport`.execute(db);
  return result.rows;
}

export interface ActivityRow {
  kind: string;
  sessions: number;
  expected: number;
  attendance: number;
  members: number;
}

/** Booked activities that began in the range, by kind, with the person-visits checked in to them. */
export async function countActivities(db: Executor, venueIds: readonly string[], range: ReportRange): Promise<ActivityRow[]> {
  const result = await sql<ActivityRow>`
    with scope as (${scope(venueIds, range)}), picked as (${picked()}),
    held as (
      select b.id, b.kind, b.expected_count
        from scope s join bookings b on b.venue_id = s.venue_id and b.during && tstzrange(s.t0, s.t1)
       where b.status = 'confirmed' and lower(b.during) >= s.t0 and lower(b.during) < s.t1),
    came as (
      select h.kind, p.member_id, (p.member_id is not null)::int + p.guests as people
        from picked p join held h on h.id = p.booking_id)
    select k.kind, coalesce(h.sessions, 0)::int as sessions, coalesce(h.expected, 0)::int as expected,
           coalesce(c.attendance, 0)::int as attendance, coalesce(c.members, 0)::int as members
      from (select kind from held union select kind from came) k
      left join (select kind, count(*) as sessions, sum(expected_count) as expected from held group by kind) h on h.kind = k.kind
      left join (select kind, sum(people) as attendance, count(distinct member_id) as members from came group by kind) c on c.kind = k.kind
     order by k.kind`.execute(db);
  return result.rows;
}

/** Members on the register by category on a day (not removed, created before it). */
export async function registerByCategory(db: Executor, before: string): Promise<Array<{ category: string; members: number }>> {
  const result = await sql<{ category: string; members: number }>`
    select category, count(*)::int as members from members
     where removed_at is null and created_at < ${before}::date group by category order by category`.execute(db);
  return result.rows;
}

export interface AbsentRow {
  id: string;
  name: string;
  memberNo: string | null;
  phone: string | null;
  category: string;
  lastSeenAt: Date;
  lastVenueId: string;
}

/**
 * Members whose latest visit to the venues was before `before`, longest absent first: one pass over the
 * venues' visits in the covering index (an index per member would make this a probe per member, but would
 * be one more index for every check-in to update), then the venue of each listed member's last visit.
 */
export async function absentMembers(db: Executor, venueIds: readonly string[], before: Date, limit: number): Promise<AbsentRow[]> {
  const ids = venueIds as string[];
  const result = await sql<AbsentRow>`
    with last as (
      select member_id, max(checked_in_at) as at from visits
       where venue_id = any(${ids}::uuid[]) and member_id is not null group by member_id)
    select m.id, m.name, m.member_no, m.phone, m.category, l.at as last_seen_at,
           (select v.venue_id from visits v where v.venue_id = any(${ids}::uuid[]) and v.checked_in_at = l.at and v.member_id = l.member_id limit 1) as last_venue_id
      from last l join members m on m.id = l.member_id
     where m.removed_at is null and l.at < ${before.toISOString()}::timestamptz
     order by l.at, m.name
     limit ${limit}`.execute(db);
  return result.rows;
}
