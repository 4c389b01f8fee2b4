/**
 * The statements of the history generator (history.ts; its tournaments are history-tournament-queries.ts).
 * The bulk ones are each one INSERT … SELECT over generate_series, so a year of a city's activity is a
 * handful of round trips. They share temporary tables that live for the
 * generator's one transaction (`on commit drop`): seed_venues, seed_rooms, seed_members, and per year
 * seed_bookings and seed_free. Randomness is PostgreSQL's random() after setseed(): alike from run to run,
 * not identical (parallel workers draw their own numbers).
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import { CLASS_TEMPLATES, MONTH_FACTOR, TERMS, WEEKDAY_FACTOR, weightedHours } from './history-plan.ts';

type Trx = Transaction<DB>;
const count = (r: { numAffectedRows?: bigint }) => Number(r.numAffectedRows ?? 0n);

/** Visits and matches already in the database (the generator refuses to mix with real activity). */
export async function countActivity(db: Kysely<DB>): Promise<{ visits: number; matches: number }> {
  const activity = await sql<{ visits: number; matches: number }>`
    select (select count(*) from visits)::int as visits, (select count(*) from matches)::int as matches`.execute(db);
  return activity.rows[0]!;
}

/** A venue by its name, in any letter case. */
export function findVenueByName(trx: Trx, name: string): Promise<{ id: string } | undefined> {
  return trx.selectFrom('venues').select('id').where(sql`lower(name)`, '=', name.toLowerCase()).executeTakeFirst();
}

export interface HistoryMember {
  name: string;
  code: string;
  card: string;
  gender: string | null;
  birthMonth: string | null;
  formerUnit: string | null;
  formerPosition: string | null;
  category: string;
  phone: string | null;
  namePinyin: string | null;
  nameInitials: string | null;
}

/** The register in one statement, created a month before `from` (the readings included: see history.ts). */
export async function insertMembersInBulk(trx: Trx, people: readonly HistoryMember[], from: string): Promise<void> {
  await sql`
    insert into members (name, member_no, card_code, gender, birth_month, former_unit, former_position, category, phone, name_pinyin, name_initials, created_at)
    select name, code, card, gender, birth, unit, position, category, phone, readings, initials, ${from}::date - 30
      from unnest(${people.map((p) => p.name)}::text[], ${people.map((p) => p.code)}::text[], ${people.map((p) => p.card)}::text[], ${people.map((p) => p.gender)}::text[],
                  ${people.map((p) => p.birthMonth)}::text[], ${people.map((p) => p.formerUnit)}::text[], ${people.map((p) => p.formerPosition)}::text[],
                  ${people.map((p) => p.category)}::text[], ${people.map((p) => p.phone)}::text[],
                  ${people.map((p) => p.namePinyin)}::text[], ${people.map((p) => p.nameInitials)}::text[])
           as m(name, code, card, gender, birth, unit, position, category, phone, readings, initials)`.execute(trx);
}

export async function countVisits(trx: Trx): Promise<number> {
  return (await sql<{ n: number }>`select count(*)::int as n from visits`.execute(trx)).rows[0]!.n;
}

/** Fresh statistics (and, for index-only scans, the visibility map) for a table just filled. */
export async function vacuumAnalyze(db: Kysely<DB>, table: string): Promise<void> {
  await sql`vacuum analyze ${sql.table(table)}`.execute(db);
}

export async function createScratchTables(trx: Trx, venues: Array<{ id: string; weight: number }>, seed: number): Promise<void> {
  await sql`select setseed(${seed}::float8)`.execute(trx);
  await sql`
    create temp table seed_venues on commit drop as
    select v.idx::int, v.venue_id, ve.timezone as tz, ve.opens_at::time as opens, ve.closes_at::time as closes, v.weight,
           coalesce(sum(v.weight) over (order by v.idx rows between unbounded preceding and 1 preceding), 0) / sum(v.weight) over () as c0,
           sum(v.weight) over (order by v.idx) / sum(v.weight) over () as c1
      from unnest(${venues.map((v) => v.id)}::uuid[], ${venues.map((v) => v.weight)}::float8[]) with ordinality as v(venue_id, weight, idx)
      join venues ve on ve.id = v.venue_id`.execute(trx);
  // Rooms people drop in to (courts, tables, the chess and reading rooms, the studio), numbered per venue.
  await sql`
    create temp table seed_rooms on commit drop as
    select sv.idx as venue_idx, r.id as room_id, r.kind, row_number() over (partition by sv.idx order by r.name)::int as n,
           count(*) over (partition by sv.idx)::int as total
      from seed_venues sv join rooms r on r.venue_id = sv.venue_id
     where r.kind in ('gateball_court', 'table_tennis', 'other', 'studio')`.execute(trx);
  await sql`create index on seed_rooms (venue_idx, n)`.execute(trx);
}

