-- A visit as the API shows it: server/modules/checkins/service.ts toVisit, VisitSchema in schemas.ts. The two
-- are kept equal field for field by tests/integration/checkin-payloads.test.ts.
create or replace function visit_json(v visits) returns jsonb language plpgsql stable as $$
begin
  return jsonb_build_object(
    'id', v.id, 'memberId', v.member_id, 'venueId', v.venue_id, 'roomId', v.room_id, 'bookingId', v.booking_id,
    'guests', v.guests, 'checkedInAt', iso_utc(v.checked_in_at), 'checkedOutAt', iso_utc(v.checked_out_at),
    'endedReason', v.ended_reason);
end
$$
