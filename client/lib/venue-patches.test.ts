import { describe, expect, it } from 'vitest';
import { applyVenueEvent, upsertRoom, type VenueView } from './venue-patches.ts';

const venue = { id: 'v1', name: '市老干部活动中心', timezone: 'Asia/Shanghai' };
const court = { id: 'r1', venueId: 'v1', name: '一号门球场', kind: 'gateball_court', capacity: 40 };
const view: VenueView = { venue, rooms: [court] };

describe('venue patches', () => {
  it('adds a created room at the end and updates a room in place', () => {
    const hall = { id: 'r2', venueId: 'v1', name: '礼堂', kind: 'hall', capacity: 300 };
    const added = applyVenueEvent(view, { type: 'room.created', data: { room: hall } });
    expect(added.rooms.map((r) => r.id)).toEqual(['r1', 'r2']);
    const renamed = applyVenueEvent(added, { type: 'room.updated', data: { room: { ...court, capacity: 50 } } });
    expect(renamed.rooms.map((r) => [r.id, r.capacity])).toEqual([['r1', 50], ['r2', 300]]);
  });

  it('is idempotent: a room the snapshot already has is not added twice', () => {
    const again = applyVenueEvent(view, { type: 'room.created', data: { room: court } });
    expect(again.rooms).toHaveLength(1);
  });

  it('ignores rooms of other venues, malformed data and unknown types', () => {
    const other = { ...court, id: 'r9', venueId: 'v2' };
    expect(applyVenueEvent(view, { type: 'room.created', data: { room: other } })).toBe(view);
    expect(applyVenueEvent(view, { type: 'room.created', data: { room: { id: 'x' } } })).toBe(view);
    expect(applyVenueEvent(view, { type: 'room.created', data: null })).toBe(view);
    expect(applyVenueEvent(view, { type: 'booking.created', data: {} })).toBe(view);
  });

  it('patches the venue', () => {
    const next = applyVenueEvent(view, {
      type: 'venue.updated',
      data: { venue: { id: 'v1', name: '新名称', timezone: 'Asia/Urumqi' } },
    });
    expect(next.venue).toEqual({ id: 'v1', name: '新名称', timezone: 'Asia/Urumqi' });
    expect(applyVenueEvent(view, { type: 'venue.updated', data: { venue: { id: 'v2', name: 'x' } } })).toBe(view);
  });

  it('upsertRoom does not mutate its input', () => {
    const rooms = [court];
    upsertRoom(rooms, { ...court, name: 'x' });
    expect(rooms[0]?.name).toBe('一号门球场');
  });
});
