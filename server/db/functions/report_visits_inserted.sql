-- Trigger of visits_report_inserted (statement level: one call per INSERT however many rows). Visits
-- inserted with a check-in time before the last day (imports, the history generator) forget the rolled-up
-- months they fall into; a check-in (now) returns at the first test.
create or replace function report_visits_inserted() returns trigger language plpgsql as $$
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
$$
