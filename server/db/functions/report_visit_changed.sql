-- Trigger of visits_report_changed and visits_report_deleted: a visit's venue, member, guests or check-in
-- time changed, or the visit deleted, forgets the months of its old and new check-in. Check-outs and moves
-- change no count and do not fire it.
create or replace function report_visit_changed() returns trigger language plpgsql as $$
begin
  perform report_forget_months(old.venue_id, old.checked_in_at);
  if tg_op = 'UPDATE' then
    perform report_forget_months(new.venue_id, new.checked_in_at);
  end if;
  return null;
end
$$
