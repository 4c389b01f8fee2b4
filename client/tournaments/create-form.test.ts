import { describe, expect, it } from 'vitest';
import { buildCreateBody, checkSettings, defaultSettings, roomsForSport } from './create-form.ts';

describe('create form', () => {
  it('builds a table tennis groups-then-knockout in the venue’s zone', () => {
    const form = { ...defaultSettings('table_tennis', '2027-03-01'), name: ' 迎春赛 ', bestOf: 3 as const, roomIds: ['t1', 't2'], time: '09:30' };
    expect(buildCreateBody(form, 'v1', 'Asia/Shanghai')).toEqual({
      venueId: 'v1', name: '迎春赛', sport: 'table_tennis', format: 'groups_then_knockout', bestOf: 3, groupCount: 2, advancePerGroup: 2,
      roomIds: ['t1', 't2'], startsAt: '2027-03-01T01:30:00.000Z', matchMinutes: 30,
    });
  });

  it('sends team: true only for a table tennis team event', () => {
    const form = { ...defaultSettings('table_tennis', ''), name: '团体', team: true };
    expect(buildCreateBody(form, 'v1', 'Asia/Shanghai').team).toBe(true);
    expect(buildCreateBody({ ...form, team: false }, 'v1', 'Asia/Shanghai').team).toBeUndefined();
    expect(buildCreateBody({ ...form, sport: 'gateball' }, 'v1', 'Asia/Shanghai').team).toBeUndefined();
  });

  it('gives gateball its tie-break presets and no best-of', () => {
    const form = { ...defaultSettings('gateball', ''), name: '门球赛', gateballGame: 'gates' as const, standingsPreset: 'head_to_head_first' as const };
    const body = buildCreateBody(form, 'v1', 'Asia/Shanghai');
    expect(body).toEqual({
      venueId: 'v1', name: '门球赛', sport: 'gateball', format: 'round_robin', matchMinutes: 40,
      tiebreak: { gateballGame: 'gates', gateballStandings: ['head_to_head', 'score_difference', 'points_for', 'lot'] },
    });
  });

  it('checks groups against the number of players', () => {
    const form = { ...defaultSettings('table_tennis', ''), name: 'x', groupCount: 4, advancePerGroup: 2 };
    expect(checkSettings(form, 8)).toEqual([]);
    expect(checkSettings(form, 7).map((p) => p.code)).toEqual(['groups_too_many', 'advance_too_many']);
    expect(checkSettings({ ...form, groupCount: 1, advancePerGroup: 1 }, 8).map((p) => p.code)).toEqual(['advance_too_few']);
    expect(checkSettings({ ...form, name: ' ', matchMinutes: 2 }, 0).map((p) => p.code)).toEqual(['name_required', 'minutes_invalid']);
    expect(checkSettings({ ...form, date: '2027-3-1' }, 0).map((p) => p.code)).toEqual(['time_invalid']);
  });

  it('lists the sport’s rooms first', () => {
    const rooms = [
      { id: '1', name: '书画室', kind: 'classroom' },
      { id: '2', name: '乒乓球 10 号台', kind: 'table_tennis' },
      { id: '3', name: '乒乓球 2 号台', kind: 'table_tennis' },
      { id: '4', name: '门球场', kind: 'gateball_court' },
    ];
    expect(roomsForSport(rooms, 'table_tennis').suited.map((r) => r.id)).toEqual(['3', '2']);
    expect(roomsForSport(rooms, 'gateball').suited.map((r) => r.id)).toEqual(['4']);
    expect(roomsForSport(rooms, 'gateball').others).toHaveLength(3);
  });
});
