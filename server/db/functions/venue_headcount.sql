-- Who is in a venue now, the one definition of a headcount (HeadcountSchema in
-- server/modules/checkins/schemas.ts): members count 1 plus their guests, guest-only visits their guests,
-- visits without a room count in the venue's total only. Always computed from the committed open visits,
-- never kept as a counter that could drift. The sequencer computes a late `headcount.changed` with it when
-- it numbers one (outbox_sequence), and a check-in answers with it.
create or replace function venue_headcount(venue uuid) returns jsonb language plpgsql stable as $$
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
               'level', capacity_level(coalesce(p.n, 0), r.capacity))
             order by r.name, r.id)
        from rooms r left join present p on p.room_id = r.id
       where r.venue_id = venue), '[]'::jsonb),
    'at', iso_utc(clock_timestamp())));
end
$$
