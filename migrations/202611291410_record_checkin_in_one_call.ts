/**
 * A check-in's writes in one call (issue 6). The request's checks (who may check in, which member, which
 * room) stay in TypeScript; what must happen atomically — end the member's earlier visit, record the new one
 * and its Idempotency-Key, append `checkin.ended` / `checkin.created` and the late `headcount.changed` — is one
 * statement, so it runs as one implicit transaction in one round trip instead of seven (BEGIN, lock, end,
 * insert, key, events, COMMIT). Under load every round trip costs the server a write to its socket and a turn
 * of its event loop; these are what made a check-in cost many times a bare INSERT.
 *
 * Payload shapes are CONTRACT.md's (server/modules/checkins/schemas.ts: VisitSchema); the topic is
 * `venue:<id>` as server/modules/venues/service.ts venueTopic makes it. Timestamps are ISO 8601 in UTC with
 * milliseconds, as JavaScript's toISOString writes them.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create function iso_utc(t timestamptz) returns text language sql immutable as $$
      select to_char(t at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
    $$`.execute(db);
  await sql`
    create function visit_json(v visits) returns jsonb language sql stable as $$
      select jsonb_build_object(
        'id', v.id, 'memberId', v.member_id, 'venueId', v.venue_id, 'roomId', v.room_id, 'bookingId', v.booking_id,
        'guests', v.guests, 'checkedInAt', iso_utc(v.checked_in_at), 'checkedOutAt', iso_utc(v.checked_out_at),
        'endedReason', v.ended_reason)
    $$`.execute(db);
  await sql`
    create function checkin_record(
      p_key uuid, p_venue uuid, p_member uuid, p_guests int, p_room uuid, p_booking uuid, p_device uuid, p_user uuid
    ) returns jsonb language plpgsql volatile as $$
    declare
      earlier visits;
      visit visits;
      moved jsonb;
      events jsonb := '[]'::jsonb;
      late jsonb;
    begin
      if p_member is not null then
        select * into earlier from visits where member_id = p_member and checked_out_at is null for update;
      end if;
      if earlier.id is not null and earlier.venue_id = p_venue
         and earlier.room_id is not distinct from p_room and earlier.booking_id is not distinct from p_booking then
        -- Already checked in right here (a second tap): the same visit, not another 人次, and no event.
        insert into checkin_keys (idempotency_key, visit_id) values (p_key, earlier.id);
        return jsonb_build_object('visit', visit_json(earlier), 'moved', null, 'headcount', venue_headcount(p_venue));
      end if;
      if earlier.id is not null then
        update visits set checked_out_at = now(), ended_reason = 'moved' where id = earlier.id returning * into earlier;
        moved := visit_json(earlier);
        events := events || jsonb_build_array(jsonb_build_object(
          'topic', 'venue:' || earlier.venue_id, 'type', 'checkin.ended', 'data', jsonb_build_object('visit', moved)));
      end if;
      insert into visits (venue_id, member_id, guests, room_id, booking_id, device_id, created_by)
      values (p_venue, p_member, p_guests, p_room, p_booking, p_device, p_user)
      returning * into visit;
      insert into checkin_keys (idempotency_key, visit_id) values (p_key, visit.id);
      events := events || jsonb_build_array(jsonb_build_object(
        'topic', 'venue:' || p_venue, 'type', 'checkin.created', 'data', jsonb_build_object('visit', visit_json(visit))));
      late := jsonb_build_array(jsonb_build_object(
        'topic', 'venue:' || p_venue, 'type', 'headcount.changed', 'fn', 'venue_headcount', 'arg', p_venue));
      if earlier.id is not null and earlier.venue_id <> p_venue then
        late := late || jsonb_build_array(jsonb_build_object(
          'topic', 'venue:' || earlier.venue_id, 'type', 'headcount.changed', 'fn', 'venue_headcount', 'arg', earlier.venue_id));
      end if;
      perform outbox_append(events, late);
      return jsonb_build_object('visit', visit_json(visit), 'moved', moved, 'headcount', venue_headcount(p_venue));
    end
    $$`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop function if exists checkin_record(uuid, uuid, uuid, int, uuid, uuid, uuid, uuid)`.execute(db);
  await sql`drop function if exists visit_json(visits)`.execute(db);
  await sql`drop function if exists iso_utc(timestamptz)`.execute(db);
}
