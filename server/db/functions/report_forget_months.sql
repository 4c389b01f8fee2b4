-- Reports roll visits up by member and local month (migration 202611291600 explains the roll-up): anything
-- that changes the past forgets the rolled-up months it touches, and the next report rolls them up again.
-- This forgets the month of `p_venue` that an instant falls into, in the zone the month was rolled up in.
create or replace function report_forget_months(p_venue uuid, p_at timestamptz) returns void language plpgsql as $$
begin
  delete from report_months r
   where r.venue_id = p_venue
     and p_at >= (r.month::timestamp at time zone r.timezone) and p_at < ((r.month + interval '1 month')::timestamp at time zone r.timezone);
end
$$
