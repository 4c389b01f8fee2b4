-- A check-in in one statement. Who may check in is decided in TypeScript (the principal); everything that
-- needs the database — the kiosk still paired, the member by card or id, an earlier visit made with the same
-- Idempotency-Key, the activity and room, then ending the member's earlier visit, recording the new one and
-- its key, and appending the events — is this one call, a one-statement write (server/realtime/write.ts:
-- atomic by itself, no BEGIN/COMMIT): one round trip where there were eleven (docs/performance.md).
-- A refusal comes back as `{error}`; server/modules/checkins/service.ts turns it into the API's error.
--
-- The events are named by TypeScript, not here (server/modules/checkins/events.ts): `p_events` holds, by
-- venue id, that venue's `created` and `ended` events without their data ({topic, type}) and its late
-- `headcount` event, and this function adds the visit as the data and appends them (outbox_append). A member
-- whose open visit is at a venue missing from `p_events` is answered `{movedFrom: venue}` with nothing
-- written; the caller makes the check-in again in a transaction with that venue's events too (and calls
-- once more should the member have moved again meanwhile).
-- The payloads made here equal toVisit/VisitSchema and HeadcountSchema: tests/integration/checkin-payloads.test.ts.
create or replace function checkin_record(
  p_key uuid, p_venue uuid, p_member_code text, p_member uuid, p_guests int, p_room uuid, p_booking uuid,
  p_device uuid, p_user uuid, p_events jsonb
) returns jsonb language plpgsql volatile as $$
declare
  m_id uuid;
  m_name text;
  earlier visits;
  visit visits;
  moved jsonb;
  v_room uuid := p_room;
  b record;
  here jsonb := p_events -> p_venue::text;
  there jsonb;
  events jsonb := '[]'::jsonb;
  late jsonb;
begin
  -- A kiosk unpaired a moment ago is refused here, whatever a cache in front of this believed.
  if p_device is not null and not exists (select 1 from devices d where d.id = p_device and d.revoked_at is null) then
    return jsonb_build_object('error', 'device_revoked');
  end if;
  if p_member_code is not null then
    select m.id, m.name into m_id, m_name from members m where upper(m.card_code) = upper(btrim(p_member_code)) and m.removed_at is null;
    if m_id is null then return jsonb_build_object('error', 'member_not_found', 'field', 'memberCode'); end if;
  elsif p_member is not null then
    select m.id, m.name into m_id, m_name from members m where m.id = p_member and m.removed_at is null;
    if m_id is null then return jsonb_build_object('error', 'member_not_found', 'field', 'memberId'); end if;
  end if;
  -- A retry with the same key: the visit it made, nothing written.
  select v.* into earlier from checkin_keys k join visits v on v.id = k.visit_id where k.idempotency_key = p_key;
  if earlier.id is not null then
    if earlier.venue_id <> p_venue or earlier.member_id is distinct from m_id then
      return jsonb_build_object('error', 'key_reused');
    end if;
    return jsonb_build_object('replayed', true, 'visit', visit_json(earlier), 'moved', null,
      'member', case when m_id is null then null else jsonb_build_object('id', m_id, 'name', m_name) end,
      'headcount', venue_headcount(p_venue));
  end if;
  if p_booking is not null then
    select bk.venue_id, bk.room_id, bk.status into b from bookings bk where bk.id = p_booking;
    if b.venue_id is null or b.venue_id <> p_venue or b.status <> 'confirmed' then
      return jsonb_build_object('error', 'booking_not_found');
    end if;
    if p_room is not null and p_room <> b.room_id then return jsonb_build_object('error', 'room_not_booking_room'); end if;
    v_room := b.room_id;
  end if;
  if p_room is not null and not exists (select 1 from rooms r where r.id = p_room and r.venue_id = p_venue) then
    return jsonb_build_object('error', 'room_not_found');
  end if;

  if m_id is not null then
    select * into earlier from visits where member_id = m_id and checked_out_at is null for update;
  end if;
  if earlier.id is not null and earlier.venue_id = p_venue
     and earlier.room_id is not distinct from v_room and earlier.booking_id is not distinct from p_booking then
    -- Already checked in right here (a second tap): the same visit, not another 人次, and no event.
    insert into checkin_keys (idempotency_key, visit_id) values (p_key, earlier.id);
    return jsonb_build_object('visit', visit_json(earlier), 'moved', null,
      'member', jsonb_build_object('id', m_id, 'name', m_name), 'headcount', venue_headcount(p_venue));
  end if;
  if earlier.id is not null then
    there := p_events -> earlier.venue_id::text;
    if there is null then
      return jsonb_build_object('movedFrom', earlier.venue_id);
    end if;
    update visits set checked_out_at = now(), ended_reason = 'moved' where id = earlier.id returning * into earlier;
    moved := visit_json(earlier);
    events := events || jsonb_build_array((there -> 'ended') || jsonb_build_object('data', jsonb_build_object('visit', moved)));
  end if;
  insert into visits (venue_id, member_id, guests, room_id, booking_id, device_id, created_by)
  values (p_venue, m_id, p_guests, v_room, p_booking, p_device, p_user)
  returning * into visit;
  insert into checkin_keys (idempotency_key, visit_id) values (p_key, visit.id);
  events := events || jsonb_build_array((here -> 'created') || jsonb_build_object('data', jsonb_build_object('visit', visit_json(visit))));
  late := jsonb_build_array(here -> 'headcount');
  if earlier.id is not null and earlier.venue_id <> p_venue then
    late := late || jsonb_build_array(there -> 'headcount');
  end if;
  perform outbox_append(events, late);
  return jsonb_build_object('visit', visit_json(visit), 'moved', moved,
    'member', case when m_id is null then null else jsonb_build_object('id', m_id, 'name', m_name) end,
    'headcount', venue_headcount(p_venue));
end
$$
