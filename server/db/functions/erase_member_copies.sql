-- Erase the copies of a removed member's name (migration 202612071710 gives the rules: entries, their past
-- live events, the audit entries of results and draws by lot); server/modules/members/erasure.ts calls it
-- with the placeholder the members row gets. The event types it rewrites are written in from TypeScript
-- (server/db/functions.ts). Returns the ids of the entries it changed; running it again changes nothing more.
create or replace function erase_member_copies(p_member uuid, p_names text[], p_placeholder text) returns uuid[] language plpgsql volatile as $$
declare
  who jsonb := jsonb_build_array(jsonb_build_object('memberId', p_member::text));
  names text[];
  e record;
  base text;
  new_name text;
  n int;
  changed uuid[] := '{}';
begin
  select coalesce(array_agg(x order by char_length(x) desc, x), '{}') into names
    from (
      select distinct btrim(x) as x from (
        select unnest(p_names) as x
        union all
        select pl ->> 'name' from participants pa, jsonb_array_elements(pa.players) pl
         where pa.players @> who and pl ->> 'memberId' = p_member::text
        union all
        select pl ->> 'name' from outbox o, jsonb_array_elements(o.data -> 'participant' -> 'players') pl
         where o.type in (${participant_events})
           and jsonb_typeof(o.data -> 'participant' -> 'players') = 'array'
           and o.data -> 'participant' -> 'players' @> who and pl ->> 'memberId' = p_member::text
        union all
        select a.changes -> 'name' ->> k.k from audit_log a cross join unnest(array['from', 'to']) as k(k)
         where a.entity_kind = 'member' and a.entity_id = p_member and jsonb_typeof(a.changes -> 'name') = 'object'
      ) all_names
    ) s
   where x is not null and x <> '' and x <> p_placeholder;

  for e in
    select pa.id, pa.tournament_id, t.venue_id, pa.name, pa.players, (t.sport = 'table_tennis' and not t.team) as person,
           pa.players @> who as plays
      from participants pa join tournaments t on t.id = pa.tournament_id
     where pa.players @> who
        -- A team they were substituted out of, while its events still show them.
        or pa.id::text in (select o.data -> 'participant' ->> 'id' from outbox o
                            where o.type in (${participant_events})
                              and jsonb_typeof(o.data -> 'participant' -> 'players') = 'array'
                              and o.data -> 'participant' -> 'players' @> who)
     order by pa.tournament_id, pa.id
       for update of pa
  loop
    new_name := case when e.person and e.plays then p_placeholder else erase_names(e.name, names, p_placeholder) end;
    if new_name <> e.name then
      base := new_name;
      n := 1;
      while exists (select 1 from participants o where o.tournament_id = e.tournament_id and o.id <> e.id and lower(o.name) = lower(new_name)) loop
        n := n + 1;
        new_name := base || ' ' || n;
      end loop;
    end if;
    update participants set name = new_name, players = erase_member_players(e.players, p_member, p_placeholder)
     where id = e.id and (name <> new_name or players <> erase_member_players(e.players, p_member, p_placeholder));
    if found then changed := changed || e.id; end if;
    -- Results and draws by lot name their entries in details.names (entries of the tournament's venue).
    update audit_log set details = jsonb_set(details, array['names', e.id::text], to_jsonb(new_name))
     where venue_id = e.venue_id
       and jsonb_typeof(details -> 'names') = 'object' and details -> 'names' ? e.id::text
       and details -> 'names' ->> e.id::text is distinct from new_name;
  end loop;

  -- Past events of the member's entries, in place (id, seq and topic unchanged).
  update outbox o
     set data = jsonb_set(o.data, '{participant}', x.participant)
    from (
      select o2.id,
             jsonb_set(
               jsonb_set(o2.data -> 'participant', '{players}', erase_member_players(o2.data -> 'participant' -> 'players', p_member, p_placeholder)),
               '{name}',
               to_jsonb(coalesce(
                 -- An entry changed above that is a person: the name it has now.
                 (select pa.name from participants pa join tournaments t on t.id = pa.tournament_id
                   where pa.id::text = o2.data -> 'participant' ->> 'id' and pa.players @> who
                     and t.sport = 'table_tennis' and not t.team),
                 -- An entry deleted since: one player, the member, is the person.
                 case when not exists (select 1 from participants pa where pa.id::text = o2.data -> 'participant' ->> 'id')
                       and jsonb_array_length(o2.data -> 'participant' -> 'players') = 1
                       and o2.data -> 'participant' -> 'players' @> who
                      then p_placeholder end,
                 erase_names(o2.data -> 'participant' ->> 'name', names, p_placeholder)))) as participant
        from outbox o2
       where o2.type in (${participant_events})
         and jsonb_typeof(o2.data -> 'participant') = 'object'
         and jsonb_typeof(o2.data -> 'participant' -> 'players') = 'array'
         and jsonb_typeof(o2.data -> 'participant' -> 'name') = 'string'
         and (o2.data -> 'participant' -> 'players' @> who or o2.data -> 'participant' ->> 'id' = any(changed::text[]))
    ) x
   where o.id = x.id and o.data -> 'participant' is distinct from x.participant;

  return changed;
end
$$
