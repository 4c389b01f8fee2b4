/**
 * Loading the coordinator's calendar: `GET /api/bookings` for one venue-week (through `app.inject`, no TCP),
 * the request FullCalendar's resource week view makes, against the baseline of the bare query behind it —
 * `listBookings` from server/modules/bookings/queries.ts on the same database and pool, returning the same
 * rows — so the ratio is what the app adds on top of the SELECT: the session lookup, the venue check, turning
 * rows into the API shape and serialising them to JSON. Requests and bare queries alternate, week by week.
 *
 * The venue: 50 rooms and a year (2027, Monday to Sunday weeks in Asia/Shanghai) of bookings written once by
 * one INSERT … SELECT: on every weekday each room has 3 to 6 bookings (varying by room and day) in six fixed
 * local slots; two weekly classes per room (Mon/Wed/Fri mornings, Tue/Thu afternoons) are series
 * occurrences with their `booking_series` row; every seventh room-day has one cancelled booking besides, which
 * the listing leaves out. About 58,700 bookings; a week is about 1,130 live ones.
 */
import type { FastifyInstance } from 'fastify';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../server/db/schema.ts';
import { listBookings } from '../../server/modules/bookings/queries.ts';
import { createScratchDatabase, storageLabel, type BenchStorage } from './databases.ts';
import { createVenueWithRooms, signInAdmin } from './fixture.ts';
import type { Row } from './report.ts';
import { buildBenchApp } from './served-app.ts';
import { median, percentile, repeat, spread, type RepeatOptions } from './stats.ts';

export interface CalendarLoadOptions {
  storage: BenchStorage;
  adminUrl: string | null;
  /** Week requests per run (and as many bare queries); the year's 52 weeks in a shuffled order, cycled. */
  requests: number;
  repeat: RepeatOptions;
}

const ROOMS = 50;
const WEEKS = 52;
const TIME_ZONE = 'Asia/Shanghai';
/** Monday 2027-01-04 00:00 in Shanghai (UTC+8, no daylight saving). */
const FIRST_MONDAY = Date.UTC(2027, 0, 3, 16);
const WEEK_MS = 7 * 24 * 3_600_000;

async function createSeries(db: Kysely<DB>, venueId: string): Promise<void> {
  await sql`
    insert into booking_series (venue_id, room_id, title, kind, rrule, timezone, start_date, start_time, duration_minutes)
    select r.venue_id, r.id, c.title, 'class', c.rrule, ${TIME_ZONE}, date '2027-01-04' + c.first_day, c.start_time, 90
      from rooms r
     cross join (values ('太极拳班', 'FREQ=WEEKLY;BYDAY=MO,WE,FR;UNTIL=20271231', 0, '08:30'),
                        ('书法班', 'FREQ=WEEKLY;BYDAY=TU,TH;UNTIL=20271231', 1, '14:00')) as c(title, rrule, first_day, start_time)
     where r.venue_id = ${venueId}`.execute(db);
}

/** A year of weekday bookings for every room of the venue, in one statement (see the file's comment). */
async function fillYear(db: Kysely<DB>, venueId: string): Promise<number> {
  await createSeries(db, venueId);
  const result = await sql`
    insert into bookings (venue_id, room_id, during, title, kind, status, expected_count, notes, series_id, occurrence_date)
    select r.venue_id, r.id,
           tstzrange((d.day + s.starts) at time zone ${TIME_ZONE}, (d.day + s.starts + s.length) at time zone ${TIME_ZONE}, '[)'),
           coalesce(bs.title, (array['合唱团排练', '象棋比赛', '健康讲座', '理事会会议', '乒乓球训练', '舞蹈排练', '摄影兴趣小组', '老年大学计算机课'])[1 + (r.ri * 3 + d.di * 5 + s.i) % 8]),
           coalesce(bs.kind, (array['activity', 'competition', 'lecture', 'meeting', 'activity', 'activity', 'class', 'class'])[1 + (r.ri * 3 + d.di * 5 + s.i) % 8]),
           case when s.i = c.n then 'cancelled' else 'confirmed' end,
           case when (r.ri + d.di + s.i) % 3 = 0 then null else 10 + (r.ri * 7 + d.di) % 30 end,
           case when (r.ri + d.di * 3 + s.i) % 5 = 0 then '请自带材料；投影仪已预约。' end,
           bs.id,
           case when bs.id is not null then d.day end
      from (select id, venue_id, row_number() over (order by id) - 1 as ri from rooms where venue_id = ${venueId}) as r
     cross join (select date '2027-01-04' + i as day, i as di, extract(isodow from date '2027-01-04' + i)::int as dow
                   from generate_series(0, ${WEEKS * 7 - 1}::int) as i) as d
     cross join (values (0, time '08:30', interval '90 minutes'), (1, time '10:15', interval '90 minutes'),
                        (2, time '14:00', interval '90 minutes'), (3, time '15:45', interval '90 minutes'),
                        (4, time '18:30', interval '90 minutes'), (5, time '20:15', interval '60 minutes')) as s(i, starts, length)
     cross join lateral (select 3 + (r.ri * 31 + d.di * 17 + r.ri * d.di) % 4 as n) as c
      left join booking_series as bs
             on bs.room_id = r.id
            and ((s.i = 0 and d.dow in (1, 3, 5) and bs.start_time = '08:30') or (s.i = 2 and d.dow in (2, 4) and bs.start_time = '14:00'))
     where d.dow <= 5
       and (s.i < c.n or (s.i = c.n and (r.ri + d.di) % 7 = 0))
     order by d.day, s.i, r.ri`.execute(db);
  await sql`vacuum analyze bookings`.execute(db);
  return Number(result.numAffectedRows ?? 0n);
}

