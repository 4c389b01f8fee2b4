/**
 * The monthly roll-up's statements (migration 202611291600): rolling up the months that are over, and reading
 * them back, with the months not rolled up read from the visits. When reports use them: rollup.ts.
 */
import { sql, type RawBuilder } from 'kysely';
import type { Executor } from '../../db/executor.ts';

/**
 * Roll up the months of [from, to) of the venues that are over by two days and not rolled up yet (migration
 * 202611291600): one statement. Two reports doing it at once roll each month up once (the first claims it
 * in report_months; the other waits for that and skips it). Claims go in one order, so two never deadlock.
 * `offset 0`: each month is an index range scan of its venue's visits (see queries.ts `picked`).
 */
export async function rollUpMonths(db: Executor, venueIds: readonly string[] | 'all', from: string, to: string): Promise<number> {
  const venues = venueIds === 'all' ? sql`true` : sql`v.id = any(${venueIds as string[]}::uuid[])`;
  const result = await sql`
    with due as (
      select v.id as venue_id, v.timezone, m::date as month
        from venues v
       cross join generate_series(${from}::date, ${to}::date - 1, interval '1 month') as m
       where ${venues}
         and ((m::date + interval '1 month')::timestamp at time zone v.timezone) < now() - interval '2 days'
         and not exists (select 1 from report_months r where r.venue_id = v.id and r.month = m::date)),
    claimed as (
      insert into report_months (venue_id, month, timezone)
      select venue_id, month, timezone from due order by venue_id, month
      on conflict do nothing
      returning venue_id, month, timezone)
    insert into report_member_months (venue_id, month, member_id, visits, guests)
    select c.venue_id, c.month, x.member_id, sum((x.member_id is not null)::int + x.guests), sum(x.guests)
      from claimed c
     cross join lateral (
       select vi.member_id, vi.guests from visits vi
        where vi.venue_id = c.venue_id
          and vi.checked_in_at >= (c.month::timestamp at time zone c.timezone)
          and vi.checked_in_at < ((c.month + interval '1 month')::timestamp at time zone c.timezone)
        offset 0) as x
     group by c.venue_id, c.month, x.member_id`.execute(db);
  return Number(result.numAffectedRows ?? 0n);
}

/**
 * Units of the roll-up for whole months: the rolled-up months' rows, and for months not rolled up (the
 * current one, or one forgotten a moment ago) the same figures from the visits themselves.
 */
function venueMonths(venueIds: readonly string[], months: { from: string; to: string }): RawBuilder<unknown> {
  return sql`
    select s.venue_id, s.tz, m::date as month
      from (select v.id as venue_id, v.timezone as tz from venues v where v.id = any(${venueIds as string[]}::uuid[])) s
     cross join generate_series(${months.from}::date, ${months.to}::date - 1, interval '1 month') as m`;
}

/**
 * `picked` for whole months: (venue_id, month, member_id, own, guests), where own is the member's own visits
 * (guests apart). Rolled-up months come from report_member_months; the others from the visits themselves.
 */
export function monthlySource(venueIds: readonly string[], months: { from: string; to: string }): RawBuilder<unknown> {
  return sql`
    months as (${venueMonths(venueIds, months)}),
    rolled as (select mo.venue_id, mo.tz, mo.month, (r.venue_id is not null) as done
                 from months mo left join report_months r on r.venue_id = mo.venue_id and r.month = mo.month),
    picked as (
      select mm.venue_id, mm.month, mm.member_id, mm.visits - mm.guests as own, mm.guests
        from rolled ro join report_member_months mm on mm.venue_id = ro.venue_id and mm.month = ro.month
       where ro.done
      union all
      select ro.venue_id, ro.month, x.member_id, (x.member_id is not null)::int, x.guests
        from rolled ro
       cross join lateral (
         select vi.member_id, vi.guests from visits vi
          where vi.venue_id = ro.venue_id
            and vi.checked_in_at >= (ro.month::timestamp at time zone ro.tz)
            and vi.checked_in_at < ((ro.month + interval '1 month')::timestamp at time zone ro.tz)
          offset 0) as x
       where not ro.done)`;
}
