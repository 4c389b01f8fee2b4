import { describe, expect, it } from 'vitest';
import { formatInstant } from '../lib/i18n-core.ts';
import { checkDraftSettings, clashesOf, draftSettingsBody, draftSettingsOf } from './draft-settings.ts';

const zone = 'Asia/Shanghai';
const rooms = [{ id: 'c1', name: '门球场 1' }, { id: 'c2', name: '门球场 2' }];
const format = (instant: string, style: 'dateTime' | 'shortTime') => formatInstant(instant, zone, 'zh-CN', style);

describe('a draft moved on its page', () => {
  it('shows the start in the venue zone and sends it back as the same instant', () => {
    const form = draftSettingsOf({ roomIds: ['c1'], startsAt: '2026-12-15T01:00:00.000Z' }, zone);
    expect(form).toEqual({ roomIds: ['c1'], date: '2026-12-15', time: '09:00' });
    expect(draftSettingsBody({ ...form, time: '13:30', roomIds: ['c2'] }, zone)).toEqual({ roomIds: ['c2'], startsAt: '2026-12-15T05:30:00.000Z' });
    expect(draftSettingsBody({ roomIds: [], date: '', time: '09:00' }, zone)).toEqual({ roomIds: [] });
  });

  it('refuses a date without a usable time', () => {
    expect(checkDraftSettings({ roomIds: [], date: '2026-12-15', time: '' })).toBe('time_invalid');
    expect(checkDraftSettings({ roomIds: [], date: '2026-12-15', time: '25:00' })).toBe('time_invalid');
    expect(checkDraftSettings({ roomIds: [], date: '2026-12-15', time: '08:30' })).toBeNull();
  });
});

describe('the bookings in the way of a start', () => {
  it('names each booking with its court, its time in the venue zone and a link to it, in time order', () => {
    const clashes = clashesOf(
      [
        { id: 'b2', roomId: 'c2', title: '讲座', start: '2026-12-15T02:00:00.000Z', end: '2026-12-15T03:00:00.000Z' },
        { id: 'b1', roomId: 'c1', title: '门球队训练', start: '2026-12-15T01:30:00.000Z', end: '2026-12-15T02:30:00.000Z' },
        { id: 'b1', roomId: 'c1', title: '门球队训练', start: '2026-12-15T01:30:00.000Z', end: '2026-12-15T02:30:00.000Z' },
        { nonsense: true },
      ],
      rooms,
      'v1',
      format,
    );
    expect(clashes.map((c) => [c.title, c.room])).toEqual([['门球队训练', '门球场 1'], ['讲座', '门球场 2']]);
    expect(clashes[0]!.when).toContain('09:30');
    expect(clashes[0]!.when).toMatch(/–10:30$/);
    const link = new URLSearchParams(clashes[0]!.href.replace(/^#\/\?/, ''));
    expect([link.get('venue'), link.get('booking'), link.get('at')]).toEqual(['v1', 'b1', '2026-12-15T01:30:00.000Z']);
    expect(clashesOf(undefined, rooms, 'v1', format)).toEqual([]);
  });
});
