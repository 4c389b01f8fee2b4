import { describe, expect, it } from 'vitest';
import { termPhase } from './term-phase.ts';

describe('termPhase', () => {
  const term = {
    mode: 'lottery' as const,
    renewFrom: '2027-01-10T00:00:00Z',
    renewUntil: '2027-01-15T00:00:00Z',
    applyFrom: '2027-01-20T00:00:00Z',
    applyUntil: '2027-01-25T00:00:00Z',
    drawnAt: null,
  };
  const at = (iso: string) => new Date(iso);

  it('follows the windows by the clock, with setup before and between them', () => {
    expect(termPhase(term, at('2027-01-01T00:00:00Z'))).toBe('setup');
    expect(termPhase(term, at('2027-01-10T00:00:00Z'))).toBe('renewal');
    expect(termPhase(term, at('2027-01-15T00:00:00Z'))).toBe('setup');
    expect(termPhase(term, at('2027-01-20T00:00:00Z'))).toBe('applying');
    expect(termPhase(term, at('2027-01-25T00:00:00Z'))).toBe('closed');
  });

  it('says drawn for a drawn lottery and placed for a first-come term after its window', () => {
    expect(termPhase({ ...term, drawnAt: '2027-01-26T02:00:00Z' }, at('2027-01-26T03:00:00Z'))).toBe('drawn');
    expect(termPhase({ ...term, mode: 'first_come' }, at('2027-01-26T00:00:00Z'))).toBe('placed');
    expect(termPhase({ ...term, mode: 'first_come' }, at('2027-01-21T00:00:00Z'))).toBe('applying');
  });
});
