import { describe, expect, it } from 'vitest';
import { formatInstant } from '../lib/i18n-core.ts';
import { DEFAULT_TIMEZONE } from '../lib/types.ts';
import { linkTimeZone, type CalendarLink } from './calendar-links.ts';

const link = (venueId: string) => ({ target: { venueId, venueName: '东湖中心', roomId: null, roomName: null } }) as unknown as CalendarLink;

describe('times of calendar subscription links', () => {
  const venues = [
    { id: 'v1', timezone: 'Asia/Urumqi' },
    { id: 'v2', timezone: 'Asia/Shanghai' },
  ];

  it("are in the link's venue's zone, never the browser's", () => {
    expect(linkTimeZone(link('v1'), venues)).toBe('Asia/Urumqi');
    expect(linkTimeZone(link('v2'), venues)).toBe('Asia/Shanghai');
    // 01:30 UTC is 09:30 in Shanghai whatever zone the test machine is in.
    expect(formatInstant('2026-12-07T01:30:00Z', linkTimeZone(link('v2'), venues), 'zh-CN', 'shortTime')).toBe('09:30');
  });

  it('fall back to the zone new venues get for a venue the user cannot see', () => {
    expect(linkTimeZone(link('gone'), venues)).toBe(DEFAULT_TIMEZONE);
  });
});