/** Spread the members just inserted (member_no prefix) over the venues by weight; rank 1 comes most often. */
export async function assignMembers(trx: Trx, memberNoPrefix: string, activity: Record<string, number>): Promise<void> {
  await sql`
    create temp table seed_members on commit drop as
    with m as (
      select id, category, random() as r, random() / coalesce((${JSON.stringify(activity)}::jsonb ->> category)::float8, 1) as keen
        from members where member_no like ${`${memberNoPrefix}%`})
    select sv.idx as venue_idx, m.id as member_id, m.category,
           row_number() over (partition by sv.idx order by m.keen)::int as rank
      from m join seed_venues sv on m.r >= sv.c0 and m.r < sv.c1`.execute(trx);
  await sql`create index on seed_members (venue_idx, rank)`.execute(trx);
  await sql`
    create temp table seed_member_counts on commit drop as
    select sv.idx as venue_idx, count(sm.member_id)::int as n from seed_venues sv left join seed_members sm on sm.venue_idx = sv.idx group by sv.idx`.execute(trx);
}

/** A skewed pick of one of a venue's members (regulars more often): the SQL expression, given a random column. */
const pickRank = (n: string, r: string) => sql.raw(`1 + least(${n} - 1, floor(${n} * power(${r}, 1.6))::int)`);

export interface YearWindow {
  from: string;
  /** Inclusive. */
  to: string;
  year: number;
  breaks: Array<[string, string]>;
}

const dayFactor = (w: YearWindow) => sql`
  (${MONTH_FACTOR}::float8[])[extract(month from d.day)::int] * (${WEEKDAY_FACTOR}::float8[])[extract(isodow from d.day)::int]
  * case when exists (select 1 from unnest(${w.breaks.map((b) => b[0])}::date[], ${w.breaks.map((b) => b[1])}::date[]) as h(a, b) where d.day between h.a and h.b) then 0.12
         when extract(month from d.day) = 10 and extract(day from d.day) <= 7 then 0.5 else 1 end`;

