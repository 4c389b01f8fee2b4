import { describe, expect, it } from 'vitest';
import { kioskTerm, openWindow, RESULTS_DAYS } from './term-window.ts';
import type { TermDto } from './types.ts';

const DAY = 86_400_000;
const NOW = new Date('2027-01-10T04:00:00Z');
const iso = (days: number) => new Date(NOW.getTime() + days * DAY).toISOString();

function term(id: string, fields: Partial<TermDto> = {}): TermDto {
  return {
    id,
    venueId: 'v1',
    name: `学期 ${id}`,
    mode: 'lottery',
    renewFrom: null,
    renewUntil: null,
    applyFrom: iso(-1),
    applyUntil: iso(5),
    classesPerMember: 2,
    choicesPerApplication: 3,
    priorityCategories: [],
    offerHours: 48,
    payUntil: null,
    seedHash: 'a'.repeat(64),
    drawnAt: null,
    phase: 'applying',
    applications: 0,
    ...fields,
  };
}

describe('the window a term has open', () => {
  it('is the renewal window, then the application window, each half-open', () => {
    const t = term('a', { renewFrom: iso(-3), renewUntil: iso(-1), applyFrom: iso(-1), applyUntil: iso(2) });
    expect(openWindow(t, new Date(NOW.getTime() - 2 * DAY))).toBe('renewal');
    expect(openWindow(t, new Date(NOW.getTime() - DAY))).toBe('applying');
    expect(openWindow(t, new Date(NOW.getTime() + 2 * DAY))).toBeNull();
    expect(openWindow(t, new Date(NOW.getTime() - 4 * DAY))).toBeNull();
  });
});

describe('the term the kiosk offers', () => {
  it('offers a term in a window before a recently closed one, whatever the order it came in', () => {
    const closed = term('old', { applyFrom: iso(-40), applyUntil: iso(-30) });
    const open = term('new', { applyFrom: iso(-1), applyUntil: iso(3) });
    expect(kioskTerm([closed, open], NOW)).toEqual({ term: open, window: 'applying' });
  });

  it('offers results for a while after applications close, then nothing', () => {
    const closed = term('old', { applyFrom: iso(-40), applyUntil: iso(-30) });
    expect(kioskTerm([closed], NOW)?.window).toBe('results');
    const long = term('older', { applyFrom: iso(-RESULTS_DAYS - 10), applyUntil: iso(-RESULTS_DAYS - 1) });
    expect(kioskTerm([long], NOW)).toBeNull();
  });

  it('offers nothing for a term whose windows have not opened', () => {
    expect(kioskTerm([term('later', { applyFrom: iso(3), applyUntil: iso(9) })], NOW)).toBeNull();
    expect(kioskTerm([], NOW)).toBeNull();
  });

  it('offers the renewal window of the newest term', () => {
    const t = term('r', { renewFrom: iso(-1), renewUntil: iso(1), applyFrom: iso(1), applyUntil: iso(8) });
    expect(kioskTerm([t], NOW)).toEqual({ term: t, window: 'renewal' });
  });
});
