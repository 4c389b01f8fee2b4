-- Trigger of venues_report_rezoned: a venue's new time zone forgets all of its rolled-up months (a month's
-- bounds are local).
create or replace function report_venue_rezoned() returns trigger language plpgsql as $$
begin
  delete from report_months where venue_id = new.id;
  return null;
end
$$