/** The year's weekly classes (booking_series and their occurrences), lectures and exhibitions; returns bookings made. */
export async function insertBookings(trx: Trx, w: YearWindow, lectures: number, exhibitions: number): Promise<number> {
  await sql`create temp table seed_bookings (booking_id uuid, venue_idx int, room_id uuid, starts timestamptz, ends timestamptz, expected int, kind text) on commit drop`.execute(trx);
  const templates = CLASS_TEMPLATES.map((t, i) => ({ ...t, i }));
  const terms = TERMS.map((t) => ({ name: t.name, from: fmt(w.year, t.from), to: fmt(w.year, t.to) })).filter((t) => t.to >= w.from && t.from <= w.to);
  let made = 0;
  for (const term of terms) {
    const from = term.from < w.from ? w.from : term.from;
    const to = term.to > w.to ? w.to : term.to;
    // One series per venue and template: in the first room (by name) of the first kind on the template's list.
    await sql`
      create temp table seed_series on commit drop as
      select gen_random_uuid() as id, sv.idx as venue_idx, sv.venue_id, sv.tz, t.title, t.days, t.start_time, t.minutes, t.expected, room.id as room_id
        from seed_venues sv
       cross join unnest(${templates.map((t) => t.title)}::text[], ${templates.map((t) => t.days.join(','))}::text[], ${templates.map((t) => t.time)}::text[],
                         ${templates.map((t) => t.minutes)}::int[], ${templates.map((t) => t.expected)}::int[], ${templates.map((t) => t.kinds.join(','))}::text[],
                         ${templates.map((t) => t.cityOnly === true)}::bool[]) as t(title, days, start_time, minutes, expected, kinds, city_only)
       cross join lateral (select r.id from rooms r, unnest(string_to_array(t.kinds, ',')) with ordinality as k(kind, o)
                            where r.venue_id = sv.venue_id and r.kind = k.kind order by k.o, r.name limit 1) as room
       where not t.city_only or sv.idx = 1`.execute(trx);
    const byDay = ['', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];
    await sql`
      insert into booking_series (id, venue_id, room_id, title, kind, rrule, timezone, start_date, start_time, duration_minutes)
      select s.id, s.venue_id, s.room_id, s.title, 'class',
             'FREQ=WEEKLY;BYDAY=' || array_to_string(array(select (${byDay}::text[])[d::int + 1] from unnest(string_to_array(s.days, ',')) d), ',') || ';UNTIL=' || replace(${to}, '-', ''),
             s.tz, ${from}::date, s.start_time, s.minutes
        from seed_series s`.execute(trx);
    made += count(
      await sql`
      with c as (
        select s.id as series_id, s.venue_idx, s.venue_id, s.room_id, s.title, s.expected, d.day,
               tstzrange((d.day + s.start_time::time) at time zone s.tz, (d.day + s.start_time::time + make_interval(mins => s.minutes)) at time zone s.tz, '[)') as during
          from seed_series s
         cross join (select day::date from generate_series(${from}::date, ${to}::date, interval '1 day') as day) d
         where extract(isodow from d.day)::text = any (string_to_array(s.days, ','))
           and ${dayFactor(w)} > 0.3
           and not exists (select 1 from bookings b where b.room_id = s.room_id and b.during && tstzrange((d.day + s.start_time::time) at time zone s.tz, (d.day + s.start_time::time + make_interval(mins => s.minutes)) at time zone s.tz, '[)') and b.status <> 'cancelled')),
      ins as (
        insert into bookings (venue_id, room_id, during, title, kind, expected_count, series_id, occurrence_date)
        select venue_id, room_id, during, title, 'class', expected, series_id, day from c
        returning id, room_id, during, expected_count)
      insert into seed_bookings select ins.id, c.venue_idx, ins.room_id, lower(ins.during), upper(ins.during), ins.expected_count, 'class'
        from ins join c on c.room_id = ins.room_id and c.during = ins.during`.execute(trx),
    );
    await sql`drop table seed_series`.execute(trx);
  }
  // Lectures on Tuesday and Thursday afternoons in the hall (else a classroom): venue-days drawn by weight.
  made += count(
    await sql`
    with c as (
      select sv.idx as venue_idx, sv.venue_id, room.id as room_id, case when sv.idx = 1 then 180 else 60 end as expected,
             tstzrange((d.day + time '15:00') at time zone sv.tz, (d.day + time '16:30') at time zone sv.tz, '[)') as during
        from seed_venues sv
       cross join lateral (select r.id from rooms r where r.venue_id = sv.venue_id and r.kind in ('hall', 'classroom') order by r.kind = 'hall' desc, r.name limit 1) room
       cross join (select day::date from generate_series(${w.from}::date, ${w.to}::date, interval '1 day') as day) d
       where extract(isodow from d.day) in (2, 4) and ${dayFactor(w)} > 0.3
       order by -ln(random()) / (sv.weight * case when sv.idx = 1 then 2 else 1 end)
       limit ${lectures}),
    ins as (
      insert into bookings (venue_id, room_id, during, title, kind, expected_count)
      select c.venue_id, c.room_id, c.during, (array['健康讲座', '形势政策报告会', '法律知识讲座', '防诈骗宣传讲座', '书画鉴赏讲座', '养生保健讲座'])[1 + floor(random() * 6)::int], 'lecture', c.expected
        from c where not exists (select 1 from bookings b where b.room_id = c.room_id and b.during && c.during and b.status <> 'cancelled')
      returning id, room_id, during, expected_count)
    insert into seed_bookings select ins.id, c.venue_idx, ins.room_id, lower(ins.during), upper(ins.during), ins.expected_count, 'lecture'
      from ins join c on c.room_id = ins.room_id and c.during = ins.during`.execute(trx),
  );
  // Calligraphy exhibitions: a week (Monday 09:00 to Sunday 17:00) in an exhibition room, in distinct weeks.
  made += count(
    await sql`
    with c as (
      select sv.idx as venue_idx, sv.venue_id, r.id as room_id,
             tstzrange((wk.monday + time '09:00') at time zone sv.tz, (wk.monday + 6 + time '17:00') at time zone sv.tz, '[)') as during
        from seed_venues sv join rooms r on r.venue_id = sv.venue_id and r.kind = 'exhibition'
       cross join (select day::date as monday from generate_series(${w.from}::date, ${w.to}::date - 6, interval '1 day') as day where extract(isodow from day) = 1) wk
       order by random() limit ${exhibitions}),
    ins as (
      insert into bookings (venue_id, room_id, during, title, kind, expected_count)
      select c.venue_id, c.room_id, c.during, (array['迎新春书画作品展', '庆七一书画摄影展', '金秋书画展', '老干部摄影作品展'])[1 + floor(random() * 4)::int], 'exhibition', 300
        from c where not exists (select 1 from bookings b where b.room_id = c.room_id and b.during && c.during and b.status <> 'cancelled')
      returning id, room_id, during, expected_count)
    insert into seed_bookings select ins.id, c.venue_idx, ins.room_id, lower(ins.during), upper(ins.during), ins.expected_count, 'exhibition'
      from ins join c on c.room_id = ins.room_id and c.during = ins.during`.execute(trx),
  );
  return made;
}

