-- Keeps term_classes.taken (seats held: admitted + offered) equal to the class's placements, for every insert,
-- update and delete on placements. Statement-level with transition tables: a draw inserting thousands of
-- placements costs one update per class, not one per row. term_classes_seats (taken <= capacity) then refuses
-- any statement that would overfill a class, whatever the service above it did (docs/enrolment.md "Seats").
create or replace function placements_count_seats() returns trigger language plpgsql as $$
begin
  if tg_op = 'INSERT' then
    update term_classes c set taken = c.taken + d.n
      from (select class_id, count(*)::int n from new_rows where status in ('admitted', 'offered') group by class_id) d
      where c.id = d.class_id;
  elsif tg_op = 'DELETE' then
    update term_classes c set taken = c.taken - d.n
      from (select class_id, count(*)::int n from old_rows where status in ('admitted', 'offered') group by class_id) d
      where c.id = d.class_id;
  else
    update term_classes c set taken = c.taken + d.n
      from (select class_id, sum(n)::int n from (
              select class_id, 1 n from new_rows where status in ('admitted', 'offered')
              union all
              select class_id, -1 n from old_rows where status in ('admitted', 'offered')) s
            group by class_id having sum(n) <> 0) d
      where c.id = d.class_id;
  end if;
  return null;
end
$$
