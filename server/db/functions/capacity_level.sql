-- How full a room with `n` people in it is: the rule of server/shared/capacity.ts (capacityLevel), which the
-- apps run too. Its percentage is written in from there when this file is applied (server/db/functions.ts);
-- tests/integration/checkin-payloads.test.ts compares the two over a grid of counts and capacities.
-- SQL and immutable, one expression: PostgreSQL inlines it into venue_headcount's query, so no call per room.
create or replace function capacity_level(n int, capacity int) returns text language sql immutable as $$
  select case when capacity <= 0 then 'ok'
              when n >= capacity then 'full'
              when n * 100 >= capacity * ${capacity_warning_percent} then 'warning'
              else 'ok' end
$$