const fmt = (year: number, [m, d]: readonly [number, number]) => `${year}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/**
 * Who came to the year's classes, lectures and exhibitions: each booking's expected number times an
 * attendance rate (lower in summer and winter), distinct members of its venue, checked in shortly before
 * the start (anywhere in opening hours for an exhibition). Returns the person-visits made.
 */
export async function insertAttendance(trx: Trx, scale: number): Promise<number> {
  const result = await sql<{ people: number }>`
    with picks as (
      select distinct on (b.booking_id, sm.member_id)
             b.booking_id, b.venue_idx, b.room_id, b.kind, b.starts, b.ends, sm.member_id, g.r_in, g.r_out, g.r_guest
        from seed_bookings b
        join seed_member_counts mc on mc.venue_idx = b.venue_idx and mc.n > 0
       cross join lateral generate_series(1, greatest(0, round(b.expected * (0.55 + 0.4 * random())
                          * (${MONTH_FACTOR}::float8[])[extract(month from b.starts)::int] * least(1, ${scale}::float8) * case when b.kind = 'exhibition' then 0.5 else 1 end))::int) as i
       cross join lateral (select random() as r_pick, random() as r_in, random() as r_out, random() as r_guest, i) as g
        join seed_members sm on sm.venue_idx = b.venue_idx and sm.rank = ${pickRank('mc.n', 'g.r_pick')}),
    timed as (
      select p.*, sv.venue_id, sv.tz,
             case when p.kind = 'exhibition'
                  then p.starts + floor(p.r_in * 7) * interval '1 day' + p.r_out * interval '7 hours'
                  else p.starts - p.r_in * interval '15 minutes' end as t_in
        from picks p join seed_venues sv on sv.idx = p.venue_idx),
    ins as (
      insert into visits (venue_id, member_id, guests, room_id, booking_id, checked_in_at, checked_out_at, ended_reason)
      select venue_id, member_id, case when kind = 'lecture' and r_guest < 0.04 then 1 else 0 end, room_id, booking_id, t_in,
             case when kind = 'exhibition' then t_in + interval '40 minutes' when r_out < 0.7 then ends + r_out * interval '10 minutes'
                  else greatest(t_in, ((t_in at time zone tz)::date + (select closes from seed_venues where idx = venue_idx)) at time zone tz) end,
             case when kind <> 'exhibition' and r_out >= 0.7 then 'closing' else 'checkout' end
        from timed
      returning guests)
    select coalesce(sum(1 + guests), 0)::int as people from ins`.execute(trx);
  return result.rows[0]?.people ?? 0;
}

/**
 * Everyone else who dropped in: `people` person-visits spread over the venues and days by the venues'
 * weights, the month, the weekday and the holidays, at the hours people come; walk-in guests, members who
 * bring someone, members who move on to another room (the earlier visit ends `moved`), and now and then an
 * evening event run past midnight. Returns the visits (rows) made.
 */
export async function insertDropIns(trx: Trx, w: YearWindow, people: number): Promise<number> {
  const hours = weightedHours();
  await sql`
    create temp table seed_free on commit drop as
    with days as (
      select sv.idx as venue_idx, d.day, sv.weight * ${dayFactor(w)} * (0.85 + 0.3 * random()) as wt
        from seed_venues sv cross join (select day::date from generate_series(${w.from}::date, ${w.to}::date, interval '1 day') as day) d),
    counts as (select venue_idx, day, round(${people}::float8 * 0.95 * wt / sum(wt) over ())::int as n from days),
    slots as (
      select c.venue_idx, c.day, random() as r_member, random() as r_kind, random() as r_hour, random() as r_min, random() as r_room,
             random() as r_dur, random() as r_end, random() as r_move, random() as r_guests, random() as r_late, i
        from counts c cross join lateral generate_series(1, c.n) as i),
    placed as (
      select s.*, sv.venue_id, sv.tz, sv.opens, sv.closes, mc.n as members,
             case when s.r_late < 0.0005 then (s.day + time '22:00' + s.r_min * interval '105 minutes')
                  else greatest(s.day + sv.opens, least(s.day + sv.closes - interval '20 minutes',
                       s.day + make_interval(hours => (${hours}::int[])[1 + floor(s.r_hour * ${hours.length})::int]) + s.r_min * interval '1 hour')) end as local_in
        from slots s join seed_venues sv on sv.idx = s.venue_idx join seed_member_counts mc on mc.venue_idx = s.venue_idx)
    select p.venue_id, p.venue_idx,
           case when p.r_kind < 0.06 or p.members = 0 then null else sm.member_id end as member_id,
           case when p.r_kind < 0.06 or p.members = 0 then 1 + floor(p.r_guests * 3)::int when p.r_guests < 0.03 then 1 + floor(p.r_guests * 60)::int else 0 end as guests,
           case when p.r_room < 0.8 then r1.room_id end as room_id,
           case when p.r_room < 0.8 then r2.room_id end as room2_id,
           p.local_in at time zone p.tz as t_in,
           case when p.r_late < 0.0005 then (p.day + 1 + time '00:05' + p.r_dur * interval '55 minutes') at time zone p.tz
                when p.r_end < 0.35 or p.local_in + interval '30 minutes' + p.r_dur * interval '150 minutes' > p.day + p.closes then (p.day + p.closes) at time zone p.tz
                else (p.local_in + interval '30 minutes' + p.r_dur * interval '150 minutes') at time zone p.tz end as t_out,
           case when p.r_late >= 0.0005 and (p.r_end < 0.35 or p.local_in + interval '30 minutes' + p.r_dur * interval '150 minutes' > p.day + p.closes) then 'closing' else 'checkout' end as reason,
           case when p.r_move < 0.07 and p.r_kind >= 0.06 and p.members > 0 and p.r_room < 0.8 and p.r_late >= 0.0005 and r2.room_id is not null
                then (p.local_in + interval '20 minutes' + p.r_move * interval '400 minutes') at time zone p.tz end as move_at
      from placed p
      left join seed_members sm on sm.venue_idx = p.venue_idx and sm.rank = ${pickRank('p.members', 'p.r_member')}
      left join seed_rooms r1 on r1.venue_idx = p.venue_idx and r1.n = 1 + floor(p.r_dur * 1000)::int % r1.total
      left join seed_rooms r2 on r2.venue_idx = p.venue_idx and r2.n = 1 + (floor(p.r_dur * 1000)::int + 1 + floor(p.r_move * 100)::int % greatest(r2.total - 1, 1)) % r2.total and r2.total > 1`.execute(trx);
  // A move happens only while the visit lasts; the earlier visit then ends `moved` and the next begins at once.
  await sql`update seed_free set move_at = null where move_at is not null and move_at >= t_out`.execute(trx);
  const first = await sql`
    insert into visits (venue_id, member_id, guests, room_id, checked_in_at, checked_out_at, ended_reason)
    select venue_id, member_id, guests, room_id, t_in, coalesce(move_at, t_out), case when move_at is not null then 'moved' else reason end
      from seed_free`.execute(trx);
  const moved = await sql`
    insert into visits (venue_id, member_id, guests, room_id, checked_in_at, checked_out_at, ended_reason)
    select venue_id, member_id, 0, room2_id, move_at, t_out, reason from seed_free where move_at is not null`.execute(trx);
  await sql`drop table seed_free`.execute(trx);
  await sql`drop table seed_bookings`.execute(trx);
  return count(first) + count(moved);
}
