import { describe, expect, it } from 'vitest';
import { calendarHref } from '../tournaments/draft-settings.ts';
import { bookingLinkOf } from './booking-link.ts';

describe('a link to a booking from another page', () => {
  it('reads what the tournament page writes', () => {
    const href = calendarHref('v-1', 'b-2', '2026-12-15T01:30:00.000Z');
    expect(bookingLinkOf(href)).toEqual({ venueId: 'v-1', bookingId: 'b-2', start: '2026-12-15T01:30:00.000Z' });
  });

  it('ignores the plain calendar and malformed links', () => {
    expect(bookingLinkOf('#/')).toBeNull();
    expect(bookingLinkOf('#/?booking=b-2')).toBeNull();
    expect(bookingLinkOf('#/?booking=b-2&at=soon')).toBeNull();
    expect(bookingLinkOf('#/?booking=<x>&at=2026-12-15T01:30:00Z')).toBeNull();
    expect(bookingLinkOf('#/?venue=<x>&booking=b&at=2026-12-15T01:30:00Z')).toEqual({ venueId: null, bookingId: 'b', start: '2026-12-15T01:30:00Z' });
  });
});
