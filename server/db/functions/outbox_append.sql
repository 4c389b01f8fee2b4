-- The writer's side of the outbox (server/realtime/outbox.ts explains the ordering): insert a transaction's
-- events unnumbered, in the order given, late events after the others, with no lock, in one round trip.
-- `events` are OutboxEvent objects ({topic, type, data}) and `late` LateEvent objects ({topic, type,
-- compute: {fn, arg}}), as TypeScript makes them (appendEvents, and checkin_record with the events it was
-- given). NOTIFY is delivered at commit and dropped on rollback; the channel is OUTBOX_CHANNEL's.
create or replace function outbox_append(events jsonb, late jsonb) returns void language plpgsql volatile as $$
begin
  insert into outbox (topic, type, data, compute_fn, compute_arg)
  select e.topic, e.type, coalesce(e.data, 'null'::jsonb), e.compute ->> 'fn', e.compute ->> 'arg'
    from rows from (jsonb_to_recordset(events || late) as (topic text, type text, data jsonb, compute jsonb))
         with ordinality as e(topic, type, data, compute, ord)
   order by e.ord;
  perform pg_notify(${outbox_channel}, '');
end
$$
