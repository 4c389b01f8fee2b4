/**
 * Removing a member erases every copy of their name (docs/security.md "Audit log and privacy"). Until now a
 * removal anonymised the members row and the audit log, but the name had been copied elsewhere when the member was
 * entered in a tournament: into the entry's `players` (and, for a table tennis player, the entry's own name, which
 * is the person), into the live events of those entries kept in the outbox for replay, and into the audit entries
 * of results and draws by lot (`details.names`). Kiosks, hall screens and referees still read it there.
 *
 * `erase_member_copies(member, names, placeholder)` replaces those copies with the placeholder the members row
 * gets (server/modules/members/queries.ts REMOVED_MEMBER_NAME, passed in so that one wording is kept in one
 * place). It is one statement, so the removal (server/modules/members/erasure.ts) stays all or nothing, and it
 * is defined here, once, so that this migration scrubs the members removed before it with the same rules:
 *
 * - The names to erase: those given (the row's name before anonymising), every name copied for the member in
 *   entries and in past entry events (a member renamed after being entered still has the old name there), and
 *   the names the audit log recorded for them (read before the log itself is erased).
 * - An entry the member plays for: their player's name becomes the placeholder. A table tennis player (not a
 *   team) is the person, so the whole entry name becomes the placeholder; a team (also one they were
 *   substituted out of, while its events still show them) keeps its name with any of the member's names inside
 *   it replaced ("王建国队" → "已删除会员队"). Entry names are unique per tournament,
 *   so a second removed player of one tournament becomes "已删除会员 2". Results, standings and the draw
 *   refer to entries by id and stay as they were: a finished tournament keeps its results under the
 *   placeholder.
 * - The audit entries of results and draws by lot that name such an entry (`details.names`) get its new name.
 * - Past `participant.added` / `participant.updated` events naming the member (or an entry changed here) are
 *   rewritten in place: same id, same seq, same topic, so replay order is untouched. An entry deleted since
 *   (its row is gone) is judged from the event alone: a one-player entry of the member is the person.
 *
 * Returns the ids of the entries it changed (the caller tells their tournaments live). Running it again
 * changes nothing more. Free text staff typed themselves (booking titles and notes, typed player names) is
 * not a copy of the member's row and is left alone.
 */
import { sql, type Kysely } from 'kysely';

/** The placeholder of the members row when this migration was written (queries.ts REMOVED_MEMBER_NAME). */
const PLACEHOLDER = '已删除会员';

export async function up(db: Kysely<any>): Promise<void> {
  // Each of `names` (longest first) replaced in `t`; a one-character name only when it is all of `t`.
  await sql`
    create function erase_names(t text, names text[], placeholder text) returns text language plpgsql immutable as $$
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
    $$`.execute(db);

  // A stored player list with the member's players renamed to the placeholder (order kept).
  await sql`
    create function erase_member_players(players jsonb, member uuid, placeholder text) returns jsonb language plpgsql immutable as $$
    begin
      if players is null or jsonb_typeof(players) <> 'array' then return players; end if;
      return coalesce((
        select jsonb_agg(case when p ->> 'memberId' = member::text then jsonb_set(p, '{name}', to_jsonb(placeholder)) else p end order by i)
          from jsonb_array_elements(players) with ordinality as a(p, i)), '[]'::jsonb);
    end
    $$`.execute(db);

  await sql`
    create function erase_member_copies(p_member uuid, p_names text[], p_placeholder text) returns uuid[] language plpgsql volatile as $$
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
             where o.type in ('participant.added', 'participant.updated')
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
                                where o.type in ('participant.added', 'participant.updated')
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
           where o2.type in ('participant.added', 'participant.updated')
             and jsonb_typeof(o2.data -> 'participant') = 'object'
             and jsonb_typeof(o2.data -> 'participant' -> 'players') = 'array'
             and jsonb_typeof(o2.data -> 'participant' -> 'name') = 'string'
             and (o2.data -> 'participant' -> 'players' @> who or o2.data -> 'participant' ->> 'id' = any(changed::text[]))
        ) x
       where o.id = x.id and o.data -> 'participant' is distinct from x.participant;

      return changed;
    end
    $$`.execute(db);

  await eraseCopiesOfRemovedMembers(db);
}

/**
 * Members removed before this migration: their rows are anonymised already (so only the copies tell their
 * names); erase the copies. Exported for tests/integration/member-erasure-copies.test.ts, which removes a
 * member the old way first.
 */
export async function eraseCopiesOfRemovedMembers(db: Kysely<any>): Promise<void> {
  // Only the removed members that entries or entry events name (one pass over each), not every removed member:
  // each call reads the outbox, and a decade's ledger has many removals but few of them ever played.
  await sql`
    with named as (
      select pl ->> 'memberId' as id from participants pa, jsonb_array_elements(pa.players) pl
      union
      select pl ->> 'memberId' from outbox o, jsonb_array_elements(o.data -> 'participant' -> 'players') pl
       where o.type in ('participant.added', 'participant.updated') and jsonb_typeof(o.data -> 'participant' -> 'players') = 'array'
    )
    select erase_member_copies(m.id, '{}'::text[], ${PLACEHOLDER})
      from members m join named n on n.id = m.id::text
     where m.removed_at is not null
     order by m.removed_at, m.id`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  // The erased names cannot come back; only the functions go.
  await sql`drop function if exists erase_member_copies(uuid, text[], text)`.execute(db);
  await sql`drop function if exists erase_member_players(jsonb, uuid, text)`.execute(db);
  await sql`drop function if exists erase_names(text, text[], text)`.execute(db);
}
