-- A stored player list with the member's players renamed to the placeholder (order kept); for
-- erase_member_copies.
create or replace function erase_member_players(players jsonb, member uuid, placeholder text) returns jsonb language plpgsql immutable as $$
begin
  if players is null or jsonb_typeof(players) <> 'array' then return players; end if;
  return coalesce((
    select jsonb_agg(case when p ->> 'memberId' = member::text then jsonb_set(p, '{name}', to_jsonb(placeholder)) else p end order by i)
      from jsonb_array_elements(players) with ordinality as a(p, i)), '[]'::jsonb);
end
$$
