import { describe, expect, it } from 'vitest';
import { redactUrl } from './log-url.ts';

describe('redactUrl', () => {
  it('hides secret and personal query values, keeps the rest', () => {
    expect(redactUrl('/api/venues/v1/calendar.ics?key=abcDEF_123-x')).toBe('/api/venues/v1/calendar.ics?key=[redacted]');
    expect(redactUrl('/api/members?q=13912341741&limit=8')).toBe('/api/members?q=[redacted]&limit=8');
    expect(redactUrl('/api/members?limit=8&code=C0001')).toBe('/api/members?limit=8&code=[redacted]');
    expect(redactUrl('/api/x?KEY=1&Token=2#frag')).toBe('/api/x?KEY=[redacted]&Token=[redacted]#frag');
    expect(redactUrl('/api/bookings?venueId=v1&from=2026-12-01')).toBe('/api/bookings?venueId=v1&from=2026-12-01');
    expect(redactUrl('/api/health')).toBe('/api/health');
    // A name that merely ends like a hidden one is kept.
    expect(redactUrl('/api/x?monkey=1&zipcode=2')).toBe('/api/x?monkey=1&zipcode=2');
  });
});
