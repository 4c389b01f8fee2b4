import { describe, expect, it } from 'vitest';
import {
  ballForPlace, buildCreateBody, buildParticipantBody, checkEntries, checkSettings, defaultSettings, freePlace, roomsForSport, type EntryForm,
} from './create-form.ts';

const entry = (key: string, name: string, seed = '', members: EntryForm['members'] = []): EntryForm => ({ key, name, seed, members });

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

  it('refuses duplicate names and seeds before anything is sent', () => {
    const problems = checkEntries([entry('a', '张三', '1'), entry('b', ' 张 三', ''), entry('c', '李四', '1'), entry('d', '', 'x')], 'table_tennis', { minimum: 2 });
    expect(problems.map((p) => [p.field, p.code])).toEqual([
      ['entry:b', 'entry_name_duplicate'],
      ['entry:c', 'seed_duplicate'],
      ['entry:d', 'entry_name_required'],
      ['entry:d', 'seed_invalid'],
    ]);
    expect(checkEntries([entry('a', 'A')], 'table_tennis', { minimum: 2 }).map((p) => p.code)).toEqual(['too_few_entries']);
  });

  it('sends a gateball team in its order with the places as ball numbers', () => {
    const team = entry('t', '红星队', '2', [
      { memberId: 'm3', name: '丙', place: 3 },
      { memberId: 'm1', name: '甲', place: 1 },
      { memberId: 'm2', name: '乙', place: 2 },
    ]);
    expect(buildParticipantBody(team, 'gateball')).toEqual({ name: '红星队', seed: 2, memberIds: ['m1', 'm2', 'm3'], ballNumbers: [1, 2, 3] });
    expect(buildParticipantBody(entry('p', '王五', '', [{ memberId: 'm9', name: '王五', place: 1 }]), 'table_tennis')).toEqual({ name: '王五', memberIds: ['m9'] });
    expect(checkEntries([{ ...team, members: [...team.members, { memberId: 'm4', name: '丁', place: 3 }] }], 'gateball').map((p) => p.code)).toEqual(['place_duplicate']);
    expect(freePlace(team.members)).toBe(4);
    expect(ballForPlace(1, 1)).toBe(1);
    expect(ballForPlace(1, 2)).toBe(2);
    expect(ballForPlace(5, 1)).toBe(9);
    expect(ballForPlace(5, 2)).toBe(10);
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
