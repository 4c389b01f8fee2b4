/**
 * Reports on a decade of visits (docs/performance.md "Reports").
 *
 * 1. A covering index on visits (venue_id, checked_in_at) with the member, guests, room and activity: a
 *    venue's range is read from the index alone (an index-only scan), not from the wide heap rows, which are
 *    interleaved with every other venue's. It replaces visits_venue_time_idx (same key columns: every plan
 *    that used that one can use this one), so a check-in updates as many indexes as before.
 *
 * 2. A roll-up by member and local month: report_member_months holds, per venue, month (the first day of
 *    the month in the venue's zone) and member, the person-visits and guests of that month; guests who came
 *    without a member are the row with a null member. Distinct members of any set of months (a year, ten
 *    years, by category, by venue, across venues) are then counted exactly from these rows: a daily roll-up
 *    with counts would not do, distinct members do not add up. It is about a tenth of the visits.
 *
 *    A month is rolled up (report_months records it, with the zone used) by the first report that needs it
 *    once the month is over by two days, never before: a check-in is recorded at the time it is made, so no
 *    new visit can fall into a rolled-up month. Nothing is added to the check-in path beyond a
 *    statement-level trigger that returns at once for visits of the last day. Anything that changes the past
 *    forgets the months it touches, and the next report rolls them up again from the visits:
 *    visits inserted with an older check-in time (imports, the history generator), a change of a visit's
 *    venue, member, guests or check-in time, a deleted visit, and a venue's new time zone. Check-outs and
 *    moves (checked_out_at, ended_reason) change no count and touch nothing. A member's category is read
 *    from members when a report runs, so a corrected category shows at once.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index visits_report_idx on visits (venue_id, checked_in_at) include (member_id, guests, room_id, booking_id)`.execute(db);
  await sql`drop index visits_venue_time_idx`.execute(db);

  await db.schema
    .createTable('report_months')
    .addColumn('venue_id', 'uuid', (c) => c.notNull().references('venues.id').onDelete('cascade'))
    .addColumn('month', 'date', (c) => c.notNull().check(sql`extract(day from month) = 1`))
    .addColumn('timezone', 'text', (c) => c.notNull())
    .addColumn('rolled_up_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('report_months_pkey', ['venue_id', 'month'])
    .execute();
  await db.schema
    .createTable('report_member_months')
    .addColumn('venue_id', 'uuid', (c) => c.notNull())
    .addColumn('month', 'date', (c) => c.notNull())
    .addColumn('member_id', 'uuid')
    .addColumn('visits', 'integer', (c) => c.notNull())
    .addColumn('guests', 'integer', (c) => c.notNull())
    .addForeignKeyConstraint('report_member_months_month_fkey', ['venue_id', 'month'], 'report_months', ['venue_id', 'month'], (f) => f.onDelete('cascade'))
    .execute();
  await sql`create index report_member_months_idx on report_member_months (venue_id, month)`.execute(db);

  // Forget the rolled-up months that visits of `changed` (venue_id, checked_in_at) fall into.
  await sql`
    create function report_forget_months(p_venue uuid, p_at timestamptz) returns void language plpgsql as $$
    begin
      delete from report_months r
       where r.venue_id = p_venue
         and p_at >= (r.month::timestamp at time zone r.timezone) and p_at < ((r.month + interval '1 month')::timestamp at time zone r.timezone);
    end
    $$`.execute(db);
  // Statement-level: one call per INSERT however many rows; a check-in (now) returns at the first test.
  await sql`
    create function report_visits_inserted() returns trigger language plpgsql as $$
    begin
      if not exists (select 1 from new_visits where checked_in_at < now() - interval '1 day') then
        return null;
      end if;
      -- A rolled-up month's zone is its venue's (a new zone forgets them all: report_venue_rezoned).
      delete from report_months r
       using (select distinct n.venue_id, date_trunc('month', n.checked_in_at at time zone v.timezone)::date as month
                from new_visits n join venues v on v.id = n.venue_id
               where n.checked_in_at < now() - interval '1 day') as x
       where r.venue_id = x.venue_id and r.month = x.month;
      return null;
    end
    $$`.execute(db);
  await sql`
    create trigger visits_report_inserted after insert on visits
      referencing new table as new_visits for each statement execute function report_visits_inserted()`.execute(db);
  await sql`
    create function report_visit_changed() returns trigger language plpgsql as $$
    begin
      perform report_forget_months(old.venue_id, old.checked_in_at);
      if tg_op = 'UPDATE' then
        perform report_forget_months(new.venue_id, new.checked_in_at);
      end if;
      return null;
    end
    $$`.execute(db);
  // Only an UPDATE naming a counted column fires it: check-outs and moves do not.
  await sql`
    create trigger visits_report_changed after update of venue_id, member_id, guests, checked_in_at on visits
      for each row execute function report_visit_changed()`.execute(db);
  await sql`create trigger visits_report_deleted after delete on visits for each row execute function report_visit_changed()`.execute(db);
  await sql`
    create function report_venue_rezoned() returns trigger language plpgsql as $$
    begin
      delete from report_months where venue_id = new.id;
      return null;
    end
    $$`.execute(db);
  await sql`
    create trigger venues_report_rezoned after update of timezone on venues
      for each row when (old.timezone is distinct from new.timezone) execute function report_venue_rezoned()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop trigger if exists venues_report_rezoned on venues`.execute(db);
  await sql`drop trigger if exists visits_report_deleted on visits`.execute(db);
  await sql`drop trigger if exists visits_report_changed on visits`.execute(db);
  await sql`drop trigger if exists visits_report_inserted on visits`.execute(db);
  await sql`drop function if exists report_venue_rezoned()`.execute(db);
  await sql`drop function if exists report_visit_changed()`.execute(db);
  await sql`drop function if exists report_visits_inserted()`.execute(db);
  await sql`drop function if exists report_forget_months(uuid, timestamptz)`.execute(db);
  await db.schema.dropTable('report_member_months').execute();
  await db.schema.dropTable('report_months').execute();
  await sql`create index visits_venue_time_idx on visits (venue_id, checked_in_at)`.execute(db);
  await sql`drop index if exists visits_report_idx`.execute(db);
}