/** The weeks of one run, shuffled the same way for a given run (a small deterministic generator). */
function weekOrder(count: number, runIndex: number): number[] {
  let state = (0xca1e + runIndex * 7919) >>> 0;
  const random = () => ((state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  const out: number[] = [];
  while (out.length < count) {
    const weeks = Array.from({ length: WEEKS }, (_, i) => i);
    for (let i = weeks.length - 1; i > 0; i -= 1) {
      const j = Math.floor(random() * (i + 1));
      [weeks[i], weeks[j]] = [weeks[j]!, weeks[i]!];
    }
    out.push(...weeks);
  }
  return out.slice(0, count);
}

interface Stage {
  app: FastifyInstance;
  cookie: string;
  venueId: string;
}

async function measure(stage: Stage, requests: number, runIndex: number) {
  const appMs: number[] = [];
  const bareMs: number[] = [];
  const kilobytes: number[] = [];
  const counts: number[] = [];
  for (const [i, week] of weekOrder(requests, runIndex).entries()) {
    const from = new Date(FIRST_MONDAY + week * WEEK_MS);
    const to = new Date(from.getTime() + WEEK_MS);
    const url = `/api/bookings?venueId=${stage.venueId}&from=${from.toISOString()}&to=${to.toISOString()}`;
    let appRows = -1;
    let bareRows = -1;
    // Alternate which goes first, so neither always finds the other's pages warm.
    for (const kind of (i + runIndex) % 2 === 0 ? (['app', 'bare'] as const) : (['bare', 'app'] as const)) {
      const started = performance.now();
      if (kind === 'app') {
        const response = await stage.app.inject({ method: 'GET', url, headers: { cookie: stage.cookie } });
        appMs.push(performance.now() - started);
        if (response.statusCode !== 200) throw new Error(`GET /api/bookings answered ${response.statusCode}: ${response.body}`);
        kilobytes.push(response.rawPayload.length / 1024);
        appRows = (response.json() as { bookings: unknown[] }).bookings.length;
      } else {
        const rows = await listBookings(stage.app.database.db, { venueId: stage.venueId, from, to });
        bareMs.push(performance.now() - started);
        bareRows = rows.length;
      }
    }
    if (appRows !== bareRows || appRows === 0) throw new Error(`week ${week}: the app listed ${appRows} bookings, the bare query ${bareRows}`);
    counts.push(appRows);
  }
  const appP50 = percentile(appMs, 50);
  const appP99 = percentile(appMs, 99);
  const bareP50 = percentile(bareMs, 50);
  const bareP99 = percentile(bareMs, 99);
  return {
    appP50,
    appP99,
    bareP50,
    bareP99,
    p50Ratio: appP50 / bareP50,
    p99Ratio: appP99 / bareP99,
    kilobytes: median(kilobytes),
    bookings: median(counts),
  };
}

export async function benchCalendarLoad(options: CalendarLoadOptions): Promise<Row[]> {
  const scratch = await createScratchDatabase(options.storage, options.adminUrl);
  let app: FastifyInstance | null = null;
  try {
    app = await buildBenchApp(scratch.database);
    const cookie = await signInAdmin(app);
    const { venueId } = await createVenueWithRooms(app.database.db, ROOMS);
    const total = await fillYear(app.database.db, venueId);
    const stage: Stage = { app, cookie, venueId };
    const result = await repeat(options.repeat, (index) => measure(stage, options.requests, index));
    const m = result.median;
    const week = `one venue-week (${Math.round(m.bookings).toLocaleString('en-US')} of ${total.toLocaleString('en-US')} bookings)`;
    const base = { benchmark: `Calendar week (GET /api/bookings, app.inject, ${ROOMS} rooms)`, storage: storageLabel[options.storage] };
    return [
      { ...base, measure: `p50, ${week}; baseline: the bare listBookings query`, value: m.appP50, baseline: m.bareP50, ratio: m.p50Ratio, ratioRange: spread(result, 'p50Ratio'), unit: 'ms' },
      { ...base, measure: `p99, ${week}; baseline: the bare listBookings query`, value: m.appP99, baseline: m.bareP99, ratio: m.p99Ratio, ratioRange: spread(result, 'p99Ratio'), unit: 'ms' },
      { ...base, measure: 'response body (JSON), median week', value: m.kilobytes, baseline: null, ratio: null, unit: 'KB' },
    ];
  } finally {
    if (app) await app.close().catch(() => {});
    await scratch.drop();
  }
}
