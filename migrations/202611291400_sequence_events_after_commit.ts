/**
 * Live events numbered after commit (docs/performance.md "Findings"), the one definition of a headcount, and an
 * index the kiosk needs at city scale.
 *
 * Before: a writer took a global advisory lock, took its seqs and held the lock through COMMIT, so that seq
 * order was commit order. Correct, but every writer's commit (its WAL flush) then ran alone: no two
 * transactions could share a flush, and on an ordinary disk that capped every write with an event at one
 * flush at a time (≈ 200–1,700 a second), far below what PostgreSQL does for the same writes without it.
 *
 * Now: a writer inserts its events with no seq (`outbox_append`, no lock), in the same transaction as its
 * change, and NOTIFYs. A sequencer (`outbox_sequence`, run by every dispatcher when woken, one at a time
 * under an advisory lock) numbers the committed, unnumbered rows in insertion order and commits. Numbers are
 * handed out only by sequencer runs, one after another, so a reader that has seen seq N never later finds a
 * committed row below N, exactly as before; writers no longer wait for each other's commits.
 *
 * A late event (a venue's headcount) is computed by the sequencer when it numbers it, from everything
 * committed by then: successive headcounts of a venue follow the order of the sequencer's runs and never go
 * backwards, and several waiting in one run for the same venue become one (the latest), which also spares
 * the hall screens a burst of identical updates.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index members_card_code_upper_idx on members (upper(card_code)) where removed_at is null`.execute(db);

  await sql`alter table outbox add column id bigserial`.execute(db);
  await sql`alter table outbox drop constraint outbox_pkey`.execute(db);
  await sql`alter table outbox add primary key (id)`.execute(db);
  await sql`alter table outbox alter column seq drop default, alter column seq drop not null`.execute(db);
  await sql`create unique index outbox_seq_key on outbox (seq)`.execute(db);
  await sql`create index outbox_unsequenced_idx on outbox (id) where seq is null`.execute(db);
  // What computes a late event's data when it is numbered (null for an event whose data the writer gave).
  await sql`alter table outbox add column compute_fn text, add column compute_arg text`.execute(db);
  await sql`alter table outbox add constraint outbox_compute_known check (compute_fn is null or compute_fn in ('venue_headcount'))`.execute(db);

  await sql`
    create function venue_headcount(venue uuid) returns jsonb language plpgsql stable as $$
    begin
      -- PL/pgSQL rather than SQL: its plan is cached per connection, where a SQL function's is made anew on
      -- every call (that planning was half of this function's cost, and it runs for every check-in).
      return (
      with present as (
        select room_id, sum(case when member_id is null then guests else 1 + guests end)::int as n
          from visits
         where venue_id = venue and checked_out_at is null
         group by room_id
      )
      select jsonb_build_object(
        'venueId', venue,
        'total', coalesce((select sum(n) from present), 0)::int,
        'rooms', coalesce((
          select jsonb_agg(jsonb_build_object(
                   'roomId', r.id,
                   'count', coalesce(p.n, 0),
                   'capacity', r.capacity,
                   'level', case when coalesce(p.n, 0) >= r.capacity then 'full'
                                 when coalesce(p.n, 0) * 10 >= r.capacity * 9 then 'warning'
                                 else 'ok' end)
                 order by r.name, r.id)
            from rooms r left join present p on p.room_id = r.id
           where r.venue_id = venue), '[]'::jsonb),
        'at', to_char(clock_timestamp() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')));
    end
    $$`.execute(db);

  // The writer's side: no lock, one round trip. NOTIFY is delivered at commit and dropped on rollback.
  await sql`
    create function outbox_append(events jsonb, late jsonb) returns void language plpgsql volatile as $$
    begin
      insert into outbox (topic, type, data, compute_fn, compute_arg)
      select e.topic, e.type, coalesce(e.data, 'null'::jsonb), e.fn, e.arg
        from rows from (jsonb_to_recordset(events || late) as (topic text, type text, data jsonb, fn text, arg text))
             with ordinality as e(topic, type, data, fn, arg, ord)
       order by e.ord;
      perform pg_notify('centre_ops_outbox', '');
    end
    $$`.execute(db);

  // The sequencer: numbers up to max_rows committed rows in insertion order; returns how many it handled.
  // A volatile PL/pgSQL function gives each statement a fresh snapshot, so after the lock it sees every
  // writer that has committed, and every earlier sequencer run.
  // Set-based, one statement (its snapshot fixes the batch): a loop of per-row UPDATEs cost the database more
  // than the check-ins it numbered. Only sequencer runs number rows, one run at a time under the lock, so a
  // run continues from the highest seq given so far (or, if every event was pruned, from the pruning horizon)
  // and numbers its batch in id order.
  await sql`
    create function outbox_sequence(max_rows int) returns int language plpgsql volatile as $$
    declare
      handled int;
    begin
      perform pg_advisory_xact_lock(7202611291);
      with batch as (
        select o.id, o.topic, o.type, o.compute_fn, o.compute_arg
          from outbox o where o.seq is null order by o.id limit max_rows
      ), marked as (
        -- A late event is kept only if it is the last of its kind in this batch: it carries the newest figures.
        select b.*, (b.compute_fn is null
                     or b.id = max(b.id) over (partition by b.topic, b.type, b.compute_fn, b.compute_arg)) as keep
          from batch b
      ), dropped as (
        delete from outbox o using marked m where o.id = m.id and not m.keep
      ), ranked as (
        select m.id, m.compute_fn, m.compute_arg, row_number() over (order by m.id) as rn from marked m where m.keep
      ), base as (
        select greatest(coalesce((select max(seq) from outbox), 0),
                        coalesce((select pruned_through from outbox_horizon where id = 1), 0)) as n
      ), numbered as (
        update outbox o
           set seq = (select n from base) + r.rn,
               data = case r.compute_fn when 'venue_headcount' then venue_headcount(r.compute_arg::uuid) else o.data end
          from ranked r
         where o.id = r.id
      )
      select count(*)::int into handled from marked;
      if handled > 0 then
        perform pg_notify('centre_ops_outbox', '');
      end if;
      return handled;
    end
    $$`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop function if exists outbox_sequence(int)`.execute(db);
  await sql`drop function if exists outbox_append(jsonb, jsonb)`.execute(db);
  await sql`drop function if exists venue_headcount(uuid)`.execute(db);
  await sql`delete from outbox where seq is null`.execute(db);
  await sql`alter table outbox drop constraint outbox_compute_known, drop column compute_fn, drop column compute_arg`.execute(db);
  await sql`drop index if exists outbox_unsequenced_idx`.execute(db);
  await sql`drop index if exists outbox_seq_key`.execute(db);
  await sql`alter table outbox drop constraint outbox_pkey`.execute(db);
  await sql`alter table outbox alter column seq set default nextval('outbox_seq_seq'), alter column seq set not null`.execute(db);
  await sql`alter table outbox add primary key (seq)`.execute(db);
  await sql`alter table outbox drop column id`.execute(db);
  await sql`drop index if exists members_card_code_upper_idx`.execute(db);
}
