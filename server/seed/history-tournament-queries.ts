/**
 * The year's tournaments for the history generator (history.ts): round robins of gateball teams (five
 * members each) or table-tennis players (one member each), finished, with every match played and its result
 * stored, on the venue's courts or tables. Historical tournaments keep no draw (a finished round robin needs
 * none to be counted); GET /api/tournaments/:id shows their matches and no standings.
 */
import { sql, type Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { YearWindow } from './history-queries.ts';

const TEAM_NAMES = ['红星', '夕阳红', '常青', '松鹤', '金秋', '晚霞', '银龄', '长青'];

/** Returns [tournaments, matches] made. */
export async function insertTournaments(trx: Transaction<DB>, w: YearWindow, tournaments: number): Promise<[number, number]> {
  if (tournaments <= 0) return [0, 0];
  await sql`
    create temp table seed_tourn on commit drop as
    with pick as (
      select k, random() as r_venue, random() as r_sport, random() as r_day, random() as r_n from generate_series(1, ${tournaments}) as k),
    placed as (
      select p.k, sv.idx as venue_idx, sv.venue_id, sv.tz,
             case when p.r_sport < 0.45 then 'gateball' else 'table_tennis' end as sport,
             case when p.r_sport < 0.45 then 6 + floor(p.r_n * 3)::int else 8 + floor(p.r_n * 3)::int end as n,
             (select d.day from (select day::date from generate_series(${w.from}::date, ${w.to}::date, interval '1 day') as day) d
               where extract(isodow from d.day) between 2 and 6 and extract(month from d.day) not in (1, 2, 7, 8)
               order by d.day offset floor(p.r_day * greatest(1, (select count(*) from generate_series(${w.from}::date, ${w.to}::date, interval '1 day') x(day)
                                               where extract(isodow from x.day) between 2 and 6 and extract(month from x.day) not in (1, 2, 7, 8)) - 1)) limit 1) as day
        from pick p join seed_venues sv on p.r_venue >= sv.c0 and p.r_venue < sv.c1)
    select gen_random_uuid() as id, p.*,
           coalesce((select jsonb_agg(r.id order by r.name) from rooms r where r.venue_id = p.venue_id
                      and r.kind = case when p.sport = 'gateball' then 'gateball_court' else 'table_tennis' end), '[]'::jsonb) as room_ids
      from placed p where p.day is not null`.execute(trx);
  const made = await sql`
    insert into tournaments (id, venue_id, name, sport, format, best_of, tiebreak, status, starts_at, match_minutes, room_ids)
    select id, venue_id,
           ${String(w.year)} || '年' || case when extract(month from day) < 7 then '春季' else '秋季' end
             || case when sport = 'gateball' then '门球' else '乒乓球' end || (array['邀请赛', '联谊赛', '友谊赛', '交流赛'])[1 + k % 4] || ' #' || k,
           sport, 'round_robin', case when sport = 'table_tennis' then 5 end, '{}'::jsonb, 'finished',
           (day + time '08:30') at time zone tz, case when sport = 'gateball' then 30 else 20 end, room_ids
      from seed_tourn`.execute(trx);
  // Entries: a gateball team of five members with ball numbers, or one table-tennis player.
  await sql`
    create temp table seed_parts on commit drop as
    select t.id as tournament_id, i, gen_random_uuid() as id,
           case when t.sport = 'gateball' then (${TEAM_NAMES}::text[])[i] || '门球队'
                else (select m.name from members m where m.id = (pl.players -> 0 ->> 'memberId')::uuid limit 1) || '（' || i || '号）' end as name,
           pl.players
      from seed_tourn t
     cross join lateral generate_series(1, t.n) as i
     join seed_member_counts mc on mc.venue_idx = t.venue_idx and mc.n > 0
     cross join lateral (
       select jsonb_agg(jsonb_build_object('memberId', sm.member_id, 'name', m.name, 'ballNumber', case when t.sport = 'gateball' then g.b * 2 - (i % 2) end)) as players
         from (select b, random() + 0 * i as r from generate_series(1, case when t.sport = 'gateball' then 5 else 1 end) as b) as g
         join seed_members sm on sm.venue_idx = t.venue_idx and sm.rank = 1 + least(mc.n - 1, floor(g.r * mc.n)::int)
         join members m on m.id = sm.member_id) as pl`.execute(trx);
  await sql`
    insert into participants (id, tournament_id, name, seed, players)
    select id, tournament_id, name, null, coalesce(players, '[]'::jsonb) from seed_parts`.execute(trx);
  // Every pair plays once, on the venue's courts in turn, twenty-four slots a day from 08:30.
  const matches = await sql`
    insert into matches (tournament_id, key, stage, group_name, round, number, side1, side2, status, winner_id, result, room_id, scheduled_at)
    select t.id, 'rr-' || a.i || '-' || b.i, 'round_robin', null, 1 + (a.i + b.i) % t.n, x.number, a.id, b.id, 'done',
           case when x.r < 0.5 then a.id else b.id end,
           case when x.r_wo < 0.02 then jsonb_build_object('payload', jsonb_build_object('walkover', case when x.r < 0.5 then a.id else b.id end),
                                                            'outcome', jsonb_build_object('kind', 'walkover', 'winnerSide', case when x.r < 0.5 then 1 else 2 end))
                when t.sport = 'gateball' then jsonb_build_object('payload', jsonb_build_object('score', case when x.r < 0.5 then jsonb_build_array(12 + x.s, 8 + x.s / 2) else jsonb_build_array(8 + x.s / 2, 12 + x.s) end),
                                                               'outcome', jsonb_build_object('kind', 'win', 'winnerSide', case when x.r < 0.5 then 1 else 2 end))
                else jsonb_build_object('payload', jsonb_build_object('games', case when x.r < 0.5 then '[[11,7],[9,11],[11,8],[11,5]]'::jsonb else '[[7,11],[11,9],[8,11],[5,11]]'::jsonb end),
                                        'outcome', jsonb_build_object('kind', 'win', 'winnerSide', case when x.r < 0.5 then 1 else 2 end)) end,
           (t.room_ids ->> ((x.number - 1) % greatest(jsonb_array_length(t.room_ids), 1)))::uuid,
           t.starts_at + ((x.number - 1) / (greatest(jsonb_array_length(t.room_ids), 1) * 24)) * interval '1 day'
                       + (((x.number - 1) % (greatest(jsonb_array_length(t.room_ids), 1) * 24)) / greatest(jsonb_array_length(t.room_ids), 1)) * t.match_minutes * interval '1 minute'
      from (select st.id, st.n, st.sport, st.room_ids, tt.starts_at, tt.match_minutes from seed_tourn st join tournaments tt on tt.id = st.id) t
      join seed_parts a on a.tournament_id = t.id
      join seed_parts b on b.tournament_id = t.id and b.i > a.i
      join (select a2.tournament_id, a2.i as ai, b2.i as bi, (row_number() over (partition by a2.tournament_id order by a2.i + b2.i, a2.i))::int as number,
                   random() as r, random() as r_wo, floor(random() * 10)::int as s
              from seed_parts a2 join seed_parts b2 on b2.tournament_id = a2.tournament_id and b2.i > a2.i) as x
        on x.tournament_id = t.id and x.ai = a.i and x.bi = b.i`.execute(trx);
  await sql`drop table seed_parts`.execute(trx);
  await sql`drop table seed_tourn`.execute(trx);
  return [Number(made.numAffectedRows ?? 0n), Number(matches.numAffectedRows ?? 0n)];
}
