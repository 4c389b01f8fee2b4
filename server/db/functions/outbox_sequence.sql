-- The sequencer (server/realtime/outbox.ts explains why): numbers up to max_rows committed rows in insertion
-- order; returns how many it handled. A volatile PL/pgSQL function gives each statement a fresh snapshot, so
-- after the lock it sees every writer that has committed, and every earlier sequencer run.
-- Set-based, one statement (its snapshot fixes the batch): a loop of per-row UPDATEs cost the database more
-- than the check-ins it numbered. Only sequencer runs number rows, one run at a time under the lock, so a
-- run continues from the highest seq given so far (or, if every event was pruned, from the pruning horizon)
-- and numbers its batch in id order. A late event's data is computed here, by the function it names.
create or replace function outbox_sequence(max_rows int) returns int language plpgsql volatile as $$
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
    perform pg_notify(${outbox_channel}, '');
  end if;
  return handled;
end
$$
