import { describe, expect, it } from 'vitest';
import {
  ballForPlace, buildEntryPatch, buildParticipantBody, checkEntries, convertEntries, entryFromParticipant, entryKindOf, freePlace, placeLabel,
  type EntryForm, type EntryPlayer,
} from './entries-form.ts';
import type { Participant } from './types.ts';

const entry = (key: string, name: string, seed = '', players: EntryPlayer[] = []): EntryForm => ({ key, name, seed, players });
const member = (memberId: string, name: string, place: number): EntryPlayer => ({ key: `k-${memberId}`, memberId, name, place });
const visitor = (name: string, place: number): EntryPlayer => ({ key: `k-${name}`, memberId: null, name, place });

describe('entries', () => {
  it('knows the kind of entry from the sport and the team setting', () => {
    expect(entryKindOf('gateball', false)).toBe('gateball_team');
    expect(entryKindOf('table_tennis', true)).toBe('tt_team');
    expect(entryKindOf('table_tennis', false)).toBe('player');
    expect(placeLabel('tt_team', 1)).toBe('A');
    expect(placeLabel('tt_team', 5)).toBe('E');
    expect(placeLabel('gateball_team', 3)).toBe('3');
  });

  it('refuses duplicate names and seeds before anything is sent', () => {
    const problems = checkEntries([entry('a', '张三', '1'), entry('b', ' 张 三', ''), entry('c', '李四', '1'), entry('d', '', 'x')], 'player', { minimum: 2 });
    expect(problems.map((p) => [p.field, p.code])).toEqual([
      ['entry:b', 'entry_name_duplicate'],
      ['entry:c', 'seed_duplicate'],
      ['entry:d', 'entry_name_required'],
      ['entry:d', 'seed_invalid'],
    ]);
    expect(checkEntries([entry('a', 'A')], 'player', { minimum: 2 }).map((p) => p.code)).toEqual(['too_few_entries']);
  });

  it('sends a gateball team of members and typed names in its order, the places as ball numbers', () => {
    const team = entry('t', '红星队', '2', [member('m3', '丙', 3), visitor('来宾甲', 1), member('m2', '乙', 2)]);
    expect(buildParticipantBody(team, 'gateball_team')).toEqual({
      name: '红星队', seed: 2, players: [{ name: '来宾甲', ballNumber: 1 }, { memberId: 'm2', ballNumber: 2 }, { memberId: 'm3', ballNumber: 3 }],
    });
    expect(checkEntries([{ ...team, players: [...team.players, member('m4', '丁', 3)] }], 'gateball_team').map((p) => p.code)).toEqual(['place_duplicate']);
    expect(freePlace(team.players)).toBe(4);
    expect(ballForPlace(1, 1)).toBe(1);
    expect(ballForPlace(1, 2)).toBe(2);
    expect(ballForPlace(5, 1)).toBe(9);
    expect(ballForPlace(5, 2)).toBe(10);
  });

  it('sends a table tennis team as A, B, C… = 1, 2, 3…, and a singles player as the member', () => {
    const team = entry('t', '乒协一队', '', [member('m1', '甲', 2), visitor('客队乙', 1), member('m9', '丁', 4)]);
    expect(buildParticipantBody(team, 'tt_team')).toEqual({
      name: '乒协一队', players: [{ name: '客队乙', ballNumber: 1 }, { memberId: 'm1', ballNumber: 2 }, { memberId: 'm9', ballNumber: 4 }],
    });
    expect(buildParticipantBody(entry('p', '王五', '', [member('m9', '王五', 1)]), 'player')).toEqual({ name: '王五', players: [{ memberId: 'm9' }] });
    expect(buildParticipantBody(entry('p', '赵六'), 'player')).toEqual({ name: '赵六' });
  });

  it('refuses a member in two entries, a team of six and a player without a name', () => {
    const a = entry('a', '一队', '', [member('m1', '甲', 1)]);
    const b = entry('b', '二队', '', [member('m1', '甲', 1), visitor(' ', 2)]);
    expect(checkEntries([a, b], 'tt_team').map((p) => [p.field, p.code, p.params?.team])).toEqual([
      ['entry:b', 'member_duplicate', '一队'],
      ['entry:b', 'player_name_required', undefined],
    ]);
    const six = entry('c', '三队', '', [1, 2, 3, 4, 5, 6].map((n) => visitor(`人${n}`, n)));
    expect(checkEntries([six], 'gateball_team').map((p) => p.code)).toEqual(['team_too_big']);
  });

  it('patches only what changed: name and seed in the draft, the players (a substitute) while running', () => {
    const before: Participant = {
      id: 'p1', name: '红星队', seed: 1,
      players: [{ memberId: 'm1', name: '甲', ballNumber: 1 }, { memberId: null, name: '来宾', ballNumber: 2 }],
    };
    const form = entryFromParticipant(before);
    expect(form).toMatchObject({ name: '红星队', seed: '1', players: [{ memberId: 'm1', place: 1 }, { memberId: null, name: '来宾', place: 2 }] });
    expect(buildEntryPatch(before, form, 'gateball_team', 'draft')).toBeNull();
    expect(buildEntryPatch(before, { ...form, name: '红星', seed: '' }, 'gateball_team', 'draft')).toEqual({ name: '红星', seed: null });
    const substituted = { ...form, name: 'ignored', players: [form.players[0]!, visitor('替补', 2)] };
    expect(buildEntryPatch(before, substituted, 'gateball_team', 'running')).toEqual({
      players: [{ memberId: 'm1', ballNumber: 1 }, { name: '替补', ballNumber: 2 }],
    });
    // A singles player has no team to change.
    expect(buildEntryPatch(before, substituted, 'player', 'running')).toBeNull();
  });

  it('keeps a team’s players when only the sport of a team event changes', () => {
    const teams = [entry('t', '一队', '', [member('m1', '甲', 1)])];
    expect(convertEntries(teams, 'gateball_team', 'tt_team')[0]!.players).toHaveLength(1);
    expect(convertEntries(teams, 'tt_team', 'player')[0]).toMatchObject({ name: '一队', players: [] });
    expect(convertEntries([entry('p', '王五', '', [member('m9', '王五', 1)])], 'player', 'gateball_team')[0]!.players).toEqual([]);
  });
});
