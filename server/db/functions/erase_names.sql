-- Removing a member erases every copy of their name (migration 202612071710 gives the rules; called by
-- erase_member_copies): each of `names` (longest first) replaced in `t`; a one-character name only when it
-- is all of `t`.
create or replace function erase_names(t text, names text[], placeholder text) returns text language plpgsql immutable as $$
declare
  n text;
begin
  if t is null then return null; end if;
  foreach n in array names loop
    if char_length(n) >= 2 then
      t := replace(t, n, placeholder);
    elsif t = n then
      t := placeholder;
    end if;
  end loop;
  return t;
end
$$
